//! Kick counter and contraction timer, with a pinned clock.

mod common;

use common::{App, app};
use cradle_core::clock::Clock;
use cradle_core::records::insights::Level;
use cradle_core::records::sessions::CallRule;
use cradle_core::{Error, KickAction};
use jiff::{SignedDuration, Timestamp};

fn advance(a: &App, secs: i64) {
    let now: Timestamp = a.clock.now();
    a.clock
        .set(now.checked_add(SignedDuration::from_secs(secs)).unwrap());
}

#[test]
fn ten_kicks_within_two_hours_reassure_and_fewer_get_the_standard_advice() {
    let a = app("Asia/Shanghai", "2027-03-01T12:00:00Z");
    // Kick counting applies from 28 weeks; she is 32 weeks along.
    a.date_by_lmp(jiff::civil::date(2026, 7, 26));
    assert!(matches!(
        a.cradle.records().kick(KickAction::Tap),
        Err(Error::NotFound(_))
    ));
    a.cradle.records().kick(KickAction::Start).unwrap();
    assert!(matches!(
        a.cradle.records().kick(KickAction::Start),
        Err(Error::Invalid {
            field: "session",
            ..
        })
    ));
    for _ in 0..10 {
        advance(&a, 300);
        a.cradle.records().kick(KickAction::Tap).unwrap();
    }
    let s = a.cradle.records().kick(KickAction::Stop).unwrap();
    assert_eq!(s.count, 10);
    assert_eq!(
        s.reached_target_at,
        Some("2027-03-01T12:50:00Z".parse().unwrap())
    );
    assert!(!s.below_target);
    assert!(a.cradle.records().insights().unwrap().is_empty());

    a.cradle.records().kick(KickAction::Start).unwrap();
    for _ in 0..9 {
        advance(&a, 600);
        a.cradle.records().kick(KickAction::Tap).unwrap();
    }
    // 1 h 30 in: not yet two hours, no advice yet.
    assert!(
        !a.cradle
            .records()
            .kick_session()
            .unwrap()
            .unwrap()
            .below_target
    );
    advance(&a, 30 * 60);
    let s = a.cradle.records().kick_session().unwrap().unwrap();
    assert!(s.below_target, "two hours with 9 movements");
    let i = a.cradle.records().insights().unwrap();
    assert_eq!(
        (i[0].code, i[0].level),
        ("kicks_below_target", Level::ContactClinic)
    );
}

fn contractions(a: &App, count: usize, every_secs: i64, lasting_secs: i64) {
    for _ in 0..count {
        a.cradle
            .records()
            .contraction(true, CallRule::FiveOneOne)
            .unwrap();
        advance(a, lasting_secs);
        a.cradle
            .records()
            .contraction(false, CallRule::FiveOneOne)
            .unwrap();
        advance(a, every_secs - lasting_secs);
    }
}

#[test]
fn five_one_one_says_when_to_call() {
    // Every 5 minutes, 70 s each, for an hour: 13 contractions.
    let a = app("UTC", "2027-03-01T12:00:00Z");
    contractions(&a, 12, 300, 70);
    assert!(
        !a.cradle
            .records()
            .contraction_timer(CallRule::FiveOneOne)
            .unwrap()
            .time_to_call,
        "55 minutes so far"
    );
    contractions(&a, 1, 300, 70);
    let t = a
        .cradle
        .records()
        .contraction_timer(CallRule::FiveOneOne)
        .unwrap();
    assert!(t.time_to_call);
    assert_eq!(t.last_duration, Some(SignedDuration::from_secs(70)));
    assert_eq!(t.last_interval, Some(SignedDuration::from_mins(5)));
    assert_eq!(
        t.average_interval_last_hour,
        Some(SignedDuration::from_mins(5))
    );
    assert_eq!(
        t.average_duration_last_hour,
        Some(SignedDuration::from_secs(70))
    );
    assert!(
        !a.cradle
            .records()
            .contraction_timer(CallRule::ThreeOneOne)
            .unwrap()
            .time_to_call
    );

    // Every 6 minutes, or too short, is not yet the pattern.
    let b = app("UTC", "2027-03-01T12:00:00Z");
    contractions(&b, 15, 360, 70);
    assert!(
        !b.cradle
            .records()
            .contraction_timer(CallRule::FiveOneOne)
            .unwrap()
            .time_to_call
    );
    let c = app("UTC", "2027-03-01T12:00:00Z");
    contractions(&c, 15, 300, 50);
    assert!(
        !c.cradle
            .records()
            .contraction_timer(CallRule::FiveOneOne)
            .unwrap()
            .time_to_call
    );

    // A live contraction shows; stopping twice is refused.
    c.cradle
        .records()
        .contraction(true, CallRule::FiveOneOne)
        .unwrap();
    assert!(
        c.cradle
            .records()
            .contraction_timer(CallRule::FiveOneOne)
            .unwrap()
            .current_started_at
            .is_some()
    );
    assert!(matches!(
        c.cradle.records().contraction(true, CallRule::FiveOneOne),
        Err(Error::Invalid { .. })
    ));
    c.cradle
        .records()
        .contraction(false, CallRule::FiveOneOne)
        .unwrap();
    assert!(matches!(
        c.cradle.records().contraction(false, CallRule::FiveOneOne),
        Err(Error::NotFound(_))
    ));
}
