//! The `cradle` binary, run as a user or a script would run it.

use serde_json::{Value, json};
use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};

fn cradle(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cradle"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env("TZ", "UTC")
        .output()
        .expect("cradle runs")
}

/// Runs `cradle --json ARGS`, expects the bad-input exit code 2 and returns
/// the error object printed on stderr; stdout stays empty.
fn refused(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = cradle(db, &all);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let err: Value = serde_json::from_slice(&out.stderr).expect("stderr is JSON");
    err["error"].clone()
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn today_on_an_empty_database_explains_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let out = cradle(&dir.path().join("c.db"), &["today"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("cradle profile set"), "{text}");
}

#[test]
fn profile_set_then_today_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let set = json(&cradle(
        &db,
        &[
            "--json",
            "profile",
            "set",
            "--name",
            "小雨",
            "--locale",
            "zh-CN",
            "--time-zone",
            "Asia/Shanghai",
        ],
    ));
    assert_eq!(set["display_name"], "小雨");

    let today = json(&cradle(&db, &["--json", "today", "--on", "2026-11-24"]));
    assert_eq!(today["date"], "2026-11-24");
    assert_eq!(today["language"], "zh-Hans");
    assert_eq!(today["time_zone"], "Asia/Shanghai");
    assert_eq!(today["profile"]["display_name"], "小雨");

    // Unspecified fields keep their values.
    let set = json(&cradle(
        &db,
        &["--json", "profile", "set", "--time-zone", "Europe/Berlin"],
    ));
    assert_eq!(set["display_name"], "小雨");
    assert_eq!(set["locale"], "zh-CN");
}

#[test]
fn bad_input_is_a_json_error_on_stderr_with_a_nonzero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let err = refused(&db, &["profile", "set", "--time-zone", "Moon/Base"]);
    assert_eq!(err["kind"], "invalid_input");
    assert_eq!(err["field"], "time_zone");
    // Nothing was written.
    let shown = json(&cradle(&db, &["--json", "profile", "show"]));
    assert!(shown.is_null());
}

#[test]
fn a_refusal_is_worded_in_her_language_by_the_core() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = cradle(&db, &["record", "weight", "--kg", "900"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "Please check the weight: must be between 25 and 250 kg."
    );
    json(&cradle(
        &db,
        &["--json", "profile", "set", "--locale", "zh-CN"],
    ));
    let out = cradle(&db, &["record", "weight", "--kg", "900"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "请检查体重：应在 25 到 250 kg 之间。"
    );
}

/// A date `days` from today (UTC, the zone these tests give the CLI).
fn from_today(days: i64) -> String {
    let today = jiff::tz::TimeZone::UTC
        .to_datetime(jiff::Timestamp::now())
        .date();
    today
        .checked_add(jiff::Span::new().days(days))
        .unwrap()
        .to_string()
}

#[test]
fn the_today_json_contract_for_a_pregnancy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let lmp = from_today(-100);
    json(&cradle(
        &db,
        &["--json", "pregnancy", "set", "--lmp", &lmp, "--cycle", "28"],
    ));
    // Shown on the day 196 days after the LMP: exactly 28w0d.
    let on = lmp
        .parse::<jiff::civil::Date>()
        .unwrap()
        .checked_add(jiff::Span::new().days(196))
        .unwrap()
        .to_string();
    let t = json(&cradle(&db, &["--json", "today", "--on", &on]));
    assert_eq!(t["stage"], "pregnant");
    let p = &t["pregnancy"];
    assert_eq!(p["gestational_age"]["weeks"], 28);
    assert_eq!(p["gestational_age"]["days"], 0);
    assert_eq!(p["gestational_age"]["total_days"], 196);
    assert_eq!(p["trimester"], 3);
    assert_eq!(p["term"], "preterm");
    assert_eq!(p["dating_method"], "lmp");
    assert_eq!(p["days_to_edd"], 84);
    assert!(p["edd"].as_str().unwrap().len() == 10);
    assert!(t["baby"].is_null());
    assert_eq!(t["week"]["week"], 28);
}

