//! "Order when back online": offline, she confirms her cart at the prices
//! it shows; the order waits on the device and is placed on reconnect only
//! if the server still agrees on every line, quantity and price. Anything
//! else keeps it waiting and asks her to review it (docs/shop.md).
//!
//! The order's id is its Idempotency-Key from the moment it is queued, and
//! the request is stored before it is first sent, so a lost answer is
//! settled by sending the very same request again: never two orders.

use super::addresses;
use super::checkout::{
    CheckoutWarning, ReviewLine, local_text, product_name, save_order, warning_text,
};
use super::notices::{self, Notice};
use super::{CURRENCY, cart, format_money, status};
use crate::Shop;
use cradle_client::{
    ApiError, CartItem, CartWarning, Client, Order, OrderItem, PlaceOrder, ShipTo, ValidateCart,
};
use cradle_store::Ctx;
use cradle_store::error::{Error, Result};
use cradle_store::events::DataArea;
use cradle_store::storage::random_id;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// The order waiting for the network, as the cart screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct QueuedOrder {
    pub id: String,
    pub lines: Vec<ReviewLine>,
    pub total_minor: i64,
    pub total_text: String,
    /// When she queued it, `YYYY-MM-DD HH:MM` in her zone.
    pub queued_text: String,
    /// `waiting`, or `needs_review` once something changed.
    pub status: String,
    pub status_text: String,
    /// What changed, in words; empty while waiting.
    pub warnings: Vec<CheckoutWarning>,
    /// Where it goes, as the parcel label reads.
    pub ship_to: String,
}

/// A queued order as stored.
struct Stored {
    id: String,
    lines: Vec<CartItem>,
    ship_to: ShipTo,
    queued_at: i64,
    sent: Option<PlaceOrder>,
    review: Option<Vec<CartWarning>>,
}

fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|_| Error::Corrupt("a queued order"))
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|_| Error::Corrupt("a queued order"))
}

fn load(conn: &Connection) -> Result<Option<Stored>> {
    let row = conn
        .query_row(
            "SELECT id, lines, ship_to, queued_at, sent, review FROM queued_order",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            },
        )
        .optional()?;
    row.map(|(id, lines, ship_to, queued_at, sent, review)| {
        Ok(Stored {
            id,
            lines: parse(&lines)?,
            ship_to: parse(&ship_to)?,
            queued_at,
            sent: sent.as_deref().map(parse).transpose()?,
            review: review.as_deref().map(parse).transpose()?,
        })
    })
    .transpose()
}

/// Something changed: it waits for her, with what changed, and she is told.
fn needs_review(tx: &Transaction<'_>, id: &str, warnings: &[CartWarning], at: i64) -> Result<()> {
    let still_queued = tx.execute(
        "UPDATE queued_order SET review = ?2, sent = NULL WHERE id = ?1",
        params![id, json(&warnings)?],
    )?;
    if still_queued == 0 {
        return Ok(());
    }
    notices::post(tx, id, Notice::Review, at)
}

/// The queued order is among `orders` (it went through, and the answer
/// was lost): it is an order now, and she is told. Returns whether it was.
pub(super) fn settle(tx: &Transaction<'_>, orders: &[Order], at: i64) -> Result<bool> {
    let Some(q) = load(tx)? else {
        return Ok(false);
    };
    if !orders.iter().any(|o| o.id == q.id) {
        return Ok(false);
    }
    tx.execute("DELETE FROM queued_order WHERE id = ?1", [&q.id])?;
    notices::post(tx, &q.id, Notice::Placed, at)?;
    Ok(true)
}

/// The view of the queued order, if there is one.
pub(super) fn view(conn: &Connection, c: &Ctx) -> Result<Option<QueuedOrder>> {
    let Some(q) = load(conn)? else {
        return Ok(None);
    };
    let mut lines = Vec::new();
    let mut total_minor: i64 = 0;
    for l in &q.lines {
        let line_total = cart::line_total(l.price_seen_minor, l.qty)?;
        total_minor = cradle_client::add_minor(total_minor, line_total)
            .ok_or_else(|| Error::invalid("qty", "the total is too large"))?;
        lines.push(ReviewLine {
            name: product_name(conn, &l.sku, c.language)?,
            sku: l.sku.clone(),
            qty: l.qty,
            unit_price_text: format_money(l.price_seen_minor, CURRENCY),
            line_total_text: format_money(line_total, CURRENCY),
        });
    }
    let mut warnings = Vec::new();
    for w in q.review.iter().flatten() {
        let name = product_name(conn, &w.sku, c.language)?;
        warnings.push(CheckoutWarning {
            message: warning_text(w, &name, c.language),
            code: w.code.clone(),
            sku: w.sku.clone(),
        });
    }
    let status = if q.review.is_some() {
        "needs_review"
    } else {
        "waiting"
    };
    Ok(Some(QueuedOrder {
        id: q.id,
        lines,
        total_minor,
        total_text: format_money(total_minor, CURRENCY),
        queued_text: local_text(q.queued_at, &c.zone),
        status: status.to_owned(),
        status_text: status::queued_order_status(status, c.language),
        warnings,
        ship_to: q.ship_to.label(),
    }))
}

