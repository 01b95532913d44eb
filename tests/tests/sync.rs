//! End-to-end sync between devices through a real `cradle-server` process.

use cradle_core::records::Measurement;
use cradle_core::records::gain::Baseline;
use cradle_core::records::journal::{Entry, Filter};
use cradle_core::reminders::Status;
use cradle_core::sync::SyncStatus;
use cradle_core::timeline::Stage;
use cradle_core::timeline::baby::{Birth, BirthFacts};
use cradle_core::timeline::dating::DatingInput;
use cradle_core::timeline::gestation::{GestationalAge, add_days};
use cradle_core::{Cradle, Error, KickAction};
use cradle_tests::{Device, PASSWORD, Server, blood_pressures, pair, record_bp};

fn notes(c: &Cradle) -> Vec<String> {
    c.records()
        .entries(&Filter {
            kinds: vec!["note".into()],
            ..Filter::default()
        })
        .unwrap()
        .into_iter()
        .map(|e| match e.entry {
            Entry::Note { text } => text,
            other => panic!("not a note: {other:?}"),
        })
        .collect()
}

#[tokio::test]
async fn records_made_offline_reach_the_other_device_edits_and_deletes_too() {
    let server = Server::start();
    // Recorded before the account exists: linking queues them.
    let a = Device::new();
    record_bp(&a.cradle, 118, 76);
    let code = a.register(&server.url).await;
    let weight = a
        .cradle
        .records()
        .record(
            Measurement::weight(61.5, cradle_core::records::WeightUnit::Kg).unwrap(),
            None,
        )
        .unwrap();
    a.cradle
        .records()
        .add_entry(
            Entry::Note {
                text: "Felt the first kicks".into(),
            },
            None,
        )
        .unwrap();
    let report = a.cradle.sync().sync_now().await.unwrap();
    assert_eq!(report.pushed, 3);
    assert!(matches!(
        a.cradle.sync().sync_status().unwrap(),
        SyncStatus::UpToDate { .. }
    ));

    let b = Device::new();
    b.cradle
        .sync()
        .login(&server.url, "mama", PASSWORD, "tablet", Some(&code))
        .await
        .unwrap();
    // B's charts are drawn before the pull, so what arrives must reach
    // their per-day table through the sync writes themselves.
    assert!(
        b.cradle
            .records()
            .trends(None, None)
            .unwrap()
            .blood_pressure
            .is_empty()
    );
    b.cradle.sync().sync_now().await.unwrap();
    assert_eq!(blood_pressures(&b.cradle), vec![(118, 76)]);
    assert_eq!(notes(&b.cradle), vec!["Felt the first kicks".to_owned()]);
    assert_eq!(b.cradle.records().list(Some("weight")).unwrap().len(), 1);
    let charts = b.cradle.records().trends(None, None).unwrap();
    assert_eq!(charts.weight.len(), 1);
    assert_eq!(charts.blood_pressure[0].systolic_max, 118);

    // B edits the reading; A deletes the weight; both converge.
    let on_b = b.cradle.records().list(Some("blood_pressure")).unwrap()[0];
    b.cradle
        .records()
        .update_record(
            on_b.id,
            Measurement::blood_pressure(121, 79, Some(70)).unwrap(),
            on_b.taken_at,
        )
        .unwrap();
    a.cradle.records().delete_record(weight).unwrap();
    b.cradle.sync().sync_now().await.unwrap();
    a.cradle.sync().sync_now().await.unwrap();
    b.cradle.sync().sync_now().await.unwrap();
    assert_eq!(blood_pressures(&a.cradle), vec![(121, 79)]);
    assert_eq!(blood_pressures(&b.cradle), vec![(121, 79)]);
    assert!(a.cradle.records().list(Some("weight")).unwrap().is_empty());
    assert!(b.cradle.records().list(Some("weight")).unwrap().is_empty());
    let charts = b.cradle.records().trends(None, None).unwrap();
    assert!(charts.weight.is_empty());
    assert_eq!(charts.blood_pressure[0].systolic_max, 121);
    // Nothing echoes back: a sync with nothing new pushes nothing.
    assert_eq!(a.cradle.sync().sync_now().await.unwrap().pushed, 0);
    assert_eq!(b.cradle.sync().sync_now().await.unwrap().pushed, 0);
}

