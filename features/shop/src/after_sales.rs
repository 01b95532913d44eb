//! After-sales: returns and complaints made on the phone wait in one queue
//! and go to the server in the order she made them, so a request made in a
//! clinic waiting room is never lost. Complaint tickets carry the shop's
//! service targets (docs/shop.md): a first response within 48 h and a
//! resolution within 72 h, shown as time left and flagged when overdue.

use super::checkout::{OrderView, StatusStep, order_error, save_order};
use super::status;
use crate::Shop;
use cradle_client::{
    ApiError, COMPLAINT_TOPICS, Client, Complaint, ComplaintRequest, ComplaintStatus,
    ReturnRequest, WireStatus,
};
use cradle_store::Ctx;
use cradle_store::error::{Error, Result};
use cradle_store::events::DataArea;
use cradle_store::profile::Language;
use cradle_store::storage::random_id;
use rusqlite::{Connection, Transaction, params};

/// The longest note a complaint carries.
const NOTE_MAX: usize = 500;

/// A request waiting for the server.
pub enum Request {
    Return(ReturnRequest),
    Complaint(ComplaintRequest),
}

impl Request {
    fn id(&self) -> &str {
        match self {
            Request::Return(r) => &r.id,
            Request::Complaint(c) => &c.id,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Request::Return(_) => "return",
            Request::Complaint(_) => "complaint",
        }
    }

    fn body(&self) -> Result<String> {
        match self {
            Request::Return(r) => serde_json::to_string(r),
            Request::Complaint(c) => serde_json::to_string(c),
        }
        .map_err(|_| Error::Corrupt("an after-sales request"))
    }

    fn parse(kind: &str, body: &str) -> Result<Request> {
        let bad = |_| Error::Corrupt("a queued after-sales request");
        match kind {
            "return" => serde_json::from_str(body).map(Request::Return).map_err(bad),
            _ => serde_json::from_str(body)
                .map(Request::Complaint)
                .map_err(bad),
        }
    }
}

fn enqueue(tx: &Transaction<'_>, order_id: &str, request: &Request, now: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO pending_request (id, order_id, kind, body, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![request.id(), order_id, request.kind(), request.body()?, now],
    )?;
    Ok(())
}

