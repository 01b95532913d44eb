//! Consent per purpose (PIPL): nothing is pre-ticked, each purpose gates
//! only its own processing, and withdrawing is as easy as granting.

mod common;

use common::app;
use cradle_core::consent::{NOTICE_VERSION, Purpose};
use cradle_core::events::{ChangeObserver, DataArea};
use cradle_core::storage::DbKey;
use cradle_core::sync::SyncStatus;
use cradle_core::{Config, Cradle, Error};
use jiff::civil::date;
use std::sync::{Arc, Mutex};

/// A user straight after install: nothing answered yet.
fn fresh() -> (tempfile::TempDir, Cradle) {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::new("Asia/Shanghai", "zh-CN", DbKey::generate().unwrap()).unwrap();
    let cradle = Cradle::open(dir.path().join("cradle.db"), config).unwrap();
    (dir, cradle)
}

fn refused(e: Error) -> Purpose {
    match e {
        Error::ConsentRequired(p) => p,
        other => panic!("expected a consent refusal, got {other:?}"),
    }
}

#[test]
fn nothing_is_granted_until_she_answers() {
    let (_dir, cradle) = fresh();
    let all = cradle.consents().unwrap();
    assert_eq!(
        all.iter().map(|c| c.purpose).collect::<Vec<_>>(),
        Purpose::ALL
    );
    assert!(
        all.iter()
            .all(|c| !c.granted && c.answered_at.is_none() && c.notice.is_none())
    );
}

#[tokio::test]
async fn sync_and_the_shop_refuse_before_touching_the_network() {
    let (_dir, cradle) = fresh();
    // Port 9 (discard) is closed on loopback: a refusal that reached the
    // network would be a network error, not a consent error.
    let nowhere = "http://127.0.0.1:9";
    assert_eq!(
        refused(
            cradle
                .sync()
                .register(nowhere, "mama", "correct horse battery", "phone")
                .await
                .unwrap_err()
        ),
        Purpose::Sync
    );
    assert_eq!(
        refused(
            cradle
                .sync()
                .login(nowhere, "mama", "pw", "phone", Some("code"))
                .await
                .unwrap_err()
        ),
        Purpose::Sync
    );
    assert_eq!(
        refused(cradle.sync().sync_now().await.unwrap_err()),
        Purpose::Sync
    );
    for result in [
        cradle.shop().review_checkout().await.map(|_| ()),
        cradle.shop().refresh_orders().await.map(|_| ()),
        cradle.shop().pay_order("o-1").await.map(|_| ()),
        cradle
            .shop()
            .request_return("o-1", "return", &[], "other", None)
            .await
            .map(|_| ()),
    ] {
        assert_eq!(refused(result.unwrap_err()), Purpose::Shop);
    }
    // The public error names the purpose, for the shell to ask.
    let public: cradle_core::CradleError = Error::ConsentRequired(Purpose::Shop).into();
    assert_eq!(
        public,
        cradle_core::CradleError::ConsentRequired {
            purpose: Purpose::Shop
        }
    );

    // Granting sync lets register go on to the network, and no further.
    cradle.set_consent(Purpose::Sync, true).unwrap();
    assert!(matches!(
        cradle
            .sync()
            .register(nowhere, "mama", "correct horse battery", "phone")
            .await,
        Err(Error::Network(_))
    ));
    // The cart is on the device: it needs no consent.
    assert!(cradle.shop().cart().unwrap().lines.is_empty());
}

#[test]
fn notifications_follow_consent_and_withdrawing_cancels_them_all() {
    let a = app("Asia/Shanghai", "2026-06-01T02:00:00Z");
    a.date_by_lmp(date(2026, 4, 1));
    let planned = a
        .cradle
        .reminders()
        .notification_plan_diff(64)
        .unwrap()
        .add
        .len();
    assert!(planned > 0, "the helper's user agreed to notifications");

    a.cradle.set_consent(Purpose::Notifications, false).unwrap();
    assert!(
        a.cradle
            .reminders()
            .notification_plan(None, 64)
            .unwrap()
            .is_empty()
    );
    let diff = a.cradle.reminders().notification_plan_diff(64).unwrap();
    assert!(diff.add.is_empty());
    assert_eq!(
        diff.cancel.len(),
        planned,
        "every scheduled one is cancelled"
    );
    // The reminders themselves stay: only the lock screen is off.
    assert!(!a.cradle.reminders().list(None, None).unwrap().is_empty());

    a.cradle.set_consent(Purpose::Notifications, true).unwrap();
    assert_eq!(
        a.cradle
            .reminders()
            .notification_plan_diff(64)
            .unwrap()
            .add
            .len(),
        planned
    );
}

#[test]
fn each_answer_is_kept_with_its_time_and_notice_and_exported() {
    let a = app("Asia/Shanghai", "2026-06-01T02:00:00Z");
    let seen = Arc::new(Mutex::new(Vec::new()));
    struct Seen(Arc<Mutex<Vec<DataArea>>>);
    impl ChangeObserver for Seen {
        fn data_changed(&self, area: DataArea) {
            self.0.lock().unwrap().push(area);
        }
    }
    a.cradle.subscribe(Arc::new(Seen(seen.clone())));

    let all = a.cradle.set_consent(Purpose::Shop, true).unwrap();
    let shop = &all[1];
    assert_eq!(shop.purpose, Purpose::Shop);
    assert!(shop.granted);
    assert_eq!(
        shop.answered_at,
        Some("2026-06-01T02:00:00Z".parse().unwrap())
    );
    assert_eq!(shop.notice, Some(NOTICE_VERSION));
    assert!(seen.lock().unwrap().contains(&DataArea::Profile));

    a.clock.set("2026-06-01T03:00:00Z".parse().unwrap());
    // The same answer again is not a new answer.
    a.cradle.set_consent(Purpose::Shop, true).unwrap();
    a.cradle.set_consent(Purpose::Sync, false).unwrap();
    let all = a.cradle.consents().unwrap();
    assert_eq!(
        all[1].answered_at,
        Some("2026-06-01T02:00:00Z".parse().unwrap())
    );
    assert!(!all[0].granted);
    assert_eq!(
        all[0].answered_at,
        Some("2026-06-01T03:00:00Z".parse().unwrap())
    );

    let export = a.cradle.export_all().unwrap();
    let log = export["tables"]["consent_log"].as_array().unwrap();
    let rows: Vec<(&str, i64)> = log
        .iter()
        .map(|r| {
            (
                r["purpose"].as_str().unwrap(),
                r["granted"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [("notifications", 1), ("shop", 1), ("sync", 0)],
        "her history, oldest first"
    );

    a.cradle.delete_all().unwrap();
    assert!(a.cradle.consents().unwrap().iter().all(|c| !c.granted));
}

#[test]
fn a_purpose_is_named_in_words() {
    assert_eq!(Purpose::parse("shop").unwrap(), Purpose::Shop);
    assert!(matches!(
        Purpose::parse("ads"),
        Err(Error::Invalid {
            field: "purpose",
            ..
        })
    ));
    let (_dir, cradle) = fresh();
    assert_eq!(cradle.sync().sync_status().unwrap(), SyncStatus::SignedOut);
}
