//! Checkout: review the cart against the server's prices and stock, then
//! place the order once. The order id is chosen and stored before the
//! first attempt, so no retry can ever order twice.

use super::addresses;
use super::after_sales::{self, ComplaintView, Request};
use super::notices::{self, Notice};
use super::queued;
use super::{CURRENCY, cart, catalog, format_money, status};
use crate::Shop;
use cradle_client::cart::MAX_CART_OPS;
use cradle_client::{
    ApiError, CartItem, CartOps, Client, Order, OrderItem, OrderLine, OrderStatus, PlaceOrder,
    RETURN_REASONS, ReturnRequest, ShipTo, StatusChange, ValidateCart, Validation, WireStatus,
    check_return_kind,
};
use cradle_store::Ctx;
use cradle_store::clock;
use cradle_store::error::{Error, Result};
use cradle_store::events::DataArea;
use cradle_store::profile::Language;
use cradle_store::storage::random_id;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// What she confirms: the cart at today's prices, and what changed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckoutReview {
    pub lines: Vec<ReviewLine>,
    pub total_minor: i64,
    pub total_text: String,
    pub warnings: Vec<CheckoutWarning>,
    /// Pass back to `place_order`: it names these lines at these prices.
    pub quote: String,
    /// Where it goes (her default address as a label); `None` until she
    /// adds one, and ordering needs one.
    pub ship_to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReviewLine {
    pub sku: String,
    pub name: String,
    pub qty: u32,
    pub unit_price_text: String,
    pub line_total_text: String,
}

/// `PRICE_CHANGED`, `OUT_OF_STOCK`, `NOT_ENOUGH_STOCK`, `DISCONTINUED`,
/// `QTY_RULE` or `UNKNOWN_SKU`, in words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckoutWarning {
    pub code: String,
    pub sku: String,
    pub message: String,
}

