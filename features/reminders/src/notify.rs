//! The notification plan: which local notifications a shell should have
//! scheduled right now. Shells register what this returns and nothing else.
//!
//! - At most `limit` notifications (iOS keeps 64 pending).
//! - Checkups and vaccines fire at 09:00 local on their day; when that has
//!   passed and the item is still open (a checkup window not yet closed, an
//!   overdue vaccine), at the next 09:00. They are not urgent: inside quiet
//!   hours they move to the end of the quiet period.
//! - Custom reminders fire at the time the user chose, quiet hours or not.
//! - Text never contains a health value: the lock screen is public.

use super::{Due, Inputs, Item, Kind, Status};
use cradle_store::error::Result;
use cradle_store::links::Link;
use cradle_timeline::content::notification_text;
use jiff::Timestamp;
use jiff::civil::{DateTime, Time};
use jiff::tz::TimeZone;
use rusqlite::{Connection, Transaction, params};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Notification {
    /// The item's stable id; reused as the platform notification id.
    pub id: String,
    pub fire_at: Timestamp,
    pub title: String,
    pub body: String,
    /// Where a tap leads, e.g. `cradle://reminders/checkup:1:visit_3`.
    pub deep_link: String,
}

/// What changed since the plan last handed to the shell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanDiff {
    pub add: Vec<Notification>,
    pub cancel: Vec<String>,
}

const DAY_TIME: Time = Time::constant(9, 0, 0, 0);
/// Custom rules are looked at up to five years ahead.
const HORIZON_DAYS: i64 = 5 * 366;

fn in_quiet_hours(t: Time, start: Time, end: Time) -> bool {
    if start <= end {
        start <= t && t < end
    } else {
        t >= start || t < end
    }
}

/// Moves a local time out of quiet hours, to the end of the quiet period.
fn after_quiet(at: DateTime, start: Time, end: Time) -> DateTime {
    if !in_quiet_hours(at.time(), start, end) {
        return at;
    }
    let end_today = at.date().to_datetime(end);
    if end_today > at {
        end_today
    } else {
        at.date().tomorrow().map_or(at, |d| d.to_datetime(end))
    }
}

fn instant(tz: &TimeZone, at: DateTime) -> Option<Timestamp> {
    // Compatible disambiguation: a time skipped by DST fires just after the
    // gap, a repeated time fires at its first occurrence.
    tz.to_timestamp(at).ok()
}

fn texts(inputs: &Inputs, item: &Item) -> (String, String) {
    let lang = inputs.language;
    match item.kind {
        Kind::Checkup => (
            notification_text(lang, "checkup_title").to_owned(),
            item.title.clone(),
        ),
        Kind::Vaccine => (
            notification_text(lang, "vaccine_title").to_owned(),
            item.title.clone(),
        ),
        Kind::Custom => (
            item.title.clone(),
            notification_text(lang, "custom_body").to_owned(),
        ),
    }
}

fn notification(inputs: &Inputs, item: &Item, fire_at: Timestamp) -> Notification {
    let (title, body) = texts(inputs, item);
    Notification {
        deep_link: Link::Reminder {
            id: item.id.clone(),
        }
        .to_string(),
        id: item.id.clone(),
        fire_at,
        title,
        body,
    }
}

/// When a day-level item (checkup, vaccine) should fire, if at all.
fn day_item_fire(inputs: &Inputs, item: &Item, now: Timestamp, tz: &TimeZone) -> Option<Timestamp> {
    let s = &inputs.settings;
    let local_now = tz.to_datetime(now);
    let first = instant(
        tz,
        after_quiet(
            item.due.date().to_datetime(DAY_TIME),
            s.quiet_start,
            s.quiet_end,
        ),
    )?;
    if first >= now {
        return Some(first);
    }
    let still_open = match item.window {
        Some((_, end)) => end >= local_now.date(),
        None => true, // an overdue vaccine stays due until given
    };
    if !still_open {
        return None;
    }
    let today_at = local_now.date().to_datetime(DAY_TIME);
    let next = if today_at > local_now {
        today_at
    } else {
        local_now.date().tomorrow().ok()?.to_datetime(DAY_TIME)
    };
    instant(tz, after_quiet(next, s.quiet_start, s.quiet_end))
}

