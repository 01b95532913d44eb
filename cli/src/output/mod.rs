//! Printing: human text in the user's language, or JSON with `--json`.
//! Errors go to stderr with a non-zero exit code either way. Everything
//! printed is computed by the core; this file only words and lays it out.

use cradle_core::clock::{self, zone_name};
use cradle_core::consent::Consent;
use cradle_core::profile::{Language, Profile};
use cradle_core::records::insights::Insight;
use cradle_core::records::journal::JournalEntry;
use cradle_core::records::sessions::{ContractionTimer, KickSession};
use cradle_core::records::{Measurement, Record, ShownRecord};
use cradle_core::reminders::notify::Notification;
use cradle_core::reminders::{Item, Kind, Settings, hh_mm};
use cradle_core::sync::{SyncConflict, SyncReport, SyncStatus};
use cradle_core::timeline::journey::{Journey, Page, When};
use cradle_core::timeline::{HistoryEntry, Stage};
use cradle_core::{CradleError, Today};
use cradle_core::{records, reminders, sync, timeline, words};
use jiff::SignedDuration;
use jiff::tz::TimeZone;
use serde_json::{Value, json};
use std::process::ExitCode;

/// `println!` that tolerates a closed stdout (`cradle today | head`)
/// instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

mod shop;

pub struct Output {
    json: bool,
    /// The language an error is worded in: the device's until her
    /// profile's can be read.
    language: std::cell::Cell<Language>,
}

impl Output {
    pub fn new(json: bool) -> Self {
        Self {
            json,
            language: std::cell::Cell::new(Language::for_locale(&crate::device::locale())),
        }
    }

    pub fn speak(&self, language: Language) {
        self.language.set(language);
    }

    /// A core view type as it is: `--json` has no schema of its own.
    fn print<T: serde::Serialize + ?Sized>(&self, value: &T) {
        say!(
            "{}",
            serde_json::to_string_pretty(value).unwrap_or_default()
        );
    }

    fn print_json(&self, value: Value) {
        say!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    }

    pub fn profile(&self, p: &Profile) {
        if self.json {
            self.print_json(profile_json(p));
            return;
        }
        let name = p.display_name.as_deref().unwrap_or("-");
        match Language::for_locale(&p.locale) {
            Language::ZhHans => say!(
                "昵称：{name}\n语言：{}\n时区：{}",
                p.locale,
                p.time_zone_name()
            ),
            Language::En => say!(
                "Name: {name}\nLanguage: {}\nTime zone: {}",
                p.locale,
                p.time_zone_name()
            ),
        }
    }

    pub fn journey(&self, language: Language, j: &Journey) {
        if self.json {
            let steps: Vec<Value> = j
                .steps
                .iter()
                .map(|s| {
                    let (week, month) = match &s.page {
                        Page::Week(w) => (Some(w), None),
                        Page::Months { content, .. } => (None, Some(content)),
                    };
                    json!({
                        "title": s.title,
                        "starts": s.starts.to_string(),
                        "ends": s.ends.to_string(),
                        "when": match s.when { When::Past => "past", When::Now => "now", When::Ahead => "ahead" },
                        "week": week,
                        "month": month,
                    })
                })
                .collect();
            self.print_json(json!({ "stage": j.stage.code(), "now": j.now(), "steps": steps }));
            return;
        }
        if j.steps.is_empty() {
            say!("{}", timeline::words::journey_empty(language));
            return;
        }
        for s in &j.steps {
            let mark = match s.when {
                When::Past => "✓",
                When::Now => "▶",
                When::Ahead => " ",
            };
            say!("{mark} {:<14} {} – {}", s.title, s.starts, s.ends);
        }
        match j.now().map(|i| &j.steps[i].page) {
            Some(Page::Week(w)) => say!("\n{}", timeline::words::week(w, language)),
            Some(Page::Months { content, .. }) => {
                say!("\n{}", timeline::words::month(content, language))
            }
            None => {}
        }
    }

