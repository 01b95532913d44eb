//! Reminders: the prenatal checkup plan, infant vaccines, custom recurring
//! reminders, and the notification plan the shells schedule.
//!
//! Plans are derived, never stored: checkups from the current EDD, vaccines
//! from the birth date and the doses given, custom reminders from their
//! rules. Only what the user did (done, skipped, snoozed) is stored, keyed by
//! each item's stable id, so regenerating after a re-dating or a birth keeps
//! completed items and moves pending ones, and a loss cancels every
//! pregnancy reminder at once.

mod client;
pub mod custom;
pub mod notify;
pub mod repeat;
pub mod rule;
pub mod words;

pub use client::{News, Reminders, Snooze};
use cradle_store::storage::Migration;

/// The reminders' tables: custom rules, statuses, settings.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 3,
    sql: include_str!("../migrations/0003_reminders.sql"),
}];

use cradle_store::error::{Error, Result};
use cradle_store::profile::Language;
use cradle_timeline::baby::Newborn;
use cradle_timeline::content::{checkup_label, notification_text, vaccine_name};
use cradle_timeline::gestation::{add_days, start_of_pregnancy};
use cradle_timeline::schedules::{Dose, PrenatalSchedule, VaccineSchedule};
use cradle_timeline::{self as timeline, State, read_date};
use custom::Recurrence;
use jiff::civil::{Date, DateTime, Time};
use jiff::{Timestamp, ToSpan};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Checkup,
    Vaccine,
    Custom,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Checkup => "checkup",
            Kind::Vaccine => "vaccine",
            Kind::Custom => "custom",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pending,
    Done,
    Skipped,
    Snoozed,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Done => "done",
            Status::Skipped => "skipped",
            Status::Snoozed => "snoozed",
        }
    }
}

/// When an item is due: a day (checkups, vaccines) or a local wall-clock
/// time (custom reminders).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Due {
    Date(Date),
    At(DateTime),
}

impl Due {
    fn sort_key(self) -> DateTime {
        match self {
            Due::Date(d) => d.to_datetime(Time::midnight()),
            Due::At(dt) => dt,
        }
    }

    pub fn date(self) -> Date {
        self.sort_key().date()
    }
}

/// `--json` writes it as it reads: `2027-05-01` or `2027-05-01T09:00`.
impl serde::Serialize for Due {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl std::fmt::Display for Due {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Due::Date(d) => write!(f, "{d}"),
            Due::At(dt) => write!(f, "{}", dt.strftime("%Y-%m-%dT%H:%M")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Item {
    /// Stable across regenerations and the same on every synced device:
    /// `checkup:<pregnancy uid>:<visit>`, `vaccine:<birth uid>:<code>:<dose>`,
    /// `custom:<rule uid>:<local date-time>`.
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub due: Due,
    pub status: Status,
    /// Checkups: the visit window (both ends inclusive) and what is checked.
    #[serde(serialize_with = "as_window")]
    pub window: Option<(Date, Date)>,
    pub checks: Vec<String>,
    /// Vaccines: the baby (1 unless twins or more), the schedule code and
    /// dose number, and when it was given.
    pub baby: Option<u8>,
    #[serde(serialize_with = "as_vaccine")]
    pub vaccine: Option<(String, u32)>,
    pub given_on: Option<Date>,
    pub snoozed_until: Option<Timestamp>,
}

/// Which prenatal schedule and quiet hours the user chose.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Settings {
    pub prenatal_schedule: String,
    #[serde(serialize_with = "as_hh_mm")]
    pub quiet_start: Time,
    #[serde(serialize_with = "as_hh_mm")]
    pub quiet_end: Time,
}

/// `{"start": "2027-01-05", "end": "2027-01-18"}` in `--json`.
fn as_window<S: serde::Serializer>(
    w: &Option<(Date, Date)>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    #[derive(serde::Serialize)]
    struct Window {
        start: Date,
        end: Date,
    }
    let w = w.map(|(start, end)| Window { start, end });
    serde::Serialize::serialize(&w, s)
}

/// `{"code": "hepb", "dose": 2}` in `--json`.
fn as_vaccine<S: serde::Serializer>(
    v: &Option<(String, u32)>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    #[derive(serde::Serialize)]
    struct Vaccine<'a> {
        code: &'a str,
        dose: u32,
    }
    let v = v.as_ref().map(|(code, dose)| Vaccine { code, dose: *dose });
    serde::Serialize::serialize(&v, s)
}

fn as_hh_mm<S: serde::Serializer>(t: &Time, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&hh_mm(*t))
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            prenatal_schedule: PrenatalSchedule::cma_2018().id.clone(),
            quiet_start: Time::constant(22, 0, 0, 0),
            quiet_end: Time::constant(8, 0, 0, 0),
        }
    }
}