#[tokio::test]
async fn the_server_stores_no_readable_health_value() {
    let server = Server::start();
    let (a, _b) = pair(&server.url, &server.url).await;
    record_bp(&a.cradle, 163, 107);
    a.cradle
        .records()
        .add_entry(
            Entry::Note {
                text: "Distinctive-diary-note-7731".into(),
            },
            None,
        )
        .unwrap();
    a.cradle.sync().sync_now().await.unwrap();

    let rows = server.sql("SELECT collection, name, value FROM field");
    assert!(rows.len() >= 10, "the fields arrived: {}", rows.len());
    for row in &rows {
        let mut cols = row.splitn(3, '|');
        let (collection, name, value) = (
            cols.next().unwrap(),
            cols.next().unwrap(),
            cols.next().unwrap(),
        );
        let v: serde_json::Value = serde_json::from_str(value).unwrap();
        assert!(
            cradle_core::sync::crypto::is_sealed(&v),
            "{collection}.{name} is stored readable"
        );
    }
    // And not in the raw bytes of the SQLite file or its WAL either.
    if let Some(db) = server.sqlite_file() {
        for file in [db.clone(), db.with_extension("db-wal")] {
            if let Ok(bytes) = std::fs::read(&file) {
                let text = String::from_utf8_lossy(&bytes);
                assert!(
                    !text.contains("Distinctive-diary-note"),
                    "{}",
                    file.display()
                );
                assert!(!text.contains("\"systolic\":163"), "{}", file.display());
            }
        }
    }
}

#[tokio::test]
async fn a_wrong_recovery_code_is_refused_and_links_nothing() {
    let server = Server::start();
    let a = Device::new();
    a.register(&server.url).await;
    let b = Device::new();
    let other = cradle_core::sync::crypto::SyncKey::generate()
        .unwrap()
        .recovery_code();
    let e = b
        .cradle
        .sync()
        .login(&server.url, "mama", PASSWORD, "tablet", Some(&other))
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Invalid {
                field: "recovery_code",
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        b.cradle.sync().sync_status().unwrap(),
        SyncStatus::SignedOut
    );
    let e = b
        .cradle
        .sync()
        .login(
            &server.url,
            "mama",
            "wrong password!",
            "tablet",
            Some(&other),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Invalid {
                field: "password",
                ..
            }
        ),
        "{e:?}"
    );
}

#[tokio::test]
async fn a_losing_concurrent_edit_is_kept_in_the_conflict_log() {
    let server = Server::start();
    let (a, b) = pair(&server.url, &server.url).await;
    record_bp(&a.cradle, 130, 85);
    a.cradle.sync().sync_now().await.unwrap();
    b.cradle.sync().sync_now().await.unwrap();

    // Both edit the same reading while apart; B syncs last and wins.
    let ra = a.cradle.records().list(None).unwrap()[0];
    let rb = b.cradle.records().list(None).unwrap()[0];
    a.cradle
        .records()
        .update_record(
            ra.id,
            Measurement::blood_pressure(131, 85, None).unwrap(),
            ra.taken_at,
        )
        .unwrap();
    b.cradle
        .records()
        .update_record(
            rb.id,
            Measurement::blood_pressure(135, 85, None).unwrap(),
            rb.taken_at,
        )
        .unwrap();
    a.cradle.sync().sync_now().await.unwrap();
    b.cradle.sync().sync_now().await.unwrap();
    a.cradle.sync().sync_now().await.unwrap();

    assert_eq!(blood_pressures(&a.cradle), vec![(135, 85)]);
    assert_eq!(blood_pressures(&b.cradle), vec![(135, 85)]);
    for device in [&a, &b] {
        let conflicts = device.cradle.sync().sync_conflicts().unwrap();
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(conflicts[0].field, "systolic");
        assert_eq!(conflicts[0].lost_value, "131");
        assert_eq!(conflicts[0].won_value, "135");
    }
}