#[test]
fn the_journey_marks_this_week_and_prints_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    // 100 days after the LMP: 14w2d, so week 14 is now.
    let lmp = from_today(-100);
    json(&cradle(&db, &["--json", "pregnancy", "set", "--lmp", &lmp]));
    let j = json(&cradle(&db, &["--json", "journey"]));
    assert_eq!(j["stage"], "pregnant");
    assert_eq!(j["now"], 10, "weeks 4 to 13 come first");
    let steps = j["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 39);
    assert_eq!(steps[10]["title"], "Week 14");
    assert_eq!(steps[10]["when"], "now");
    assert_eq!(steps[9]["when"], "past");
    assert_eq!(steps[11]["when"], "ahead");
    assert_eq!(steps[10]["week"]["week"], 14);
    let text = String::from_utf8(cradle(&db, &["journey"]).stdout).unwrap();
    assert!(text.contains("▶ Week 14"), "{text}");
    assert!(text.contains("This week your baby"), "{text}");
}

#[test]
fn every_dating_method_is_reachable_from_the_cli() {
    let cases: [(&[&str], &str); 4] = [
        (&["--conception", &from_today(-60)], "conception"),
        (
            &["--ivf-transfer", &from_today(-40), "--embryo-age", "5"],
            "ivf",
        ),
        (&["--edd", &from_today(100)], "edd"),
        (&["--lmp", &from_today(-30)], "lmp"),
    ];
    for (args, method) in cases {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let mut all = vec!["--json", "pregnancy", "set"];
        all.extend_from_slice(args);
        let t = json(&cradle(&db, &all));
        assert_eq!(t["pregnancy"]["dating_method"], method, "{args:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let t = json(&cradle(
        &db,
        &[
            "--json",
            "pregnancy",
            "ultrasound",
            "--date",
            &from_today(-1),
            "--crl",
            "45",
        ],
    ));
    assert_eq!(t["pregnancy"]["dating_method"], "ultrasound");
    let t = json(&cradle(
        &db,
        &[
            "--json",
            "pregnancy",
            "ultrasound",
            "--date",
            &from_today(0),
            "--ga-weeks",
            "11",
            "--ga-days",
            "1",
        ],
    ));
    assert_eq!(t["pregnancy"]["dating_method"], "ultrasound");
    let history: Value = json(&cradle(&db, &["--json", "pregnancy", "history"]));
    assert_eq!(history.as_array().unwrap().len(), 2);
}

#[test]
fn a_preterm_baby_has_a_corrected_age_and_a_term_baby_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let born = from_today(-30);
    json(&cradle(
        &db,
        &[
            "--json",
            "baby",
            "born",
            "--date",
            &born,
            "--ga-weeks",
            "34",
            "--ga-days",
            "0",
            "--count",
            "2",
        ],
    ));
    let t = json(&cradle(&db, &["--json", "today", "--on", &from_today(0)]));
    assert_eq!(t["stage"], "postpartum");
    assert_eq!(t["baby"]["age_days"], 30);
    assert_eq!(t["baby"]["corrected_age_days"], 30 - 42);
    assert_eq!(t["baby"]["count"], 2);

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    json(&cradle(
        &db,
        &[
            "--json",
            "baby",
            "born",
            "--date",
            &from_today(-90),
            "--ga-weeks",
            "39",
            "--ga-days",
            "2",
        ],
    ));
    let t = json(&cradle(&db, &["--json", "today", "--on", &from_today(0)]));
    assert_eq!(t["stage"], "baby");
    assert!(t["baby"]["corrected_age_days"].is_null());
    assert!(t["baby"]["age_months"].as_u64().unwrap() >= 2);
}

