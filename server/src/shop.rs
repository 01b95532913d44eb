//! Checkout (docs/shop.md): `POST /v1/carts/validate` reprices a cart and
//! says what changed; `POST /v1/orders` places an order exactly once per
//! Idempotency-Key, only at the prices she confirmed, taking stock
//! atomically; `GET /v1/orders` lists hers.

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, Body, Params};
use crate::store::{PlaceOutcome, valid_id};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use cradle_protocol::cart::MAX_LINE_QTY;
use cradle_protocol::wire::{
    COMPLAINT_TOPICS, CartItem, CartWarning, Complaint, ComplaintRequest, ComplaintStatus,
    ErrorBody, Order, OrderItem, OrderList, OrderStatus, PlaceOrder, PricedLine, Product,
    RETURN_REASONS, RejectReturn, Return, ReturnRequest, ReturnStatus, ShipTo, StatusChange,
    ValidateCart, Validation, add_minor, check_return_kind, line_total, return_steps,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// The shop's one currency: every price in the catalogue is in it.
const CURRENCY: &str = "CNY";

/// The most lines a cart may have.
pub const MAX_LINES: usize = 100;

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
    if item.qty < p.qty_min || item.qty > p.qty_max || !(item.qty - p.qty_min).is_multiple_of(step)
    {
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
    let mut total_minor: i64 = 0;
    for item in items {
        let p = products.get(&item.sku);
        if let Some(w) = refusal(item, p) {
            warnings.push(w);
            continue;
        }
        let Some(p) = p else { continue };
        // Checked, so a total can never wrap: a line that would overflow
        // cannot be sold as asked.
        let Some((line_total, total)) = line_total(p.price_minor, item.qty)
            .and_then(|line| Some((line, add_minor(total_minor, line)?)))
        else {
            warnings.push(CartWarning {
                code: "QTY_RULE".into(),
                sku: item.sku.clone(),
                old_price_minor: None,
                new_price_minor: None,
                available: None,
            });
            continue;
        };
        total_minor = total;
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
            line_total_minor: line_total,
        });
    }
    let currency = CURRENCY.to_owned();
    Validation {
        total_minor,
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
) -> Result<Validation, PlaceOutcome> {
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
    Ok(v)
}

/// Days for a no-reason return, by product. China's online no-reason
/// return rules (SAMR 网络购买商品七日无理由退货暂行办法, 2017) give 7 days
/// from receipt and let perishable goods out: food for babies and anything
/// shipped chilled.
pub fn return_days(p: &Product) -> u32 {
    if p.traceability.cold_chain || p.category == "baby_food" {
        0
    } else {
        7
    }
}

/// What a request does to an order after it is placed.
pub enum OrderChange {
    /// Pay through the payment provider.
    Pay,
    /// She cancels before it ships: a paid order is refunded in full, and
    /// its stock goes back on the shelf (`restock`).
    Cancel,
    /// The sandbox moves the order (or its open return) one step on.
    Advance,
    Return(ReturnRequest),
    Complain(ComplaintRequest),
    /// The sandbox answers a complaint, then resolves it.
    AnswerComplaint(String),
    /// The sandbox declines a requested return (its id), saying why.
    RejectReturn(String, String),
}

/// Why a change cannot apply.
pub enum Refusal {
    NotFound,
    Conflict(&'static str, &'static str),
    Invalid(&'static str, &'static str),
}

/// The payment provider: a sandbox here, behind a trait so a real one can
/// be added. It is told the amount and the order; it answers yes or no.
pub trait PaymentProvider {
    fn charge(&self, order: &Order) -> Result<(), &'static str>;
    /// Gives back what `charge` took for `order`.
    fn refund(&self, order: &Order) -> Result<(), &'static str>;
}

/// Approves every payment; clearly not a real provider.
pub struct SandboxPayments;

impl PaymentProvider for SandboxPayments {
    fn charge(&self, order: &Order) -> Result<(), &'static str> {
        if order.total_minor > 0 {
            Ok(())
        } else {
            Err("nothing to pay")
        }
    }

    fn refund(&self, _order: &Order) -> Result<(), &'static str> {
        Ok(())
    }
}