    pub fn profile_or_hint(&self, language: Language, p: Option<&Profile>) {
        match p {
            Some(p) => self.profile(p),
            None if self.json => self.print_json(Value::Null),
            None => say!("{}", words::no_profile(language)),
        }
    }

    pub fn today(&self, t: &Today) {
        if self.json {
            self.print_json(today_json(t));
            return;
        }
        let language = t.language;
        let name = t.profile.as_ref().and_then(|p| p.display_name.as_deref());
        say!("{}", timeline::words::greeting(name, t.date, language));
        let tl = &t.timeline;
        if let Some(p) = &tl.pregnancy {
            say!("{}", timeline::words::pregnancy(p, language));
        }
        if let Some(w) = &tl.week {
            say!("\n{}", timeline::words::week(w, language));
        }
        if let Some(b) = &tl.baby {
            say!("{}", timeline::words::baby(tl.stage, b, language));
        }
        if let Some(m) = &tl.month {
            say!("\n{}", timeline::words::month(m, language));
        }
        if let Some(i) = &t.next_reminder {
            say!("\n{}", reminders::words::next(i, language));
        }
        if let Some(f) = &t.flag {
            say!("\n{}\n  {}", f.message, f.source);
        }
        if tl.stage == Stage::Trying {
            say!("{}", timeline::words::trying(language));
        }
        if t.profile.is_none() {
            say!("{}", timeline::words::welcome(language));
        }
        if tl.stage == Stage::None && tl.baby.is_none() {
            say!("{}", timeline::words::start_timeline(language));
        }
    }

    /// Gentle and brief, in her language alone; no pregnancy content or
    /// prompt follows.
    pub fn loss_recorded(&self, language: Language) {
        if self.json {
            self.print_json(json!({"recorded": "loss"}));
            return;
        }
        say!("{}", timeline::words::loss_recorded(language));
    }

    pub fn reminders(&self, language: Language, items: &[Item]) {
        if self.json {
            self.print_json(Value::Array(items.iter().map(item_json).collect()));
            return;
        }
        if items.is_empty() {
            say!("{}", reminders::words::nothing_due(language));
        }
        for i in items {
            let extra = match (&i.window, &i.vaccine) {
                (Some((s, e)), _) => format!("  [{s} – {e}]"),
                _ => String::new(),
            };
            say!(
                "{:<17} {:<8} {:<8} {}{extra}\n    {}",
                i.due.to_string(),
                reminders::words::kind(i.kind, language),
                reminders::words::status(i.status, language),
                i.title,
                i.id
            );
        }
    }

    pub fn notifications(&self, plan: &[Notification], zone: &TimeZone) {
        if self.json {
            let rows = plan
                .iter()
                .map(|n| {
                    json!({
                        "id": n.id,
                        "fire_at": n.fire_at.to_string(),
                        "fire_at_local": zone.to_datetime(n.fire_at).strftime("%Y-%m-%dT%H:%M").to_string(),
                        "title": n.title,
                        "body": n.body,
                        "deep_link": n.deep_link,
                    })
                })
                .collect();
            self.print_json(Value::Array(rows));
            return;
        }
        for n in plan {
            say!(
                "{}  {} — {}",
                zone.to_datetime(n.fire_at).strftime("%Y-%m-%d %H:%M"),
                n.title,
                n.body
            );
        }
    }

    pub fn recorded(&self, language: Language, id: i64, unusual: bool, insights: &[Insight]) {
        if self.json {
            self.print_json(json!({ "id": id, "unusual": unusual, "insights": insights.iter().map(insight_json).collect::<Vec<_>>() }));
            return;
        }
        say!("{}", records::words::recorded(id, unusual, language));
        self.insights(insights);
    }

    pub fn insights(&self, insights: &[Insight]) {
        if self.json {
            self.print_json(Value::Array(insights.iter().map(insight_json).collect()));
            return;
        }
        for i in insights {
            let mark = if i.level == cradle_core::records::insights::Level::SeekCareNow {
                "!!"
            } else {
                "!"
            };
            say!("{mark} {}\n   ({})", i.message, i.source);
        }
    }