#[test]
fn bad_timeline_input_is_a_typed_error_that_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let cases: [(&[&str], &str); 6] = [
        (&["pregnancy", "set", "--lmp", &from_today(3)], "lmp"),
        (&["pregnancy", "set", "--lmp", &from_today(-400)], "lmp"),
        (
            &[
                "pregnancy",
                "set",
                "--lmp",
                &from_today(-20),
                "--cycle",
                "60",
            ],
            "cycle_days",
        ),
        (
            &[
                "pregnancy",
                "set",
                "--ivf-transfer",
                &from_today(-20),
                "--embryo-age",
                "4",
            ],
            "embryo_age",
        ),
        (
            &[
                "pregnancy",
                "ultrasound",
                "--date",
                &from_today(-1),
                "--crl",
                "95",
            ],
            "crl",
        ),
        (&["pregnancy", "set", "--lmp", "2026-02-30"], "lmp"),
    ];
    for (args, field) in cases {
        assert_eq!(refused(&db, args)["field"], field, "{args:?}");
    }
    json(&cradle(
        &db,
        &["--json", "pregnancy", "set", "--lmp", &from_today(-50)],
    ));
    let err = refused(
        &db,
        &[
            "baby",
            "born",
            "--date",
            &from_today(-60),
            "--ga-weeks",
            "30",
            "--ga-days",
            "0",
        ],
    );
    assert_eq!(
        err["field"], "birth_date",
        "a birth before the pregnancy began"
    );
    let t = json(&cradle(&db, &["--json", "today"]));
    assert_eq!(t["stage"], "pregnant");
    assert_eq!(
        json(&cradle(&db, &["--json", "pregnancy", "history"]))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_loss_stops_pregnancy_content() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    json(&cradle(
        &db,
        &["--json", "pregnancy", "set", "--lmp", &from_today(-70)],
    ));
    cradle(
        &db,
        &[
            "profile",
            "set",
            "--name",
            "Mei",
            "--locale",
            "en",
            "--time-zone",
            "Asia/Shanghai",
        ],
    );
    let ack = cradle(&db, &["pregnancy", "loss", "--date", &from_today(0)]);
    let ack = String::from_utf8(ack.stdout).unwrap();
    assert!(ack.contains("so sorry"), "{ack}");
    assert!(!ack.contains("我们很难过"), "her language only: {ack}");
    let t = json(&cradle(&db, &["--json", "today"]));
    assert_eq!(t["stage"], "after_loss");
    assert!(t["pregnancy"].is_null() && t["week"].is_null());
    let out = cradle(&db, &["today"]);
    let text = String::from_utf8(out.stdout).unwrap().to_lowercase();
    for unkind in [
        "congrat",
        "baby is about",
        "date a pregnancy",
        "record a birth",
    ] {
        assert!(!text.contains(unkind), "{unkind}: {text}");
    }
}

