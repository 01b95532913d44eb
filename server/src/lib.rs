//! `cradle-server`: the reference REST API the Cradle apps sync with. The
//! contract is `server/openapi.json`, generated from this code.

pub mod auth;
pub mod cart;
pub mod catalog;
pub mod error;
pub mod limits;
pub mod shop;
pub mod store;
pub mod sync;

use axum::extract::{ConnectInfo, DefaultBodyLimit, MatchedPath, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use cradle_protocol::wire::{Health, MAX_BODY_BYTES};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;
use tower_http::compression::CompressionLayer;
use utoipa::OpenApi;

#[derive(Debug, Clone)]
pub struct Config {
    pub session_days: i64,
    /// Requests per second per client address (bursts of twice that).
    pub rate_per_ip: u32,
    /// Requests per second per account.
    pub rate_per_account: u32,
    /// The shop operators' token for `/v1/admin`; `None` turns admin off.
    pub admin_token: Option<String>,
    /// Serve `/v1/sandbox`: fulfilment and returns move on request, for
    /// demos and tests. Never on a real shop.
    pub sandbox: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            session_days: 30,
            rate_per_ip: 50,
            rate_per_account: 20,
            admin_token: None,
            sandbox: false,
        }
    }
}

pub struct AppState {
    pub store: store::Store,
    pub limits: limits::Limits,
    pub config: Config,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cradle API",
        description = "The REST API the Cradle apps sync with. Health values arrive sealed end to end; the server merges what it cannot read. See docs/sync.md.\n\nA request against this schema is 400. A schema-valid request that breaks a rule a schema cannot state (a SKU twice, mutation ids out of order, an address that is not one) is 422. No text may hold the NUL character (U+0000): anywhere in a body, a path or a query it is 400 invalid_text, on every backend.",
        license(name = "MPL-2.0")
    ),
    paths(
        healthz,
        auth::register,
        auth::login,
        auth::logout,
        auth::logout_all,
        auth::delete_account,
        sync::push,
        sync::pull,
        catalog::catalog,
        catalog::change_product,
        cart::cart,
        cart::change_cart,
        shop::validate_cart,
        shop::place_order,
        shop::orders,
        shop::pay,
        shop::cancel,
        shop::request_return,
        shop::complain,
        shop::advance,
        shop::answer_complaint,
        shop::reject_return
    ),
    modifiers(&BearerAuth, &CommonResponses, &ClosedVariants),
    tags((name = "accounts"), (name = "sync"), (name = "shop"))
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
            components.add_security_scheme(
                "admin",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
        }
    }
}

/// The answers any route can give, said once for all: 400 (against the
/// schema, or a NUL), 429 (the per-address limit) and 503 (storage); 401
/// where a session or the admin token is asked; 413 and 415 where a body
/// is read.
struct CommonResponses;

impl utoipa::Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::Operation;
        fn add(op: &mut Operation, status: &str, description: &str) {
            let error = utoipa::openapi::ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    utoipa::openapi::ContentBuilder::new()
                        .schema(Some(utoipa::openapi::Ref::from_schema_name("ErrorBody")))
                        .build(),
                )
                .build();
            op.responses
                .responses
                .entry(status.to_owned())
                .or_insert_with(|| error.into());
        }
        for item in openapi.paths.paths.values_mut() {
            for op in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                add(op, "400", "against the schema, or text holding NUL");
                add(op, "429", "too many requests; see Retry-After");
                add(op, "503", "storage is unavailable for now; see Retry-After");
                if op.security.is_some() {
                    add(op, "401", "no session, or an expired or revoked one");
                }
                if op.request_body.is_some() {
                    add(op, "413", "the body is over 1 MiB (Connection: close)");
                    add(op, "415", "the body is not application/json");
                }
            }
        }
    }
}

/// Every wire type refuses unknown fields, an enum's variants too; utoipa
/// says so of structs only, so close each `oneOf` variant here.
struct ClosedVariants;