    pub fn records(&self, language: Language, records: &[ShownRecord]) {
        if self.json {
            let rows = records.iter().map(|r| record_json(&r.record)).collect();
            self.print_json(Value::Array(rows));
            return;
        }
        for r in records {
            let flag = if r.record.unusual {
                records::words::unusual(language)
            } else {
                ""
            };
            say!(
                "#{:<4} {}  {:<15} {}{flag}",
                r.record.id,
                r.taken_at_local,
                records::words::measurement_kind(&r.record.measurement, language),
                r.text
            );
        }
    }

    pub fn kicks(
        &self,
        language: Language,
        zone: &TimeZone,
        session: Option<&KickSession>,
        insights: &[Insight],
    ) {
        let Some(s) = session else {
            if self.json {
                self.print_json(Value::Null);
            } else {
                say!("{}", records::words::no_kick_count(language));
                say!("→ cradle kicks start");
            }
            return;
        };
        if self.json {
            self.print(s);
            return;
        }
        let local = |t| clock::local_minute(t, zone);
        say!(
            "{}",
            records::words::kick_count(
                s.count,
                &local(s.started_at),
                s.ended_at.is_some(),
                language
            )
        );
        if let Some(t) = s.reached_target_at {
            say!(
                "{}",
                records::words::kick_target_reached(&local(t), language)
            );
        }
        self.insights(
            &insights
                .iter()
                .filter(|i| i.code == "kicks_below_target")
                .cloned()
                .collect::<Vec<_>>(),
        );
    }

    pub fn contractions(&self, language: Language, t: &ContractionTimer) {
        let secs = |d: Option<SignedDuration>| d.map(|d| d.as_secs());
        if self.json {
            self.print_json(json!({
                "current_started_at": t.current_started_at.map(|x| x.to_string()),
                "last_duration_s": secs(t.last_duration),
                "last_interval_s": secs(t.last_interval),
                "count_last_hour": t.count_last_hour,
                "average_interval_last_hour_s": secs(t.average_interval_last_hour),
                "average_duration_last_hour_s": secs(t.average_duration_last_hour),
                "time_to_call": t.time_to_call,
            }));
            return;
        }
        if t.current_started_at.is_some() {
            say!("{}", records::words::contraction_running(language));
        }
        say!("{}", records::words::contraction_summary(t, language));
        if t.time_to_call {
            say!("!! {}", records::words::time_to_call(language));
        }
    }

    /// Text already formatted, e.g. an export.
    pub fn entries(&self, language: Language, zone: &TimeZone, entries: &[JournalEntry]) {
        if self.json {
            let list: Vec<Value> = entries
                .iter()
                .map(|e| {
                    json!({ "id": e.id, "at": e.at.to_string(), "unusual": e.unusual, "entry": e.entry })
                })
                .collect();
            say!("{}", Value::Array(list));
            return;
        }
        for e in entries {
            let flag = if e.unusual {
                records::words::unusual(language)
            } else {
                ""
            };
            let data = serde_json::to_string(&e.entry).unwrap_or_default();
            say!(
                "{:>5}  {}  {data}{flag}",
                e.id,
                clock::local_minute(e.at, zone)
            );
        }
    }

    pub fn text(&self, text: &str) {
        say!("{text}");
    }

    pub fn added(&self, language: Language, rule: i64) {
        if self.json {
            self.print_json(json!({ "rule": rule }));
        } else {
            say!("{}", reminders::words::reminder_added(rule, language));
        }
    }

    pub fn ok(&self, language: Language, id: &str, what: words::Outcome) {
        if self.json {
            self.print_json(json!({ "id": id, "result": what.code() }));
        } else {
            say!("{id}: {}", what.text(language));
        }
    }

    pub fn settings(&self, language: Language, s: &Settings) {
        if self.json {
            self.print_json(json!({
                "prenatal_schedule": s.prenatal_schedule,
                "quiet_start": hh_mm(s.quiet_start),
                "quiet_end": hh_mm(s.quiet_end),
            }));
        } else {
            say!("{}", reminders::words::settings(s, language));
        }
    }