/// What goes back on the shelf when `change` applied to `order`: its
/// lines, when it was a cancellation. Shared by the backends, inside the
/// same transaction as the change.
pub fn restock<'a>(change: &OrderChange, order: &'a Order) -> impl Iterator<Item = (&'a str, i64)> {
    let lines = if matches!(change, OrderChange::Cancel) {
        order.lines.as_slice()
    } else {
        &[]
    };
    lines.iter().map(|l| (l.sku.as_str(), i64::from(l.qty)))
}

const ORDER_STEPS: &[OrderStatus] = &[
    OrderStatus::PendingPayment,
    OrderStatus::Paid,
    OrderStatus::Shipped,
    OrderStatus::Delivered,
];
const COMPLAINT_STEPS: &[ComplaintStatus] = &[
    ComplaintStatus::Open,
    ComplaintStatus::Responded,
    ComplaintStatus::Resolved,
];
/// The service targets: a first response within 48 h, a resolution within 72 h.
const RESPOND_WITHIN: i64 = 48 * 3600;
const RESOLVE_WITHIN: i64 = 72 * 3600;

fn step<S: Copy>(history: &mut Vec<StatusChange<S>>, status: &mut S, next: S, now: i64) {
    *status = next;
    history.push(StatusChange {
        status: next,
        at: now,
    });
}

/// The history of something that begins at `status` now.
fn begun<S: Copy>(status: S, now: i64) -> Vec<StatusChange<S>> {
    vec![StatusChange { status, at: now }]
}

