//! Health records and insights through the facade, over a real SQLite file.

mod common;

use common::app;
use cradle_core::Error;
use cradle_core::records::insights::Level;
use cradle_core::records::{GlucoseContext, GlucoseUnit, Measurement, WeightUnit};

#[test]
fn each_record_type_round_trips_and_edits_and_deletes() {
    let a = app("Asia/Shanghai", "2027-01-10T02:00:00Z");
    let bp = a
        .cradle
        .record(
            Measurement::blood_pressure(128, 84, Some(76)).unwrap(),
            None,
        )
        .unwrap();
    let w = a
        .cradle
        .record(
            Measurement::weight(131.0, WeightUnit::Jin).unwrap(),
            Some("2027-01-09T23:00:00Z".parse().unwrap()),
        )
        .unwrap();
    let g = a
        .cradle
        .record(
            Measurement::glucose(5.3, GlucoseUnit::MmolPerL, GlucoseContext::Fasting).unwrap(),
            None,
        )
        .unwrap();
    let all = a.cradle.records(None).unwrap();
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
    assert_eq!(a.cradle.records(Some("glucose")).unwrap().len(), 1);

    a.cradle
        .update_record(
            bp,
            Measurement::blood_pressure(126, 82, None).unwrap(),
            "2027-01-10T01:00:00Z".parse().unwrap(),
        )
        .unwrap();
    assert_eq!(
        a.cradle.records(Some("blood_pressure")).unwrap()[0].measurement,
        Measurement::BloodPressure {
            systolic: 126,
            diastolic: 82,
            pulse: None
        }
    );
    let wrong_kind = a.cradle.update_record(
        bp,
        Measurement::weight(60.0, WeightUnit::Kg).unwrap(),
        "2027-01-10T01:00:00Z".parse().unwrap(),
    );
    assert!(matches!(
        wrong_kind,
        Err(Error::Invalid { field: "kind", .. })
    ));

    a.cradle.delete_record(bp).unwrap();
    assert!(a.cradle.records(Some("blood_pressure")).unwrap().is_empty());
    assert!(matches!(
        a.cradle.delete_record(bp),
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
    let future = a.cradle.record(
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
    assert!(a.cradle.records(None).unwrap().is_empty());
}

#[test]
fn insights_follow_the_latest_readings() {
    let a = app("Asia/Shanghai", "2027-01-10T02:00:00Z");
    assert!(a.cradle.insights().unwrap().is_empty());
    a.cradle
        .record(
            Measurement::blood_pressure(142, 88, None).unwrap(),
            Some("2027-01-10T00:00:00Z".parse().unwrap()),
        )
        .unwrap();
    let i = a.cradle.insights().unwrap();
    assert_eq!(
        (i[0].code, i[0].level),
        ("blood_pressure_high", Level::ContactClinic)
    );
    a.cradle
        .record(Measurement::blood_pressure(162, 100, None).unwrap(), None)
        .unwrap();
    assert_eq!(a.cradle.insights().unwrap()[0].level, Level::SeekCareNow);
    a.cradle
        .set_profile(None, "zh-CN", "Asia/Shanghai")
        .unwrap();
    assert!(
        a.cradle.insights().unwrap()[0]
            .message
            .contains("请现在就医")
    );
}

#[test]
fn urgent_symptoms_always_say_seek_care_now_for_a_day() {
    use cradle_core::records::symptoms::Severity;
    let a = app("UTC", "2027-01-10T02:00:00Z");
    a.cradle
        .note_symptom("nausea", Severity::Moderate, None)
        .unwrap();
    assert!(a.cradle.insights().unwrap().is_empty());
    a.cradle
        .note_symptom("fluid_leak", Severity::Mild, None)
        .unwrap();
    let i = a.cradle.insights().unwrap();
    assert_eq!(
        (i[0].code, i[0].level),
        ("urgent_symptom", Level::SeekCareNow)
    );
    assert!(matches!(
        a.cradle.note_symptom("tired", Severity::Mild, None),
        Err(Error::Invalid {
            field: "symptom",
            ..
        })
    ));
    a.clock.set("2027-01-11T03:00:00Z".parse().unwrap());
    assert!(a.cradle.insights().unwrap().is_empty(), "after 24 hours");
    assert!(a.cradle.recent_symptoms().unwrap().is_empty());
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
