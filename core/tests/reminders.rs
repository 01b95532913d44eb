//! Reminders and the notification plan, over a real SQLite file.

mod common;

use common::app;
use cradle_core::clock::FixedClock;
use cradle_core::consent::Purpose;
use cradle_core::reminders::DoseGiven;
use cradle_core::reminders::repeat::{Ends, Every, Repeat};
use cradle_core::reminders::{Due, Kind, Settings, Status};
use cradle_core::timeline::baby::{Birth, BirthFacts};
use cradle_core::timeline::dating::DatingInput;
use cradle_core::timeline::gestation::GestationalAge;
use cradle_core::{Config, Cradle, Error, Snooze};
use jiff::Timestamp;
use jiff::civil::{Time, Weekday, date};
use jiff::tz::TimeZone;
use proptest::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn invalid_field(r: Result<impl std::fmt::Debug, Error>) -> &'static str {
    match r {
        Err(Error::Invalid { field, .. }) => field,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn the_checkup_plan_follows_the_edd_and_keeps_what_was_done() {
    let a = app("Asia/Shanghai", "2026-06-01T02:00:00Z");
    a.date_by_lmp(date(2026, 4, 1));
    let plan = a
        .cradle
        .reminders()
        .list(Some(date(2026, 4, 1)), Some(date(2027, 2, 1)))
        .unwrap();
    let checkups: Vec<_> = plan.iter().filter(|i| i.kind == Kind::Checkup).collect();
    assert_eq!(checkups.len(), 11, "CMA 2018: 6 windows then weekly 37-41");
    let first = checkups[0];
    // 6w0d to 13w6d from an LMP of 1 April.
    assert_eq!(first.window, Some((date(2026, 5, 13), date(2026, 7, 7))));
    assert!(first.checks.iter().any(|c| c.contains("NT")));
    a.cradle.reminders().complete_item(&first.id).unwrap();

    // An ultrasound moves the EDD by 14 days: pending windows move, the done one stays done.
    a.cradle
        .timeline()
        .record_dating(DatingInput::Ultrasound {
            scan_date: date(2026, 5, 31),
            scan: cradle_core::timeline::dating::Scan::Stated(GestationalAge::new(6, 5)),
        })
        .unwrap();
    let again = a
        .cradle
        .reminders()
        .list(Some(date(2026, 4, 1)), Some(date(2027, 2, 1)))
        .unwrap();
    let moved: Vec<_> = again.iter().filter(|i| i.kind == Kind::Checkup).collect();
    assert_eq!(moved[0].id, first.id);
    assert_eq!(moved[0].status, Status::Done);
    assert_eq!(moved[1].status, Status::Pending);
    assert_ne!(moved[1].window, checkups[1].window);

    // The WHO 2016 model is selectable.
    let mut settings = a.cradle.reminders().settings().unwrap();
    settings.prenatal_schedule = "who-2016".into();
    a.cradle.reminders().set_settings(&settings).unwrap();
    let who = a
        .cradle
        .reminders()
        .list(Some(date(2026, 4, 1)), Some(date(2027, 2, 1)))
        .unwrap();
    assert_eq!(who.iter().filter(|i| i.kind == Kind::Checkup).count(), 8);
    settings.prenatal_schedule = "nope".into();
    assert_eq!(
        invalid_field(a.cradle.reminders().set_settings(&settings)),
        "prenatal_schedule"
    );
}

#[test]
fn a_loss_cancels_every_pregnancy_notification() {
    let a = app("Asia/Shanghai", "2026-06-01T02:00:00Z");
    a.date_by_lmp(date(2026, 4, 1));
    let diff = a.cradle.reminders().notification_plan_diff(64).unwrap();
    assert!(diff.add.iter().any(|n| n.id.starts_with("checkup:")));
    assert!(diff.cancel.is_empty());
    assert_eq!(
        a.cradle.reminders().notification_plan_diff(64).unwrap(),
        Default::default(),
        "nothing changed"
    );
    a.cradle.timeline().record_loss(date(2026, 5, 30)).unwrap();
    let diff = a.cradle.reminders().notification_plan_diff(64).unwrap();
    assert!(diff.add.is_empty());
    assert_eq!(
        diff.cancel.len(),
        11,
        "every pending checkup, the open first window included"
    );
    assert!(
        a.cradle
            .reminders()
            .notification_plan(None, 64)
            .unwrap()
            .is_empty()
    );
    assert!(
        a.cradle
            .reminders()
            .list(None, Some(date(2027, 6, 1)))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn vaccine_due_dates_clamp_to_month_end_and_leap_days() {
    for (born, hepb2, dtap1) in [
        (date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31)),
        (date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31)),
    ] {
        let now = format!("{}T02:00:00Z", born);
        let a = app("Asia/Shanghai", &now);
        a.cradle
            .timeline()
            .record_birth(
                Birth {
                    date: born,
                    ga_at_birth: GestationalAge::new(39, 0),
                    count: 1,
                },
                &BirthFacts::default(),
            )
            .unwrap();
        let items = a
            .cradle
            .reminders()
            .list(Some(born), Some(date(2035, 1, 1)))
            .unwrap();
        let due = |code: &str, dose: u32| {
            items
                .iter()
                .find(|i| i.vaccine == Some((code.to_owned(), dose)))
                .map(|i| i.due)
                .unwrap()
        };
        assert_eq!(due("HepB", 1), Due::Date(born));
        assert_eq!(due("HepB", 2), Due::Date(hepb2));
        assert_eq!(
            due("DTaP", 1),
            Due::Date(dtap1),
            "2025 schedule: DTaP from 2 months"
        );
        assert_eq!(due("DTaP", 5).date().year(), born.year() + 6);
        assert_eq!(items.iter().filter(|i| i.kind == Kind::Vaccine).count(), 22);
    }
}

#[test]
fn given_doses_drive_catch_up_and_bad_doses_are_refused() {
    let a = app("Asia/Shanghai", "2027-09-01T02:00:00Z");
    let born = date(2027, 3, 10);
    a.cradle
        .timeline()
        .record_birth(
            Birth {
                date: born,
                ga_at_birth: GestationalAge::new(40, 0),
                count: 1,
            },
            &BirthFacts::default(),
        )
        .unwrap();
    // DTaP dose 1 given late, at about 5 months.
    a.cradle
        .reminders()
        .record_vaccine(&DoseGiven {
            baby: 1,
            code: "DTaP",
            dose: 1,
            given_on: date(2027, 8, 20),
            lot: Some("L123"),
            place: Some("社区医院"),
        })
        .unwrap();
    let items = a
        .cradle
        .reminders()
        .list(Some(born), Some(date(2030, 1, 1)))
        .unwrap();
    let dtap = |dose: u32| {
        items
            .iter()
            .find(|i| i.vaccine == Some(("DTaP".into(), dose)))
            .unwrap()
    };
    assert_eq!(dtap(1).status, Status::Done);
    assert_eq!(dtap(1).given_on, Some(date(2027, 8, 20)));
    // Dose 2 was scheduled at 4 months (2027-07-10): now 28 days after dose 1.
    assert_eq!(dtap(2).due, Due::Date(date(2027, 9, 17)));
    // Dose 3 keeps its own gap after dose 2.
    assert_eq!(dtap(3).due, Due::Date(date(2027, 10, 15)));

    let before = a
        .cradle
        .reminders()
        .list(Some(born), Some(date(2030, 1, 1)))
        .unwrap();
    assert_eq!(
        invalid_field(a.cradle.reminders().record_vaccine(&DoseGiven {
            baby: 1,
            code: "XYZ",
            dose: 1,
            given_on: date(2027, 8, 1),
            lot: None,
            place: None
        })),
        "code"
    );
    assert_eq!(
        invalid_field(a.cradle.reminders().record_vaccine(&DoseGiven {
            baby: 1,
            code: "HepB",
            dose: 2,
            given_on: date(2027, 8, 1),
            lot: None,
            place: None
        })),
        "dose"
    );
    assert_eq!(
        invalid_field(a.cradle.reminders().record_vaccine(&DoseGiven {
            baby: 1,
            code: "DTaP",
            dose: 1,
            given_on: date(2027, 8, 21),
            lot: None,
            place: None
        })),
        "dose"
    );
    assert_eq!(
        invalid_field(a.cradle.reminders().record_vaccine(&DoseGiven {
            baby: 1,
            code: "DTaP",
            dose: 9,
            given_on: date(2027, 8, 21),
            lot: None,
            place: None
        })),
        "dose"
    );
    assert_eq!(
        invalid_field(a.cradle.reminders().record_vaccine(&DoseGiven {
            baby: 1,
            code: "DTaP",
            dose: 2,
            given_on: date(2027, 8, 1),
            lot: None,
            place: None
        })),
        "date"
    );
    assert_eq!(
        invalid_field(a.cradle.reminders().record_vaccine(&DoseGiven {
            baby: 1,
            code: "BCG",
            dose: 1,
            given_on: date(2027, 3, 1),
            lot: None,
            place: None
        })),
        "date"
    );
    assert_eq!(
        invalid_field(a.cradle.reminders().record_vaccine(&DoseGiven {
            baby: 1,
            code: "BCG",
            dose: 1,
            given_on: date(2027, 9, 2),
            lot: None,
            place: None
        })),
        "date"
    );
    assert_eq!(
        a.cradle
            .reminders()
            .list(Some(born), Some(date(2030, 1, 1)))
            .unwrap(),
        before,
        "nothing changed"
    );
    assert!(matches!(
        app("UTC", "2027-01-01T00:00:00Z")
            .cradle
            .reminders()
            .record_vaccine(&DoseGiven {
                baby: 1,
                code: "BCG",
                dose: 1,
                given_on: date(2027, 1, 1),
                lot: None,
                place: None
            }),
        Err(Error::NotFound("baby"))
    ));
}

#[test]
fn custom_reminders_keep_their_wall_clock_time_across_dst() {
    for (zone, before, after) in [
        (
            "Europe/London",
            "2027-03-27T21:00:00Z",
            "2027-03-28T20:00:00Z",
        ),
        (
            "America/New_York",
            "2027-03-14T02:00:00Z",
            "2027-03-15T01:00:00Z",
        ),
    ] {
        let a = app(zone, "2027-03-10T00:00:00Z");
        a.cradle
            .reminders()
            .add("Kick count", "FREQ=DAILY", "21:00")
            .unwrap();
        let plan = a.cradle.reminders().notification_plan(None, 64).unwrap();
        let fires: Vec<_> = plan.iter().map(|n| n.fire_at).collect();
        assert!(fires.contains(&ts(before)), "{zone}: {fires:?}");
        assert!(fires.contains(&ts(after)), "{zone}: {fires:?}");
        let tz = TimeZone::get(zone).unwrap();
        for f in fires {
            assert_eq!(
                tz.to_datetime(f).time(),
                Time::constant(21, 0, 0, 0),
                "{zone}"
            );
        }
    }
}

#[test]
fn after_flying_from_shanghai_to_berlin_21_00_is_berlin_time() {
    let a = app("Asia/Shanghai", "2027-05-01T00:00:00Z");
    a.cradle
        .reminders()
        .add("Iron tablet", "FREQ=DAILY", "21:00")
        .unwrap();
    let first = a.cradle.reminders().notification_plan(None, 1).unwrap()[0].fire_at;
    assert_eq!(first, ts("2027-05-01T13:00:00Z"), "21:00 in Shanghai");
    a.cradle.set_profile(None, "en", "Europe/Berlin").unwrap();
    let first = a.cradle.reminders().notification_plan(None, 1).unwrap()[0].fire_at;
    assert_eq!(first, ts("2027-05-01T19:00:00Z"), "21:00 in Berlin (CEST)");
}

#[test]
fn actions_complete_skip_snooze_edit_delete() {
    let a = app("UTC", "2027-05-01T08:00:00Z");
    let rule = a
        .cradle
        .reminders()
        .add("Folic acid", "FREQ=DAILY", "09:00")
        .unwrap();
    let items = a
        .cradle
        .reminders()
        .list(None, Some(date(2027, 5, 3)))
        .unwrap();
    let ids: Vec<_> = items.iter().map(|i| i.id.clone()).collect();
    // Item ids name the rule by its uid, the same on every synced device.
    let uid = ids[0].split(':').nth(1).unwrap().to_owned();
    assert_eq!(uid.len(), 32);
    assert_eq!(
        ids,
        [
            format!("custom:{uid}:2027-05-01T09:00"),
            format!("custom:{uid}:2027-05-02T09:00"),
            format!("custom:{uid}:2027-05-03T09:00")
        ]
    );

    a.cradle
        .reminders()
        .snooze_item(&ids[0], Snooze::Minutes(30))
        .unwrap();
    let plan = a.cradle.reminders().notification_plan(None, 2).unwrap();
    assert_eq!(
        (plan[0].id.as_str(), plan[0].fire_at),
        (ids[0].as_str(), ts("2027-05-01T08:30:00Z"))
    );
    a.cradle.reminders().complete_item(&ids[0]).unwrap();
    assert_eq!(
        invalid_field(
            a.cradle
                .reminders()
                .snooze_item(&ids[0], Snooze::Minutes(5))
        ),
        "status"
    );
    a.cradle.reminders().skip_item(&ids[1]).unwrap();
    let plan = a.cradle.reminders().notification_plan(None, 1).unwrap();
    assert_eq!(plan[0].id, ids[2]);
    assert_eq!(
        invalid_field(
            a.cradle
                .reminders()
                .snooze_item(&ids[2], Snooze::Minutes(0))
        ),
        "minutes"
    );
    assert!(matches!(
        a.cradle
            .reminders()
            .complete_item("custom:999:2027-05-01T09:00"),
        Err(Error::NotFound(_))
    ));
    assert!(matches!(
        a.cradle
            .reminders()
            .complete_item(&format!("custom:{uid}:2027-05-01T10:00")),
        Err(Error::NotFound(_))
    ));

    a.cradle
        .reminders()
        .edit(rule, Some("Folic acid 0.4 mg"), None, Some("20:30"))
        .unwrap();
    let items = a
        .cradle
        .reminders()
        .list(None, Some(date(2027, 5, 2)))
        .unwrap();
    assert_eq!(items[0].due, Due::At(date(2027, 5, 1).at(20, 30, 0, 0)));
    assert_eq!(items[0].title, "Folic acid 0.4 mg");
    a.cradle.reminders().delete(rule).unwrap();
    assert!(a.cradle.reminders().list(None, None).unwrap().is_empty());
    assert!(matches!(
        a.cradle.reminders().delete(rule),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn the_recurrence_picker_previews_in_her_zone_and_saves_the_same_rule() {
    // 20:30 in Shanghai on Tuesday 24 November 2026.
    let a = app("Asia/Shanghai", "2026-11-24T12:30:00Z");
    let repeat = Repeat {
        every: Every::Week,
        interval: 1,
        weekdays: vec![Weekday::Tuesday, Weekday::Friday],
        ends: Ends::After(3),
    };
    let draft = a
        .cradle
        .reminders()
        .draft("Iron tablet", &repeat, "21:00")
        .unwrap();
    assert_eq!(draft.rrule, "FREQ=WEEKLY;COUNT=3;BYDAY=TU,FR");
    assert_eq!(draft.summary, "Every week on Tue, Fri · 3 times");
    assert_eq!(
        draft.next,
        [
            date(2026, 11, 24).at(21, 0, 0, 0),
            date(2026, 11, 27).at(21, 0, 0, 0),
            date(2026, 12, 1).at(21, 0, 0, 0),
        ]
    );
    // Half an hour later today's has passed: the preview moves on.
    a.clock.set(ts("2026-11-24T13:30:00Z"));
    let later = a
        .cradle
        .reminders()
        .draft("Iron tablet", &repeat, "21:00")
        .unwrap();
    assert_eq!(
        later.next.len(),
        2,
        "the count includes the one that passed"
    );

    a.cradle
        .reminders()
        .add("Iron tablet", &draft.rrule, "21:00")
        .unwrap();
    let due: Vec<_> = a
        .cradle
        .reminders()
        .list(None, Some(date(2026, 12, 31)))
        .unwrap()
        .into_iter()
        .filter(|i| i.kind == Kind::Custom)
        .map(|i| i.due)
        .collect();
    assert_eq!(due.len(), 3);
    // Nothing is saved by a draft, and a refused draft names the field.
    assert_eq!(
        invalid_field(a.cradle.reminders().draft("", &repeat, "21:00")),
        "title"
    );
    assert_eq!(
        invalid_field(a.cradle.reminders().draft("x", &repeat, "9pm")),
        "time"
    );
}

#[test]
fn invalid_rules_name_their_position_and_change_nothing() {
    let a = app("UTC", "2027-05-01T08:00:00Z");
    match a
        .cradle
        .reminders()
        .add("x", "FREQ=WEEKLY;BYDAY=MO,XX", "09:00")
    {
        Err(Error::Invalid {
            field: "rrule",
            reason,
        }) => assert!(reason.contains("character 13"), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        invalid_field(a.cradle.reminders().add("x", "FREQ=DAILY", "25:00")),
        "time"
    );
    assert_eq!(
        invalid_field(a.cradle.reminders().add("  ", "FREQ=DAILY", "09:00")),
        "title"
    );
    assert!(a.cradle.reminders().list(None, None).unwrap().is_empty());
}

#[test]
fn checkup_notifications_respect_quiet_hours_and_carry_no_values() {
    let a = app("Asia/Shanghai", "2026-06-01T02:00:00Z");
    a.date_by_lmp(date(2026, 4, 1));
    let tz = TimeZone::get("Asia/Shanghai").unwrap();
    for n in a.cradle.reminders().notification_plan(None, 64).unwrap() {
        assert_eq!(
            tz.to_datetime(n.fire_at).time(),
            Time::constant(9, 0, 0, 0),
            "{}",
            n.id
        );
        assert!(n.deep_link.ends_with(&n.id));
        assert!(
            !n.body
                .chars()
                .any(|c| c.is_ascii_digit() && n.body.contains("mmol"))
        );
    }
    a.cradle
        .reminders()
        .set_settings(&Settings {
            quiet_start: Time::constant(8, 0, 0, 0),
            quiet_end: Time::constant(10, 30, 0, 0),
            ..Settings::default()
        })
        .unwrap();
    for n in a.cradle.reminders().notification_plan(None, 64).unwrap() {
        assert_eq!(
            tz.to_datetime(n.fire_at).time(),
            Time::constant(10, 30, 0, 0),
            "{}",
            n.id
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Any mix of rules and a pregnancy: the plan is sorted, has no duplicate
    /// ids, respects the limit, starts after now, and is the same when built
    /// again (regeneration is idempotent).
    #[test]
    fn plans_are_sorted_unique_bounded_and_idempotent(
        rules in prop::collection::vec((prop::sample::select(vec!["FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=DAILY;INTERVAL=3;COUNT=5", "FREQ=YEARLY"]), 0u8..24, 0u8..60), 0..8),
        limit in 1usize..80,
        start in 1_780_000_000i64..1_900_000_000,
        zone in prop::sample::select(vec!["Europe/London", "America/New_York", "Asia/Shanghai"]),
        weeks_pregnant in 0i64..40,
    ) {
        let now = Timestamp::from_second(start).unwrap();
        let a = app(zone, &now.to_string());
        let today = a.cradle.today().unwrap().date;
        let lmp = today.checked_sub(jiff::Span::new().days(weeks_pregnant * 7)).unwrap();
        a.cradle.timeline().record_dating(DatingInput::Lmp { lmp, cycle_days: 28 }).unwrap();
        for (rule, h, m) in &rules {
            a.cradle.reminders().add("r", rule, &format!("{h:02}:{m:02}")).unwrap();
        }
        let plan = a.cradle.reminders().notification_plan(None, limit).unwrap();
        prop_assert!(plan.len() <= limit);
        prop_assert!(plan.windows(2).all(|w| (w[0].fire_at, &w[0].id) <= (w[1].fire_at, &w[1].id)));
        prop_assert!(plan.iter().all(|n| n.fire_at >= now));
        let ids: HashSet<_> = plan.iter().map(|n| &n.id).collect();
        prop_assert_eq!(ids.len(), plan.len());
        prop_assert_eq!(a.cradle.reminders().notification_plan(None, limit).unwrap(), plan);
        let first = a.cradle.reminders().notification_plan_diff(limit).unwrap();
        prop_assert_eq!(first.add.len(), a.cradle.reminders().notification_plan(None, limit).unwrap().len());
        prop_assert_eq!(a.cradle.reminders().notification_plan_diff(limit).unwrap(), Default::default());
        a.clock.set(now);
    }
}

#[test]
fn today_names_the_next_checkup_and_the_most_urgent_flag() {
    use cradle_core::records::Measurement;
    use cradle_core::records::insights::Level;
    use cradle_core::sync::SyncStatus;
    // LMP 1 April: 9w0d on 3 June, inside the first window (6w0d–13w6d).
    let a = app("Asia/Shanghai", "2026-06-03T02:00:00Z");
    let empty = a.cradle.today().unwrap();
    assert!(empty.next_reminder.is_none() && empty.flag.is_none());
    assert_eq!(empty.sync, SyncStatus::SignedOut);

    a.date_by_lmp(date(2026, 4, 1));
    let first = a.cradle.today().unwrap().next_reminder.unwrap();
    assert_eq!((first.kind, first.status), (Kind::Checkup, Status::Pending));
    a.cradle.reminders().complete_item(&first.id).unwrap();
    let second = a.cradle.today().unwrap().next_reminder.unwrap();
    assert_ne!(second.id, first.id, "a done checkup is no longer next");
    assert_eq!(second.kind, Kind::Checkup);

    a.cradle
        .records()
        .record(Measurement::blood_pressure(142, 88, None).unwrap(), None)
        .unwrap();
    a.cradle
        .records()
        .record(Measurement::blood_pressure(162, 100, None).unwrap(), None)
        .unwrap();
    let flag = a.cradle.today().unwrap().flag.unwrap();
    assert_eq!(flag.level, Level::SeekCareNow);
}

fn born(a: &common::App, count: u32, facts: BirthFacts) -> jiff::civil::Date {
    let day = date(2027, 1, 31);
    a.cradle
        .timeline()
        .record_birth(
            Birth {
                date: day,
                ga_at_birth: GestationalAge::new(36, 2),
                count,
            },
            &facts,
        )
        .unwrap();
    day
}

#[test]
fn each_twin_has_its_own_doses_and_plan() {
    let a = app("Asia/Shanghai", "2027-03-05T02:00:00Z");
    let day = born(
        &a,
        2,
        BirthFacts {
            birth_weights_g: vec![2450, 1890],
            mother_hbsag: None,
        },
    );
    let plan = || {
        a.cradle
            .reminders()
            .list(Some(day), Some(date(2027, 12, 31)))
            .unwrap()
    };
    let hepb = |items: &[cradle_core::reminders::Item], baby: u8| -> Vec<(u32, String, Status)> {
        items
            .iter()
            .filter(|i| i.baby == Some(baby) && i.vaccine.as_ref().is_some_and(|v| v.0 == "HepB"))
            .map(|i| (i.vaccine.as_ref().unwrap().1, i.title.clone(), i.status))
            .collect()
    };
    let before = plan();
    // The lighter twin's birth dose does not count: four doses, not three.
    assert_eq!(hepb(&before, 1).len(), 3);
    assert_eq!(hepb(&before, 2).len(), 4);
    assert_eq!(
        hepb(&before, 2)[0].1,
        "Baby 2 · Hepatitis B birth dose (does not count toward the 3 doses)"
    );
    assert_eq!(hepb(&before, 2)[1].1, "Baby 2 · Hepatitis B dose 1");
    let due = |items: &[cradle_core::reminders::Item], baby: u8, dose: u32| {
        items
            .iter()
            .find(|i| i.baby == Some(baby) && i.vaccine == Some(("HepB".into(), dose)))
            .unwrap()
            .due
    };
    // Born 31 January: 1 month is 28 February, 2 months 31 March, 7 months 31 August.
    assert_eq!(due(&before, 2, 2), Due::Date(date(2027, 2, 28)));
    assert_eq!(due(&before, 2, 3), Due::Date(date(2027, 3, 31)));
    assert_eq!(due(&before, 2, 4), Due::Date(date(2027, 8, 31)));
    assert_eq!(due(&before, 1, 3), Due::Date(date(2027, 7, 31)));

    // A dose given to the first twin is the first twin's alone.
    let id = before
        .iter()
        .find(|i| i.baby == Some(1) && i.vaccine == Some(("BCG".into(), 1)))
        .unwrap()
        .id
        .clone();
    a.cradle.reminders().complete_item(&id).unwrap();
    let after = plan();
    let bcg = |baby: u8| {
        after
            .iter()
            .find(|i| i.baby == Some(baby) && i.vaccine == Some(("BCG".into(), 1)))
            .unwrap()
            .status
    };
    assert_eq!((bcg(1), bcg(2)), (Status::Done, Status::Pending));
    a.cradle
        .reminders()
        .record_vaccine(&DoseGiven {
            baby: 2,
            code: "HepB",
            dose: 1,
            given_on: day,
            lot: None,
            place: None,
        })
        .unwrap();
    assert_eq!(hepb(&plan(), 1)[0].2, Status::Pending);
    assert_eq!(hepb(&plan(), 2)[0].2, Status::Done);
    // No third baby, and dose 4 exists only in the lighter twin's plan.
    let dose = |baby, code, dose| DoseGiven {
        baby,
        code,
        dose,
        given_on: day,
        lot: None,
        place: None,
    };
    assert_eq!(
        invalid_field(a.cradle.reminders().record_vaccine(&dose(3, "BCG", 1))),
        "baby"
    );
    assert_eq!(
        invalid_field(a.cradle.reminders().record_vaccine(&dose(1, "HepB", 4))),
        "dose"
    );
    assert_eq!(
        invalid_field(a.cradle.reminders().record_vaccine(&dose(1, "HBIG", 1))),
        "code"
    );
}

#[test]
fn a_positive_mothers_baby_gets_hbig_and_the_first_dose_within_12_hours() {
    let a = app("Asia/Shanghai", "2027-02-01T02:00:00Z");
    let day = born(
        &a,
        1,
        BirthFacts {
            birth_weights_g: vec![3300],
            mother_hbsag: Some(cradle_core::timeline::baby::HbsAg::Positive),
        },
    );
    let items = a.cradle.reminders().list(Some(day), Some(day)).unwrap();
    let titles: Vec<&str> = items.iter().map(|i| i.title.as_str()).collect();
    assert!(
        titles.contains(&"Hepatitis B immune globulin (HBIG) dose 1, within 12 hours of birth"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Hepatitis B dose 1, within 12 hours of birth"),
        "{titles:?}"
    );
    a.cradle
        .reminders()
        .record_vaccine(&DoseGiven {
            baby: 1,
            code: "HBIG",
            dose: 1,
            given_on: day,
            lot: None,
            place: None,
        })
        .unwrap();
}

#[test]
fn birth_weights_are_one_per_baby_and_plausible() {
    for weights in [
        vec![3200],
        vec![3200, 3100, 3000],
        vec![299, 3000],
        vec![3000, 7001],
    ] {
        let a = app("Asia/Shanghai", "2027-02-01T02:00:00Z");
        let r = a.cradle.timeline().record_birth(
            Birth {
                date: date(2027, 1, 31),
                ga_at_birth: GestationalAge::new(36, 2),
                count: 2,
            },
            &BirthFacts {
                birth_weights_g: weights.clone(),
                mother_hbsag: None,
            },
        );
        assert_eq!(invalid_field(r), "birth_weights", "{weights:?}");
        assert_eq!(
            a.cradle.today().unwrap().timeline.stage,
            cradle_core::timeline::Stage::None,
            "nothing changed"
        );
    }
}

#[test]
fn a_saved_rule_this_version_cannot_expand_leaves_the_rest_of_the_plan() {
    use cradle_core::storage::DbKey;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cradle.db");
    let key = DbKey::from_bytes(&[7; 32]).unwrap();
    let open = || {
        let clock = Arc::new(FixedClock::new(ts("2027-05-01T08:00:00Z")));
        let config = Config::new("UTC", "en", DbKey::from_bytes(&[7; 32]).unwrap())
            .unwrap()
            .with_clock(clock);
        Cradle::open(&path, config).unwrap()
    };
    let cradle = open();
    cradle.set_consent(Purpose::Notifications, true).unwrap();
    cradle
        .reminders()
        .add("Iron", "FREQ=DAILY", "21:00")
        .unwrap();
    cradle
        .reminders()
        .add("Old", "FREQ=YEARLY", "09:00")
        .unwrap();
    drop(cradle);
    // An older version (the `rrule` crate) took week numbers.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.to_hex()))
        .unwrap();
    conn.execute(
        "UPDATE custom_reminder SET rrule = 'FREQ=YEARLY;BYWEEKNO=20' WHERE title = 'Old'",
        [],
    )
    .unwrap();
    let plan = open().reminders().notification_plan(None, 8).unwrap();
    assert_eq!(plan.len(), 8);
    assert!(
        plan.iter()
            .all(|n| n.fire_at.to_string().ends_with("T21:00:00Z")),
        "{plan:?}"
    );
}