/// Applies `change` to `order`; `Ok(false)` when it already had (a retry).
pub fn apply(order: &mut Order, change: &OrderChange, now: i64) -> Result<bool, Refusal> {
    match change {
        OrderChange::Pay => match order.status {
            OrderStatus::PendingPayment => {
                SandboxPayments.charge(order).map_err(|_| {
                    Refusal::Conflict("payment_declined", "the payment was declined")
                })?;
                step(
                    &mut order.history,
                    &mut order.status,
                    OrderStatus::Paid,
                    now,
                );
                Ok(true)
            }
            OrderStatus::Cancelled => {
                Err(Refusal::Conflict("cancelled", "the order was cancelled"))
            }
            _ => Ok(false),
        },
        OrderChange::Cancel => match order.status {
            OrderStatus::PendingPayment => {
                step(
                    &mut order.history,
                    &mut order.status,
                    OrderStatus::Cancelled,
                    now,
                );
                Ok(true)
            }
            OrderStatus::Paid => {
                SandboxPayments.refund(order).map_err(|_| {
                    Refusal::Conflict("refund_failed", "the payment could not be refunded")
                })?;
                step(
                    &mut order.history,
                    &mut order.status,
                    OrderStatus::Cancelled,
                    now,
                );
                Ok(true)
            }
            OrderStatus::Cancelled => Ok(false),
            OrderStatus::Shipped | OrderStatus::Delivered => Err(Refusal::Conflict(
                "already_shipped",
                "a shipped order is returned, not cancelled",
            )),
        },
        OrderChange::Advance => {
            // The first return still under way moves on along its kind's steps.
            let open = order.returns.iter_mut().find_map(|r| {
                let steps = return_steps(&r.kind);
                let i = steps.iter().position(|s| *s == r.status)?;
                steps.get(i + 1).map(|next| (r, *next))
            });
            if let Some((r, next)) = open {
                step(&mut r.history, &mut r.status, next, now);
                return Ok(true);
            }
            match ORDER_STEPS.iter().position(|s| *s == order.status) {
                Some(0) => Err(Refusal::Conflict("not_paid", "the order is not paid yet")),
                Some(i) if i + 1 < ORDER_STEPS.len() => {
                    step(
                        &mut order.history,
                        &mut order.status,
                        ORDER_STEPS[i + 1],
                        now,
                    );
                    Ok(true)
                }
                _ => Ok(false),
            }
        }
        OrderChange::Return(req) => {
            if let Some(existing) = order.returns.iter().find(|r| r.id == req.id) {
                return if existing.lines == req.lines
                    && existing.reason == req.reason
                    && existing.kind == req.kind
                {
                    Ok(false)
                } else {
                    Err(Refusal::Invalid(
                        "idempotency_mismatch",
                        "this return id was used for another return",
                    ))
                };
            }
            if !RETURN_REASONS.contains(&req.reason.as_str()) {
                return Err(Refusal::Invalid(
                    "invalid_reason",
                    "reason must be changed_mind, wrong_item, damaged, quality or other",
                ));
            }
            if let Err(why) = check_return_kind(&req.kind, &req.reason) {
                return Err(Refusal::Invalid("invalid_kind", why));
            }
            if req.note.as_ref().is_some_and(|n| n.chars().count() > 500) {
                return Err(Refusal::Invalid(
                    "invalid_note",
                    "a note is at most 500 characters",
                ));
            }
            let Some(delivered) = order
                .history
                .iter()
                .find(|h| h.status == OrderStatus::Delivered)
            else {
                return Err(Refusal::Conflict(
                    "not_delivered",
                    "an order can be returned once delivered",
                ));
            };
            if req.lines.is_empty() {
                return Err(Refusal::Invalid("empty_return", "name the lines to return"));
            }
            for item in &req.lines {
                let Some(line) = order.lines.iter().find(|l| l.sku == item.sku) else {
                    return Err(Refusal::Invalid(
                        "unknown_line",
                        "a line that is not in the order",
                    ));
                };
                let asked: u32 = order
                    .returns
                    .iter()
                    .flat_map(|r| &r.lines)
                    .filter(|l| l.sku == item.sku)
                    .map(|l| l.qty)
                    .sum::<u32>()
                    + item.qty;
                if item.qty == 0 || asked > line.qty {
                    return Err(Refusal::Invalid("invalid_qty", "more than was ordered"));
                }
                let deadline = delivered.at + i64::from(line.return_days) * 86_400;
                if line.return_days == 0 || now > deadline {
                    return Err(Refusal::Invalid(
                        "return_window_closed",
                        "the no-reason return window has closed",
                    ));
                }
            }
            let r = Return {
                id: req.id.clone(),
                lines: req.lines.clone(),
                reason: req.reason.clone(),
                note: req.note.clone(),
                kind: req.kind.clone(),
                status: ReturnStatus::Requested,
                history: begun(ReturnStatus::Requested, now),
                rejection: None,
            };
            order.returns.push(r);
            Ok(true)
        }
        OrderChange::Complain(req) => {
            if let Some(existing) = order.complaints.iter().find(|c| c.id == req.id) {
                return if existing.topic == req.topic && existing.note == req.note {
                    Ok(false)
                } else {
                    Err(Refusal::Invalid(
                        "idempotency_mismatch",
                        "this complaint id was used for another complaint",
                    ))
                };
            }
            if !COMPLAINT_TOPICS.contains(&req.topic.as_str()) {
                return Err(Refusal::Invalid(
                    "invalid_topic",
                    "topic must be late_delivery, damaged, wrong_item, quality, service or other",
                ));
            }
            let chars = req.note.trim().chars().count();
            if chars == 0 || chars > 500 {
                return Err(Refusal::Invalid(
                    "invalid_note",
                    "say what happened in 1 to 500 characters",
                ));
            }
            let c = Complaint {
                id: req.id.clone(),
                topic: req.topic.clone(),
                note: req.note.trim().to_owned(),
                status: ComplaintStatus::Open,
                respond_by: now + RESPOND_WITHIN,
                resolve_by: now + RESOLVE_WITHIN,
                history: begun(ComplaintStatus::Open, now),
            };
            order.complaints.push(c);
            Ok(true)
        }
        OrderChange::RejectReturn(id, reason) => {
            let Some(r) = order.returns.iter_mut().find(|r| r.id == *id) else {
                return Err(Refusal::NotFound);
            };
            let reason = reason.trim();
            if reason.is_empty() || reason.chars().count() > 200 {
                return Err(Refusal::Invalid(
                    "invalid_reason",
                    "say why in 1 to 200 characters",
                ));
            }
            match r.status {
                ReturnStatus::Requested => {
                    r.rejection = Some(reason.to_owned());
                    step(&mut r.history, &mut r.status, ReturnStatus::Rejected, now);
                    Ok(true)
                }
                ReturnStatus::Rejected => Ok(false),
                _ => Err(Refusal::Conflict(
                    "return_not_open",
                    "only a requested return can be declined",
                )),
            }
        }
        OrderChange::AnswerComplaint(id) => {
            let Some(c) = order.complaints.iter_mut().find(|c| c.id == *id) else {
                return Err(Refusal::NotFound);
            };
            match COMPLAINT_STEPS.iter().position(|s| *s == c.status) {
                Some(i) if i + 1 < COMPLAINT_STEPS.len() => {
                    step(&mut c.history, &mut c.status, COMPLAINT_STEPS[i + 1], now);
                    Ok(true)
                }
                _ => Ok(false),
            }
        }
    }
}

