//! Shop news for the notification plan: an order moved on (shipped, a
//! return approved, a complaint answered), or the order queued offline went
//! through or needs her. One notice per order, the latest. The words never
//! say what was bought: the lock screen is public.

use cradle_client::Order;
use cradle_reminders::notify::Notification;
use cradle_store::error::Result;
use cradle_store::links::Link;
use cradle_store::profile::Language;
use cradle_timeline::content::notification_text;
use jiff::Timestamp;
use rusqlite::{Connection, Transaction, params};

/// News older than this is no longer worth a notification.
const FRESH_SECS: i64 = 7 * 86_400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// An order, return or complaint moved on.
    Update,
    /// The order queued offline was placed.
    Placed,
    /// The order queued offline needs her review.
    Review,
}

impl Notice {
    fn code(self) -> &'static str {
        match self {
            Notice::Update => "update",
            Notice::Placed => "placed",
            Notice::Review => "review",
        }
    }
}

pub fn post(tx: &Transaction<'_>, order_id: &str, notice: Notice, at: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO shop_notice (order_id, kind, at, seen) VALUES (?1, ?2, ?3, 0)
         ON CONFLICT (order_id) DO UPDATE SET kind = ?2, at = ?3, seen = 0",
        params![order_id, notice.code(), at],
    )?;
    Ok(())
}

pub fn forget(tx: &Transaction<'_>, order_id: &str) -> Result<()> {
    tx.execute("DELETE FROM shop_notice WHERE order_id = ?1", [order_id])?;
    Ok(())
}

/// Whether her orders have news she has not opened.
pub fn unread(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM shop_notice WHERE seen = 0 AND kind != 'review')",
        [],
        |r| r.get(0),
    )?)
}

/// She opened her orders: their news is read. A queued order needing
/// review stays until she takes it back to the cart.
pub fn read(tx: &Transaction<'_>) -> Result<()> {
    tx.execute("UPDATE shop_notice SET seen = 1 WHERE kind != 'review'", [])?;
    Ok(())
}

/// How far an order has moved: every status step of the order, its
/// returns and its complaints. A refresh that raises it is news.
pub fn progress(order: &Order) -> usize {
    order.history.len()
        + order.returns.iter().map(|r| r.history.len()).sum::<usize>()
        + order
            .complaints
            .iter()
            .map(|k| k.history.len())
            .sum::<usize>()
}

/// Unread news from the last week, as notifications at the time it came.
pub fn plan(conn: &Connection, language: Language, now: Timestamp) -> Result<Vec<Notification>> {
    let mut stmt = conn.prepare_cached(
        "SELECT order_id, kind, at FROM shop_notice WHERE seen = 0 AND at >= ?1 ORDER BY at",
    )?;
    let rows = stmt.query_map([now.as_second() - FRESH_SECS], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (order_id, kind, at) = row?;
        let (key, deep_link) = match kind.as_str() {
            "review" => ("order_review", Link::Cart),
            "placed" => (
                "order_placed",
                Link::Order {
                    id: order_id.clone(),
                },
            ),
            _ => (
                "order_update",
                Link::Order {
                    id: order_id.clone(),
                },
            ),
        };
        out.push(Notification {
            id: format!("order:{order_id}"),
            fire_at: Timestamp::from_second(at).unwrap_or(now),
            title: notification_text(language, &format!("{key}_title")).to_owned(),
            body: notification_text(language, &format!("{key}_body")).to_owned(),
            deep_link: deep_link.to_string(),
        });
    }
    Ok(out)
}