#[tokio::test]
async fn a_delete_wins_over_a_concurrent_edit() {
    let server = Server::start();
    let (a, b) = pair(&server.url, &server.url).await;
    let id = record_bp(&a.cradle, 125, 80);
    a.cradle.sync().sync_now().await.unwrap();
    b.cradle.sync().sync_now().await.unwrap();
    a.cradle.records().delete_record(id).unwrap();
    let rb = b.cradle.records().list(None).unwrap()[0];
    b.cradle
        .records()
        .update_record(
            rb.id,
            Measurement::blood_pressure(126, 80, None).unwrap(),
            rb.taken_at,
        )
        .unwrap();
    a.cradle.sync().sync_now().await.unwrap();
    let report = b.cradle.sync().sync_now().await.unwrap();
    assert_eq!(
        report.rejected, 1,
        "the edit of a deleted record is refused"
    );
    assert!(blood_pressures(&a.cradle).is_empty());
    assert!(blood_pressures(&b.cradle).is_empty());
}

#[tokio::test]
async fn the_status_counts_new_changes_and_delete_all_unlinks_the_device() {
    let server = Server::start();
    let (a, b) = pair(&server.url, &server.url).await;
    record_bp(&a.cradle, 120, 76);
    assert_eq!(
        a.cradle.sync().sync_status().unwrap(),
        SyncStatus::Waiting {
            pending: 1,
            last_synced_at: None
        }
    );
    a.cradle.sync().sync_now().await.unwrap();
    let SyncStatus::UpToDate { last_synced_at } = a.cradle.sync().sync_status().unwrap() else {
        panic!("not up to date");
    };
    record_bp(&a.cradle, 121, 76);
    assert_eq!(
        a.cradle.sync().sync_status().unwrap(),
        SyncStatus::Waiting {
            pending: 1,
            last_synced_at: Some(last_synced_at)
        }
    );
    // "Delete all my data" here unlinks this device; the account keeps its copy.
    a.cradle.delete_all().unwrap();
    assert_eq!(
        a.cradle.sync().sync_status().unwrap(),
        SyncStatus::SignedOut
    );
    assert!(a.cradle.sync().recovery_code().unwrap().is_none());
    b.cradle.sync().sync_now().await.unwrap();
    assert_eq!(blood_pressures(&b.cradle), vec![(120, 76)]);
}

#[tokio::test]
async fn the_profile_is_one_document_on_every_device_and_merges_by_field() {
    let server = Server::start();
    let a = Device::new();
    a.cradle
        .set_profile(Some("Mia"), "en-GB", "Europe/London")
        .unwrap();
    let code = a.register(&server.url).await;
    a.cradle.sync().sync_now().await.unwrap();

    // A tablet with no profile of its own takes hers.
    let b = Device::new();
    b.cradle
        .sync()
        .login(&server.url, "mama", PASSWORD, "tablet", Some(&code))
        .await
        .unwrap();
    b.cradle.sync().sync_now().await.unwrap();
    let on_b = b.cradle.profile().unwrap().expect("the profile arrived");
    assert_eq!(on_b.display_name.as_deref(), Some("Mia"));
    assert_eq!(on_b.time_zone_name(), "Europe/London");

    // She moves to Shanghai on the tablet: the phone follows, and there is
    // still one profile on the server.
    b.cradle
        .set_profile(Some("Mia"), "en-GB", "Asia/Shanghai")
        .unwrap();
    b.cradle.sync().sync_now().await.unwrap();
    a.cradle.sync().sync_now().await.unwrap();
    assert_eq!(
        a.cradle.profile().unwrap().unwrap().time_zone_name(),
        "Asia/Shanghai"
    );
    assert_eq!(
        server.count("SELECT count(*) FROM doc WHERE collection = 'profile'"),
        1
    );
    // Her name is sealed like health data.
    for row in server.sql("SELECT value FROM field WHERE collection = 'profile'") {
        assert!(!row.contains("Mia"));
    }
}

/// Everything a reminder list shows that a device decides: id and status.
fn reminder_states(c: &Cradle) -> Vec<(String, Status)> {
    let today = c.today().unwrap().date;
    c.reminders()
        .list(Some(today), Some(add_days(today, 2).unwrap()))
        .unwrap()
        .into_iter()
        .map(|i| (i.id, i.status))
        .collect()
}