/// The order a placed request becomes.
pub fn order(
    id: &str,
    priced: &Validation,
    products: &HashMap<String, Product>,
    ship_to: &ShipTo,
    now: i64,
) -> Order {
    Order {
        id: id.to_owned(),
        status: OrderStatus::PendingPayment,
        lines: priced
            .lines
            .iter()
            .filter_map(|l| {
                let p = products.get(&l.sku)?;
                Some(cradle_protocol::wire::OrderLine {
                    sku: l.sku.clone(),
                    name_zh: p.name_zh.clone(),
                    name_en: p.name_en.clone(),
                    qty: l.qty,
                    unit_price_minor: l.unit_price_minor,
                    traceability: p.traceability.clone(),
                    return_days: return_days(p),
                })
            })
            .collect(),
        total_minor: priced.total_minor,
        currency: CURRENCY.into(),
        created_at: now,
        history: begun(OrderStatus::PendingPayment, now),
        returns: Vec::new(),
        complaints: Vec::new(),
        ship_to: Some(ship_to.clone()),
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
        if !(1..=MAX_LINE_QTY).contains(&qty(l)) {
            return Err(ApiError::bad_request(
                "invalid_qty",
                format!("each quantity must be 1 to {MAX_LINE_QTY}"),
            ));
        }
        if !seen.insert(sku(l)) {
            // Schema-valid, so not a 400: a rule the schema cannot state.
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
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
        (status = 400, body = ErrorBody, description = "against the schema: an empty cart, a zero quantity, or over 100 lines"),
        (status = 422, body = ErrorBody, description = "duplicate_sku: a SKU twice"),
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
    params(("Idempotency-Key" = String, Header, pattern = "^[0-9a-z-]{1,64}$", description = "the client-generated order id: 1 to 64 of [0-9a-z-]")),
    responses(
        (status = 201, body = Order, description = "placed; stock is taken"),
        (status = 200, body = Order, description = "this key placed this order before: the same order"),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "out_of_stock"),
        (status = 412, body = ErrorBody, description = "quote_stale: the cart or a price changed since validation"),
        (status = 422, body = ErrorBody, description = "idempotency_mismatch: this key placed a different order; invalid_address; duplicate_sku"),
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
    body.ship_to.check().map_err(|(_, message)| {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_address", message)
    })?;
    // The store is the arbiter: it places one order per account at a time,
    // so a retry sent while the first is in flight waits and gets that order,
    // whichever server process takes it.
    let now = jiff::Timestamp::now().as_second();
    match state
        .store
        .place_order(auth.account_id, key, body, now)
        .await?
    {
        PlaceOutcome::Placed(order) => Ok((StatusCode::CREATED, Json(*order))),
        PlaceOutcome::Existing(order) => Ok((StatusCode::OK, Json(*order))),
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

async fn change_order(
    state: &AppState,
    account_id: String,
    id: String,
    change: OrderChange,
) -> Result<Order, ApiError> {
    let now = jiff::Timestamp::now().as_second();
    match state
        .store
        .change_order(account_id, id, change, now)
        .await?
    {
        Ok(order) => Ok(order),
        Err(Refusal::NotFound) => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown_order",
            "no such order",
        )),
        Err(Refusal::Conflict(code, message)) => {
            Err(ApiError::new(StatusCode::CONFLICT, code, message))
        }
        Err(Refusal::Invalid(code, message)) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            code,
            message,
        )),
    }
}

