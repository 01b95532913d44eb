//! The timeline through the facade, over a real SQLite file.

mod common;

use common::{App, app};
use cradle_core::Error;
use cradle_core::events::{ChangeObserver, DataArea};
use cradle_core::timeline::Stage;
use cradle_core::timeline::baby::{Birth, BirthFacts};
use cradle_core::timeline::dating::{DatingInput, Method, Scan};
use cradle_core::timeline::gestation::{GestationalAge, TermClass};
use cradle_core::timeline::journey::{Page, When};
use jiff::Timestamp;
use jiff::civil::date;
use proptest::prelude::*;
use std::sync::{Arc, Mutex};

#[test]
fn an_lmp_gives_a_pregnant_today_with_content() {
    let a = app("Asia/Shanghai", "2026-11-23T04:00:00Z");
    a.date_by_lmp(date(2026, 5, 11));
    let t = a.cradle.today().unwrap().timeline;
    assert_eq!(t.stage, Stage::Pregnant);
    let p = t.pregnancy.unwrap();
    assert_eq!(p.edd, date(2027, 2, 15));
    assert_eq!(p.gestational_age, GestationalAge::new(28, 0));
    assert_eq!(
        (p.trimester, p.term, p.method),
        (3, TermClass::Preterm, Method::Lmp)
    );
    assert_eq!(p.days_to_edd, 84);
    assert_eq!(p.progress_percent, 70);
    let week = t.week.unwrap();
    assert_eq!(week.week, 28);
    assert!(!week.size_comparison.is_empty());
}

#[test]
fn the_gestational_day_turns_at_local_midnight_east_and_west() {
    // 15:30Z is 23:30 in Shanghai (UTC+8) and 10:30 in New York (UTC−5);
    // at 16:30Z only Shanghai has passed midnight.
    for (zone, before, after) in [("Asia/Shanghai", 0, 1), ("America/New_York", 0, 0)] {
        let a = app(zone, "2026-11-23T15:30:00Z");
        a.date_by_lmp(date(2026, 11, 2));
        let ga = |a: &App| {
            a.cradle
                .today()
                .unwrap()
                .timeline
                .pregnancy
                .unwrap()
                .gestational_age
        };
        let first = ga(&a);
        assert_eq!(first.total_days, 21 + before, "{zone}");
        a.clock.set("2026-11-23T16:30:00Z".parse().unwrap());
        assert_eq!(ga(&a).total_days, 21 + after, "{zone}");
    }
}

#[test]
fn redating_is_kept_in_the_history() {
    let a = app("Asia/Shanghai", "2026-08-01T04:00:00Z");
    a.date_by_lmp(date(2026, 5, 1));
    // A CRL of 45 mm (11w0d) on 2026-07-31 puts the EDD 14 days later than
    // the LMP's: more than ACOG's 7 days at 9w0d–13w6d, so it redates.
    a.cradle
        .timeline()
        .record_dating(DatingInput::Ultrasound {
            scan_date: date(2026, 7, 31),
            scan: Scan::Crl { tenth_mm: 450 },
        })
        .unwrap();
    let p = a.cradle.today().unwrap().timeline.pregnancy.unwrap();
    assert_eq!(
        (p.method, p.redated, p.edd),
        (Method::Ultrasound, true, date(2027, 2, 19))
    );
    let history = a.cradle.timeline().dating_history().unwrap();
    let methods: Vec<_> = history.iter().map(|h| h.estimate.input.method()).collect();
    assert_eq!(methods, [Method::Lmp, Method::Ultrasound]);
    assert_eq!(history[0].estimate.edd, date(2027, 2, 5));
}

