//! Every screen call reads only the end of her history: each statement it
//! runs is planned without a full scan of a record table (issue: screens
//! flat in the size of her history). The statements are the ones SQLite
//! itself traces while the screens run, so a new query is checked too.

use crate::KickAction;
use crate::clinic::Options;
use crate::records::journal::{Entry, Feed, Milk};
use crate::records::sessions::CallRule;
use crate::records::symptoms::Severity;
use crate::records::{GlucoseContext, GlucoseUnit, Measurement, WeightUnit};
use crate::storage::DbKey;
use crate::timeline::baby::{Birth, BirthFacts};
use crate::timeline::dating::DatingInput;
use crate::timeline::gestation::GestationalAge;
use crate::{Config, Cradle};
use jiff::{Span, Timestamp};
use rusqlite::trace::{TraceEvent, TraceEventCodes};
use std::sync::{Arc, Mutex};

/// The tables that grow with her history.
const RECORD_TABLES: [&str; 7] = [
    "measurement",
    "entry",
    "symptom",
    "kick",
    "kick_session",
    "contraction",
    "measurement_day",
];

fn her_history(cradle: &Cradle) {
    let today = cradle.today().unwrap().date;
    let ago = |days: i64| today.checked_sub(Span::new().days(days)).unwrap();
    cradle
        .timeline()
        .record_birth(
            Birth {
                date: ago(400),
                ga_at_birth: GestationalAge::new(39, 0),
                count: 1,
            },
            &BirthFacts::default(),
        )
        .unwrap();
    cradle
        .timeline()
        .record_dating(DatingInput::Lmp {
            lmp: ago(120),
            cycle_days: 28,
        })
        .unwrap();
    cradle
        .set_profile(Some("Lin"), "en", "Asia/Shanghai")
        .unwrap();
    cradle
        .reminders()
        .add("Iron", "FREQ=DAILY", "08:00")
        .unwrap();
    let now = Timestamp::now();
    for i in 0..50i64 {
        let at = now.checked_sub(Span::new().hours(i * 7)).unwrap();
        cradle
            .records()
            .record(
                Measurement::weight(60.0 + i as f64 / 10.0, WeightUnit::Kg).unwrap(),
                Some(at),
            )
            .unwrap();
        cradle
            .records()
            .record(
                Measurement::blood_pressure(118, 76, Some(70)).unwrap(),
                Some(at),
            )
            .unwrap();
        cradle
            .records()
            .record(
                Measurement::glucose(5.0, GlucoseUnit::MmolPerL, GlucoseContext::Fasting).unwrap(),
                Some(at),
            )
            .unwrap();
        cradle
            .records()
            .add_entry(
                Entry::Feed {
                    baby: 1,
                    feed: Feed::Bottle {
                        ml: 90,
                        milk: Milk::Formula,
                    },
                },
                Some(at),
            )
            .unwrap();
        cradle
            .records()
            .add_entry(
                Entry::Temperature {
                    baby: 1,
                    celsius: 36.8,
                },
                Some(at),
            )
            .unwrap();
    }
    cradle
        .records()
        .note_symptom("nausea", Severity::Mild, None)
        .unwrap();
    cradle.records().kick(KickAction::Start).unwrap();
    cradle.records().kick(KickAction::Tap).unwrap();
}

/// Runs `screens` with SQLite tracing each statement; returns them once each.
fn traced(cradle: &Cradle, screens: impl FnOnce()) -> Vec<String> {
    let mut all = every_statement(cradle, screens);
    all.sort();
    all.dedup();
    all
}

/// Every statement `screens` runs, in order.
fn every_statement(cradle: &Cradle, screens: impl FnOnce()) -> Vec<String> {
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = seen.clone();
    cradle
        .db()
        .trace_v2(
            TraceEventCodes::SQLITE_TRACE_STMT,
            Some(move |event: TraceEvent<'_>| {
                if let TraceEvent::Stmt(stmt, sql) = event {
                    // A trigger's body reports itself as a comment; its
                    // statement was traced when it began.
                    if !sql.starts_with("--") {
                        sink.lock()
                            .unwrap()
                            .push(stmt.expanded_sql().unwrap_or_else(|| sql.to_owned()));
                    }
                }
            }),
        )
        .unwrap();
    screens();
    cradle
        .db()
        .trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>)
        .unwrap();
    seen.lock().unwrap().clone()
}