/// The next `limit` notifications after `now`, in the user's zone `tz`.
pub fn plan(
    inputs: &Inputs,
    now: Timestamp,
    tz: &TimeZone,
    limit: usize,
) -> Result<Vec<Notification>> {
    let mut out = Vec::new();
    let open = |i: &Item| matches!(i.status, Status::Pending | Status::Snoozed);
    for item in inputs
        .checkups()?
        .iter()
        .chain(inputs.vaccines()?.iter())
        .filter(|i| open(i))
    {
        let fire = match (item.status, item.snoozed_until) {
            (Status::Snoozed, Some(until)) if until > now => Some(until),
            _ => day_item_fire(inputs, item, now, tz),
        };
        if let Some(fire) = fire {
            out.push(notification(inputs, item, fire));
        }
    }

    // Custom rules: a k-way merge over lazy iterators, so only about
    // `limit` + (number of rules) occurrences are ever expanded.
    let local_now = tz.to_datetime(now);
    let horizon = local_now
        .checked_add(jiff::Span::new().days(HORIZON_DAYS))
        .unwrap_or(local_now);
    let mut iters: Vec<_> = inputs
        .rules
        .iter()
        .map(|r| (r, r.recurrence.between(local_now, horizon)))
        .collect();
    let mut heap = BinaryHeap::new();
    for (idx, (_, it)) in iters.iter_mut().enumerate() {
        if let Some(at) = it.next() {
            heap.push(Reverse((at, idx)));
        }
    }
    let mut customs = 0;
    while let Some(Reverse((at, idx))) = heap.pop() {
        if customs >= limit {
            break;
        }
        let (rule, it) = &mut iters[idx];
        if let Some(next) = it.next() {
            heap.push(Reverse((next, idx)));
        }
        let item = inputs.custom_item(rule, at);
        let fire = match (item.status, item.snoozed_until) {
            (Status::Pending, _) => instant(tz, at),
            (Status::Snoozed, Some(until)) if until > now => Some(until),
            _ => None,
        };
        if let Some(fire) = fire.filter(|f| *f >= now) {
            out.push(notification(inputs, &item, fire));
            customs += 1;
        }
    }
    // Snoozed occurrences that were due before now still fire at their snooze time.
    for (id, row) in &inputs.statuses {
        if id.starts_with("custom:")
            && row.status == Status::Snoozed
            && row.snoozed_until.is_some_and(|u| u > now)
            && let Ok(item) = inputs.find(id)
            && let (Due::At(at), Some(until)) = (item.due, item.snoozed_until)
            && at < local_now
            && !out.iter().any(|n| &n.id == id)
        {
            out.push(notification(inputs, &item, until));
        }
    }
    out.sort_by(|a, b| a.fire_at.cmp(&b.fire_at).then_with(|| a.id.cmp(&b.id)));
    out.truncate(limit);
    Ok(out)
}

/// Adds news (the shop's notices) to `plan`: each fires when it came, or
/// at the end of quiet hours, since none of it is urgent. Keeps the
/// soonest `limit`.
pub fn with_news(
    mut plan: Vec<Notification>,
    news: Vec<Notification>,
    settings: &super::Settings,
    tz: &TimeZone,
    limit: usize,
) -> Vec<Notification> {
    for mut n in news {
        let local = after_quiet(
            tz.to_datetime(n.fire_at),
            settings.quiet_start,
            settings.quiet_end,
        );
        n.fire_at = instant(tz, local).unwrap_or(n.fire_at);
        plan.push(n);
    }
    plan.sort_by(|a, b| a.fire_at.cmp(&b.fire_at).then_with(|| a.id.cmp(&b.id)));
    plan.truncate(limit);
    plan
}