#[test]
fn rejected_input_changes_nothing() {
    let a = app("Europe/London", "2026-11-23T12:00:00Z");
    let heard = Arc::new(Mutex::new(Vec::new()));
    struct Ear(Arc<Mutex<Vec<DataArea>>>);
    impl ChangeObserver for Ear {
        fn data_changed(&self, area: DataArea) {
            self.0.lock().unwrap().push(area);
        }
    }
    a.cradle.subscribe(Arc::new(Ear(heard.clone())));
    let bad = [
        DatingInput::Lmp {
            lmp: date(2026, 12, 1),
            cycle_days: 28,
        },
        DatingInput::Lmp {
            lmp: date(2025, 12, 1),
            cycle_days: 28,
        },
        DatingInput::Lmp {
            lmp: date(2026, 10, 1),
            cycle_days: 50,
        },
        DatingInput::Ivf {
            transfer: date(2026, 10, 1),
            embryo_age: 4,
        },
        DatingInput::Ultrasound {
            scan_date: date(2026, 10, 1),
            scan: Scan::Crl { tenth_mm: 900 },
        },
    ];
    for input in bad {
        assert!(matches!(
            a.cradle.timeline().record_dating(input),
            Err(Error::Invalid { .. })
        ));
    }
    assert_eq!(a.cradle.today().unwrap().timeline.stage, Stage::None);
    assert!(a.cradle.timeline().dating_history().unwrap().is_empty());
    // A birth before the pregnancy began is refused too.
    a.date_by_lmp(date(2026, 6, 1));
    let before = Birth {
        date: date(2026, 5, 1),
        ga_at_birth: GestationalAge::new(30, 0),
        count: 1,
    };
    match a
        .cradle
        .timeline()
        .record_birth(before, &BirthFacts::default())
    {
        Err(Error::Invalid { field, .. }) => assert_eq!(field, "birth_date"),
        other => panic!("{other:?}"),
    }
    assert_eq!(a.cradle.today().unwrap().timeline.stage, Stage::Pregnant);
    assert_eq!(
        *heard.lock().unwrap(),
        [DataArea::Timeline, DataArea::Reminders],
        "only the accepted write is heard"
    );
}

#[test]
fn a_preterm_birth_moves_to_postpartum_then_baby_with_corrected_age() {
    let a = app("Asia/Shanghai", "2026-11-23T04:00:00Z");
    a.date_by_lmp(date(2026, 4, 20));
    a.cradle
        .timeline()
        .record_birth(
            Birth {
                date: date(2026, 11, 20),
                ga_at_birth: GestationalAge::new(32, 2),
                count: 2,
            },
            &BirthFacts::default(),
        )
        .unwrap();
    let t = a.cradle.today().unwrap().timeline;
    assert_eq!(t.stage, Stage::Postpartum);
    assert!(t.pregnancy.is_none() && t.week.is_none());
    let baby = t.baby.unwrap();
    assert_eq!((baby.age.days, baby.birth.count), (3, 2));
    // Born 54 days early: corrected age is 3 − 54 days.
    assert_eq!(baby.age.corrected_days, Some(-51));
    assert_eq!(t.month.unwrap().month, 0);

    let later = a.cradle.today_on(date(2027, 1, 20)).unwrap().timeline;
    assert_eq!(later.stage, Stage::Baby);
    assert_eq!(later.baby.unwrap().age.months, 2);
}

#[test]
fn the_journey_follows_her_from_week_28_to_her_preterm_babys_months() {
    let a = app("Asia/Shanghai", "2026-11-23T04:00:00Z");
    assert!(
        a.cradle.timeline().journey().unwrap().steps.is_empty(),
        "no pregnancy yet"
    );
    a.date_by_lmp(date(2026, 5, 11));
    let j = a.cradle.timeline().journey().unwrap();
    assert_eq!(j.stage, Stage::Pregnant);
    let now = &j.steps[j.now().unwrap()];
    assert_eq!(now.title, "Week 28");
    assert_eq!(
        (now.starts, now.ends),
        (date(2026, 11, 23), date(2026, 11, 29))
    );
    assert_eq!(
        now.page,
        Page::Week(a.cradle.today().unwrap().timeline.week.unwrap())
    );

    a.cradle
        .timeline()
        .record_birth(
            Birth {
                date: date(2026, 11, 20),
                ga_at_birth: GestationalAge::new(32, 2),
                count: 1,
            },
            &BirthFacts::default(),
        )
        .unwrap();
    let j = a.cradle.timeline().journey().unwrap();
    assert_eq!((j.stage, j.now()), (Stage::Postpartum, Some(0)));
    // Born 54 days early (term-equivalent 2027-01-13): by corrected age,
    // month 1 starts a month after that.
    assert_eq!(j.steps[1].starts, date(2027, 2, 13));
    assert!(j.steps.iter().all(|s| s.when != When::Past));
}