#[test]
fn reminders_contract_list_add_done_snooze_and_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    // An older baby, then a new pregnancy.
    json(&cradle(
        &db,
        &[
            "--json",
            "baby",
            "born",
            "--date",
            &from_today(-400),
            "--ga-weeks",
            "39",
            "--ga-days",
            "0",
        ],
    ));
    json(&cradle(
        &db,
        &["--json", "pregnancy", "set", "--lmp", &from_today(-70)],
    ));
    let added = json(&cradle(
        &db,
        &[
            "--json",
            "reminders",
            "add",
            "--title",
            "Iron",
            "--rrule",
            "FREQ=DAILY",
            "--time",
            "21:00",
        ],
    ));
    assert_eq!(added["rule"], 1);

    let items = json(&cradle(
        &db,
        &[
            "--json",
            "reminders",
            "list",
            "--from",
            &from_today(-400),
            "--to",
            &from_today(3),
        ],
    ));
    let items = items.as_array().unwrap();
    let kinds: HashSet<_> = items.iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, HashSet::from(["checkup", "vaccine", "custom"]));
    for i in items {
        assert!(i["id"].is_string() && i["title"].is_string() && i["due"].is_string());
        assert!(["pending", "done", "skipped", "snoozed"].contains(&i["status"].as_str().unwrap()));
        match i["kind"].as_str().unwrap() {
            "checkup" => {
                assert!(i["window"]["start"].is_string() && i["window"]["end"].is_string())
            }
            "vaccine" => assert!(i["vaccine"]["code"].is_string() && i["vaccine"]["dose"].is_u64()),
            _ => assert_eq!(i["due"].as_str().unwrap().len(), 16, "local date-time"),
        }
    }
    let custom = items.iter().find(|i| i["kind"] == "custom").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    json(&cradle(
        &db,
        &["--json", "reminders", "snooze", &custom, "--minutes", "10"],
    ));
    json(&cradle(&db, &["--json", "reminders", "done", &custom]));
    let err = refused(&db, &["reminders", "snooze", &custom, "--minutes", "10"]);
    assert_eq!(err["field"], "status", "snoozing a completed item");

    json(&cradle(
        &db,
        &[
            "--json",
            "vaccine",
            "given",
            "--code",
            "HepB",
            "--dose",
            "1",
            "--date",
            &from_today(-400),
        ],
    ));
    for (args, field) in [
        (
            vec![
                "vaccine",
                "given",
                "--code",
                "NOPE",
                "--dose",
                "1",
                "--date",
                &from_today(-1),
            ],
            "code",
        ),
        (
            vec![
                "vaccine",
                "given",
                "--code",
                "HepB",
                "--dose",
                "3",
                "--date",
                &from_today(-1),
            ],
            "dose",
        ),
        (
            vec![
                "reminders",
                "add",
                "--title",
                "x",
                "--rrule",
                "FREQ=DAILY;BYDAY=XX",
                "--time",
                "09:00",
            ],
            "rrule",
        ),
    ] {
        let err = refused(&db, &args);
        assert_eq!(err["field"], field);
        if field == "rrule" {
            assert!(err["message"].as_str().unwrap().contains("character 12"));
        }
    }

    let plan_args = [
        "--json",
        "notifications",
        "plan",
        "--limit",
        "5",
        "--now",
        "2030-01-01T00:00:00Z",
    ];
    // Nothing reaches the lock screen before she agrees to it.
    assert_eq!(json(&cradle(&db, &plan_args)), json!([]));
    let consents = json(&cradle(
        &db,
        &["--json", "consent", "grant", "notifications"],
    ));
    assert_eq!(consents[2]["purpose"], "notifications");
    assert_eq!(consents[2]["granted"], true);
    assert_eq!(consents[0]["answered_at"], Value::Null, "sync never asked");
    let plan = json(&cradle(&db, &plan_args));
    let plan = plan.as_array().unwrap();
    assert_eq!(plan.len(), 5);
    let times: Vec<_> = plan
        .iter()
        .map(|n| n["fire_at"].as_str().unwrap().to_owned())
        .collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted);
    assert!(plan.iter().all(|n| {
        n["deep_link"]
            .as_str()
            .unwrap()
            .starts_with("cradle://reminders/")
    }));
}

