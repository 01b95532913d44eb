//! Checkout (docs/shop.md): `POST /v1/carts/validate` reprices a cart and
//! says what changed; `POST /v1/orders` places an order exactly once per
//! Idempotency-Key, only at the prices she confirmed, taking stock
//! atomically; `GET /v1/orders` lists hers.

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, Body};
use crate::store::{PlaceOutcome, valid_id};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use cradle_core::api::{
    CartItem, CartWarning, ErrorBody, Order, OrderItem, OrderList, PlaceOrder, PricedLine, Product,
    ValidateCart, Validation,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

/// The most lines a cart may have.
pub const MAX_LINES: usize = 100;

/// Orders being placed right now, by account and key: a second request
/// with the same key while the first runs gets 409, not a wait.
#[derive(Default)]
pub struct InFlight(Mutex<BTreeSet<(String, String)>>);

struct Claim<'a> {
    set: &'a InFlight,
    key: (String, String),
}

impl InFlight {
    fn claim(&self, account: &str, key: &str) -> Option<Claim<'_>> {
        let key = (account.to_owned(), key.to_owned());
        let mut set = self.0.lock().unwrap_or_else(|e| e.into_inner());
        set.insert(key.clone()).then_some(Claim { set: self, key })
    }
}

impl Drop for Claim<'_> {
    fn drop(&mut self) {
        let mut set = self.set.0.lock().unwrap_or_else(|e| e.into_inner());
        set.remove(&self.key);
    }
}

/// Why a line cannot be sold as asked, if it cannot.
fn refusal(item: &CartItem, p: Option<&Product>) -> Option<CartWarning> {
    let warn = |code: &str, available: Option<i64>| CartWarning {
        code: code.into(),
        sku: item.sku.clone(),
        old_price_minor: None,
        new_price_minor: None,
        available,
    };
    let Some(p) = p else {
        return Some(warn("UNKNOWN_SKU", None));
    };
    if p.discontinued {
        return Some(warn("DISCONTINUED", None));
    }
    let step = p.qty_step.max(1);
    if item.qty < p.qty_min || item.qty > p.qty_max || (item.qty - p.qty_min) % step != 0 {
        return Some(warn("QTY_RULE", None));
    }
    if p.stock <= 0 {
        return Some(warn("OUT_OF_STOCK", Some(0)));
    }
    if p.stock < i64::from(item.qty) {
        return Some(warn("NOT_ENOUGH_STOCK", Some(p.stock)));
    }
    None
}

