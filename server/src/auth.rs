//! Accounts and sessions. Passwords are hashed with Argon2id; bearer tokens
//! are 256 random bits, stored only as SHA-256 hashes, expiring and revocable.

use crate::AppState;
use crate::error::{ApiError, Body};
use crate::store::{AccountRow, NewSession};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::{FromRequestParts, State};
use axum::http::{StatusCode, header, request::Parts};
use axum::{Json, response::IntoResponse};
use cradle_protocol::wire::{DeleteAccount, ErrorBody, Login, Register, Registered, Session};
use data_encoding::BASE64URL_NOPAD;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The signed-in account of a request, from its bearer token. Every route
/// that touches data takes one, and reads only that account's rows.
pub struct Authed {
    pub account_id: String,
    token_hash: Vec<u8>,
}

pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Compares two secrets by digest, so the time taken says nothing about
/// how much of a guess was right.
pub fn same_secret(expected: &str, given: &str) -> bool {
    hash_token(expected) == hash_token(given)
}

fn hash_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// The request's bearer token, if it sends one.
fn bearer(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
}

/// The shop's operator, by the admin token: checked before the body is
/// read, so a request without it learns nothing about its body.
pub struct Admin;

impl FromRequestParts<Arc<AppState>> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, ApiError> {
        match (&state.config.admin_token, bearer(parts)) {
            (Some(expected), Some(given)) if same_secret(expected, given) => Ok(Admin),
            _ => Err(ApiError::unauthorized()),
        }
    }
}

impl FromRequestParts<Arc<AppState>> for Authed {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, ApiError> {
        let token = bearer(parts).ok_or_else(ApiError::unauthorized)?;
        let token_hash = hash_token(token.trim());
        let account_id = state
            .store
            .session_account(token_hash.clone(), now_secs())
            .await?
            .ok_or_else(ApiError::unauthorized)?;
        state.limits.check_account(&account_id)?;
        Ok(Authed {
            account_id,
            token_hash,
        })
    }
}

fn valid_login(login: &str) -> bool {
    (3..=64).contains(&login.len())
        && login
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

fn valid_password(password: &str) -> bool {
    (10..=256).contains(&password.chars().count())
}

/// The shape of a sealed key check (`KEY_CHECK_PATTERN`): the server cannot
/// open it, and a device that cannot either refuses it at sign-in.
fn valid_key_check(text: &str) -> bool {
    text.strip_prefix("e1.")
        .or_else(|| text.strip_prefix("e2."))
        .is_some_and(|b| {
            (41..=509).contains(&b.len())
                && b.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_'))
        })
}

async fn hash_password(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|_| "no randomness")?;
        let salt = SaltString::encode_b64(&salt).map_err(|_| "salt")?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|_| "hash")
    })
    .await
    .ok()
    .and_then(Result::ok)
    .ok_or_else(|| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "try again shortly",
        )
        .retry_after(1)
    })
}

/// A real Argon2 hash of nothing anyone knows, verified against when the
/// login is unknown, so timing does not reveal which logins exist.
static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let salt = SaltString::encode_b64(b"cradle-dummy-salt")
        .unwrap_or_else(|_| SaltString::from_b64("c2FsdHNhbHQ").expect("a valid salt"));
    Argon2::default()
        .hash_password(crate::store::random_hex(16).as_bytes(), &salt)
        .map(|h| h.to_string())
        .unwrap_or_default()
});

/// Verifies off the async workers (Argon2 is deliberately slow).
async fn verify_password(password: String, account: Option<&AccountRow>) -> bool {
    let stored = account.map(|a| a.password_hash.clone());
    tokio::task::spawn_blocking(move || {
        let text = stored.as_deref().unwrap_or(DUMMY_HASH.as_str());
        let ok = PasswordHash::new(text)
            .map(|h| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &h)
                    .is_ok()
            })
            .unwrap_or(false);
        ok && stored.is_some()
    })
    .await
    .unwrap_or(false)
}

fn bad_credentials() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "bad_credentials",
        "the login or password is not right",
    )
}