#[test]
fn record_contract_and_insights() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    // Pregnancy blood-pressure advice is for a pregnancy.
    json(&cradle(
        &db,
        &["--json", "pregnancy", "set", "--lmp", &from_today(-200)],
    ));
    let r = json(&cradle(
        &db,
        &[
            "--json", "record", "bp", "--sys", "162", "--dia", "95", "--pulse", "88",
        ],
    ));
    assert_eq!(r["unusual"], false);
    assert_eq!(r["insights"][0]["level"], "seek_care_now");
    json(&cradle(
        &db,
        &["--json", "record", "weight", "--kg", "64.5"],
    ));
    json(&cradle(
        &db,
        &[
            "--json",
            "record",
            "glucose",
            "--mmol",
            "8.6",
            "--context",
            "2h",
        ],
    ));
    let insights = json(&cradle(&db, &["--json", "insights"]));
    let codes: Vec<_> = insights
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["blood_pressure_severe", "glucose_2h_above_target"]);
    let list = json(&cradle(&db, &["--json", "records", "list"]));
    assert_eq!(list.as_array().unwrap().len(), 3);
    assert_eq!(list[1]["grams"], 64_500);

    for (args, field) in [
        (
            vec!["record", "bp", "--sys", "400", "--dia", "90"],
            "systolic",
        ),
        (
            vec!["record", "glucose", "--mmol", "0", "--context", "fasting"],
            "glucose",
        ),
        (
            vec!["record", "glucose", "--mmol", "5", "--context", "lunch"],
            "context",
        ),
        (
            vec![
                "record",
                "weight",
                "--kg",
                "70",
                "--at",
                "2999-01-01T00:00:00Z",
            ],
            "taken_at",
        ),
    ] {
        let err = refused(&db, &args);
        assert_eq!(err["field"], field);
        assert!(
            !err["message"].as_str().unwrap().contains("400"),
            "no values in errors"
        );
    }
    assert_eq!(
        json(&cradle(&db, &["--json", "records", "list"]))
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn export_all_then_delete_all() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    json(&cradle(&db, &["--json", "profile", "set", "--name", "Lin"]));
    json(&cradle(
        &db,
        &["--json", "record", "bp", "--sys", "120", "--dia", "80"],
    ));
    let export = json(&cradle(&db, &["export", "all"]));
    assert_eq!(export["tables"]["profile"][0]["display_name"], "Lin");
    assert_eq!(export["tables"]["measurement"][0]["systolic"], 120);

    let refused = cradle(&db, &["--json", "delete-all"]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        json(&cradle(&db, &["export", "all"]))["tables"]["profile"][0]["display_name"],
        "Lin"
    );

    json(&cradle(&db, &["--json", "delete-all", "--yes"]));
    let after = json(&cradle(&db, &["export", "all"]));
    for (table, rows) in after["tables"].as_object().unwrap() {
        assert!(rows.as_array().unwrap().is_empty(), "{table}");
    }
}

#[test]
fn kicks_and_contractions_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    assert_eq!(
        cradle(&db, &["--json", "kicks", "tap"]).status.code(),
        Some(2),
        "no session yet"
    );
    json(&cradle(&db, &["--json", "kicks", "start"]));
    json(&cradle(&db, &["--json", "kicks", "tap"]));
    let s = json(&cradle(&db, &["--json", "kicks", "tap"]));
    assert_eq!(s["count"], 2);
    assert_eq!(s["below_target"], false);
    let s = json(&cradle(&db, &["--json", "kicks", "stop"]));
    assert!(s["ended_at"].is_string());

    json(&cradle(&db, &["--json", "contractions", "start"]));
    let t = json(&cradle(&db, &["--json", "contractions", "status"]));
    assert!(t["current_started_at"].is_string());
    let t = json(&cradle(&db, &["--json", "contractions", "stop"]));
    assert!(t["current_started_at"].is_null());
    assert_eq!(t["count_last_hour"], 1);
    assert_eq!(t["time_to_call"], false);
    let err = refused(&db, &["contractions", "status", "--rule", "4-1-1"]);
    assert_eq!(err["field"], "rule");
}

#[test]
fn an_urgent_symptom_says_seek_care_now() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    json(&cradle(
        &db,
        &["--json", "pregnancy", "set", "--lmp", &from_today(-100)],
    ));
    let r = json(&cradle(
        &db,
        &["--json", "symptom", "bleeding", "--severity", "mild"],
    ));
    assert_eq!(r["insights"][0]["code"], "urgent_symptom");
    assert_eq!(r["insights"][0]["level"], "seek_care_now");
    let err = refused(&db, &["symptom", "sleepy"]);
    assert_eq!(err["field"], "symptom");
}

