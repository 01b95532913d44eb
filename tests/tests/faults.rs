//! Sync through a fault-injecting proxy in front of a real server: every
//! named failure, then randomized seeded schedules of devices editing
//! offline. Correctness never depends on timing: waits only bound how long
//! a fault lasts.

use cradle_core::Error;
use cradle_core::sync::SyncStatus;
use cradle_tests::proxy::{Fault, Proxy};
use cradle_tests::{Device, PASSWORD, Server, pair, record_bp, systolics};
use std::time::Duration;

/// Documents the server holds for the account (tombstones included).
fn server_docs(server: &Server) -> i64 {
    server.count("SELECT count(*) FROM doc")
}

/// A device registered through a proxy, and a second one on the server directly.
async fn setup() -> (Server, Proxy, Device, Device) {
    let server = Server::start();
    let proxy = Proxy::start(&server.url);
    let (a, b) = pair(&proxy.url, &server.url).await;
    (server, proxy, a, b)
}

/// Each fault once in front of a push of three readings: the sync still
/// succeeds, and the server holds each reading exactly once.
#[tokio::test]
async fn each_transient_fault_is_retried_and_applied_exactly_once() {
    let faults = [
        Fault::DropRequest,
        Fault::DropResponse,
        Fault::Delay(Duration::from_secs(3)),
        Fault::Status(500, None),
        Fault::Status(503, Some(0)),
        Fault::Status(429, Some(0)),
        Fault::Duplicate,
    ];
    for fault in faults {
        let (server, proxy, a, b) = setup().await;
        for s in [111, 112, 113] {
            record_bp(&a.cradle, s, 70);
        }
        proxy.script([fault.clone()]);
        let report = a
            .cradle
            .sync()
            .sync_now()
            .await
            .unwrap_or_else(|e| panic!("{fault:?}: {e:?}"));
        assert_eq!(report.pushed, 3, "{fault:?}");
        assert_eq!(server_docs(&server), 3, "{fault:?}: exactly once");
        b.cradle.sync().sync_now().await.unwrap();
        assert_eq!(systolics(&b.cradle), vec![111, 112, 113], "{fault:?}");
        assert!(matches!(
            a.cradle.sync().sync_status().unwrap(),
            SyncStatus::UpToDate { .. }
        ));
    }
}

#[tokio::test]
async fn a_long_retry_after_stops_the_sync_and_keeps_the_queue() {
    let (server, proxy, a, _b) = setup().await;
    record_bp(&a.cradle, 120, 70);
    proxy.script([Fault::Status(503, Some(120))]);
    let e = a.cradle.sync().sync_now().await.unwrap_err();
    assert!(matches!(e, Error::Server { status: 503 }), "{e:?}");
    assert_eq!(
        a.cradle.sync().sync_status().unwrap(),
        SyncStatus::Error {
            reason: "the server is busy; sync will try again later".into(),
            pending: 1,
            retry_after_secs: Some(120),
        }
    );
    assert_eq!(server_docs(&server), 0);
    a.cradle.sync().sync_now().await.unwrap();
    assert_eq!(server_docs(&server), 1);
}

#[tokio::test]
async fn a_permanent_refusal_is_an_error_and_loses_nothing() {
    let (server, proxy, a, _b) = setup().await;
    record_bp(&a.cradle, 120, 70);
    proxy.script([Fault::Status(413, None)]);
    let e = a.cradle.sync().sync_now().await.unwrap_err();
    assert!(matches!(e, Error::Server { status: 413 }), "{e:?}");
    assert!(matches!(
        a.cradle.sync().sync_status().unwrap(),
        SyncStatus::Error { pending: 1, .. }
    ));
    a.cradle.sync().sync_now().await.unwrap();
    assert_eq!(server_docs(&server), 1);
}

