//! Every failure the API returns: a status, a stable code, a message for
//! people, and `Retry-After` where waiting helps. Nothing here carries a
//! request's content: messages go to logs.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use cradle_protocol::wire::ErrorBody;
use serde::de::DeserializeOwned;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "sign in again: the session is missing, expired or revoked",
        )
    }

    pub fn retry_after(mut self, secs: u64) -> Self {
        self.retry_after = Some(secs.max(1));
        self
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> Self {
        match e {
            crate::store::StoreError::Taken => {
                ApiError::new(StatusCode::CONFLICT, "login_taken", "that login is taken")
            }
            crate::store::StoreError::Unavailable(reason) => {
                // The reason is the backend's, never a request value; it is
                // logged, and the client only learns to come back.
                tracing::warn!(%reason, "storage unavailable");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    "the server cannot store this right now; try again shortly",
                )
                .retry_after(1)
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            Json(ErrorBody {
                error: self.code.to_owned(),
                message: self.message,
            }),
        )
            .into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if self.status == StatusCode::PAYLOAD_TOO_LARGE {
            // The rest of the body is never read, so the connection cannot
            // carry another request: say so, and the client opens a new one.
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response
    }
}

/// A JSON body whose every rejection is a clear 400 (or 413 for size, 415
/// for another media type). Text may not hold NUL: PostgreSQL cannot store
/// it, so both backends refuse it here, alike.
pub struct Body<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        if !is_json(req.headers()) {
            return Err(unsupported_media_type());
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_large()
            } else {
                ApiError::bad_request("invalid_body", e.body_text())
            }
        })?;
        if has_escaped_nul(&bytes) {
            return Err(nul_refused());
        }
        match Json::<T>::from_bytes(&bytes) {
            Ok(Json(v)) => Ok(Body(v)),
            // JSON Schema counts 3.0 as an integer, and so does the contract:
            // read once more with integral numbers as integers.
            Err(JsonRejection::JsonDataError(e)) => integral(&bytes)
                .ok_or(())
                .and_then(|v| T::deserialize(v).map_err(|_| ()))
                .map(Body)
                .map_err(|()| json_rejection(JsonRejection::JsonDataError(e))),
            Err(e) => Err(json_rejection(e)),
        }
    }
}

/// The JSON value of `bytes` with every integral float (`3.0`) made an
/// integer where one fits; `None` if there was none to make.
fn integral(bytes: &[u8]) -> Option<serde_json::Value> {
    use serde_json::{Number, Value};
    fn walk(v: &mut Value, changed: &mut bool) {
        match v {
            Value::Number(n) if n.is_f64() => {
                let f = n.as_f64().unwrap_or(f64::NAN);
                // Within ±2^63, where an f64 holds whole numbers exactly enough.
                if f.fract() == 0.0 && f.abs() < 9.2e18 {
                    *v = Value::Number(Number::from(f as i64));
                    *changed = true;
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| walk(i, changed)),
            Value::Object(map) => map.values_mut().for_each(|i| walk(i, changed)),
            _ => {}
        }
    }
    let mut value: Value = serde_json::from_slice(bytes).ok()?;
    let mut changed = false;
    walk(&mut value, &mut changed);
    changed.then_some(value)
}

/// `application/json`, or a `+json` type, as axum's `Json` accepts.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(ct) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|sub| sub.ends_with("+json"))
}

/// Whether JSON text holds the escape `\u0000` (a NUL in a string): a `u0000`
/// after an odd run of backslashes. A raw NUL byte is already invalid JSON.
fn has_escaped_nul(json: &[u8]) -> bool {
    json.windows(5).enumerate().any(|(i, w)| {
        w == b"u0000" && json[..i].iter().rev().take_while(|b| **b == b'\\').count() % 2 == 1
    })
}

pub fn nul_refused() -> ApiError {
    ApiError::bad_request(
        "invalid_text",
        "text may not contain the NUL character (U+0000)",
    )
}

fn unsupported_media_type() -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        "send the body as application/json",
    )
}

fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        "the request body is too large",
    )
}

/// Path parameters whose every rejection (bad UTF-8, say) is a JSON 400.
pub struct Params<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(v)| Params(v))
            .map_err(|e| ApiError::bad_request("invalid_path", e.body_text()))
    }
}

fn json_rejection(e: JsonRejection) -> ApiError {
    match e {
        JsonRejection::MissingJsonContentType(_) => unsupported_media_type(),
        JsonRejection::BytesRejection(_) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            too_large()
        }
        // serde's message names the field or position, not the value.
        JsonRejection::JsonDataError(e) => ApiError::bad_request("invalid_body", e.body_text()),
        JsonRejection::JsonSyntaxError(e) => ApiError::bad_request("malformed_json", e.body_text()),
        other => ApiError::bad_request("invalid_body", other.body_text()),
    }
}

pub fn query_rejection(e: QueryRejection) -> ApiError {
    ApiError::bad_request("invalid_query", e.body_text())
}

#[cfg(test)]
mod tests {
    use super::has_escaped_nul;

    #[test]
    fn an_escaped_nul_is_found_and_an_escaped_backslash_is_not_one() {
        assert!(has_escaped_nul(br#"{"device":"ph\u0000one"}"#));
        assert!(has_escaped_nul(br#"{"a":"\\\u0000"}"#));
        assert!(!has_escaped_nul(br#"{"a":"\\u0000"}"#));
        assert!(!has_escaped_nul(br#"{"a":"u0000"}"#));
        assert!(has_escaped_nul(br#"{"a":"\u00001"}"#));
    }
}
