//! Printing: human text in the user's language, or JSON with `--json`.
//! Errors go to stderr with a non-zero exit code either way. Everything
//! printed is computed by the core; this file only words and lays it out.

use cradle_core::clock::{self, zone_name};
use cradle_core::consent::Consent;
use cradle_core::profile::{Language, Profile};
use cradle_core::records::ShownRecord;
use cradle_core::records::insights::Insight;
use cradle_core::records::journal::JournalEntry;
use cradle_core::records::sessions::{ContractionTimer, KickSession};
use cradle_core::reminders::notify::Notification;
use cradle_core::reminders::{Item, Settings};
use cradle_core::sync::{SyncConflict, SyncReport, SyncStatus};
use cradle_core::timeline::journey::{Journey, Page, When};
use cradle_core::timeline::{HistoryEntry, Stage};
use cradle_core::{CradleError, Today};
use cradle_core::{records, reminders, sync, timeline, words};
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
            self.print(p);
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
            self.print_json(json!({ "stage": j.stage, "now": j.now(), "steps": j.steps }));
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
            self.print(items);
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
            /// The core's notification, with its time on her clock beside it.
            #[derive(serde::Serialize)]
            struct Row<'a> {
                #[serde(flatten)]
                notification: &'a Notification,
                fire_at_local: String,
            }
            let rows: Vec<Row> = plan
                .iter()
                .map(|n| Row {
                    notification: n,
                    fire_at_local: zone
                        .to_datetime(n.fire_at)
                        .strftime("%Y-%m-%dT%H:%M")
                        .to_string(),
                })
                .collect();
            self.print(&rows);
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
            self.print_json(json!({ "id": id, "unusual": unusual, "insights": insights }));
            return;
        }
        say!("{}", records::words::recorded(id, unusual, language));
        self.insights(insights);
    }

    pub fn insights(&self, insights: &[Insight]) {
        if self.json {
            self.print(insights);
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
            self.print(&records.iter().map(|r| &r.record).collect::<Vec<_>>());
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
        if self.json {
            self.print(t);
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
            self.print(entries);
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
            self.print(s);
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
            self.print(conflicts);
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

fn today_json(t: &Today) -> Value {
    let tl = &t.timeline;
    json!({
        "date": t.date.to_string(),
        "time_zone": zone_name(&t.time_zone),
        "language": t.language.code(),
        "profile": t.profile,
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
        "next_reminder": t.next_reminder,
        "flag": t.flag,
        "sync": t.sync,
    })
}