#[tokio::test]
async fn a_captive_portal_is_reported_and_nothing_is_applied() {
    let (server, proxy, a, b) = setup().await;
    record_bp(&b.cradle, 140, 70);
    b.cradle.sync().sync_now().await.unwrap();
    record_bp(&a.cradle, 120, 70);
    // The portal answers every request until she signs in to the Wi-Fi.
    proxy.script(std::iter::repeat_n(Fault::CaptivePortal, 1000));
    let e = a.cradle.sync().sync_now().await.unwrap_err();
    assert!(matches!(e, Error::Server { status: 200 }), "{e:?}");
    match a.cradle.sync().sync_status().unwrap() {
        SyncStatus::Error {
            reason, pending, ..
        } => {
            assert!(reason.contains("sign-in page"), "{reason}");
            assert_eq!(pending, 1);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        systolics(&a.cradle),
        vec![120],
        "nothing pulled from the portal"
    );
    proxy.heal();
    a.cradle.sync().sync_now().await.unwrap();
    assert_eq!(systolics(&a.cradle), vec![120, 140]);
    assert_eq!(server_docs(&server), 2);
}

#[tokio::test]
async fn a_401_mid_sync_asks_to_sign_in_and_keeps_queued_work() {
    let (server, proxy, a, b) = setup().await;
    for s in 1..=150 {
        record_bp(&a.cradle, 80 + s % 100, 70);
    }
    // The first batch of 100 goes through; the second meets a 401.
    proxy.script([Fault::Pass, Fault::Status(401, None)]);
    let e = a.cradle.sync().sync_now().await.unwrap_err();
    assert!(matches!(e, Error::SignInRequired), "{e:?}");
    assert_eq!(
        a.cradle.sync().sync_status().unwrap(),
        SyncStatus::SignInRequired { pending: 50 }
    );
    assert!(matches!(
        a.cradle.sync().sync_now().await,
        Err(Error::SignInRequired)
    ));
    // Signing in again on the same account keeps the queue; no code needed.
    a.cradle
        .sync()
        .login(&proxy.url, "mama", PASSWORD, "phone", None)
        .await
        .unwrap();
    let report = a.cradle.sync().sync_now().await.unwrap();
    assert_eq!(report.pushed, 50);
    assert_eq!(server_docs(&server), 150);
    b.cradle.sync().sync_now().await.unwrap();
    assert_eq!(systolics(&b.cradle).len(), 150);
}

#[tokio::test]
async fn offline_reports_offline_and_syncs_when_back() {
    let (server, proxy, a, _b) = setup().await;
    record_bp(&a.cradle, 120, 70);
    proxy.set_offline(true);
    let e = a.cradle.sync().sync_now().await.unwrap_err();
    assert!(matches!(e, Error::Network(_)), "{e:?}");
    assert_eq!(
        a.cradle.sync().sync_status().unwrap(),
        SyncStatus::Offline { pending: 1 }
    );
    proxy.set_offline(false);
    a.cradle.sync().sync_now().await.unwrap();
    assert_eq!(server_docs(&server), 1);
}

/// The answer to registering, or to the sign-in after it, never arrives: the
/// account exists but the device is not linked yet. Tapping "create account"
/// again completes it, with the key saved before the first try (so a second
/// phone opens what the first one syncs); another person's try at the same
/// login is still refused.
#[tokio::test]
async fn a_lost_answer_to_registration_is_completed_by_the_retry() {
    for lost in [0, 1] {
        let server = Server::start();
        let proxy = Proxy::start(&server.url);
        let a = Device::new();
        let mut faults = vec![Fault::Pass; lost];
        faults.push(Fault::DropResponse);
        proxy.script(faults);
        assert!(
            a.cradle
                .sync()
                .register(&proxy.url, "mama", PASSWORD, "phone")
                .await
                .is_err()
        );
        assert_eq!(server.count("SELECT count(*) FROM account"), 1);
        assert_eq!(
            a.cradle.sync().sync_account().unwrap(),
            None,
            "not linked yet"
        );

        let code = a
            .cradle
            .sync()
            .register(&proxy.url, "mama", PASSWORD, "phone")
            .await
            .expect("the retry completes the registration");
        assert_eq!(server.count("SELECT count(*) FROM account"), 1);
        record_bp(&a.cradle, 120, 80);
        a.cradle.sync().sync_now().await.unwrap();
        let b = Device::new();
        b.cradle
            .sync()
            .login(&server.url, "mama", PASSWORD, "tablet", Some(&code))
            .await
            .unwrap();
        b.cradle.sync().sync_now().await.unwrap();
        assert_eq!(systolics(&b.cradle), vec![120]);

        // Someone else, or the same person on another phone, with another key.
        for password in [PASSWORD, "another long password"] {
            match Device::new()
                .cradle
                .sync()
                .register(&server.url, "mama", password, "phone")
                .await
            {
                Err(Error::Invalid { field: "login", .. }) => {}
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(server.count("SELECT count(*) FROM account"), 1);
    }
}