/// A custom reminder as the user defined it.
#[derive(Debug, Clone)]
pub struct CustomRule {
    pub id: i64,
    /// The rule's id on every device; its occurrences' item ids use it.
    uid: String,
    pub title: String,
    pub rrule: String,
    pub time: Time,
    pub starts_on: Date,
    recurrence: Arc<Recurrence>,
}

/// Built rules by id, reused while a rule is unchanged: parsing an RRULE
/// costs more than planning with it, and every plan reads every rule.
#[derive(Default)]
pub struct RuleCache(Mutex<HashMap<i64, (String, Arc<Recurrence>)>>);

struct StatusRow {
    status: Status,
    snoozed_until: Option<Timestamp>,
}

/// Everything stored that plans are derived from, loaded in one go.
pub struct Inputs {
    pub timeline: State,
    pub settings: Settings,
    pub language: Language,
    statuses: HashMap<String, StatusRow>,
    /// The babies of the last birth.
    babies: Vec<Newborn>,
    /// Doses given to them: (baby, code, dose) → date.
    doses: HashMap<(u8, String, u32), Date>,
    pub rules: Vec<CustomRule>,
}

pub fn load(conn: &Connection, language: Language, cache: &RuleCache) -> Result<Inputs> {
    let timeline = timeline::load(conn)?;
    let settings = load_settings(conn)?;
    let mut statuses = HashMap::new();
    let mut stmt = conn.prepare("SELECT item_id, status, snoozed_until FROM reminder_status")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    for row in rows {
        let (id, status, until) = row?;
        let status = match status.as_str() {
            "done" => Status::Done,
            "skipped" => Status::Skipped,
            _ => Status::Snoozed,
        };
        let snoozed_until = until.and_then(|t| t.parse().ok());
        statuses.insert(
            id,
            StatusRow {
                status,
                snoozed_until,
            },
        );
    }
    let mut doses = HashMap::new();
    let mut babies = Vec::new();
    if let Some((birth_row, birth)) = timeline.last_birth() {
        babies = timeline::newborns(conn, birth_row.id, birth.count)?;
        let mut stmt = conn
            .prepare("SELECT baby, code, dose, given_on FROM vaccine_dose WHERE birth_id = ?1")?;
        let rows = stmt.query_map([birth_row.id], |r| {
            Ok((
                r.get::<_, u8>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, u32>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (baby, code, dose, given) = row?;
            doses.insert((baby, code, dose), read_date(given)?);
        }
    }
    let mut rules = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id, uid, title, rrule, time_of_day, starts_on FROM custom_reminder ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut cached = cache.0.lock().unwrap_or_else(|e| e.into_inner());
    for row in rows {
        let (id, uid, title, rrule, time, starts_on) = row?;
        let key = format!("{rrule}|{time}|{starts_on}");
        let time = custom::parse_time("time", &time)?;
        let starts_on = read_date(starts_on)?;
        let recurrence = match cached.get(&id) {
            Some((k, r)) if *k == key => Arc::clone(r),
            _ => match Recurrence::stored(&rrule, starts_on, time) {
                Ok(r) => {
                    let r = Arc::new(r);
                    cached.insert(id, (key, Arc::clone(&r)));
                    r
                }
                // Saved by an older version that took rules this one does
                // not expand (BYWEEKNO, BYYEARDAY): one silent reminder is
                // better than no plan at all.
                Err(_) => {
                    tracing::warn!(rule = id, "a saved repeat rule cannot be expanded; skipped");
                    continue;
                }
            },
        };
        rules.push(CustomRule {
            id,
            uid,
            title,
            rrule,
            time,
            starts_on,
            recurrence,
        });
    }
    cached.retain(|id, _| rules.iter().any(|r| r.id == *id));
    drop(cached);
    Ok(Inputs {
        timeline,
        settings,
        language,
        statuses,
        babies,
        doses,
        rules,
    })
}

fn load_settings(conn: &Connection) -> Result<Settings> {
    let row = conn
        .query_row(
            "SELECT prenatal_schedule, quiet_start, quiet_end FROM reminder_settings WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            },
        )
        .optional()?;
    match row {
        None => Ok(Settings::default()),
        Some((schedule, start, end)) => Ok(Settings {
            prenatal_schedule: schedule,
            quiet_start: custom::parse_time("quiet_start", &start)?,
            quiet_end: custom::parse_time("quiet_end", &end)?,
        }),
    }
}

pub fn save_settings(tx: &Transaction<'_>, settings: &Settings) -> Result<()> {
    if PrenatalSchedule::by_id(&settings.prenatal_schedule).is_none() {
        return Err(Error::invalid(
            "prenatal_schedule",
            "must be cn-cma-2018 or who-2016",
        ));
    }
    tx.execute(
        "INSERT INTO reminder_settings (id, prenatal_schedule, quiet_start, quiet_end)
         VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET prenatal_schedule = excluded.prenatal_schedule,
             quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end",
        params![
            settings.prenatal_schedule,
            hh_mm(settings.quiet_start),
            hh_mm(settings.quiet_end)
        ],
    )?;
    Ok(())
}

/// Parses an instant written in RFC 3339, e.g. `2027-05-01T09:00:00+08:00`.
pub fn parse_instant(field: &'static str, text: &str) -> Result<Timestamp> {
    text.trim().parse().map_err(|_| {
        Error::invalid(
            field,
            "must be a date-time with an offset, e.g. 2027-05-01T09:00:00+08:00",
        )
    })
}

pub fn hh_mm(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

impl Inputs {
    fn status_of(&self, id: &str) -> (Status, Option<Timestamp>) {
        self.statuses
            .get(id)
            .map_or((Status::Pending, None), |s| (s.status, s.snoozed_until))
    }

    /// The checkup plan of the ongoing pregnancy (empty after a birth or a loss).
    pub fn checkups(&self) -> Result<Vec<Item>> {
        let Some((pregnancy, best)) = self.timeline.ongoing() else {
            return Ok(Vec::new());
        };
        let schedule = PrenatalSchedule::by_id(&self.settings.prenatal_schedule)
            .unwrap_or_else(PrenatalSchedule::cma_2018);
        let start = start_of_pregnancy(best.edd)?;
        let mut items = Vec::new();
        for visit in &schedule.visits {
            let w = visit.window();
            let (from, to) = (
                add_days(start, w.from.total_days)?,
                add_days(start, w.to.total_days)?,
            );
            let checks = schedule
                .tests
                .iter()
                .filter(|t| t.window().from <= w.to && t.window().to >= w.from)
                .filter_map(|t| checkup_label(self.language, &t.id).map(str::to_owned))
                .collect();
            let id = format!("checkup:{}:{}", pregnancy.uid, visit.id);
            let (status, snoozed_until) = self.status_of(&id);
            items.push(Item {
                title: checkup_label(self.language, &visit.id)
                    .unwrap_or(&visit.id)
                    .to_owned(),
                kind: Kind::Checkup,
                due: Due::Date(from),
                status,
                window: Some((from, to)),
                checks,
                baby: None,
                vaccine: None,
                given_on: None,
                snoozed_until,
                id,
            });
        }
        Ok(items)
    }

    /// The vaccine plan of each baby of the last birth. A dose not yet given
    /// is due at its scheduled age, but never sooner than the minimum
    /// interval after the previous dose (given, or itself still due): that
    /// is the catch-up rule.
    pub fn vaccines(&self) -> Result<Vec<Item>> {
        let Some((birth_row, birth)) = self.timeline.last_birth() else {
            return Ok(Vec::new());
        };
        let twins = self.babies.len() > 1;
        let mut items = Vec::new();
        for baby in &self.babies {
            for vaccine in VaccineSchedule::cn_nip().plan_for(baby) {
                let mut previous: Option<Date> = None;
                let mut counted = 0;
                for dose in &vaccine.doses {
                    let scheduled = birth
                        .date
                        .checked_add((dose.age_months as i64).months())
                        .map_err(|_| {
                            Error::invalid("birth_date", "is outside the supported range")
                        })?;
                    let earliest = match (previous, dose.min_interval_days) {
                        (Some(p), Some(gap)) => add_days(p, i64::from(gap))?,
                        _ => scheduled,
                    };
                    let key = (baby.ordinal, vaccine.code.clone(), dose.dose);
                    let given_on = self.doses.get(&key).copied();
                    let due = given_on.unwrap_or(scheduled.max(earliest));
                    previous = Some(due);
                    let id = format!(
                        "vaccine:{}:{}:{}:{}",
                        birth_row.uid, baby.ordinal, vaccine.code, dose.dose
                    );
                    let (status, snoozed_until) = match given_on {
                        Some(_) => (Status::Done, None),
                        None => self.status_of(&id),
                    };
                    counted += u32::from(dose.counts);
                    let title = self.dose_title(
                        twins.then_some(baby.ordinal),
                        &vaccine.code,
                        dose,
                        counted,
                    );
                    items.push(Item {
                        id,
                        kind: Kind::Vaccine,
                        title,
                        due: Due::Date(due),
                        status,
                        window: None,
                        checks: Vec::new(),
                        baby: Some(baby.ordinal),
                        vaccine: Some((vaccine.code.clone(), dose.dose)),
                        given_on,
                        snoozed_until,
                    });
                }
            }
        }
        Ok(items)
    }

    /// "乙肝疫苗 第1剂": with the baby's number for twins, "birth dose" for
    /// one that does not count, and the hours it is due within.
    fn dose_title(&self, baby: Option<u8>, code: &str, dose: &Dose, counted: u32) -> String {
        let text = |key| notification_text(self.language, key);
        let mut title = String::new();
        if let Some(n) = baby {
            title.push_str(&text("baby").replace("{baby}", &n.to_string()));
            title.push_str(" · ");
        }
        title.push_str(vaccine_name(self.language, code).unwrap_or(code));
        title.push(' ');
        if dose.counts {
            title.push_str(&text("dose").replace("{dose}", &counted.to_string()));
        } else {
            title.push_str(text("birth_dose"));
        }
        if let Some(hours) = dose.within_hours {
            title.push_str(&text("within_hours").replace("{hours}", &hours.to_string()));
        }
        title
    }

    /// Occurrences of every custom rule from `from` to `to` (local, inclusive).
    pub fn custom_between(&self, from: DateTime, to: DateTime) -> Vec<Item> {
        let mut items = Vec::new();
        for rule in &self.rules {
            for at in rule.recurrence.between(from, to) {
                items.push(self.custom_item(rule, at));
            }
        }
        items
    }

    fn custom_item(&self, rule: &CustomRule, at: DateTime) -> Item {
        let id = format!("custom:{}:{}", rule.uid, Due::At(at));
        let (status, snoozed_until) = self.status_of(&id);
        Item {
            id,
            kind: Kind::Custom,
            title: rule.title.clone(),
            due: Due::At(at),
            status,
            window: None,
            checks: Vec::new(),
            baby: None,
            vaccine: None,
            given_on: None,
            snoozed_until,
        }
    }

    /// Every item due (or, for checkups, open) from `from` to `to`, sorted.
    /// Pending vaccines already overdue are included: catch-up matters most.
    pub fn list(&self, from: Date, to: Date) -> Result<Vec<Item>> {
        let mut items: Vec<Item> = self
            .checkups()?
            .into_iter()
            .filter(|i| i.window.is_some_and(|(s, e)| s <= to && e >= from))
            .collect();
        items.extend(self.vaccines()?.into_iter().filter(|i| {
            let due = i.due.date();
            due <= to && (due >= from || i.status != Status::Done)
        }));
        items.extend(self.custom_between(
            from.to_datetime(Time::midnight()),
            to.to_datetime(Time::constant(23, 59, 59, 0)),
        ));
        sort(&mut items);
        Ok(items)
    }

    /// Finds the item with this id, wherever it is due.
    fn find(&self, id: &str) -> Result<Item> {
        let not_found = || Error::NotFound("reminder");
        let mut parts = id.splitn(3, ':');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("checkup"), _, _) => self
                .checkups()?
                .into_iter()
                .find(|i| i.id == id)
                .ok_or_else(not_found),
            (Some("vaccine"), _, _) => self
                .vaccines()?
                .into_iter()
                .find(|i| i.id == id)
                .ok_or_else(not_found),
            (Some("custom"), Some(rule), Some(at)) => {
                let at: DateTime = at.parse().map_err(|_| not_found())?;
                let rule = self
                    .rules
                    .iter()
                    .find(|r| r.uid == rule)
                    .ok_or_else(not_found)?;
                rule.recurrence
                    .between(at, at)
                    .next()
                    .map(|at| self.custom_item(rule, at))
                    .ok_or_else(not_found)
            }
            _ => Err(not_found()),
        }
    }
}

pub fn sort(items: &mut [Item]) {
    items.sort_by(|a, b| {
        a.due
            .sort_key()
            .cmp(&b.due.sort_key())
            .then_with(|| a.id.cmp(&b.id))
    });
}

fn set_status(
    tx: &Transaction<'_>,
    id: &str,
    status: Status,
    until: Option<Timestamp>,
    now: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO reminder_status (item_id, status, snoozed_until, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (item_id) DO UPDATE SET status = excluded.status,
             snoozed_until = excluded.snoozed_until, updated_at = excluded.updated_at",
        params![id, status.code(), until.map(|t| t.to_string()), now],
    )?;
    Ok(())
}

/// Marks an item done. A vaccine is recorded as given on `today`.
pub fn complete(
    tx: &Transaction<'_>,
    inputs: &Inputs,
    id: &str,
    today: Date,
    now: &str,
) -> Result<()> {
    let item = inputs.find(id)?;
    match (item.baby, &item.vaccine, item.status) {
        (_, _, Status::Done) => Err(Error::invalid("status", "is already done")),
        (Some(baby), Some((code, dose)), _) => {
            let dose = DoseGiven {
                baby,
                code,
                dose: *dose,
                given_on: today,
                lot: None,
                place: None,
            };
            record_dose(tx, inputs, &dose, today, now)
        }
        _ => set_status(tx, id, Status::Done, None, now),
    }
}

pub fn skip(tx: &Transaction<'_>, inputs: &Inputs, id: &str, now: &str) -> Result<()> {
    let item = inputs.find(id)?;
    if item.status == Status::Done {
        return Err(Error::invalid(
            "status",
            "a completed item cannot be skipped",
        ));
    }
    if item.kind == Kind::Vaccine {
        return Err(Error::invalid(
            "id",
            "vaccine doses are recorded when given, not skipped",
        ));
    }
    set_status(tx, id, Status::Skipped, None, now)
}

/// Snoozes an item until `until` (an instant after `now`).
pub fn snooze(
    tx: &Transaction<'_>,
    inputs: &Inputs,
    id: &str,
    until: Timestamp,
    now: Timestamp,
) -> Result<()> {
    let item = inputs.find(id)?;
    if matches!(item.status, Status::Done | Status::Skipped) {
        return Err(Error::invalid(
            "status",
            "a completed or skipped item cannot be snoozed",
        ));
    }
    if until <= now {
        return Err(Error::invalid("until", "must be in the future"));
    }
    if until
        > now
            .checked_add(jiff::SignedDuration::from_hours(24 * 30))
            .unwrap_or(until)
    {
        return Err(Error::invalid("until", "must be within 30 days"));
    }
    set_status(tx, id, Status::Snoozed, Some(until), &now.to_string())
}

const MAX_TITLE_CHARS: usize = 80;

pub fn validate_title(title: &str) -> Result<String> {
    let title = title.trim();
    if title.is_empty()
        || title.chars().count() > MAX_TITLE_CHARS
        || title.chars().any(char::is_control)
    {
        return Err(Error::invalid(
            "title",
            "must be 1 to 80 characters without control characters",
        ));
    }
    Ok(title.to_owned())
}

/// Adds a custom reminder starting `today`; returns its id.
pub fn add_custom(
    tx: &Transaction<'_>,
    title: &str,
    rrule: &str,
    time: &str,
    today: Date,
    now: &str,
) -> Result<i64> {
    let title = validate_title(title)?;
    let time = custom::parse_time("time", time)?;
    Recurrence::new(rrule, today, time)?;
    tx.execute(
        "INSERT INTO custom_reminder (title, rrule, time_of_day, starts_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![title, custom::normalize(rrule), hh_mm(time), today.to_string(), now],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Changes a custom reminder; `None` keeps a field. Statuses of occurrences
/// that still exist are kept.
pub fn edit_custom(
    tx: &Transaction<'_>,
    inputs: &Inputs,
    rule_id: i64,
    title: Option<&str>,
    rrule: Option<&str>,
    time: Option<&str>,
) -> Result<()> {
    let rule = inputs
        .rules
        .iter()
        .find(|r| r.id == rule_id)
        .ok_or(Error::NotFound("reminder"))?;
    let title = title
        .map(validate_title)
        .transpose()?
        .unwrap_or_else(|| rule.title.clone());
    let time = time
        .map(|t| custom::parse_time("time", t))
        .transpose()?
        .unwrap_or(rule.time);
    let rrule = custom::normalize(rrule.unwrap_or(&rule.rrule));
    Recurrence::new(&rrule, rule.starts_on, time)?;
    tx.execute(
        "UPDATE custom_reminder SET title = ?2, rrule = ?3, time_of_day = ?4 WHERE id = ?1",
        params![rule_id, title, rrule, hh_mm(time)],
    )?;
    Ok(())
}

pub fn delete_custom(tx: &Transaction<'_>, rule_id: i64) -> Result<()> {
    let uid: String = tx
        .query_row(
            "DELETE FROM custom_reminder WHERE id = ?1 RETURNING uid",
            [rule_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::NotFound("reminder"))?;
    tx.execute(
        "DELETE FROM reminder_status WHERE item_id LIKE ?1",
        [format!("custom:{uid}:%")],
    )?;
    Ok(())
}

/// A dose she records as given.
#[derive(Debug, Clone, Copy)]
pub struct DoseGiven<'a> {
    /// Which baby of the last birth, from 1.
    pub baby: u8,
    pub code: &'a str,
    pub dose: u32,
    pub given_on: Date,
    pub lot: Option<&'a str>,
    pub place: Option<&'a str>,
}

/// Records a vaccine dose given to a baby of the last birth, against that
/// baby's own plan.
pub fn record_dose(
    tx: &Transaction<'_>,
    inputs: &Inputs,
    given: &DoseGiven<'_>,
    today: Date,
    now: &str,
) -> Result<()> {
    let DoseGiven {
        baby,
        code,
        dose,
        given_on,
        lot,
        place,
    } = *given;
    let (birth_row, birth) = inputs
        .timeline
        .last_birth()
        .ok_or(Error::NotFound("baby"))?;
    let newborn = inputs
        .babies
        .iter()
        .find(|b| b.ordinal == baby)
        .ok_or_else(|| Error::invalid("baby", "is not one of the babies of the latest birth"))?;
    let plan = VaccineSchedule::cn_nip().plan_for(newborn);
    let vaccine = plan
        .iter()
        .find(|v| v.code == code)
        .ok_or_else(|| Error::invalid("code", "is not a vaccine in the baby's plan"))?;
    if dose == 0 || dose as usize > vaccine.doses.len() {
        return Err(Error::invalid(
            "dose",
            format!("must be between 1 and {}", vaccine.doses.len()),
        ));
    }
    let given_already = |dose: u32| inputs.doses.get(&(baby, code.to_owned(), dose));
    if given_already(dose).is_some() {
        return Err(Error::invalid("dose", "is already recorded"));
    }
    if dose > 1 {
        match given_already(dose - 1) {
            None => {
                return Err(Error::invalid(
                    "dose",
                    "the previous dose is not recorded yet",
                ));
            }
            Some(previous) if given_on < *previous => {
                return Err(Error::invalid(
                    "date",
                    "must not be before the previous dose",
                ));
            }
            Some(_) => {}
        }
    }
    if given_on < birth.date || given_on > today {
        return Err(Error::invalid(
            "date",
            "must be between the birth and today",
        ));
    }
    let clean = |field: &'static str, v: Option<&str>| -> Result<Option<String>> {
        match v.map(str::trim).filter(|v| !v.is_empty()) {
            Some(v) if v.chars().count() > 80 || v.chars().any(char::is_control) => {
                Err(Error::invalid(field, "must be at most 80 characters"))
            }
            other => Ok(other.map(str::to_owned)),
        }
    };
    tx.execute(
        "INSERT INTO vaccine_dose (birth_id, baby, code, dose, given_on, lot, place, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            birth_row.id,
            baby,
            code,
            dose,
            given_on.to_string(),
            clean("lot", lot)?,
            clean("place", place)?,
            now
        ],
    )?;
    Ok(())
}