#[tokio::test]
async fn the_timeline_reminders_and_sessions_reach_the_other_device() {
    let server = Server::start();
    let (a, b) = pair(&server.url, &server.url).await;
    let today = a.cradle.today().unwrap().date;
    a.cradle
        .timeline()
        .record_dating(DatingInput::Lmp {
            lmp: add_days(today, -100).unwrap(),
            cycle_days: 28,
        })
        .unwrap();
    a.cradle
        .records()
        .set_baseline(Some(Baseline::new(162.0, 55.0).unwrap()))
        .unwrap();
    a.cradle
        .reminders()
        .add("Iron", "FREQ=DAILY", "09:00")
        .unwrap();
    let first_checkup = a
        .cradle
        .reminders()
        .list(None, None)
        .unwrap()
        .into_iter()
        .find(|i| i.id.starts_with("checkup:"))
        .unwrap();
    a.cradle
        .reminders()
        .complete_item(&first_checkup.id)
        .unwrap();
    a.cradle.records().kick(KickAction::Start).unwrap();
    for _ in 0..3 {
        a.cradle.records().kick(KickAction::Tap).unwrap();
    }
    a.cradle.records().kick(KickAction::Stop).unwrap();

    a.cradle.sync().sync_now().await.unwrap();
    b.cradle.sync().sync_now().await.unwrap();

    let (on_a, on_b) = (a.cradle.today().unwrap(), b.cradle.today().unwrap());
    assert_eq!(on_b.timeline.stage, Stage::Pregnant);
    assert_eq!(on_b.timeline.pregnancy, on_a.timeline.pregnancy);
    assert_eq!(
        b.cradle.timeline().dating_history().unwrap(),
        a.cradle.timeline().dating_history().unwrap()
    );
    assert_eq!(
        b.cradle.records().baseline().unwrap(),
        a.cradle.records().baseline().unwrap()
    );
    assert_eq!(reminder_states(&b.cradle), reminder_states(&a.cradle));
    let ticked = b.cradle.reminders().list(None, None).unwrap();
    let ticked = ticked.iter().find(|i| i.id == first_checkup.id).unwrap();
    assert_eq!(
        ticked.status,
        Status::Done,
        "a checkup ticked on the phone is ticked on the tablet"
    );
    let kicks = b
        .cradle
        .records()
        .kick_session()
        .unwrap()
        .expect("the finished count arrived");
    assert_eq!((kicks.count, kicks.ended_at.is_some()), (3, true));

    // Cleared on the tablet, cleared on the phone.
    b.cradle.records().set_baseline(None).unwrap();
    b.cradle.sync().sync_now().await.unwrap();
    a.cradle.sync().sync_now().await.unwrap();
    assert_eq!(a.cradle.records().baseline().unwrap(), None);
}

#[tokio::test]
async fn a_pregnancy_started_on_two_devices_offline_is_one_pregnancy() {
    let server = Server::start();
    let (a, b) = pair(&server.url, &server.url).await;
    let today = a.cradle.today().unwrap().date;
    // Each device dates the pregnancy before they have synced.
    a.cradle
        .timeline()
        .record_dating(DatingInput::Lmp {
            lmp: add_days(today, -90).unwrap(),
            cycle_days: 28,
        })
        .unwrap();
    b.cradle
        .timeline()
        .record_dating(DatingInput::Edd {
            edd: add_days(today, 188).unwrap(),
        })
        .unwrap();
    for device in [&a, &b, &a] {
        device.cradle.sync().sync_now().await.unwrap();
    }
    assert_eq!(a.cradle.timeline().dating_history().unwrap().len(), 2);
    assert_eq!(
        b.cradle.timeline().dating_history().unwrap(),
        a.cradle.timeline().dating_history().unwrap()
    );
    assert_eq!(
        b.cradle.today().unwrap().timeline.pregnancy,
        a.cradle.today().unwrap().timeline.pregnancy
    );
    assert_eq!(reminder_states(&b.cradle), reminder_states(&a.cradle));

    // The birth, recorded on one device, ends it on both.
    b.cradle
        .timeline()
        .record_birth(
            Birth {
                date: today,
                ga_at_birth: GestationalAge::new(39, 0),
                count: 1,
            },
            &BirthFacts::default(),
        )
        .unwrap();
    b.cradle.sync().sync_now().await.unwrap();
    a.cradle.sync().sync_now().await.unwrap();
    let on_a = a.cradle.today().unwrap().timeline;
    assert_eq!(on_a.stage, Stage::Postpartum);
    assert!(on_a.pregnancy.is_none());
    assert_eq!(reminder_states(&b.cradle), reminder_states(&a.cradle));
}