#[test]
fn a_loss_ends_all_pregnancy_content_and_keeps_the_record() {
    let a = app("Asia/Shanghai", "2026-11-23T04:00:00Z");
    a.date_by_lmp(date(2026, 9, 1));
    a.cradle.timeline().record_loss(date(2026, 11, 20)).unwrap();
    let t = a.cradle.today().unwrap().timeline;
    assert_eq!(t.stage, Stage::AfterLoss);
    assert!(t.pregnancy.is_none() && t.week.is_none() && t.baby.is_none());
    // Nothing ongoing to lose twice; the archived pregnancy is not shown.
    assert!(matches!(
        a.cradle.timeline().record_loss(date(2026, 11, 21)),
        Err(Error::NotFound(_))
    ));
    assert!(a.cradle.timeline().dating_history().unwrap().is_empty());
    // The archived record is still in the database until she deletes it.
    assert_eq!(a.cradle.timeline().delete_lost_pregnancies().unwrap(), 1);
    assert_eq!(a.cradle.timeline().delete_lost_pregnancies().unwrap(), 0);
    assert_eq!(a.cradle.today().unwrap().timeline.stage, Stage::None);
    // A new pregnancy can be recorded later.
    a.clock
        .set("2027-06-01T04:00:00Z".parse::<Timestamp>().unwrap());
    a.date_by_lmp(date(2027, 5, 1));
    assert_eq!(a.cradle.today().unwrap().timeline.stage, Stage::Pregnant);
}

#[test]
fn trying_to_conceive_until_a_pregnancy_is_recorded() {
    let a = app("Asia/Shanghai", "2026-11-23T04:00:00Z");
    a.cradle
        .timeline()
        .set_trying(Some(date(2026, 10, 1)))
        .unwrap();
    assert_eq!(a.cradle.today().unwrap().timeline.stage, Stage::Trying);
    a.cradle
        .timeline()
        .record_dating(DatingInput::Edd {
            edd: date(2027, 7, 1),
        })
        .unwrap();
    assert_eq!(a.cradle.today().unwrap().timeline.stage, Stage::Pregnant);
    a.cradle.timeline().record_loss(date(2026, 11, 22)).unwrap();
    assert_eq!(
        a.cradle.today().unwrap().timeline.stage,
        Stage::AfterLoss,
        "trying ended with the pregnancy"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Across zones west and east of UTC and any instant of 2024–2028 (leap
    /// years included), gestational age never goes backwards as time passes.
    #[test]
    fn gestational_age_never_decreases_as_the_clock_runs(
        zone in prop::sample::select(vec!["America/Los_Angeles", "America/New_York", "UTC", "Europe/Berlin", "Asia/Shanghai", "Pacific/Auckland"]),
        start in 1_704_067_200i64..1_830_000_000, // 2024-01-01 … 2027-12
        steps in prop::collection::vec(1i64..200_000, 1..8),
    ) {
        let now = Timestamp::from_second(start).unwrap();
        let a = app(zone, &now.to_string());
        let today = a.cradle.today().unwrap().date;
        a.cradle.timeline().record_dating(DatingInput::Lmp { lmp: today, cycle_days: 28 }).unwrap();
        let mut t = now;
        let mut last = a.cradle.today().unwrap().timeline.pregnancy.unwrap();
        prop_assert_eq!(last.gestational_age.total_days, 0);
        for s in steps {
            t = Timestamp::from_second(t.as_second() + s).unwrap();
            a.clock.set(t);
            let p = a.cradle.today().unwrap().timeline.pregnancy.unwrap();
            prop_assert!(p.gestational_age >= last.gestational_age);
            prop_assert_eq!(p.days_to_edd, 280 - p.gestational_age.total_days);
            last = p;
        }
    }
}