#[utoipa::path(post, path = "/v1/orders/{id}/pay", tag = "shop",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = Order, description = "paid through the sandbox provider (paying again changes nothing)"),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "cancelled, or declined"),
    ))]
pub async fn pay(
    State(state): State<Arc<AppState>>,
    auth: Authed,
    Params(id): Params<String>,
) -> Result<Json<Order>, ApiError> {
    Ok(Json(
        change_order(&state, auth.account_id, id, OrderChange::Pay).await?,
    ))
}

#[utoipa::path(post, path = "/v1/orders/{id}/cancel", tag = "shop",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = Order, description = "cancelled before shipping: a paid order is refunded in full and the stock is put back (cancelling again changes nothing)"),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "already_shipped: return it instead"),
    ))]
pub async fn cancel(
    State(state): State<Arc<AppState>>,
    auth: Authed,
    Params(id): Params<String>,
) -> Result<Json<Order>, ApiError> {
    Ok(Json(
        change_order(&state, auth.account_id, id, OrderChange::Cancel).await?,
    ))
}

#[utoipa::path(post, path = "/v1/orders/{id}/returns", tag = "shop",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body = ReturnRequest,
    responses(
        (status = 200, body = Order, description = "the order with the request (a return, an exchange or a refund only); a retry changes nothing"),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "not delivered yet"),
        (status = 422, body = ErrorBody, description = "return_window_closed, a line or quantity not in the order, a bad reason, invalid_kind (an unknown kind, or a refund only for changing her mind)"),
    ))]
pub async fn request_return(
    State(state): State<Arc<AppState>>,
    auth: Authed,
    Params(id): Params<String>,
    Body(body): Body<ReturnRequest>,
) -> Result<Json<Order>, ApiError> {
    if !valid_id(&body.id) {
        return Err(ApiError::bad_request(
            "invalid_return_id",
            "id must be 1 to 64 of [0-9a-z-]",
        ));
    }
    Ok(Json(
        change_order(&state, auth.account_id, id, OrderChange::Return(body)).await?,
    ))
}

#[utoipa::path(post, path = "/v1/sandbox/orders/{id}/advance", tag = "shop",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = Order, description = "the sandbox moved the order, or its open return, one step on"),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such order, or the server runs without --sandbox"),
        (status = 409, body = ErrorBody, description = "not paid yet"),
    ))]
pub async fn advance(
    State(state): State<Arc<AppState>>,
    auth: Authed,
    Params(id): Params<String>,
) -> Result<Json<Order>, ApiError> {
    sandbox_only(&state)?;
    Ok(Json(
        change_order(&state, auth.account_id, id, OrderChange::Advance).await?,
    ))
}

#[utoipa::path(post, path = "/v1/orders/{id}/complaints", tag = "shop",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body = ComplaintRequest,
    responses(
        (status = 200, body = Order, description = "the order with the complaint open and its service targets (a retry changes nothing)"),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "a bad topic, an empty or long note, or an id used for another complaint"),
    ))]
pub async fn complain(
    State(state): State<Arc<AppState>>,
    auth: Authed,
    Params(id): Params<String>,
    Body(body): Body<ComplaintRequest>,
) -> Result<Json<Order>, ApiError> {
    if !valid_id(&body.id) {
        return Err(ApiError::bad_request(
            "invalid_complaint_id",
            "id must be 1 to 64 of [0-9a-z-]",
        ));
    }
    Ok(Json(
        change_order(&state, auth.account_id, id, OrderChange::Complain(body)).await?,
    ))
}

#[utoipa::path(post, path = "/v1/sandbox/orders/{id}/complaints/{complaint}/advance", tag = "shop",
    security(("bearer" = [])),
    params(("id" = String, Path), ("complaint" = String, Path)),
    responses(
        (status = 200, body = Order, description = "the sandbox answered the complaint, or resolved an answered one"),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such order or complaint, or the server runs without --sandbox"),
    ))]