fn fingerprint(n: &Notification) -> String {
    format!("{}|{}|{}", n.fire_at, n.title, n.body)
}

/// The plan last handed to the shell: id → fingerprint.
fn previous(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut stmt = conn.prepare("SELECT id, fingerprint FROM notification_plan")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Compares `plan` with the plan last handed to the shell, then remembers
/// `plan` as handed. A changed notification is cancelled and added again.
pub fn diff_and_save(tx: &Transaction<'_>, plan: Vec<Notification>) -> Result<PlanDiff> {
    let before = previous(tx)?;
    let after: HashMap<&str, String> = plan
        .iter()
        .map(|n| (n.id.as_str(), fingerprint(n)))
        .collect();
    let mut cancel: Vec<String> = before
        .iter()
        .filter(|(id, fp)| after.get(id.as_str()) != Some(fp))
        .map(|(id, _)| id.clone())
        .collect();
    cancel.sort();
    tx.execute("DELETE FROM notification_plan", [])?;
    let mut add = Vec::new();
    for n in plan {
        let fp = fingerprint(&n);
        tx.execute(
            "INSERT INTO notification_plan (id, fingerprint) VALUES (?1, ?2)",
            params![n.id, fp],
        )?;
        if before.get(&n.id) != Some(&fp) {
            add.push(n);
        }
    }
    Ok(PlanDiff { add, cancel })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: i8, m: i8) -> Time {
        Time::constant(h, m, 0, 0)
    }

    #[test]
    fn news_waits_out_quiet_hours_and_takes_its_place_in_time() {
        let tz = TimeZone::get("Asia/Shanghai").unwrap();
        let at = |d: &str| tz.to_timestamp(d.parse::<DateTime>().unwrap()).unwrap();
        let n = |id: &str, fire_at| Notification {
            id: id.into(),
            fire_at,
            title: String::new(),
            body: String::new(),
            deep_link: String::new(),
        };
        let plan = vec![n("checkup", at("2026-11-25T09:00"))];
        let news = vec![
            n("order:late", at("2026-11-24T23:30")),
            n("order:day", at("2026-11-24T15:00")),
        ];
        let merged = with_news(plan, news, &super::super::Settings::default(), &tz, 2);
        let got: Vec<(&str, Timestamp)> =
            merged.iter().map(|n| (n.id.as_str(), n.fire_at)).collect();
        assert_eq!(
            got,
            [
                ("order:day", at("2026-11-24T15:00")),
                ("order:late", at("2026-11-25T08:00")),
            ],
            "the late one waits for 08:00; the limit keeps the soonest"
        );
    }

    #[test]
    fn quiet_hours_wrap_midnight_and_move_to_their_end() {
        let (start, end) = (t(22, 0), t(8, 0));
        assert!(in_quiet_hours(t(23, 0), start, end));
        assert!(in_quiet_hours(t(7, 59), start, end));
        assert!(!in_quiet_hours(t(8, 0), start, end));
        assert!(!in_quiet_hours(t(21, 59), start, end));
        let d = jiff::civil::date(2026, 3, 1);
        assert_eq!(
            after_quiet(d.at(23, 0, 0, 0), start, end),
            d.tomorrow().unwrap().at(8, 0, 0, 0)
        );
        assert_eq!(after_quiet(d.at(6, 0, 0, 0), start, end), d.at(8, 0, 0, 0));
        assert_eq!(after_quiet(d.at(9, 0, 0, 0), start, end), d.at(9, 0, 0, 0));
        // A daytime quiet period (08:00–10:00) moves 09:00 to 10:00.
        assert_eq!(
            after_quiet(d.at(9, 0, 0, 0), t(8, 0), t(10, 0)),
            d.at(10, 0, 0, 0)
        );
    }
}
