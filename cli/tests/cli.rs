//! The `cradle` binary, run as a user or a script would run it.

use serde_json::Value;
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
    let out = cradle(
        &db,
        &["--json", "profile", "set", "--time-zone", "Moon/Base"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["kind"], "invalid_input");
    assert_eq!(err["error"]["field"], "time_zone");
    // Nothing was written.
    let shown = json(&cradle(&db, &["--json", "profile", "show"]));
    assert!(shown.is_null());
}