    pub fn deleted(&self, language: Language, count: usize) {
        if self.json {
            self.print_json(json!({ "deleted": count }));
        } else {
            say!("{}", timeline::words::lost_deleted(count, language));
        }
    }

    pub fn history(&self, language: Language, zone: &TimeZone, entries: &[HistoryEntry]) {
        let rows: Vec<Value> = entries
            .iter()
            .map(|h| {
                json!({
                    "method": h.estimate.input.method().code(),
                    "edd": h.estimate.edd.to_string(),
                    "recorded_at": h.recorded_at,
                })
            })
            .collect();
        if self.json {
            self.print_json(Value::Array(rows));
            return;
        }
        if entries.is_empty() {
            say!("{}", timeline::words::no_pregnancy(language));
        }
        for h in entries {
            say!("{}", timeline::words::history_line(h, language, zone));
        }
    }

    pub fn recovery_code(&self, language: Language, code: &str, new: bool) {
        if self.json {
            self.print_json(json!({"recovery_code": code}));
            return;
        }
        if new {
            say!("{}", sync::words::new_recovery_code(language));
        }
        say!("{code}");
        say!("{}", sync::words::recovery_code_use(language));
    }

    pub fn consents(&self, language: Language, zone: &TimeZone, list: &[Consent]) {
        if self.json {
            self.print(list);
            return;
        }
        for c in list {
            say!(
                "{}  {}",
                words::purpose(c.purpose, language),
                words::consent(c, language, zone)
            );
        }
    }

    pub fn sync_status(&self, language: Language, zone: &TimeZone, s: &SyncStatus) {
        if self.json {
            self.print(s);
            return;
        }
        say!("{}", sync::words::status(s, language, zone));
        // The command that helps, where one does.
        let command = match s {
            SyncStatus::SignedOut | SyncStatus::SignInRequired { .. } => "cradle account login",
            SyncStatus::Paused { .. } => "cradle consent grant sync",
            _ => return,
        };
        say!("→ {command}");
    }

    pub fn sync_report(&self, language: Language, r: &SyncReport) {
        if self.json {
            // The status printed just before carries the state; keep JSON one document.
            return;
        }
        say!("{}", sync::words::report(r, language));
    }

    pub fn sync_conflicts(&self, language: Language, zone: &TimeZone, conflicts: &[SyncConflict]) {
        if self.json {
            self.print_json(Value::Array(
                conflicts
                    .iter()
                    .map(|c| {
                        json!({"collection": c.collection, "doc": c.doc, "field": c.field,
                               "lost_value": serde_json::from_str::<Value>(&c.lost_value).unwrap_or(Value::Null),
                               "won_value": serde_json::from_str::<Value>(&c.won_value).unwrap_or(Value::Null),
                               "noted_at": c.noted_at.to_string()})
                    })
                    .collect(),
            ));
            return;
        }
        if conflicts.is_empty() {
            say!("{}", sync::words::no_conflicts(language));
        }
        for c in conflicts {
            say!("{}", sync::words::conflict(c, language, zone));
        }
    }

    pub fn error(&self, e: &CradleError) -> ExitCode {
        if self.json {
            let (kind, field) = match e {
                CradleError::InvalidInput { field, .. } => ("invalid_input", Some(field.as_str())),
                CradleError::NotFound { .. } => ("not_found", None),
                CradleError::Storage { .. } => ("storage", None),
                CradleError::Network { .. } => ("network", None),
                CradleError::Server { .. } => ("server", None),
                CradleError::WrongKey => ("wrong_key", None),
                CradleError::SignInRequired => ("sign_in_required", None),
                CradleError::ConsentRequired { purpose } => {
                    ("consent_required", Some(purpose.as_str()))
                }
            };
            let body = json!({"error": {"kind": kind, "field": field, "message": e.to_string()}});
            eprintln!(
                "{}",
                serde_json::to_string_pretty(&body).unwrap_or_default()
            );
        } else {
            let problem = cradle_core::error::Problem::from(e);
            eprintln!(
                "{}",
                cradle_core::words::problem(&problem, self.language.get())
            );
        }
        match e {
            CradleError::InvalidInput { .. } | CradleError::NotFound { .. } => ExitCode::from(2),
            _ => ExitCode::FAILURE,
        }
    }
}

