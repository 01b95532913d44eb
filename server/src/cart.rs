//! Her one cart across her devices: `GET /v1/cart` and `POST /v1/cart`.
//! The merge rules are `cradle_protocol::cart`'s, shared with the devices.

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, Body};
use crate::store::valid_id;
use axum::Json;
use axum::extract::State;
use cradle_protocol::cart::{Cart, CartChange, CartOps};
use cradle_protocol::cart::{MAX_CART_OPS, MAX_LINE_QTY};
use cradle_protocol::wire::{ErrorBody, MAX_COUNTER};
use std::sync::Arc;

#[utoipa::path(get, path = "/v1/cart", tag = "shop",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Cart, description = "her cart as her devices last left it"),
        (status = 401, body = ErrorBody),
        (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody),
    ))]
pub async fn cart(
    State(state): State<Arc<AppState>>,
    auth: Authed,
) -> Result<Json<Cart>, ApiError> {
    Ok(Json(state.store.cart(auth.account_id).await?.view()))
}

#[utoipa::path(post, path = "/v1/cart", tag = "shop",
    security(("bearer" = [])),
    request_body = CartOps,
    responses(
        (status = 200, body = Cart, description = "the cart after these changes, applied in order: an add adds, the last set wins, a removal wins over a change from a device that had not seen it, a merge keeps the larger quantity; a retried id is applied once, and a product the shop does not know changes nothing"),
        (status = 400, body = ErrorBody, description = "invalid_cart_op: a bad id, a quantity of 0 or over 999, or over 100 changes"),
        (status = 401, body = ErrorBody),
        (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody),
    ))]
pub async fn change_cart(
    State(state): State<Arc<AppState>>,
    auth: Authed,
    Body(body): Body<CartOps>,
) -> Result<Json<Cart>, ApiError> {
    check(&body).map_err(|why| ApiError::bad_request("invalid_cart_op", why))?;
    let skus = body.ops.iter().map(|o| o.sku.clone()).collect();
    let products = state.store.products(skus).await?;
    let cart = state
        .store
        .change_cart(auth.account_id, body, products)
        .await?;
    Ok(Json(cart.view()))
}

/// Three capital letters (ISO 4217), or none: a removal carries no price.
fn is_currency(code: &str) -> bool {
    code.is_empty() || (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()))
}

fn check(body: &CartOps) -> Result<(), &'static str> {
    if !valid_id(&body.client) {
        return Err("client must be 1 to 64 of [0-9a-z-]");
    }
    if body.ops.is_empty() || body.ops.len() > MAX_CART_OPS {
        return Err("send 1 to 100 changes");
    }
    for op in &body.ops {
        if !valid_id(&op.id) {
            return Err("each change id must be 1 to 64 of [0-9a-z-]");
        }
        if !(1..=64).contains(&op.sku.chars().count()) {
            return Err("each sku must be 1 to 64 characters");
        }
        if op.price_seen_minor < 0 || !is_currency(&op.currency) {
            return Err("a price seen must be 0 or more, in an ISO 4217 currency");
        }
        if op.base > MAX_COUNTER {
            return Err("base is a cart version: 0 to 9223372036854775807");
        }
        match op.change {
            CartChange::Add { qty } | CartChange::Set { qty } | CartChange::Merge { qty }
                if qty == 0 || qty > MAX_LINE_QTY =>
            {
                return Err("each quantity must be 1 to 999");
            }
            _ => {}
        }
    }
    Ok(())
}
