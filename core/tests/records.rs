//! Health records and insights through the facade, over a real SQLite file.

mod common;

use common::app;
use cradle_core::Error;
use cradle_core::records::insights::Level;
use cradle_core::records::{GlucoseContext, GlucoseUnit, Measurement, WeightUnit};
use jiff::civil::date;

#[test]
fn each_record_type_round_trips_and_edits_and_deletes() {
    let a = app("Asia/Shanghai", "2027-01-10T02:00:00Z");
    let bp = a
        .cradle
        .records()
        .record(
            Measurement::blood_pressure(128, 84, Some(76)).unwrap(),
            None,
        )
        .unwrap();
    let w = a
        .cradle
        .records()
        .record(
            Measurement::weight(131.0, WeightUnit::Jin).unwrap(),
            Some("2027-01-09T23:00:00Z".parse().unwrap()),
        )
        .unwrap();
    let g = a
        .cradle
        .records()
        .record(
            Measurement::glucose(5.3, GlucoseUnit::MmolPerL, GlucoseContext::Fasting).unwrap(),
            None,
        )
        .unwrap();
    let all = a.cradle.records().list(None).unwrap();
    assert_eq!(
        all.iter().map(|r| r.id).collect::<Vec<_>>(),
        [w, bp, g],
        "oldest first"
    );
    assert_eq!(all[0].measurement, Measurement::Weight { grams: 65_500 });
    assert_eq!(
        all[1].measurement,
        Measurement::BloodPressure {
            systolic: 128,
            diastolic: 84,
            pulse: Some(76)
        }
    );
    assert_eq!(a.cradle.records().list(Some("glucose")).unwrap().len(), 1);

    a.cradle
        .records()
        .update_record(
            bp,
            Measurement::blood_pressure(126, 82, None).unwrap(),
            "2027-01-10T01:00:00Z".parse().unwrap(),
        )
        .unwrap();
    assert_eq!(
        a.cradle.records().list(Some("blood_pressure")).unwrap()[0].measurement,
        Measurement::BloodPressure {
            systolic: 126,
            diastolic: 82,
            pulse: None
        }
    );
    let wrong_kind = a.cradle.records().update_record(
        bp,
        Measurement::weight(60.0, WeightUnit::Kg).unwrap(),
        "2027-01-10T01:00:00Z".parse().unwrap(),
    );
    assert!(matches!(
        wrong_kind,
        Err(Error::Invalid { field: "kind", .. })
    ));

    a.cradle.records().delete_record(bp).unwrap();
    assert!(
        a.cradle
            .records()
            .list(Some("blood_pressure"))
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        a.cradle.records().delete_record(bp),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn rejected_readings_write_nothing() {
    let a = app("UTC", "2027-01-10T02:00:00Z");
    assert!(matches!(
        Measurement::blood_pressure(400, 80, None),
        Err(Error::Invalid {
            field: "systolic",
            ..
        })
    ));
    let future = a.cradle.records().record(
        Measurement::weight(60.0, WeightUnit::Kg).unwrap(),
        Some("2027-01-11T00:00:00Z".parse().unwrap()),
    );
    assert!(matches!(
        future,
        Err(Error::Invalid {
            field: "taken_at",
            ..
        })
    ));
    assert!(a.cradle.records().list(None).unwrap().is_empty());
}

#[test]
fn insights_follow_the_latest_readings() {
    let a = app("Asia/Shanghai", "2027-01-10T02:00:00Z");
    a.date_by_lmp(date(2026, 6, 1));
    assert!(a.cradle.records().insights().unwrap().is_empty());
    a.cradle
        .records()
        .record(
            Measurement::blood_pressure(142, 88, None).unwrap(),
            Some("2027-01-10T00:00:00Z".parse().unwrap()),
        )
        .unwrap();
    let i = a.cradle.records().insights().unwrap();
    assert_eq!(
        (i[0].code, i[0].level),
        ("blood_pressure_high", Level::ContactClinic)
    );
    a.cradle
        .records()
        .record(Measurement::blood_pressure(162, 100, None).unwrap(), None)
        .unwrap();
    assert_eq!(
        a.cradle.records().insights().unwrap()[0].level,
        Level::SeekCareNow
    );
    a.cradle
        .set_profile(None, "zh-CN", "Asia/Shanghai")
        .unwrap();
    assert!(
        a.cradle.records().insights().unwrap()[0]
            .message
            .contains("请现在就医")
    );
}

#[test]
fn urgent_symptoms_always_say_seek_care_now_for_a_day() {
    use cradle_core::records::symptoms::Severity;
    let a = app("UTC", "2027-01-10T02:00:00Z");
    a.date_by_lmp(date(2026, 6, 1));
    a.cradle
        .records()
        .note_symptom("nausea", Severity::Moderate, None)
        .unwrap();
    assert!(a.cradle.records().insights().unwrap().is_empty());
    a.cradle
        .records()
        .note_symptom("fluid_leak", Severity::Mild, None)
        .unwrap();
    let i = a.cradle.records().insights().unwrap();
    assert_eq!(
        (i[0].code, i[0].level),
        ("urgent_symptom", Level::SeekCareNow)
    );
    assert!(matches!(
        a.cradle
            .records()
            .note_symptom("tired", Severity::Mild, None),
        Err(Error::Invalid {
            field: "symptom",
            ..
        })
    ));
    a.clock.set("2027-01-11T03:00:00Z".parse().unwrap());
    assert!(
        a.cradle.records().insights().unwrap().is_empty(),
        "after 24 hours"
    );
    assert!(a.cradle.records().recent_symptoms().unwrap().is_empty());
}

#[test]
fn a_reading_reads_the_same_on_every_screen_in_her_language() {
    use cradle_core::profile::Language;
    let weight = Measurement::weight(123.0, WeightUnit::Jin)
        .unwrap()
        .measurement;
    assert_eq!(weight.text(Language::En), "61.5 kg");
    let bp = Measurement::blood_pressure(142, 91, Some(84))
        .unwrap()
        .measurement;
    assert_eq!(bp.text(Language::ZhHans), "142/91 mmHg, 84/min");
    let glucose = Measurement::glucose(5.1, GlucoseUnit::MmolPerL, GlucoseContext::TwoHours)
        .unwrap()
        .measurement;
    assert_eq!(glucose.text(Language::En), "5.1 mmol/L (2h)");
    assert_eq!(glucose.text(Language::ZhHans), "5.1 mmol/L (餐后2小时)");

    let a = app("Asia/Shanghai", "2027-01-10T17:30:00Z");
    assert_eq!(a.cradle.language().unwrap(), Language::En);
    let zone = a.cradle.time_zone().unwrap();
    assert_eq!(
        cradle_core::clock::local_minute("2027-01-10T17:30:00Z".parse().unwrap(), &zone),
        "2027-01-11 01:30",
        "her zone's day, not UTC's"
    );
}

/// The review's cruellest case: after a loss, no kick-count, symptom or
/// pregnancy blood-pressure advice, whatever was recorded before.
#[test]
fn after_a_loss_no_pregnancy_advice_remains() {
    use cradle_core::KickAction;
    use cradle_core::records::journal::Entry;
    use cradle_core::records::symptoms::Severity;
    use cradle_core::timeline::Stage;
    let a = app("Asia/Shanghai", "2027-01-10T02:00:00Z");
    a.date_by_lmp(date(2026, 6, 1));
    a.cradle.records().kick(KickAction::Start).unwrap();
    a.cradle.records().kick(KickAction::Tap).unwrap();
    a.clock.set("2027-01-10T04:30:00Z".parse().unwrap());
    a.cradle
        .records()
        .record(Measurement::blood_pressure(165, 112, None).unwrap(), None)
        .unwrap();
    a.cradle
        .records()
        .note_symptom("reduced_movements", Severity::Mild, None)
        .unwrap();
    a.cradle
        .records()
        .add_entry(
            Entry::Ogtt {
                fasting: 5.6,
                one_hour: None,
                two_hours: None,
            },
            None,
        )
        .unwrap();
    let before: Vec<_> = a
        .cradle
        .records()
        .insights()
        .unwrap()
        .iter()
        .map(|i| i.code)
        .collect();
    for code in [
        "kicks_below_target",
        "blood_pressure_severe",
        "urgent_symptom",
        "ogtt_at_cutoff",
    ] {
        assert!(before.contains(&code), "{code} in {before:?}");
    }
    a.cradle.timeline().record_loss(date(2027, 1, 10)).unwrap();
    assert_eq!(a.cradle.today().unwrap().timeline.stage, Stage::AfterLoss);
    assert!(a.cradle.records().insights().unwrap().is_empty());
    // The random-glucose rule is for everyone, in every stage.
    a.cradle
        .records()
        .record(
            Measurement::glucose(11.5, GlucoseUnit::MmolPerL, GlucoseContext::Random).unwrap(),
            None,
        )
        .unwrap();
    let codes: Vec<_> = a
        .cradle
        .records()
        .insights()
        .unwrap()
        .iter()
        .map(|i| i.code)
        .collect();
    assert_eq!(codes, ["glucose_random_high"]);
    // Trying again is her choice, and a new stage.
    a.cradle
        .timeline()
        .set_trying(Some(date(2027, 1, 10)))
        .unwrap();
    assert_eq!(a.cradle.today().unwrap().timeline.stage, Stage::Trying);
}

/// A baby's fever in the first 3 months reaches her as "seek care now".
#[test]
fn a_young_babys_fever_is_an_insight() {
    use cradle_core::records::journal::Entry;
    use cradle_core::timeline::baby::{Birth, BirthFacts};
    use cradle_core::timeline::gestation::GestationalAge;
    let a = app("Asia/Shanghai", "2027-01-10T02:00:00Z");
    a.cradle
        .timeline()
        .record_birth(
            Birth {
                date: date(2026, 11, 16),
                ga_at_birth: GestationalAge::new(39, 2),
                count: 1,
            },
            &BirthFacts::default(),
        )
        .unwrap();
    a.cradle
        .records()
        .add_entry(
            Entry::Temperature {
                baby: 1,
                celsius: 38.2,
            },
            None,
        )
        .unwrap();
    let i = a.cradle.records().insights().unwrap();
    assert_eq!(
        (i[0].code, i[0].level),
        ("baby_fever_under_3_months", Level::SeekCareNow)
    );
    assert!(i[0].source.contains("NG143"));
}