fn insight_json(i: &Insight) -> Value {
    json!({
        "code": i.code,
        "level": i.level.code(),
        "message": i.message,
        "source": i.source,
        "record_kind": i.about.kind(),
        "record_id": i.about.id(),
        "at": i.at.to_string(),
    })
}

fn record_json(r: &Record) -> Value {
    let mut v = json!({
        "id": r.id,
        "kind": r.measurement.kind(),
        "taken_at": r.taken_at.to_string(),
        "unusual": r.unusual,
    });
    match r.measurement {
        Measurement::Weight { grams } => v["grams"] = json!(grams),
        Measurement::BloodPressure {
            systolic,
            diastolic,
            pulse,
        } => {
            v["systolic"] = json!(systolic);
            v["diastolic"] = json!(diastolic);
            v["pulse"] = json!(pulse);
        }
        Measurement::Glucose { cmmol, context } => {
            v["mmol_per_l"] = json!(f64::from(cmmol) / 100.0);
            v["context"] = json!(context.code());
        }
    }
    v
}

fn item_json(i: &Item) -> Value {
    let mut v = json!({
        "id": i.id,
        "kind": i.kind.code(),
        "title": i.title,
        "due": i.due.to_string(),
        "status": i.status.code(),
    });
    if let Some((start, end)) = i.window {
        v["window_start"] = json!(start.to_string());
        v["window_end"] = json!(end.to_string());
        v["checks"] = json!(i.checks);
    }
    if let Some((code, dose)) = &i.vaccine {
        v["baby"] = json!(i.baby);
        v["vaccine"] = json!(code);
        v["dose"] = json!(dose);
        v["given_on"] = json!(i.given_on.map(|d| d.to_string()));
    }
    if i.kind == Kind::Custom {
        v["snoozed_until"] = json!(i.snoozed_until.map(|t| t.to_string()));
    }
    v
}

fn profile_json(p: &Profile) -> Value {
    json!({
        "display_name": p.display_name,
        "locale": p.locale,
        "time_zone": p.time_zone_name(),
    })
}

fn today_json(t: &Today) -> Value {
    let tl = &t.timeline;
    json!({
        "date": t.date.to_string(),
        "time_zone": zone_name(&t.time_zone),
        "language": t.language.code(),
        "profile": t.profile.as_ref().map(profile_json),
        "stage": tl.stage.code(),
        "pregnancy": tl.pregnancy.as_ref().map(|p| json!({
            "edd": p.edd.to_string(),
            "gestational_age": {
                "weeks": p.gestational_age.weeks(),
                "days": p.gestational_age.days(),
                "total_days": p.gestational_age.total_days,
            },
            "trimester": p.trimester,
            "term": p.term.code(),
            "dating_method": p.method.code(),
            "redated": p.redated,
            "days_to_edd": p.days_to_edd,
            "progress_percent": p.progress_percent,
        })),
        "baby": tl.baby.as_ref().map(|b| json!({
            "birth_date": b.birth.date.to_string(),
            "count": b.birth.count,
            "gestational_age_at_birth": {
                "weeks": b.birth.ga_at_birth.weeks(),
                "days": b.birth.ga_at_birth.days(),
            },
            "age_days": b.age.days,
            "age_weeks": b.age.weeks,
            "age_months": b.age.months,
            "corrected_age_days": b.age.corrected_days,
            "corrected_age_months": b.age.corrected_months,
        })),
        "week": tl.week,
        "month": tl.month,
        "next_reminder": t.next_reminder.as_ref().map(item_json),
        "flag": t.flag.as_ref().map(insight_json),
        "sync": t.sync,
    })
}
