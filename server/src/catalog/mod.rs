//! The product catalogue: `GET /v1/catalog` serves it by delta to the
//! devices' offline copies, and `PUT /v1/admin/products/{sku}` lets the
//! shop's operators change a price, the stock or availability.

pub mod demo;

use crate::AppState;
use crate::error::{ApiError, Body, Params, query_rejection};
use axum::Json;
use axum::extract::{Query, State, rejection::QueryRejection};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use cradle_protocol::wire::{
    CatalogPage, ErrorBody, MAX_CATALOG_LIMIT, MAX_COUNTER, MAX_PRICE_MINOR, MAX_STOCK, Product,
};
use serde::Deserialize;
use std::sync::Arc;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CatalogParams {
    /// The epoch of the device's copy; another epoch restarts from 0.
    pub epoch: Option<String>,
    /// The highest product version the device holds (0 for everything).
    #[param(minimum = 0, maximum = 9_223_372_036_854_775_807_i64)]
    pub since: Option<u64>,
    /// Products per page, 1 to 2000 (default 500).
    #[param(minimum = 1, maximum = 2000)]
    pub limit: Option<u32>,
}

fn etag(epoch: &str, version: u64) -> String {
    format!("\"{epoch}-{version}\"")
}

#[utoipa::path(get, path = "/v1/catalog", tag = "shop",
    params(CatalogParams),
    responses(
        (status = 200, body = CatalogPage, headers(("ETag" = String))),
        (status = 304, description = "If-None-Match names the current catalogue: nothing changed"),
        (status = 400, body = ErrorBody),
        (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody),
    ))]
pub async fn catalog(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    params: Result<Query<CatalogParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(query_rejection)?;
    let limit = params.limit.unwrap_or(500);
    if !(1..=MAX_CATALOG_LIMIT).contains(&limit) {
        return Err(ApiError::bad_request(
            "invalid_limit",
            format!("limit must be 1 to {MAX_CATALOG_LIMIT}"),
        ));
    }
    if params.since.is_some_and(|v| v > MAX_COUNTER) {
        return Err(ApiError::bad_request(
            "invalid_since",
            format!("since must be 0 to {MAX_COUNTER}"),
        ));
    }
    let epoch = state.store.epoch().to_owned();
    let reset = params.epoch.as_deref().is_some_and(|e| e != epoch);
    let since = if reset { 0 } else { params.since.unwrap_or(0) };
    let head = state.store.catalog_version().await?;
    let tag = etag(&epoch, head);
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == tag);
    if unchanged && !reset {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response());
    }
    let products = state.store.catalog_page(since, limit).await?;
    let has_more =
        products.len() == limit as usize && products.last().is_some_and(|p| p.version < head);
    let version = if has_more {
        products.last().map_or(since, |p| p.version)
    } else {
        head
    };
    let page = CatalogPage {
        epoch: epoch.clone(),
        reset,
        products,
        version,
        has_more,
    };
    let tag = etag(&epoch, version);
    Ok(([(header::ETAG, tag)], Json(page)).into_response())
}

/// What an operator may change about a product; absent fields stay.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductChange {
    #[schema(minimum = 1, maximum = 100_000_000)]
    pub price_minor: Option<i64>,
    #[schema(minimum = 0, maximum = 1_000_000_000)]
    pub stock: Option<i64>,
    pub discontinued: Option<bool>,
}

#[utoipa::path(put, path = "/v1/admin/products/{sku}", tag = "shop",
    security(("admin" = [])),
    request_body = ProductChange,
    params(("sku" = String, Path)),
    responses(
        (status = 200, body = Product),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody, description = "no admin token, or the server runs without one"),
        (status = 404, body = ErrorBody),
    ))]
pub async fn change_product(
    State(state): State<Arc<AppState>>,
    _admin: crate::auth::Admin,
    Params(sku): Params<String>,
    Body(change): Body<ProductChange>,
) -> Result<Json<Product>, ApiError> {
    if change
        .price_minor
        .is_some_and(|p| !(1..=MAX_PRICE_MINOR).contains(&p))
        || change.stock.is_some_and(|s| !(0..=MAX_STOCK).contains(&s))
    {
        return Err(ApiError::bad_request(
            "invalid_change",
            format!("a price must be 1 to {MAX_PRICE_MINOR} fen and stock 0 to {MAX_STOCK}"),
        ));
    }
    state
        .store
        .change_product(sku, change.price_minor, change.stock, change.discontinued)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "unknown_sku", "no such product"))
}