#[tokio::test]
async fn withdrawing_consent_pauses_sync_and_nothing_leaves_the_device() {
    use cradle_core::consent::Purpose;
    let server = Server::start();
    let (a, b) = pair(&server.url, &server.url).await;
    a.cradle.sync().sync_now().await.unwrap();

    a.cradle.set_consent(Purpose::Sync, false).unwrap();
    record_bp(&a.cradle, 131, 84);
    assert_eq!(
        a.cradle.sync().sync_status().unwrap(),
        SyncStatus::Paused { pending: 1 },
        "the reading waits on this device"
    );
    assert!(matches!(
        a.cradle.sync().sync_now().await,
        Err(Error::ConsentRequired(Purpose::Sync))
    ));
    b.cradle.sync().sync_now().await.unwrap();
    assert!(
        blood_pressures(&b.cradle).is_empty(),
        "the server never had it"
    );

    // Granting again resumes where it stopped.
    a.cradle.set_consent(Purpose::Sync, true).unwrap();
    assert!(matches!(
        a.cradle.sync().sync_status().unwrap(),
        SyncStatus::Waiting { pending: 1, .. }
    ));
    a.cradle.sync().sync_now().await.unwrap();
    b.cradle.sync().sync_now().await.unwrap();
    assert_eq!(blood_pressures(&b.cradle), vec![(131, 84)]);
}

/// 100 notes of 2,000 emoji each (within the app's own limit) make a push
/// above the server's 1 MiB body limit. The device halves the batch at each
/// 413 until it fits, so the blood pressure queued behind them arrives.
#[tokio::test]
async fn a_batch_too_large_for_one_request_is_split_and_nothing_behind_it_waits() {
    let server = Server::start();
    let (a, b) = pair(&server.url, &server.url).await;
    let note = "🤰".repeat(2000);
    for _ in 0..100 {
        a.cradle
            .records()
            .add_entry(Entry::Note { text: note.clone() }, None)
            .unwrap();
    }
    record_bp(&a.cradle, 150, 95);
    let report = a.cradle.sync().sync_now().await.unwrap();
    assert_eq!(report.rejected, 0);
    assert_eq!(report.pushed, 101);
    b.cradle.sync().sync_now().await.unwrap();
    assert_eq!(notes(&b.cradle).len(), 100);
    assert_eq!(blood_pressures(&b.cradle), vec![(150, 95)]);
}

/// A change the server would refuse for good (a field larger than a push
/// may carry) is refused when she writes it, with the field named, and
/// nothing is written; so no such change can ever sit in the queue.
#[tokio::test]
async fn a_change_too_large_to_sync_is_refused_when_written() {
    let server = Server::start();
    let (a, _b) = pair(&server.url, &server.url).await;
    // 2,000 characters, but control characters travel as six bytes each.
    let bells = "\u{7}".repeat(2000);
    let before = a.cradle.sync().sync_status().unwrap();
    match a
        .cradle
        .records()
        .add_entry(Entry::Note { text: bells }, None)
    {
        Err(Error::Invalid { field: "text", .. }) => {}
        other => panic!("{other:?}"),
    }
    assert!(notes(&a.cradle).is_empty());
    assert_eq!(
        a.cradle.sync().sync_status().unwrap(),
        before,
        "nothing queued"
    );
    a.cradle
        .records()
        .add_entry(
            Entry::Note {
                text: "a short one".into(),
            },
            None,
        )
        .unwrap();
    assert_eq!(a.cradle.sync().sync_now().await.unwrap().rejected, 0);
}