#[test]
fn entries_and_the_clinic_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    json(&cradle(&db, &["--json", "profile", "set", "--name", "Lin"]));
    let lmp = from_today(-150);
    json(&cradle(&db, &["--json", "pregnancy", "set", "--lmp", &lmp]));
    json(&cradle(
        &db,
        &[
            "--json",
            "body",
            "--height-cm",
            "160",
            "--pre-pregnancy-kg",
            "55",
        ],
    ));
    json(&cradle(
        &db,
        &["--json", "record", "bp", "--sys", "142", "--dia", "91"],
    ));
    for entry in [
        r#"{"kind":"medication","name":"Iron","dose":"60 mg","supplement":true}"#,
        r#"{"kind":"question","text":"Is my iron level fine?"}"#,
        r#"{"kind":"note","text":"A quiet day"}"#,
    ] {
        json(&cradle(&db, &["--json", "entry", "add", entry]));
    }
    let listed = json(&cradle(
        &db,
        &["--json", "entry", "list", "--kind", "medication"],
    ));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["entry"]["name"], "Iron");

    assert_eq!(
        refused(
            &db,
            &["entry", "add", r#"{"kind":"note","text":"x","mood":1}"#]
        )["field"],
        "json"
    );
    assert_eq!(
        refused(
            &db,
            &["entry", "add", r#"{"kind":"sleep","baby":1,"minutes":30}"#]
        )["field"],
        "baby"
    );
    assert_eq!(
        refused(&db, &["export", "clinic", "--format", "pdf", "--out", "x"])["field"],
        "format"
    );

    let html = dir.path().join("visit.html");
    json(&cradle(
        &db,
        &[
            "--json",
            "export",
            "clinic",
            "--format",
            "html",
            "--out",
            html.to_str().unwrap(),
            "--include-name",
        ],
    ));
    let page = std::fs::read_to_string(&html).unwrap();
    for text in ["Lin", "142/91", "Iron", "Is my iron level fine?"] {
        assert!(page.contains(text), "missing {text}");
    }
    assert!(
        !page.contains("A quiet day"),
        "the diary is shared only when chosen"
    );

    let fhir = dir.path().join("visit.json");
    json(&cradle(
        &db,
        &[
            "--json",
            "export",
            "clinic",
            "--format",
            "fhir",
            "--out",
            fhir.to_str().unwrap(),
            "--from",
            &from_today(-1),
        ],
    ));
    let bundle: Value = serde_json::from_str(&std::fs::read_to_string(&fhir).unwrap()).unwrap();
    assert_eq!(bundle["resourceType"], "Bundle");
    assert!(!bundle.to_string().contains("Lin"), "no name unless chosen");
}

#[test]
fn sync_without_consent_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = cradle(&dir.path().join("c.db"), &["--json", "sync"]);
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stderr).expect("stderr is JSON");
    assert_eq!(err["error"]["kind"], "consent_required");
    assert_eq!(err["error"]["field"], "sync");
}

#[test]
fn a_complaint_needs_shop_consent_then_a_known_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let args = [
        "complain",
        "no-such-order",
        "--topic",
        "late_delivery",
        "--note",
        "two days late",
    ];
    let out = cradle(&db, &[&["--json"][..], &args[..]].concat());
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stderr).expect("stderr is JSON");
    assert_eq!(err["error"]["kind"], "consent_required");
    assert_eq!(err["error"]["field"], "shop");
    assert!(cradle(&db, &["consent", "grant", "shop"]).status.success());
    let out = cradle(&db, &[&["--json"][..], &args[..]].concat());
    let err: Value = serde_json::from_slice(&out.stderr).expect("stderr is JSON");
    assert_eq!(err["error"]["kind"], "not_found", "{err}");
}