/// The requests for `order_id` still waiting, oldest first.
pub fn queued(conn: &Connection, order_id: &str) -> Result<Vec<Request>> {
    let rows: Vec<(String, String)> = conn
        .prepare_cached(
            "SELECT kind, body FROM pending_request WHERE order_id = ?1 ORDER BY created_at, id",
        )?
        .query_map([order_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.iter().map(|(k, b)| Request::parse(k, b)).collect()
}

/// A complaint ticket as her order shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ComplaintView {
    pub id: String,
    pub topic: String,
    pub topic_text: String,
    pub note: String,
    /// `queued` (waiting for the network), `open`, `responded`, `resolved`.
    pub status: String,
    pub status_text: String,
    /// The next service target as time left ("Reply due within 47 h"), or
    /// how late it is; `None` once resolved or before the shop has it.
    pub target_text: Option<String>,
    /// The shop missed its target.
    pub overdue: bool,
    pub history: Vec<StatusStep>,
}

pub fn complaint_view(k: &Complaint, c: &Ctx) -> ComplaintView {
    let (target_text, overdue) = match target(k, c.now.as_second(), c.language) {
        Some((text, overdue)) => (Some(text), overdue),
        None => (None, false),
    };
    ComplaintView {
        id: k.id.clone(),
        topic_text: status::complaint_topic(&k.topic, c.language),
        topic: k.topic.clone(),
        note: k.note.clone(),
        status_text: status::complaint_status(k.status, c.language),
        status: k.status.code().to_owned(),
        target_text,
        overdue,
        history: k
            .history
            .iter()
            .map(|h| StatusStep {
                status: h.status.code().to_owned(),
                text: status::complaint_status(h.status, c.language),
                at: h.at,
                at_text: super::checkout::local_text(h.at, &c.zone),
            })
            .collect(),
    }
}

pub fn queued_complaint_view(k: ComplaintRequest, c: &Ctx) -> ComplaintView {
    ComplaintView {
        id: k.id,
        topic_text: status::complaint_topic(&k.topic, c.language),
        topic: k.topic,
        note: k.note,
        status: status::QUEUED.into(),
        status_text: status::queued_request(c.language),
        target_text: None,
        overdue: false,
        history: Vec::new(),
    }
}

/// The target that applies now, in words, and whether it was missed:
/// the first response while open, the resolution once answered.
fn target(k: &Complaint, now: i64, language: Language) -> Option<(String, bool)> {
    let (due, reply) = match k.status {
        ComplaintStatus::Open => (k.respond_by, true),
        ComplaintStatus::Responded => (k.resolve_by, false),
        ComplaintStatus::Resolved => return None,
    };
    let left = due - now;
    // Whole hours, rounded up: 30 minutes left is "within 1 h", and so is none.
    let hours = left.unsigned_abs().div_ceil(3600).max(1);
    let text = match (language, reply, left >= 0) {
        (Language::En, true, true) => format!("Reply due within {hours} h"),
        (Language::En, true, false) => format!("Reply overdue by {hours} h"),
        (Language::En, false, true) => format!("Resolution due within {hours} h"),
        (Language::En, false, false) => format!("Resolution overdue by {hours} h"),
        (Language::ZhHans, true, true) => format!("{hours} 小时内回复"),
        (Language::ZhHans, true, false) => format!("回复已超时 {hours} 小时"),
        (Language::ZhHans, false, true) => format!("{hours} 小时内解决"),
        (Language::ZhHans, false, false) => format!("处理已超时 {hours} 小时"),
    };
    Some((text, left < 0))
}

impl Shop<'_> {
    /// Files a complaint about an order. Checked here first, then queued
    /// and sent; without a network it waits, shown as `queued`.
    pub async fn file_complaint(
        self,
        order_id: &str,
        topic: &str,
        note: &str,
    ) -> Result<OrderView> {
        self.require_consent()?;
        self.stored_order(order_id)?
            .ok_or(Error::NotFound("order"))?;
        if !COMPLAINT_TOPICS.contains(&topic) {
            return Err(Error::invalid(
                "topic",
                "must be late_delivery, damaged, wrong_item, quality, service or other",
            ));
        }
        let note = note.trim();
        if note.is_empty() || note.chars().count() > NOTE_MAX {
            return Err(Error::invalid(
                "note",
                "say what happened in 1 to 500 characters",
            ));
        }
        let request = ComplaintRequest {
            id: random_id()?,
            topic: topic.to_owned(),
            note: note.to_owned(),
        };
        self.send_after_sales(order_id, Request::Complaint(request))
            .await
    }

    /// Queues `request`, sends the queue if she is signed in, and returns
    /// the order as it now stands.
    pub async fn send_after_sales(self, order_id: &str, request: Request) -> Result<OrderView> {
        self.store.write(&[DataArea::Shop], |tx, c| {
            enqueue(tx, order_id, &request, &c.now_text)
        })?;
        if let Ok((client, token)) = self.account.session() {
            self.send_queued(&client, &token).await?;
        }
        let order = self
            .stored_order(order_id)?
            .ok_or(Error::NotFound("order"))?;
        self.view(&order)
    }

    /// Sends the queued requests in order. No network: they wait. A
    /// refusal drops that request and is reported.
    pub async fn send_queued(self, client: &Client, token: &str) -> Result<()> {
        let rows: Vec<(String, String, String, String)> = self
            .store
            .conn()
            .prepare_cached(
                "SELECT id, order_id, kind, body FROM pending_request ORDER BY created_at, id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, order_id, kind, body) in rows {
            let sent = match Request::parse(&kind, &body)? {
                Request::Return(r) => client.request_return(token, &order_id, &r).await,
                Request::Complaint(k) => client.complain(token, &order_id, &k).await,
            };
            let forget = |tx: &Transaction<'_>| {
                tx.execute("DELETE FROM pending_request WHERE id = ?1", [&id])
            };
            match sent {
                Ok(order) => self.store.write(&[DataArea::Shop], |tx, _| {
                    save_order(tx, &order)?;
                    forget(tx)?;
                    Ok(())
                })?,
                Err(ApiError::Network(_)) => return Ok(()),
                Err(
                    e @ ApiError::Status {
                        status: 400..=499, ..
                    },
                ) if e.status() != Some(401) => {
                    self.store.write(&[DataArea::Shop], |tx, _| {
                        forget(tx)?;
                        Ok(())
                    })?;
                    return Err(order_error(e));
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cradle_client::StatusChange;
    use proptest::prelude::*;

    fn ticket(status: ComplaintStatus, created: i64) -> Complaint {
        Complaint {
            id: "k1".into(),
            topic: "late_delivery".into(),
            note: "still not here".into(),
            status,
            respond_by: created + 48 * 3600,
            resolve_by: created + 72 * 3600,
            history: vec![StatusChange {
                status: ComplaintStatus::Open,
                at: created,
            }],
        }
    }

    #[test]
    fn the_target_is_the_reply_then_the_resolution_then_none() {
        let t0 = 1_800_000_000;
        let open = ticket(ComplaintStatus::Open, t0);
        assert_eq!(
            target(&open, t0 + 3600, Language::En),
            Some(("Reply due within 47 h".into(), false))
        );
        assert_eq!(
            target(&open, t0 + 48 * 3600 + 1, Language::En),
            Some(("Reply overdue by 1 h".into(), true))
        );
        assert_eq!(
            target(&open, t0 + 50 * 3600, Language::ZhHans),
            Some(("回复已超时 2 小时".into(), true))
        );
        let answered = ticket(ComplaintStatus::Responded, t0);
        assert_eq!(
            target(&answered, t0 + 60 * 3600, Language::ZhHans),
            Some(("12 小时内解决".into(), false))
        );
        assert_eq!(
            target(
                &ticket(ComplaintStatus::Resolved, t0),
                t0 + 99 * 3600,
                Language::En
            ),
            None
        );
    }

    proptest! {
        /// At any moment, a ticket is overdue exactly when its current
        /// target has passed, and the hours shown are never zero.
        #[test]
        fn overdue_exactly_when_the_target_has_passed(
            elapsed in 0i64..(10 * 24 * 3600), answered in any::<bool>()
        ) {
            let t0 = 1_800_000_000;
            let k = ticket(if answered { ComplaintStatus::Responded } else { ComplaintStatus::Open }, t0);
            let due = if answered { k.resolve_by } else { k.respond_by };
            let (text, overdue) = target(&k, t0 + elapsed, Language::En).unwrap();
            prop_assert_eq!(overdue, t0 + elapsed > due);
            prop_assert!(!text.contains(" 0 h"), "{}", text);
        }
    }
}
