//! `POST /v1/sync/push` and `GET /v1/sync/pull` (docs/sync.md).

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, Body, query_rejection};
use crate::store::{PullPage, PushOutcome, cursor, parse_cursor, valid_id};
use axum::Json;
use axum::extract::{Query, State, rejection::QueryRejection};
use axum::http::StatusCode;
use cradle_protocol::wire::{
    ErrorBody, MAX_BATCH, MAX_COUNTER, MAX_PULL_LIMIT, PROTOCOL_VERSION, PullResponse, PushRequest,
    PushResponse,
};
use serde::Deserialize;
use std::sync::Arc;

/// The oldest protocol this server still accepts; older clients get 426.
pub const MIN_PROTOCOL_VERSION: u32 = 1;

fn check_client_id(id: &str) -> Result<(), ApiError> {
    if valid_id(id) {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            "invalid_client_id",
            "client_id must be 1 to 64 of [0-9a-z-]",
        ))
    }
}

#[utoipa::path(post, path = "/v1/sync/push", tag = "sync",
    security(("bearer" = [])),
    request_body = PushRequest,
    responses(
        (status = 200, body = PushResponse, description = "processed up to last_mutation_id; a gap stops processing"),
        (status = 400, body = ErrorBody, description = "against the schema: over 100 mutations, a counter out of range, unknown fields"),
        (status = 422, body = ErrorBody, description = "bad_mutation_order: ids do not increase within the batch"),
        (status = 401, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "client_id_conflict: another install uses this client id; nothing was applied"),
        (status = 413, body = ErrorBody),
        (status = 426, body = ErrorBody, description = "the client's protocol is too old"),
        (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody, description = "temporary; retry after Retry-After"),
    ))]
pub async fn push(
    State(state): State<Arc<AppState>>,
    auth: Authed,
    Body(body): Body<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    if body.schema_version < MIN_PROTOCOL_VERSION {
        return Err(ApiError::new(
            StatusCode::UPGRADE_REQUIRED,
            "client_too_old",
            "this app is too old for the server; update it",
        ));
    }
    if body.schema_version > PROTOCOL_VERSION {
        return Err(ApiError::bad_request(
            "unsupported_schema_version",
            "the server does not know this protocol version yet",
        ));
    }
    check_client_id(&body.client_id)?;
    if body.mutations.len() > MAX_BATCH {
        return Err(ApiError::bad_request(
            "batch_too_large",
            format!("at most {MAX_BATCH} mutations per push"),
        ));
    }
    if body
        .mutations
        .iter()
        .any(|m| m.id == 0 || m.id > MAX_COUNTER || m.base_version > MAX_COUNTER)
    {
        return Err(ApiError::bad_request(
            "invalid_counter",
            format!("mutation ids are 1 to {MAX_COUNTER}, base versions 0 to {MAX_COUNTER}"),
        ));
    }
    if body.mutations.windows(2).any(|w| w[1].id <= w[0].id) {
        // Schema-valid, so not a 400: a rule the schema cannot state.
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_mutation_order",
            "mutation ids increase within a batch",
        ));
    }
    match state
        .store
        .push(auth.account_id, body.client_id, body.mutations)
        .await?
    {
        PushOutcome::Done {
            last_mutation_id,
            results,
        } => Ok(Json(PushResponse {
            last_mutation_id,
            results,
        })),
        PushOutcome::ClientIdConflict => Err(ApiError::new(
            StatusCode::CONFLICT,
            "client_id_conflict",
            "another install uses this client id; take a new one and push again",
        )),
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PullParams {
    /// The client asking, for its last processed mutation id.
    #[param(min_length = 1, max_length = 64, pattern = "^[0-9a-z-]{1,64}$")]
    pub client_id: String,
    /// From the previous page; absent for a full pull.
    pub cursor: Option<String>,
    /// Versions per page, 1 to 500 (default 200).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u32>,
    /// The highest mutation id the device holds as processed for
    /// `client_id` (default 0). Beyond what the server holds, the server
    /// was restored from an older backup: 410, and the account's history
    /// starts a new lineage.
    #[param(minimum = 0, maximum = 9_223_372_036_854_775_807_i64)]
    pub acked: Option<u64>,
}

#[utoipa::path(get, path = "/v1/sync/pull", tag = "sync",
    security(("bearer" = [])),
    params(PullParams),
    responses(
        (status = 200, body = PullResponse),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 410, body = ErrorBody, description = "cursor_gone: the cursor is of another database or an older history (the server was restored from a backup): resync in full"),
        (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody),
    ))]
pub async fn pull(
    State(state): State<Arc<AppState>>,
    auth: Authed,
    params: Result<Query<PullParams>, QueryRejection>,
) -> Result<Json<PullResponse>, ApiError> {
    let Query(params) = params.map_err(query_rejection)?;
    check_client_id(&params.client_id)?;
    if params.acked.is_some_and(|a| a > MAX_COUNTER) {
        return Err(ApiError::bad_request(
            "invalid_acked",
            format!("acked must be 0 to {MAX_COUNTER}"),
        ));
    }
    let limit = params.limit.unwrap_or(200);
    if !(1..=MAX_PULL_LIMIT).contains(&limit) {
        return Err(ApiError::bad_request(
            "invalid_limit",
            format!("limit must be 1 to {MAX_PULL_LIMIT}"),
        ));
    }
    let gone = || {
        ApiError::new(
            StatusCode::GONE,
            "cursor_gone",
            "the cursor is unknown or expired; pull again from the start",
        )
    };
    let epoch = state.store.epoch().to_owned();
    let from = match &params.cursor {
        None => None,
        Some(c) => Some(parse_cursor(&epoch, c).ok_or_else(gone)?),
    };
    match state
        .store
        .pull(
            auth.account_id,
            params.client_id,
            from,
            params.acked.unwrap_or(0),
            limit,
        )
        .await?
    {
        PullPage::Gone => Err(gone()),
        PullPage::Page {
            changes,
            conflicts,
            to,
            has_more,
            last_mutation_id,
        } => Ok(Json(PullResponse {
            changes,
            conflicts,
            cursor: cursor(&epoch, &to),
            version: to.version,
            has_more,
            last_mutation_id,
        })),
    }
}
