//! "Export all my data" and "delete all my data", on real files.

use cradle_core::records::{Measurement, WeightUnit};
use cradle_core::timeline::dating::DatingInput;
use jiff::civil::date;

fn file_contains(path: &std::path::Path, needle: &str) -> bool {
    std::fs::read(path)
        .map(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
        .unwrap_or(false)
}

#[test]
fn export_has_every_record_and_delete_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("private.db");
    let cradle = {
        let clock = std::sync::Arc::new(cradle_core::clock::FixedClock::new(
            "2027-01-10T02:00:00Z".parse().unwrap(),
        ));
        let config = cradle_core::Config::new(
            "Asia/Shanghai",
            "zh-CN",
            cradle_core::storage::DbKey::generate().unwrap(),
        )
        .unwrap()
        .with_clock(clock);
        cradle_core::Cradle::open(&db, config).unwrap()
    };
    cradle
        .set_profile(Some("Unique-Name-7391"), "zh-CN", "Asia/Shanghai")
        .unwrap();
    cradle
        .timeline()
        .record_dating(DatingInput::Lmp {
            lmp: date(2026, 7, 1),
            cycle_days: 28,
        })
        .unwrap();
    cradle
        .reminders()
        .add("Private-Reminder-5518", "FREQ=DAILY", "21:00")
        .unwrap();
    cradle
        .records()
        .record(Measurement::weight(61.3, WeightUnit::Kg).unwrap(), None)
        .unwrap();

    let export = cradle.export_all().unwrap();
    let text = export.to_string();
    for needle in [
        "Unique-Name-7391",
        "Private-Reminder-5518",
        "2026-07-01",
        "61300",
    ] {
        assert!(text.contains(needle), "export lacks {needle}");
    }
    assert_eq!(export["tables"]["measurement"].as_array().unwrap().len(), 1);

    cradle.delete_all().unwrap();
    let after = cradle.export_all().unwrap();
    for (table, rows) in after["tables"].as_object().unwrap() {
        assert!(
            rows.as_array().unwrap().is_empty(),
            "{table} still has rows"
        );
    }
    assert!(cradle.today().unwrap().profile.is_none());
    // The files hold no plaintext at any time (health_data_is_encrypted_at_rest);
    // deleted pages are also zeroed (secure_delete) and the WAL truncated.
    let wal = std::fs::metadata(db.with_extension("db-wal")).map_or(0, |m| m.len());
    assert_eq!(wal, 0, "the WAL was truncated");
    // The app keeps working after a wipe.
    cradle
        .timeline()
        .record_dating(DatingInput::Lmp {
            lmp: date(2026, 12, 1),
            cycle_days: 28,
        })
        .unwrap();
}

#[test]
fn health_data_is_encrypted_at_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("encrypted.db");
    let needle = "Distinctive-Note-4242";
    {
        let config = cradle_core::Config::new(
            "Asia/Shanghai",
            "en",
            cradle_core::storage::DbKey::generate().unwrap(),
        )
        .unwrap();
        let cradle = cradle_core::Cradle::open(&db, config).unwrap();
        cradle
            .reminders()
            .add(needle, "FREQ=DAILY", "21:00")
            .unwrap();
        cradle
            .records()
            .add_entry(
                cradle_core::records::journal::Entry::Note {
                    text: format!("diary: {needle}"),
                },
                None,
            )
            .unwrap();
        cradle
            .records()
            .record(
                cradle_core::records::Measurement::blood_pressure(187, 123, Some(99)).unwrap(),
                None,
            )
            .unwrap();
        // Not closed yet: the WAL holds the newest pages.
        for file in [db.clone(), db.with_extension("db-wal")] {
            assert!(
                !file_contains(&file, needle),
                "{} holds plaintext",
                file.display()
            );
        }
    }
    for file in [db.clone(), db.with_extension("db-wal")] {
        assert!(
            !file_contains(&file, needle),
            "{} holds plaintext",
            file.display()
        );
        assert!(
            !file_contains(&file, "SQLite format 3"),
            "{} has a plaintext header",
            file.display()
        );
    }
    // The check itself works: the same text in an unkeyed database is found.
    let plain = dir.path().join("plain.db");
    let conn = rusqlite::Connection::open(&plain).unwrap();
    conn.execute_batch(&format!(
        "CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('{needle}');"
    ))
    .unwrap();
    drop(conn);
    assert!(file_contains(&plain, needle));
}