/// The statement's full scans of a record table. A scan that walks an index
/// from one end under a LIMIT stops early and is allowed; one that sorts
/// (a temporary B-tree) reads everything first and is not.
fn full_scans(cradle: &Cradle, sql: &str) -> Vec<String> {
    let db = cradle.db();
    let mut stmt = db.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let plan: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let sorts = plan.iter().any(|d| d.contains("TEMP B-TREE"));
    let limited = sql.to_ascii_uppercase().contains(" LIMIT ");
    plan.into_iter()
        .filter(|d| {
            RECORD_TABLES
                .iter()
                .any(|t| d == &format!("SCAN {t}") || d.starts_with(&format!("SCAN {t} ")))
                && (sorts || !limited)
        })
        .collect()
}

#[test]
fn no_screen_scans_a_record_table() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::new("Asia/Shanghai", "en", DbKey::generate().unwrap()).unwrap();
    let cradle = Cradle::open(dir.path().join("cradle.db"), config).unwrap();
    her_history(&cradle);
    let today = cradle.today().unwrap().date;
    // Today, Records, the journey, reminders and their notifications, the
    // clinic visit (from the start of this pregnancy), the shop, the
    // hospital bag and settings: what each screen asks the core.
    let screens = || {
        cradle.today().unwrap();
        cradle.records_screen(CallRule::FiveOneOne).unwrap();
        cradle.timeline().journey().unwrap();
        cradle
            .reminders()
            .list(
                Some(today),
                Some(today.checked_add(Span::new().days(7)).unwrap()),
            )
            .unwrap();
        cradle.reminders().notification_plan(None, 64).unwrap();
        let from = today.checked_sub(Span::new().days(120)).unwrap();
        cradle
            .records()
            .clinic_visit(&Options {
                from: Some(from),
                ..Options::default()
            })
            .unwrap();
        cradle.shop().screen("", 20).unwrap();
        cradle.shop().hospital_bag().unwrap();
        cradle.settings_screen().unwrap();
    };
    // The first chart in a zone builds the per-day table once (records::trends);
    // every screen after that is what she waits for.
    screens();
    let statements = traced(&cradle, screens);
    assert!(
        statements.iter().any(|s| s.contains("FROM measurement")),
        "the screens read her readings: {statements:#?}"
    );
    let scans: Vec<(String, Vec<String>)> = statements
        .iter()
        .map(|sql| (sql.clone(), full_scans(&cradle, sql)))
        .filter(|(_, scans)| !scans.is_empty())
        .collect();
    assert!(scans.is_empty(), "full scans of a record table: {scans:#?}");
}

/// A screen is one snapshot: everything on it comes from one read
/// transaction, so a sync landing mid-call cannot show half of a change.
#[test]
fn today_records_and_settings_are_each_one_read_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::new("Asia/Shanghai", "en", DbKey::generate().unwrap()).unwrap();
    let cradle = Cradle::open(dir.path().join("cradle.db"), config).unwrap();
    her_history(&cradle);
    let screens: [(&str, &dyn Fn()); 3] = [
        ("today", &|| drop(cradle.today().unwrap())),
        ("records_screen", &|| {
            drop(cradle.records_screen(CallRule::FiveOneOne).unwrap())
        }),
        ("settings_screen", &|| {
            drop(cradle.settings_screen().unwrap())
        }),
    ];
    for (name, screen) in screens {
        let statements = every_statement(&cradle, screen);
        let begins = statements.iter().filter(|s| s.starts_with("BEGIN")).count();
        assert_eq!(begins, 1, "{name}: {statements:#?}");
        let first_read = statements.iter().position(|s| s.starts_with("SELECT"));
        assert!(
            first_read > statements.iter().position(|s| s.starts_with("BEGIN")),
            "{name} reads before its transaction: {statements:#?}"
        );
    }
}