impl utoipa::Modify for ClosedVariants {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::RefOr;
        use utoipa::openapi::schema::{AdditionalProperties, Schema};
        let Some(components) = openapi.components.as_mut() else {
            return;
        };
        for schema in components.schemas.values_mut() {
            let RefOr::T(Schema::OneOf(one_of)) = schema else {
                continue;
            };
            for variant in &mut one_of.items {
                if let RefOr::T(Schema::Object(object)) = variant {
                    object.additional_properties =
                        Some(Box::new(AdditionalProperties::FreeForm(false)));
                }
            }
        }
    }
}

/// The OpenAPI document as committed in `server/openapi.json`.
pub fn openapi_json() -> String {
    let mut text = ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

pub fn app(state: AppState) -> Router {
    let state = Arc::new(state);
    Router::new()
        .route("/healthz", get(healthz))
        .route("/v1/accounts", post(auth::register))
        .route("/v1/account", delete(auth::delete_account))
        .route("/v1/sessions", post(auth::login).delete(auth::logout_all))
        .route("/v1/sessions/current", delete(auth::logout))
        .route("/v1/sync/push", post(sync::push))
        .route("/v1/sync/pull", get(sync::pull))
        .route("/v1/catalog", get(catalog::catalog))
        .route("/v1/cart", get(cart::cart).post(cart::change_cart))
        .route("/v1/carts/validate", post(shop::validate_cart))
        .route("/v1/orders", post(shop::place_order).get(shop::orders))
        .route("/v1/orders/{id}/pay", post(shop::pay))
        .route("/v1/orders/{id}/cancel", post(shop::cancel))
        .route("/v1/orders/{id}/returns", post(shop::request_return))
        .route("/v1/orders/{id}/complaints", post(shop::complain))
        .route("/v1/sandbox/orders/{id}/advance", post(shop::advance))
        .route(
            "/v1/sandbox/orders/{id}/complaints/{complaint}/advance",
            post(shop::answer_complaint),
        )
        .route(
            "/v1/sandbox/orders/{id}/returns/{return}/reject",
            post(shop::reject_return),
        )
        .route("/v1/admin/products/{sku}", put(catalog::change_product))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(refuse_nul))
        .layer(middleware::from_fn_with_state(Arc::clone(&state), per_ip))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(CompressionLayer::new().gzip(true))
        .layer(middleware::from_fn(log_request))
        .with_state(state)
}

#[utoipa::path(get, path = "/healthz", tag = "sync",
    responses((status = 200, body = Health)))]
async fn healthz() -> Json<Health> {
    Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    })
}

async fn not_found() -> error::ApiError {
    error::ApiError::new(
        axum::http::StatusCode::NOT_FOUND,
        "not_found",
        "no such route",
    )
}

async fn method_not_allowed() -> error::ApiError {
    error::ApiError::new(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this route does not take that method",
    )
}

/// A NUL in a path or query is refused as the body's is (see `error::Body`),
/// before any route reads it.
async fn refuse_nul(req: Request, next: Next) -> Response {
    let uri = req.uri();
    if uri.path().contains("%00") || uri.query().is_some_and(|q| q.contains("%00")) {
        return error::nul_refused().into_response();
    }
    next.run(req).await
}

async fn per_ip(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    // Served without connect info (in-process tests), there is no address to limit.
    if let Some(ConnectInfo(addr)) = req.extensions().get::<ConnectInfo<SocketAddr>>()
        && let Err(e) = state.limits.check_ip(addr.ip())
    {
        return e.into_response();
    }
    next.run(req).await
}

/// One line per request: method, route pattern, status, time. Never the
/// query, a header or a body: those carry tokens, cursors and data.
async fn log_request(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let start = Instant::now();
    let response = next.run(req).await;
    tracing::info!(
        %method,
        route,
        status = response.status().as_u16(),
        ms = start.elapsed().as_millis() as u64,
        "request"
    );
    response
}