/// An order as her history shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OrderView {
    pub id: String,
    pub status: String,
    /// The status in her language.
    pub status_text: String,
    /// Unix seconds.
    pub created_at: i64,
    /// `YYYY-MM-DD HH:MM` in her zone.
    pub created_text: String,
    pub total_text: String,
    /// How she tells this order apart: "3 items · ¥256.00" (not its id).
    pub summary_text: String,
    pub lines: Vec<OrderLineView>,
    /// Every status with its time, oldest first.
    pub history: Vec<StatusStep>,
    /// The last moment a no-reason return can be asked for (Unix seconds),
    /// once delivered; `None` before delivery or when nothing qualifies.
    pub return_deadline: Option<i64>,
    /// The deadline as she reads it, in her zone.
    pub return_deadline_text: Option<String>,
    /// Returns asked for, including those still waiting for the network
    /// (status `queued`).
    pub returns: Vec<ReturnView>,
    /// Complaint tickets, including those still waiting for the network.
    pub complaints: Vec<ComplaintView>,
    /// Waiting for payment: the screen offers "Pay".
    pub can_pay: bool,
    /// Not shipped yet: the screen offers "Cancel order" (a paid order is
    /// refunded in full).
    pub can_cancel: bool,
    /// Some line can still be returned without a reason.
    pub can_return: bool,
    /// Where it goes, as the parcel label reads.
    pub ship_to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatusStep {
    pub status: String,
    pub text: String,
    pub at: i64,
    /// `YYYY-MM-DD HH:MM` in her zone.
    pub at_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReturnView {
    pub id: String,
    /// `return`, `exchange` or `refund_only`.
    pub kind: String,
    pub kind_text: String,
    pub reason: String,
    pub reason_text: String,
    pub status: String,
    pub status_text: String,
    /// Why the shop declined it, in the shop's words (status `rejected`).
    pub rejection: Option<String>,
    pub items: Vec<ReturnItem>,
    pub history: Vec<StatusStep>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReturnItem {
    pub sku: String,
    pub qty: u32,
}

/// What "buy again" did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Refill {
    pub cart: super::CartView,
    /// Names of the lines that could not be added again.
    pub skipped: Vec<String>,
}

/// The no-reason return deadline: delivery plus the longest window of its
/// lines (each line's policy as it stood at purchase).
fn return_deadline(order: &Order) -> Option<i64> {
    let delivered = order
        .history
        .iter()
        .find(|h| h.status == OrderStatus::Delivered)?
        .at;
    let days = order.lines.iter().map(|l| l.return_days).max()?;
    (days > 0).then(|| delivered + i64::from(days) * 86_400)
}

/// An order's Unix seconds as a screen lists them in `zone`.
pub(super) fn local_text(at: i64, zone: &TimeZone) -> String {
    Timestamp::from_second(at).map_or_else(|_| String::new(), |t| clock::local_minute(t, zone))
}

fn steps<S: WireStatus>(
    history: &[StatusChange<S>],
    words: fn(S, Language) -> String,
    c: &Ctx,
) -> Vec<StatusStep> {
    history
        .iter()
        .map(|h| StatusStep {
            status: h.status.code().to_owned(),
            text: words(h.status, c.language),
            at: h.at,
            at_text: local_text(h.at, &c.zone),
        })
        .collect()
}

fn items(lines: &[OrderItem]) -> Vec<ReturnItem> {
    lines
        .iter()
        .map(|l| ReturnItem {
            sku: l.sku.clone(),
            qty: l.qty,
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OrderLineView {
    pub sku: String,
    pub name: String,
    pub qty: u32,
    pub unit_price_text: String,
    pub batch: String,
    pub origin: String,
    pub quality_report: String,
    /// Still inside its own no-reason return window.
    pub returnable: bool,
}

/// Whether a line of a delivered order can still be returned at `now`:
/// inside its own window, with some of it not already asked back.
fn returnable(order: &Order, line: &OrderLine, now: i64) -> bool {
    let asked: u32 = order
        .returns
        .iter()
        .flat_map(|r| &r.lines)
        .filter(|l| l.sku == line.sku)
        .map(|l| l.qty)
        .sum();
    asked < line.qty
        && order
            .history
            .iter()
            .find(|h| h.status == OrderStatus::Delivered)
            .is_some_and(|d| {
                line.return_days > 0 && now <= d.at + i64::from(line.return_days) * 86_400
            })
}

fn cancellable(order: &Order) -> bool {
    matches!(
        order.status,
        OrderStatus::PendingPayment | OrderStatus::Paid
    )
}

pub(super) fn warning_text(
    w: &cradle_client::CartWarning,
    name: &str,
    language: Language,
) -> String {
    let money = |m: Option<i64>| format_money(m.unwrap_or(0), CURRENCY);
    match (language, w.code.as_str()) {
        (Language::ZhHans, "PRICE_CHANGED") => format!(
            "{name} 价格已从 {} 变为 {}",
            money(w.old_price_minor),
            money(w.new_price_minor)
        ),
        (Language::ZhHans, "OUT_OF_STOCK") => format!("{name} 已售罄"),
        (Language::ZhHans, "NOT_ENOUGH_STOCK") => {
            format!("{name} 仅剩 {} 件", w.available.unwrap_or(0))
        }
        (Language::ZhHans, "DISCONTINUED") => format!("{name} 已停售"),
        (Language::ZhHans, "QTY_RULE") => format!("{name} 的购买数量不符合要求"),
        (Language::ZhHans, _) => format!("{name} 已不在商品目录中"),
        (Language::En, "PRICE_CHANGED") => format!(
            "{name}: the price changed from {} to {}",
            money(w.old_price_minor),
            money(w.new_price_minor)
        ),
        (Language::En, "OUT_OF_STOCK") => format!("{name} is out of stock"),
        (Language::En, "NOT_ENOUGH_STOCK") => {
            format!("{name}: only {} left", w.available.unwrap_or(0))
        }
        (Language::En, "DISCONTINUED") => format!("{name} is no longer sold"),
        (Language::En, "QTY_RULE") => format!("{name}: that quantity cannot be ordered"),
        (Language::En, _) => format!("{name} is no longer in the catalogue"),
    }
}

pub(super) fn product_name(conn: &Connection, sku: &str, language: Language) -> Result<String> {
    Ok(catalog::product(conn, sku)?.map_or_else(
        || sku.to_owned(),
        |p| catalog::name(&p, language).to_owned(),
    ))
}

fn pending(conn: &Connection) -> Result<Option<(String, PlaceOrder)>> {
    conn.query_row("SELECT id, body FROM pending_order", [], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })
    .optional()?
    .map(|(id, body)| {
        Ok((
            id,
            serde_json::from_str(&body).map_err(|_| Error::Corrupt("a pending order"))?,
        ))
    })
    .transpose()
}

fn stored(conn: &Connection, id: &str) -> Result<Option<Order>> {
    conn.query_row("SELECT body FROM shop_order WHERE id = ?1", [id], |r| {
        r.get::<_, String>(0)
    })
    .optional()?
    .map(|b| serde_json::from_str(&b).map_err(|_| Error::Corrupt("an order")))
    .transpose()
}

pub(super) fn save_order(tx: &Transaction<'_>, order: &Order) -> Result<()> {
    tx.execute(
        "INSERT INTO shop_order (id, created_at, body) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body",
        params![
            order.id,
            order.created_at,
            serde_json::to_string(order).map_err(|_| Error::Corrupt("an order"))?
        ],
    )?;
    Ok(())
}

/// Placed: keep the order, take its lines out of the cart (as many as were
/// ordered; more added since stays), forget the pending id.
fn placed(tx: &Transaction<'_>, order: &Order) -> Result<()> {
    save_order(tx, order)?;
    for l in &order.lines {
        cart::take(tx, &l.sku, l.qty)?;
    }
    tx.execute("DELETE FROM pending_order WHERE id = ?1", [&order.id])?;
    Ok(())
}

impl Shop<'_> {
    /// Reprices the cart on the server and lists what changed, for her to
    /// confirm; a new price she is shown becomes the price she saw. Needs
    /// the network and a signed-in account.
    pub async fn review_checkout(self) -> Result<CheckoutReview> {
        let (client, token) = self.account.session()?;
        let items: Vec<CartItem> = cart::lines(&self.store.conn())?
            .into_iter()
            .map(|l| CartItem {
                sku: l.sku,
                qty: l.qty,
                price_seen_minor: l.price_seen_minor,
            })
            .collect();
        if items.is_empty() {
            return Err(Error::invalid("cart", "is empty"));
        }
        let v: Validation = client
            .validate_cart(&token, &ValidateCart { lines: items })
            .await?;
        // She is shown each new price now; the cart takes it as seen, so a
        // second review warns only of what changed after this one.
        self.store.write(&[DataArea::Shop], |tx, _| {
            for w in v.warnings.iter().filter(|w| w.code == "PRICE_CHANGED") {
                if let Some(price) = w.new_price_minor {
                    tx.execute(
                        "UPDATE cart_line SET price_seen_minor = ?2 WHERE sku = ?1",
                        params![w.sku, price],
                    )?;
                }
            }
            Ok(())
        })?;
        let db = self.store.conn();
        let language = self.store.ctx(&db)?.language;
        let mut lines = Vec::new();
        for l in &v.lines {
            lines.push(ReviewLine {
                name: product_name(&db, &l.sku, language)?,
                sku: l.sku.clone(),
                qty: l.qty,
                unit_price_text: format_money(l.unit_price_minor, &v.currency),
                line_total_text: format_money(l.line_total_minor, &v.currency),
            });
        }
        let mut warnings = Vec::new();
        for w in &v.warnings {
            let name = product_name(&db, &w.sku, language)?;
            warnings.push(CheckoutWarning {
                message: warning_text(w, &name, language),
                code: w.code.clone(),
                sku: w.sku.clone(),
            });
        }
        Ok(CheckoutReview {
            lines,
            total_minor: v.total_minor,
            total_text: format_money(v.total_minor, &v.currency),
            warnings,
            quote: v.quote,
            ship_to: addresses::default(&db)?.map(|a| a.label()),
        })
    }

    /// Places the order she confirmed (`quote` from `review_checkout`).
    /// An earlier attempt whose answer never came is settled first, under
    /// its own id, so nothing is ordered twice.
    pub async fn place_order(self, quote: &str) -> Result<OrderView> {
        let (client, token) = self.account.session()?;
        // Read, and the lock released, before anything awaits.
        let earlier = pending(&self.store.conn())?;
        if let Some((id, body)) = earlier {
            let settled = self.send_order(&client, &token, &id, &body).await;
            match settled {
                // The earlier attempt was this same order, or took all
                // that was in the cart: done.
                Ok(order) if body.quote == quote || cart::lines(&self.store.conn())?.is_empty() => {
                    return self.view(&order);
                }
                Ok(_) => {}
                Err(Error::Network(e)) => return Err(Error::Network(e)),
                // Refused: it never happened; go on with this one.
                Err(_) => {}
            }
        }
        let lines: Vec<OrderItem> = cart::lines(&self.store.conn())?
            .into_iter()
            .map(|l| OrderItem {
                sku: l.sku,
                qty: l.qty,
            })
            .collect();
        if lines.is_empty() {
            return Err(Error::invalid("cart", "is empty"));
        }
        let body = PlaceOrder {
            lines,
            quote: quote.to_owned(),
            ship_to: addresses::required(&self.store.conn())?,
        };
        let id = random_id()?;
        self.store.write(&[], |tx, c| {
            tx.execute(
                "INSERT INTO pending_order (id, body, created_at) VALUES (?1, ?2, ?3)",
                params![
                    id,
                    serde_json::to_string(&body).map_err(|_| Error::Corrupt("an order"))?,
                    c.now_text
                ],
            )?;
            Ok(())
        })?;
        let order = self.send_order(&client, &token, &id, &body).await?;
        self.view(&order)
    }

    /// Sends one attempt and records a definite answer: placed (the cart
    /// gives up the ordered lines), or refused (the pending id is dropped).
    /// No answer keeps the pending id for the next attempt.
    async fn send_order(
        &self,
        client: &cradle_client::Client,
        token: &str,
        id: &str,
        body: &PlaceOrder,
    ) -> Result<Order> {
        match client.place_order(token, id, body).await {
            Ok(order) => {
                self.store
                    .write(&[DataArea::Shop], |tx, _| placed(tx, &order))?;
                Ok(order)
            }
            Err(ApiError::Status {
                status: 409 | 412 | 422,
                code,
                ..
            }) => {
                self.store.write(&[], |tx, _| {
                    tx.execute("DELETE FROM pending_order WHERE id = ?1", [id])?;
                    Ok(())
                })?;
                Err(match code.as_str() {
                    "out_of_stock" => {
                        Error::invalid("cart", "not enough in stock; review it again")
                    }
                    _ => Error::invalid("cart", "changed since it was checked; review it again"),
                })
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Her orders as last fetched, newest first; works offline. Opening
    /// them reads their news, so its notifications are withdrawn.
    pub fn orders(&self) -> Result<Vec<OrderView>> {
        if notices::unread(&self.store.conn())? {
            self.store
                .write(&[DataArea::Shop], |tx, _| notices::read(tx))?;
        }
        let bodies: Vec<String> = self
            .store
            .conn()
            .prepare_cached("SELECT body FROM shop_order ORDER BY created_at DESC, id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        bodies
            .iter()
            .map(|b| {
                let order: Order =
                    serde_json::from_str(b).map_err(|_| Error::Corrupt("an order"))?;
                self.view(&order)
            })
            .collect()
    }

    /// Pays an order through the server's payment provider (a sandbox on
    /// the reference server).
    pub async fn pay_order(self, id: &str) -> Result<OrderView> {
        let (client, token) = self.account.session()?;
        let order = client.pay_order(&token, id).await.map_err(order_error)?;
        self.store
            .write(&[DataArea::Shop], |tx, _| save_order(tx, &order))?;
        self.view(&order)
    }

    /// Cancels an order before it ships; a paid order is refunded in full
    /// and the stock goes back. Needs the network: the shop must stop it.
    pub async fn cancel_order(self, id: &str) -> Result<OrderView> {
        let order = self.stored_order(id)?.ok_or(Error::NotFound("order"))?;
        if !cancellable(&order) && order.status != OrderStatus::Cancelled {
            return Err(Error::invalid(
                "order",
                "has shipped; ask for a return instead",
            ));
        }
        let (client, token) = self.account.session()?;
        let order = client.cancel_order(&token, id).await.map_err(order_error)?;
        self.store
            .write(&[DataArea::Shop], |tx, _| save_order(tx, &order))?;
        self.view(&order)
    }

    /// Asks to return, exchange, or be refunded for some lines of a
    /// delivered order (`kind`, one of `RETURN_KINDS`). Checked here first
    /// (the order, the lines, the window, the kind against the reason),
    /// then queued and sent; without a network it waits, shown as
    /// `queued`, and goes with the next refresh.
    pub async fn request_return(
        self,
        order_id: &str,
        kind: &str,
        lines: &[ReturnItem],
        reason: &str,
        note: Option<&str>,
    ) -> Result<OrderView> {
        self.require_consent()?;
        let order = self
            .stored_order(order_id)?
            .ok_or(Error::NotFound("order"))?;
        if !RETURN_REASONS.contains(&reason) {
            return Err(Error::invalid(
                "reason",
                "must be changed_mind, wrong_item, damaged, quality or other",
            ));
        }
        check_return_kind(kind, reason).map_err(|why| Error::invalid("kind", why))?;
        if note.is_some_and(|n| n.chars().count() > 500) {
            return Err(Error::invalid("note", "must be at most 500 characters"));
        }
        if lines.is_empty() {
            return Err(Error::invalid("lines", "name at least one line to return"));
        }
        for item in lines {
            let ordered = order
                .lines
                .iter()
                .find(|l| l.sku == item.sku)
                .ok_or_else(|| Error::invalid("lines", "a product that is not in this order"))?;
            if item.qty == 0 || item.qty > ordered.qty {
                return Err(Error::invalid(
                    "lines",
                    "between 1 and the quantity ordered",
                ));
            }
        }
        if !order
            .history
            .iter()
            .any(|h| h.status == OrderStatus::Delivered)
        {
            return Err(Error::invalid("order", "can be returned once delivered"));
        }
        let now = self.store.device().clock.now().as_second();
        for item in lines {
            let line = order.lines.iter().find(|l| l.sku == item.sku);
            if !line.is_some_and(|l| returnable(&order, l, now)) {
                return Err(Error::invalid(
                    "lines",
                    "the no-reason return window of a line has closed",
                ));
            }
        }
        let body = ReturnRequest {
            id: random_id()?,
            lines: lines
                .iter()
                .map(|i| OrderItem {
                    sku: i.sku.clone(),
                    qty: i.qty,
                })
                .collect(),
            reason: reason.to_owned(),
            note: note.map(str::to_owned),
            kind: kind.to_owned(),
        };
        self.send_after_sales(order_id, Request::Return(body)).await
    }

    /// "Buy again": puts an order's lines back in the cart in one go, at
    /// today's prices. Lines that can no longer be bought as they were (no
    /// longer sold, or over a quantity rule with what is already in the
    /// cart) are left out and named.
    pub fn buy_again(&self, order_id: &str) -> Result<Refill> {
        let order = self
            .stored_order(order_id)?
            .ok_or(Error::NotFound("order"))?;
        let skipped = self.store.write(&[DataArea::Shop], |tx, c| {
            let mut skipped = Vec::new();
            for l in &order.lines {
                match cart::add(tx, &l.sku, i64::from(l.qty), &c.now_text) {
                    Ok(()) => {}
                    Err(Error::Invalid { .. } | Error::NotFound(_)) => {
                        skipped.push(match c.language {
                            Language::ZhHans => l.name_zh.clone(),
                            Language::En => l.name_en.clone(),
                        })
                    }
                    Err(e) => return Err(e),
                }
            }
            Ok(skipped)
        })?;
        Ok(Refill {
            cart: self.cart()?,
            skipped,
        })
    }

    pub(super) fn stored_order(&self, id: &str) -> Result<Option<Order>> {
        stored(&self.store.conn(), id)
    }

    /// The reconnect and background path: sends what the shop queued
    /// offline (an order, then returns and complaints in the order she made
    /// them), then fetches her orders. What moved on since the last fetch
    /// becomes news in the notification plan.
    pub async fn sync_shop(self) -> Result<()> {
        let (client, token) = self.account.session()?;
        self.sync_cart(&client, &token).await?;
        self.send_queued_order(&client, &token).await?;
        self.send_queued(&client, &token).await?;
        let list = client.orders(&token).await?;
        let changed = self.store.write(&[], |tx, c| {
            let mut changed = false;
            for order in &list.orders {
                let before = stored(tx, &order.id)?;
                if before.as_ref() == Some(order) {
                    continue;
                }
                // An order new to this device is history, not news.
                let progress = before.map(|o| notices::progress(&o));
                if progress.is_some_and(|b| notices::progress(order) > b) {
                    notices::post(tx, &order.id, Notice::Update, c.now.as_second())?;
                }
                save_order(tx, order)?;
                changed = true;
            }
            // A queued order whose answer was lost, found among them.
            Ok(queued::settle(tx, &list.orders, c.now.as_second())? || changed)
        })?;
        // Screens reload only when something here changed.
        if changed {
            self.store.observers().notify(DataArea::Shop);
        }
        Ok(())
    }

    /// Sends her cart changes and takes the account's cart: one cart on
    /// every device.
    async fn sync_cart(&self, client: &Client, token: &str) -> Result<()> {
        let device = self.account.client_id()?;
        loop {
            let (sent, ops) = cart::pending(&self.store.conn(), MAX_CART_OPS)?;
            let full = ops.len() == MAX_CART_OPS;
            let account = if ops.is_empty() {
                client.cart(token).await?
            } else {
                let body = CartOps {
                    client: device.clone(),
                    ops,
                };
                client.change_cart(token, &body).await?
            };
            let changed = self
                .store
                .write(&[], |tx, c| cart::settle(tx, account, sent, &c.now_text))?;
            if changed {
                self.store.observers().notify(DataArea::Shop);
            }
            if !full {
                return Ok(());
            }
        }
    }

    /// Her orders fresh from the server, as she opens them.
    pub async fn refresh_orders(self) -> Result<Vec<OrderView>> {
        self.sync_shop().await?;
        self.orders()
    }

    pub(super) fn view(&self, order: &Order) -> Result<OrderView> {
        let c = self.store.ctx(&self.store.conn())?;
        let language = c.language;
        let mut returns: Vec<ReturnView> = order
            .returns
            .iter()
            .map(|r| ReturnView {
                id: r.id.clone(),
                kind_text: status::return_kind(&r.kind, language),
                kind: r.kind.clone(),
                reason_text: status::return_reason(&r.reason, language),
                reason: r.reason.clone(),
                status_text: status::return_status(r.status, language),
                status: r.status.code().to_owned(),
                rejection: r.rejection.clone(),
                items: items(&r.lines),
                history: steps(&r.history, status::return_status, &c),
            })
            .collect();
        let queued = after_sales::queued(&self.store.conn(), &order.id)?;
        let mut complaints: Vec<ComplaintView> = order
            .complaints
            .iter()
            .map(|k| after_sales::complaint_view(k, &c))
            .collect();
        for request in queued {
            let r = match request {
                Request::Return(r) => r,
                Request::Complaint(k) => {
                    complaints.push(after_sales::queued_complaint_view(k, &c));
                    continue;
                }
            };
            returns.push(ReturnView {
                id: r.id,
                kind_text: status::return_kind(&r.kind, language),
                kind: r.kind,
                reason_text: status::return_reason(&r.reason, language),
                reason: r.reason,
                status_text: status::queued_request(language),
                status: status::QUEUED.into(),
                rejection: None,
                items: items(&r.lines),
                history: Vec::new(),
            });
        }
        let now = self.store.device().clock.now().as_second();
        let lines: Vec<OrderLineView> = order
            .lines
            .iter()
            .map(|l| OrderLineView {
                sku: l.sku.clone(),
                name: match language {
                    Language::ZhHans => l.name_zh.clone(),
                    Language::En => l.name_en.clone(),
                },
                qty: l.qty,
                unit_price_text: format_money(l.unit_price_minor, &order.currency),
                batch: l.traceability.batch.clone(),
                origin: l.traceability.origin.clone(),
                quality_report: l.traceability.quality_report.clone(),
                returnable: returnable(order, l, now),
            })
            .collect();
        Ok(OrderView {
            history: steps(&order.history, status::order_status, &c),
            return_deadline: return_deadline(order),
            return_deadline_text: return_deadline(order).map(|d| local_text(d, &c.zone)),
            returns,
            complaints,
            can_pay: order.status == OrderStatus::PendingPayment,
            can_cancel: cancellable(order),
            ship_to: order.ship_to.as_ref().map(ShipTo::label),
            can_return: lines.iter().any(|l| l.returnable),
            lines,
            id: order.id.clone(),
            status_text: status::order_status(order.status, language),
            status: order.status.code().to_owned(),
            created_at: order.created_at,
            created_text: local_text(order.created_at, &c.zone),
            total_text: format_money(order.total_minor, &order.currency),
            summary_text: summary(order, language),
        })
    }
}

/// "3 items · ¥256.00": every unit counted, in her language.
fn summary(order: &Order, language: Language) -> String {
    let units: u64 = order.lines.iter().map(|l| u64::from(l.qty)).sum();
    let total = format_money(order.total_minor, &order.currency);
    crate::words::items_total(units, &total, language)
}

/// An order call's refusal in words she can act on.
pub(super) fn order_error(e: ApiError) -> Error {
    match &e {
        ApiError::Status { status: 404, .. } => Error::NotFound("order"),
        ApiError::Status {
            status: 409 | 422,
            code,
            ..
        } => match code.as_str() {
            "return_window_closed" => {
                Error::invalid("order", "its no-reason return window has closed")
            }
            "not_delivered" => Error::invalid("order", "can be returned once delivered"),
            "payment_declined" => Error::invalid("payment", "was declined"),
            "cancelled" => Error::invalid("order", "was cancelled"),
            "already_shipped" => Error::invalid("order", "has shipped; ask for a return instead"),
            "invalid_topic" => Error::invalid("topic", "is not one the shop knows"),
            "invalid_note" => Error::invalid("note", "say what happened in 1 to 500 characters"),
            _ => Error::invalid("order", "the server refused this change"),
        },
        _ => e.into(),
    }
}