/// In Chinese, every line the CLI words is Chinese: no English sentence,
/// no raw code, no UTC timestamp (issue: the zh demo printed English).
#[test]
fn her_chinese_screens_hold_no_english_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let run = |args: &[&str]| {
        let out = cradle(&db, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    run(&[
        "profile",
        "set",
        "--name",
        "小雨",
        "--locale",
        "zh-CN",
        "--time-zone",
        "Asia/Shanghai",
    ]);
    run(&["pregnancy", "set", "--lmp", &from_today(-100)]);
    let mut said = vec![
        run(&["record", "bp", "--sys", "118", "--dia", "76"]),
        run(&["records", "list"]),
        run(&["consent", "grant", "sync"]),
        run(&["consent"]),
        run(&["sync", "status"]),
        run(&["reminders", "list"]),
        run(&[
            "reminders",
            "add",
            "--title",
            "补充叶酸",
            "--rrule",
            "FREQ=DAILY",
            "--time",
            "21:00",
        ]),
        run(&["records", "delete", "1"]),
        run(&["pregnancy", "history"]),
        run(&["pregnancy", "delete-lost"]),
        run(&["kicks", "status"]),
        run(&["kicks", "start"]),
        run(&["kicks", "tap"]),
        run(&["contractions", "start"]),
        run(&["contractions", "stop"]),
        run(&["sync", "conflicts"]),
        run(&["reminders", "settings"]),
        run(&["today"]),
        run(&["journey"]),
    ];
    run(&["entry", "add", r#"{"kind":"note","text":"今天很安静"}"#]);
    let listed = run(&["entry", "list"]);
    assert!(listed.contains("今天很安静"), "{listed}");
    assert!(!listed.contains('Z'), "her local minute, not UTC: {listed}");
    // The commands it suggests, and the ids a command takes, are not words.
    for text in &mut said {
        *text = text
            .lines()
            .filter(|l| !l.starts_with("→ cradle ") && !l.starts_with("    "))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let all = said.join("\n");
    for english in [
        "Recorded",
        "granted",
        "not asked",
        "blood_pressure",
        "pending",
        "Up to date",
        "Sent ",
        "Not signed in",
        "Nothing due",
        "Added reminder",
        "deleted",
        "Deleted",
        "EDD",
        "lmp",
        "Kick",
        "movement",
        "Contraction",
        "Last",
        "hour",
        "Hello",
        "trimester",
        "Baby:",
        "Tip:",
        "Next:",
        "Prenatal",
        "Quiet",
        "cn-cma",
    ] {
        assert!(!all.contains(english), "`{english}` in:\n{all}");
    }
    assert!(all.contains("已记录（#1）"), "{all}");
    assert!(all.contains("血压"), "{all}");
    assert!(all.contains("已同意"), "{all}");
    assert!(all.contains("尚未询问"), "{all}");
    assert!(all.contains("未登录"), "{all}");
    assert!(all.contains("已添加提醒（规则 1）"), "{all}");
    assert!(all.contains("1: 已删除"), "{all}");
    assert!(all.contains("末次月经  预产期"), "{all}");
    assert!(all.contains("已删除 0 条归档的孕期记录"), "{all}");
    assert!(all.contains("还没有数过胎动。"), "{all}");
    assert!(all.contains("没有冲突的修改。"), "{all}");
    assert!(all.contains("数胎动进行中：自 "), "{all}");
    assert!(all.contains("起 1 次胎动"), "{all}");
    assert!(all.contains("过去 1 小时 1 次"), "{all}");
    assert!(all.contains("小雨，你好！今天是 "), "{all}");
    assert!(all.contains("天（孕中期）｜预产期 "), "{all}");
    assert!(all.contains("本周宝宝大约有"), "{all}");
    assert!(
        all.contains("产检方案：中华医学会《孕前和孕期保健指南（2018）》"),
        "{all}"
    );
    assert!(all.contains("免打扰："), "{all}");
    // Her local minute, not the instant with seconds.
    let instant = |w: &[u8]| w[0].is_ascii_digit() && (w[1] == b'T' || w[1] == b'Z');
    assert!(!all.as_bytes().windows(2).any(instant), "{all}");
}