impl Shop<'_> {
    /// Queues her cart as an order to place when the network returns, at
    /// the prices the cart shows. Works offline; the cart empties into the
    /// queued order. One order waits at a time.
    pub fn queue_order(&self) -> Result<super::CartView> {
        self.require_consent()?;
        self.account.require()?;
        self.store.write(&[DataArea::Shop], |tx, c| {
            if load(tx)?.is_some() {
                return Err(Error::invalid(
                    "cart",
                    "an order is already waiting for the network",
                ));
            }
            let mut lines = Vec::new();
            for l in cart::lines(tx)? {
                let p = l
                    .product
                    .filter(|p| !p.discontinued)
                    .ok_or_else(|| Error::invalid("cart", "remove what is no longer sold first"))?;
                cart::check_qty(&p, l.qty)?;
                lines.push(CartItem {
                    sku: l.sku,
                    qty: l.qty,
                    // The price the cart shows her is the price she confirms.
                    price_seen_minor: p.price_minor,
                });
            }
            if lines.is_empty() {
                return Err(Error::invalid("cart", "is empty"));
            }
            let ship_to = addresses::required(tx)?;
            tx.execute(
                "INSERT INTO queued_order (id, lines, ship_to, queued_at) VALUES (?1, ?2, ?3, ?4)",
                params![
                    random_id()?,
                    json(&lines)?,
                    json(&ship_to)?,
                    c.now.as_second()
                ],
            )?;
            cart::clear(tx)?;
            Ok(())
        })?;
        self.cart()
    }

    /// Takes the queued order back into the cart, to change it or to
    /// review what changed. If an attempt to place it went out and its
    /// answer never came, her orders are asked first: an order that did go
    /// through stays an order, and this needs the network.
    pub async fn cancel_queued_order(self) -> Result<super::CartView> {
        let q = load(&self.store.conn())?.ok_or(Error::NotFound("queued order"))?;
        if q.sent.is_some() {
            let (client, token) = self.account.session()?;
            let orders = client.orders(&token).await?;
            if let Some(order) = orders.orders.into_iter().find(|o| o.id == q.id) {
                self.store.write(&[DataArea::Shop], |tx, _| {
                    save_order(tx, &order)?;
                    tx.execute("DELETE FROM queued_order WHERE id = ?1", [&q.id])?;
                    Ok(())
                })?;
                return Err(Error::invalid(
                    "order",
                    "went through before it could be taken back; see your orders",
                ));
            }
        }
        self.store.write(&[DataArea::Shop], |tx, c| {
            // Only as it was read: a send that started since has claimed
            // it (the write lock orders the two), and it may be placed.
            let taken = tx.execute(
                if q.sent.is_some() {
                    "DELETE FROM queued_order WHERE id = ?1"
                } else {
                    "DELETE FROM queued_order WHERE id = ?1 AND sent IS NULL"
                },
                [&q.id],
            )?;
            if taken == 0 {
                return Err(Error::invalid(
                    "order",
                    "is being placed right now; look again in a moment",
                ));
            }
            for l in &q.lines {
                // Back as it was; a line she added since keeps its price.
                cart::put_back(tx, &l.sku, l.qty, l.price_seen_minor, CURRENCY, &c.now_text)?;
            }
            notices::forget(tx, &q.id)
        })?;
        self.cart()
    }

    /// On reconnect: checks the queued order with the server and places it
    /// if nothing changed; otherwise it waits for her review. No network:
    /// it keeps waiting.
    pub(super) async fn send_queued_order(&self, client: &Client, token: &str) -> Result<()> {
        let Some(q) = load(&self.store.conn())? else {
            return Ok(());
        };
        if q.review.is_some() {
            return Ok(());
        }
        let body = match q.sent {
            Some(body) => body,
            None => {
                let check = ValidateCart {
                    lines: q.lines.clone(),
                };
                let v = match client.validate_cart(token, &check).await {
                    Err(ApiError::Network(_)) => return Ok(()),
                    other => other?,
                };
                if !v.warnings.is_empty() {
                    self.store.write(&[DataArea::Shop], |tx, c| {
                        needs_review(tx, &q.id, &v.warnings, c.now.as_second())
                    })?;
                    return Ok(());
                }
                let body = PlaceOrder {
                    lines: q
                        .lines
                        .iter()
                        .map(|l| OrderItem {
                            sku: l.sku.clone(),
                            qty: l.qty,
                        })
                        .collect(),
                    quote: v.quote,
                    ship_to: q.ship_to.clone(),
                };
                // Taken back (or changed) while it was being checked: it
                // is no longer hers to send.
                let claimed = self.store.write(&[], |tx, _| {
                    Ok(tx.execute(
                        "UPDATE queued_order SET sent = ?2
                         WHERE id = ?1 AND sent IS NULL AND review IS NULL",
                        params![q.id, json(&body)?],
                    )?)
                })?;
                if claimed == 0 {
                    return Ok(());
                }
                body
            }
        };
        match client.place_order(token, &q.id, &body).await {
            Ok(order) => self.store.write(&[DataArea::Shop], |tx, c| {
                save_order(tx, &order)?;
                tx.execute("DELETE FROM queued_order WHERE id = ?1", [&q.id])?;
                notices::post(tx, &q.id, Notice::Placed, c.now.as_second())
            }),
            Err(ApiError::Network(_)) => Ok(()),
            // Refused: no order exists under this id. Something changed
            // between the check and the order; ask once more what, so she
            // sees it.
            Err(ApiError::Status {
                status: 409 | 412 | 422,
                ..
            }) => {
                let warnings = match client
                    .validate_cart(
                        token,
                        &ValidateCart {
                            lines: q.lines.clone(),
                        },
                    )
                    .await
                {
                    Ok(v) => v.warnings,
                    Err(_) => Vec::new(),
                };
                self.store.write(&[DataArea::Shop], |tx, c| {
                    needs_review(tx, &q.id, &warnings, c.now.as_second())
                })
            }
            Err(e) => Err(e.into()),
        }
    }
}
