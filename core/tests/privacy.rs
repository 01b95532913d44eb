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
fn export_has_every_record_and_delete_leaves_nothing_in_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("private.db");
    let cradle = {
        let clock = std::sync::Arc::new(cradle_core::clock::FixedClock::new(
            "2027-01-10T02:00:00Z".parse().unwrap(),
        ));
        let config = cradle_core::Config::new("Asia/Shanghai", "zh-CN")
            .unwrap()
            .with_clock(clock);
        cradle_core::Cradle::open(&db, config).unwrap()
    };
    cradle
        .set_profile(Some("Unique-Name-7391"), "zh-CN", "Asia/Shanghai")
        .unwrap();
    cradle
        .record_dating(DatingInput::Lmp {
            lmp: date(2026, 7, 1),
            cycle_days: 28,
        })
        .unwrap();
    cradle
        .add_reminder("Private-Reminder-5518", "FREQ=DAILY", "21:00")
        .unwrap();
    cradle
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
    assert!(
        file_contains(&db, "Unique-Name-7391")
            || file_contains(&db.with_extension("db-wal"), "Unique-Name-7391")
    );

    cradle.delete_all().unwrap();
    let after = cradle.export_all().unwrap();
    for (table, rows) in after["tables"].as_object().unwrap() {
        assert!(
            rows.as_array().unwrap().is_empty(),
            "{table} still has rows"
        );
    }
    assert!(cradle.today().unwrap().profile.is_none());
    for file in [db.clone(), db.with_extension("db-wal")] {
        for needle in ["Unique-Name-7391", "Private-Reminder-5518"] {
            assert!(
                !file_contains(&file, needle),
                "{} still holds {needle}",
                file.display()
            );
        }
    }
    // The app keeps working after a wipe.
    cradle
        .record_dating(DatingInput::Lmp {
            lmp: date(2026, 12, 1),
            cycle_days: 28,
        })
        .unwrap();
}