pub async fn answer_complaint(
    State(state): State<Arc<AppState>>,
    auth: Authed,
    Params((id, complaint)): Params<(String, String)>,
) -> Result<Json<Order>, ApiError> {
    sandbox_only(&state)?;
    Ok(Json(
        change_order(
            &state,
            auth.account_id,
            id,
            OrderChange::AnswerComplaint(complaint),
        )
        .await?,
    ))
}

#[utoipa::path(post, path = "/v1/sandbox/orders/{id}/returns/{return}/reject", tag = "shop",
    security(("bearer" = [])),
    params(("id" = String, Path), ("return" = String, Path)),
    request_body = RejectReturn,
    responses(
        (status = 200, body = Order, description = "the sandbox declined the requested return, with its reason (again changes nothing)"),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such order or return, or the server runs without --sandbox"),
        (status = 409, body = ErrorBody, description = "return_not_open: it was already approved"),
        (status = 422, body = ErrorBody, description = "an empty or long reason"),
    ))]
pub async fn reject_return(
    State(state): State<Arc<AppState>>,
    auth: Authed,
    Params((id, ret)): Params<(String, String)>,
    Body(body): Body<RejectReturn>,
) -> Result<Json<Order>, ApiError> {
    sandbox_only(&state)?;
    Ok(Json(
        change_order(
            &state,
            auth.account_id,
            id,
            OrderChange::RejectReturn(ret, body.reason),
        )
        .await?,
    ))
}

/// The sandbox's routes do not exist on a server run without `--sandbox`.
fn sandbox_only(state: &AppState) -> Result<(), ApiError> {
    if state.config.sandbox {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no such route",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn product(sku: &str, price_minor: i64) -> Product {
        let mut p = crate::catalog::demo::products_n(1).remove(0);
        p.sku = sku.to_owned();
        p.price_minor = price_minor;
        p.stock = i64::MAX;
        p.qty_min = 1;
        p.qty_max = u32::MAX;
        p.qty_step = 1;
        p.discontinued = false;
        p
    }

    proptest! {
        /// Whatever prices a store holds and whatever quantities a cart asks,
        /// a validation's total is the exact sum of the lines it sells, and a
        /// line that would overflow it is refused by name, never wrapped.
        #[test]
        fn totals_are_exact_or_refused_at_any_price_and_quantity(
            lines in proptest::collection::vec(
                (prop_oneof![1..=i64::MAX, Just(i64::MAX), Just(MAX_PRICE), 1..=MAX_PRICE],
                 prop_oneof![1..=u32::MAX, Just(u32::MAX), 1..=999u32]),
                1..=8,
            )
        ) {
            let products: HashMap<String, Product> = lines
                .iter()
                .enumerate()
                .map(|(i, (price, _))| (format!("p{i}"), product(&format!("p{i}"), *price)))
                .collect();
            let items: Vec<CartItem> = lines
                .iter()
                .enumerate()
                .map(|(i, (price, qty))| CartItem { sku: format!("p{i}"), qty: *qty, price_seen_minor: *price })
                .collect();
            let v = validate(&items, &products);
            let exact: i128 = v.lines.iter().map(|l| i128::from(l.unit_price_minor) * i128::from(l.qty)).sum();
            prop_assert!(v.total_minor >= 0);
            prop_assert_eq!(i128::from(v.total_minor), exact);
            for l in &v.lines {
                prop_assert_eq!(i128::from(l.line_total_minor), i128::from(l.unit_price_minor) * i128::from(l.qty));
            }
            // Every asked line is either sold or named in a warning.
            prop_assert_eq!(v.lines.len() + v.warnings.iter().filter(|w| w.code == "QTY_RULE").count(), items.len());
            // Within the shop's own bounds, nothing is ever refused for size.
            if lines.iter().all(|(p, q)| *p <= MAX_PRICE && *q <= cradle_protocol::cart::MAX_LINE_QTY) {
                prop_assert_eq!(v.lines.len(), items.len());
            }
        }
    }

    const MAX_PRICE: i64 = cradle_protocol::wire::MAX_PRICE_MINOR;
}