#[utoipa::path(post, path = "/v1/accounts", tag = "accounts",
    request_body = Register,
    responses(
        (status = 201, body = Registered),
        (status = 400, body = ErrorBody, description = "invalid login, password or key check"),
        (status = 409, body = ErrorBody, description = "the login is taken"),
        (status = 429, body = ErrorBody),
    ))]
pub async fn register(
    State(state): State<Arc<AppState>>,
    Body(body): Body<Register>,
) -> Result<impl IntoResponse, ApiError> {
    if !valid_login(&body.login) {
        return Err(ApiError::bad_request(
            "invalid_login",
            "login must be 3 to 64 letters, digits, dots, dashes or underscores",
        ));
    }
    if !valid_password(&body.password) {
        return Err(ApiError::bad_request(
            "invalid_password",
            "password must be 10 to 256 characters",
        ));
    }
    if !valid_key_check(&body.key_check) {
        return Err(ApiError::bad_request(
            "invalid_key_check",
            "key_check must be a sealed value",
        ));
    }
    let id = crate::store::random_hex(16);
    let hash = hash_password(body.password).await?;
    state
        .store
        .create_account(id.clone(), body.login, hash, body.key_check, now_secs())
        .await?;
    Ok((StatusCode::CREATED, Json(Registered { account_id: id })))
}

#[utoipa::path(post, path = "/v1/sessions", tag = "accounts",
    request_body = Login,
    responses(
        (status = 200, body = Session),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody, description = "wrong login or password"),
        (status = 429, body = ErrorBody),
    ))]
pub async fn login(
    State(state): State<Arc<AppState>>,
    Body(body): Body<Login>,
) -> Result<Json<Session>, ApiError> {
    let device = body.device.as_str();
    if !(1..=64).contains(&device.chars().count()) {
        return Err(ApiError::bad_request(
            "invalid_device",
            "device must be 1 to 64 characters",
        ));
    }
    let account = if valid_login(&body.login) {
        state.store.account_by_login(body.login).await?
    } else {
        None
    };
    if !verify_password(body.password, account.as_ref()).await {
        return Err(bad_credentials());
    }
    let Some(account) = account else {
        return Err(bad_credentials());
    };
    let mut raw = [0u8; 32];
    getrandom::fill(&mut raw).map_err(|_| {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "try again").retry_after(1)
    })?;
    let token = BASE64URL_NOPAD.encode(&raw);
    let now = now_secs();
    let expires_at = now + state.config.session_days * 86_400;
    state
        .store
        .create_session(NewSession {
            token_hash: hash_token(&token),
            account_id: account.id.clone(),
            device: device.to_owned(),
            created_at: now,
            expires_at,
        })
        .await?;
    let expires = jiff::Timestamp::from_second(expires_at)
        .map(|t| t.to_string())
        .unwrap_or_default();
    Ok(Json(Session {
        token,
        expires_at: expires,
        account_id: account.id,
        key_check: account.key_check,
    }))
}

#[utoipa::path(delete, path = "/v1/sessions/current", tag = "accounts",
    security(("bearer" = [])),
    responses((status = 204, description = "signed out"), (status = 401, body = ErrorBody)))]
pub async fn logout(
    State(state): State<Arc<AppState>>,
    auth: Authed,
) -> Result<StatusCode, ApiError> {
    state.store.delete_session(auth.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/v1/sessions", tag = "accounts",
    security(("bearer" = [])),
    responses((status = 204, description = "every device signed out"), (status = 401, body = ErrorBody)))]
pub async fn logout_all(
    State(state): State<Arc<AppState>>,
    auth: Authed,
) -> Result<StatusCode, ApiError> {
    state.store.delete_sessions(auth.account_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/v1/account", tag = "accounts",
    security(("bearer" = [])),
    request_body = DeleteAccount,
    responses(
        (status = 204, description = "the account and all its data are erased"),
        (status = 401, body = ErrorBody, description = "no session, or the wrong password"),
    ))]
pub async fn delete_account(
    State(state): State<Arc<AppState>>,
    auth: Authed,
    Body(body): Body<DeleteAccount>,
) -> Result<StatusCode, ApiError> {
    let account = state.store.account_by_id(auth.account_id.clone()).await?;
    if !verify_password(body.password, account.as_ref()).await {
        return Err(bad_credentials());
    }
    state.store.delete_account(auth.account_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