/// Names lines at prices: the same lines at the same prices give the same
/// quote, in any order.
fn quote(lines: &[PricedLine], currency: &str) -> String {
    let mut sorted: Vec<&PricedLine> = lines.iter().collect();
    sorted.sort_by(|a, b| a.sku.cmp(&b.sku));
    let mut h = Sha256::new();
    h.update(currency.as_bytes());
    for l in sorted {
        h.update(format!("|{}:{}:{}", l.sku, l.qty, l.unit_price_minor).as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Reprices `items` against the catalogue as it is now.
pub fn validate(items: &[CartItem], products: &HashMap<String, Product>) -> Validation {
    let mut lines = Vec::new();
    let mut warnings = Vec::new();
    for item in items {
        let p = products.get(&item.sku);
        if let Some(w) = refusal(item, p) {
            warnings.push(w);
            continue;
        }
        let Some(p) = p else { continue };
        if p.price_minor != item.price_seen_minor {
            warnings.push(CartWarning {
                code: "PRICE_CHANGED".into(),
                sku: item.sku.clone(),
                old_price_minor: Some(item.price_seen_minor),
                new_price_minor: Some(p.price_minor),
                available: None,
            });
        }
        lines.push(PricedLine {
            sku: item.sku.clone(),
            qty: item.qty,
            unit_price_minor: p.price_minor,
            // Quantities are at most the product's maximum; no overflow.
            line_total_minor: p.price_minor.saturating_mul(i64::from(item.qty)),
        });
    }
    let currency = "CNY".to_owned();
    Validation {
        total_minor: lines.iter().map(|l| l.line_total_minor).sum(),
        quote: quote(&lines, &currency),
        currency,
        lines,
        warnings,
    }
}

/// What an order may be placed for: every line sellable, at the prices of
/// `expected_quote`. Shared by the backends, inside their transactions.
pub fn check_order(
    items: &[OrderItem],
    products: &HashMap<String, Product>,
    expected_quote: &str,
) -> Result<Vec<PricedLine>, PlaceOutcome> {
    let asked: Vec<CartItem> = items
        .iter()
        .map(|i| CartItem {
            sku: i.sku.clone(),
            qty: i.qty,
            price_seen_minor: products.get(&i.sku).map_or(0, |p| p.price_minor),
        })
        .collect();
    let v = validate(&asked, products);
    if let Some(w) = v.warnings.first() {
        return Err(match w.code.as_str() {
            "OUT_OF_STOCK" | "NOT_ENOUGH_STOCK" => PlaceOutcome::OutOfStock(w.sku.clone()),
            _ => PlaceOutcome::Stale,
        });
    }
    if v.quote != expected_quote {
        return Err(PlaceOutcome::Stale);
    }
    Ok(v.lines)
}

/// The order a placed request becomes.
pub fn order(
    id: &str,
    lines: &[PricedLine],
    products: &HashMap<String, Product>,
    now: i64,
) -> Order {
    Order {
        id: id.to_owned(),
        status: "pending_payment".into(),
        lines: lines
            .iter()
            .filter_map(|l| {
                let p = products.get(&l.sku)?;
                Some(cradle_core::api::OrderLine {
                    sku: l.sku.clone(),
                    name_zh: p.name_zh.clone(),
                    name_en: p.name_en.clone(),
                    qty: l.qty,
                    unit_price_minor: l.unit_price_minor,
                    traceability: p.traceability.clone(),
                })
            })
            .collect(),
        total_minor: lines.iter().map(|l| l.line_total_minor).sum(),
        currency: "CNY".into(),
        created_at: now,
    }
}

/// A digest of the request, to tell a retry from another order under the same key.
pub fn body_hash(body: &PlaceOrder) -> Vec<u8> {
    Sha256::digest(serde_json::to_vec(body).unwrap_or_default()).to_vec()
}

fn check_lines<T>(
    lines: &[T],
    sku: impl Fn(&T) -> &str,
    qty: impl Fn(&T) -> u32,
) -> Result<(), ApiError> {
    if lines.is_empty() {
        return Err(ApiError::bad_request("empty_cart", "the cart is empty"));
    }
    if lines.len() > MAX_LINES {
        return Err(ApiError::bad_request(
            "too_many_lines",
            format!("at most {MAX_LINES} lines"),
        ));
    }
    let mut seen = BTreeSet::new();
    for l in lines {
        if qty(l) == 0 {
            return Err(ApiError::bad_request(
                "invalid_qty",
                "each quantity must be at least 1",
            ));
        }
        if !seen.insert(sku(l)) {
            return Err(ApiError::bad_request(
                "duplicate_sku",
                "each product once per cart",
            ));
        }
    }
    Ok(())
}

#[utoipa::path(post, path = "/v1/carts/validate", tag = "shop",
    security(("bearer" = [])),
    request_body = ValidateCart,
    responses(
        (status = 200, body = Validation, description = "the cart repriced, with warnings to show before she confirms"),
        (status = 400, body = ErrorBody, description = "empty cart, a zero quantity, a SKU twice, or over 100 lines"),
        (status = 401, body = ErrorBody),
        (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody),
    ))]
pub async fn validate_cart(
    State(state): State<Arc<AppState>>,
    _auth: Authed,
    Body(body): Body<ValidateCart>,
) -> Result<Json<Validation>, ApiError> {
    check_lines(&body.lines, |l| &l.sku, |l| l.qty)?;
    let skus = body.lines.iter().map(|l| l.sku.clone()).collect();
    let products = state.store.products(skus).await?;
    Ok(Json(validate(&body.lines, &products)))
}

#[utoipa::path(post, path = "/v1/orders", tag = "shop",
    security(("bearer" = [])),
    request_body = PlaceOrder,
    params(("Idempotency-Key" = String, Header, description = "the client-generated order id: 1 to 64 of [0-9a-z-]")),
    responses(
        (status = 201, body = Order, description = "placed; stock is taken"),
        (status = 200, body = Order, description = "this key placed this order before: the same order"),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "order_in_progress: the same key is being placed; or out_of_stock"),
        (status = 412, body = ErrorBody, description = "quote_stale: the cart or a price changed since validation"),
        (status = 422, body = ErrorBody, description = "idempotency_mismatch: this key placed a different order"),
        (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody),
    ))]
pub async fn place_order(
    State(state): State<Arc<AppState>>,
    auth: Authed,
    headers: HeaderMap,
    Body(body): Body<PlaceOrder>,
) -> Result<impl IntoResponse, ApiError> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| valid_id(k))
        .ok_or_else(|| {
            ApiError::bad_request(
                "invalid_idempotency_key",
                "send Idempotency-Key: the order id, 1 to 64 of [0-9a-z-]",
            )
        })?
        .to_owned();
    check_lines(&body.lines, |l| &l.sku, |l| l.qty)?;
    let Some(_claim) = state.in_flight.claim(&auth.account_id, &key) else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "order_in_progress",
            "this order is being placed; ask again for its result",
        ));
    };
    let now = jiff::Timestamp::now().as_second();
    match state
        .store
        .place_order(auth.account_id, key, body, now)
        .await?
    {
        PlaceOutcome::Placed(order) => Ok((StatusCode::CREATED, Json(order))),
        PlaceOutcome::Existing(order) => Ok((StatusCode::OK, Json(order))),
        PlaceOutcome::Mismatch => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_mismatch",
            "this order id was used for a different order",
        )),
        PlaceOutcome::Stale => Err(ApiError::new(
            StatusCode::PRECONDITION_FAILED,
            "quote_stale",
            "the cart or a price changed since it was checked; check it again",
        )),
        PlaceOutcome::OutOfStock(_) => Err(ApiError::new(
            StatusCode::CONFLICT,
            "out_of_stock",
            "not enough in stock for this order",
        )),
    }
}

#[utoipa::path(get, path = "/v1/orders", tag = "shop",
    security(("bearer" = [])),
    responses(
        (status = 200, body = OrderList, description = "hers, newest first"),
        (status = 401, body = ErrorBody),
        (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody),
    ))]
pub async fn orders(
    State(state): State<Arc<AppState>>,
    auth: Authed,
) -> Result<Json<OrderList>, ApiError> {
    Ok(Json(OrderList {
        orders: state.store.orders(auth.account_id).await?,
    }))
}
