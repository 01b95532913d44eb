//! The facade over a real SQLite file.

use cradle_core::clock::FixedClock;
use cradle_core::events::{ChangeObserver, DataArea};
use cradle_core::profile::Language;
use cradle_core::storage::DbKey;
use cradle_core::{Config, Cradle, CradleError, Error};
use jiff::Timestamp;
use jiff::civil::date;
use std::sync::{Arc, Mutex};

fn config(clock: Arc<FixedClock>) -> Config {
    Config::new(
        "Asia/Shanghai",
        "zh-Hans-CN",
        DbKey::from_bytes(&[7; 32]).unwrap(),
    )
    .unwrap()
    .with_clock(clock)
}

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

#[derive(Default)]
struct Recorder(Mutex<Vec<DataArea>>);
impl ChangeObserver for Recorder {
    fn data_changed(&self, area: DataArea) {
        self.0.lock().unwrap().push(area);
    }
}

#[test]
fn today_on_an_empty_database_uses_the_device_settings() {
    let dir = tempfile::tempdir().unwrap();
    // 16:30 UTC on 23 Nov is already 24 Nov in Shanghai.
    let clock = Arc::new(FixedClock::new(at("2026-11-23T16:30:00Z")));
    let cradle = Cradle::open(dir.path().join("c.db"), config(clock)).unwrap();
    let today = cradle.today().unwrap();
    assert!(today.profile.is_none());
    assert_eq!(today.date, date(2026, 11, 24));
    assert_eq!(today.language, Language::ZhHans);
}

#[test]
fn the_profile_persists_and_moves_today_to_its_zone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let clock = Arc::new(FixedClock::new(at("2026-11-23T16:30:00Z")));
    {
        let cradle = Cradle::open(&path, config(clock.clone())).unwrap();
        cradle
            .set_profile(Some("Mia"), "en-GB", "Europe/London")
            .unwrap();
    }
    let cradle = Cradle::open(&path, config(clock)).unwrap();
    let today = cradle.today().unwrap();
    let profile = today.profile.unwrap();
    assert_eq!(profile.display_name.as_deref(), Some("Mia"));
    assert_eq!(profile.locale, "en-GB");
    assert_eq!(today.date, date(2026, 11, 23));
    assert_eq!(today.language, Language::En);
}

#[test]
fn switching_language_keeps_her_name_zone_and_regional_locale() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(at("2026-11-23T16:30:00Z")));
    let cradle = Cradle::open(dir.path().join("c.db"), config(clock)).unwrap();
    // First run: the device's zone, and its locale when it speaks the choice.
    let p = cradle.set_language(Language::ZhHans).unwrap();
    assert_eq!(
        (p.locale.as_str(), p.time_zone_name()),
        ("zh-Hans-CN", "Asia/Shanghai")
    );
    assert_eq!(p.display_name, None, "nothing more than asked");
    let p = cradle.set_language(Language::En).unwrap();
    assert_eq!(p.locale, "en");

    cradle
        .set_profile(Some("Mia"), "en-GB", "Europe/London")
        .unwrap();
    let p = cradle.set_language(Language::En).unwrap();
    assert_eq!(p.locale, "en-GB", "her region stays");
    let p = cradle.set_language(Language::ZhHans).unwrap();
    assert_eq!(p.locale, "zh-Hans-CN");
    assert_eq!(p.display_name.as_deref(), Some("Mia"));
    assert_eq!(p.time_zone_name(), "Europe/London");
    assert_eq!(cradle.today().unwrap().language, Language::ZhHans);
}

#[test]
fn rejected_input_changes_nothing_and_notifies_no_one() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(Timestamp::now()));
    let cradle = Cradle::open(dir.path().join("c.db"), config(clock)).unwrap();
    cradle.set_profile(None, "zh-CN", "Asia/Shanghai").unwrap();
    let recorder = Arc::new(Recorder::default());
    cradle.subscribe(recorder.clone());

    let err = cradle
        .set_profile(Some("x"), "en", "Not/AZone")
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Invalid {
            field: "time_zone",
            ..
        }
    ));
    let public = CradleError::from(err);
    assert!(matches!(public, CradleError::InvalidInput { ref field, .. } if field == "time_zone"));

    let p = cradle.profile().unwrap().unwrap();
    assert_eq!(
        (p.locale.as_str(), p.time_zone_name()),
        ("zh-CN", "Asia/Shanghai")
    );
    assert!(recorder.0.lock().unwrap().is_empty());
}

#[test]
fn observers_hear_each_write_until_unsubscribed() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(Timestamp::now()));
    let cradle = Cradle::open(dir.path().join("c.db"), config(clock)).unwrap();
    let recorder = Arc::new(Recorder::default());
    let id = cradle.subscribe(recorder.clone());
    cradle.set_profile(None, "en", "UTC").unwrap();
    cradle.set_profile(None, "en", "Asia/Tokyo").unwrap();
    assert!(cradle.unsubscribe(id));
    cradle.set_profile(None, "en", "UTC").unwrap();
    // A profile change (zone, language) also changes reminder times and text.
    assert_eq!(
        *recorder.0.lock().unwrap(),
        [
            DataArea::Profile,
            DataArea::Reminders,
            DataArea::Profile,
            DataArea::Reminders
        ]
    );
    assert!(!cradle.unsubscribe(id));
}

#[test]
fn a_database_from_a_newer_app_is_a_storage_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let clock = Arc::new(FixedClock::new(Timestamp::now()));
    drop(Cradle::open(&path, config(clock.clone())).unwrap());
    {
        // What a future build would leave behind, with the same key.
        let conn = rusqlite::Connection::open(&path).unwrap();
        let key = DbKey::from_bytes(&[7; 32]).unwrap();
        conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.to_hex()))
            .unwrap();
        conn.pragma_update(None, "user_version", 10_000).unwrap();
    }
    let err = Cradle::open(&path, config(clock)).unwrap_err();
    assert!(matches!(
        CradleError::from(err),
        CradleError::Storage { .. }
    ));
}
