//! Every insight at its edges, in every stage, and by the age of the reading.

use super::*;
use crate::GlucoseUnit;
use cradle_timeline::gestation::GestationalAge;

const NOW: i64 = 1_780_000_000;
const DAY: i64 = 86_400;

fn at(seconds_ago: i64) -> Timestamp {
    Timestamp::from_second(NOW - seconds_ago).unwrap()
}

fn today() -> Date {
    cradle_store::clock::local_date(at(0), &TimeZone::UTC)
}

/// The stages the review named: trying, pregnant (<20w, ≥20w, ≥28w),
/// postpartum (≤6 weeks and later), after a loss, and baby.
#[derive(Debug, Clone, Copy, PartialEq)]
enum S {
    Trying,
    Pregnant(i64),
    Postpartum(i64),
    Baby(i64),
    AfterLoss,
    None,
}

const ALL: [S; 9] = [
    S::Trying,
    S::Pregnant(12 * 7),
    S::Pregnant(24 * 7),
    S::Pregnant(30 * 7),
    S::Postpartum(10),
    S::Baby(60),
    S::Baby(400),
    S::AfterLoss,
    S::None,
];

fn situation(s: S) -> Situation {
    let birth = |days_ago: i64| Birth {
        date: today()
            .checked_sub(jiff::Span::new().days(days_ago))
            .unwrap(),
        ga_at_birth: GestationalAge::from_days(39 * 7),
        count: 2,
    };
    let (stage, ga_days, stage_began, birth) = match s {
        S::Trying => (Stage::Trying, None, None, None),
        S::Pregnant(ga) => (
            Stage::Pregnant,
            Some(ga),
            Some(today().checked_sub(jiff::Span::new().days(ga)).unwrap()),
            None,
        ),
        S::Postpartum(d) => (Stage::Postpartum, None, Some(birth(d).date), Some(birth(d))),
        S::Baby(d) => (Stage::Baby, None, None, Some(birth(d))),
        S::AfterLoss => (Stage::AfterLoss, None, None, None),
        S::None => (Stage::None, None, None, None),
    };
    Situation {
        stage,
        ga_days,
        stage_began,
        birth,
        zone: TimeZone::UTC,
        now: at(0),
    }
}

fn rec(id: i64, ago: i64, m: Measurement) -> Record {
    Record {
        id,
        taken_at: at(ago),
        measurement: m,
        unusual: false,
    }
}

fn bp(s: u32, d: u32) -> Record {
    bp_ago(s, d, 3600)
}

fn bp_ago(s: u32, d: u32, ago: i64) -> Record {
    let m = Measurement::blood_pressure(s, d, None).unwrap().measurement;
    rec(1, ago, m)
}

fn glucose(mmol: f64, context: GlucoseContext) -> Record {
    let c = Measurement::glucose(mmol, GlucoseUnit::MmolPerL, context).unwrap();
    rec(1, 3600, c.measurement)
}

fn codes_in(s: S, records: &[Record]) -> Vec<&'static str> {
    from_records(records, &situation(s), Language::En)
        .iter()
        .map(|i| i.code)
        .collect()
}

fn codes(records: &[Record]) -> Vec<&'static str> {
    codes_in(S::Pregnant(24 * 7), records)
}

#[test]
fn blood_pressure_edges() {
    assert!(codes(&[bp(139, 89)]).is_empty());
    assert_eq!(codes(&[bp(140, 89)]), ["blood_pressure_high"]);
    assert_eq!(codes(&[bp(139, 90)]), ["blood_pressure_high"]);
    assert_eq!(codes(&[bp(159, 109)]), ["blood_pressure_high"]);
    assert_eq!(codes(&[bp(160, 100)]), ["blood_pressure_severe"]);
    assert_eq!(codes(&[bp(150, 110)]), ["blood_pressure_severe"]);
    // Only the latest reading counts.
    let mut later = bp(118, 76);
    later.taken_at = at(60);
    assert!(codes(&[bp(165, 112), later]).is_empty());
}

#[test]
fn blood_pressure_speaks_only_in_pregnancy_and_the_six_weeks_after_birth() {
    for s in ALL {
        let expected: &[&str] = match s {
            S::Pregnant(_) | S::Postpartum(_) => &["blood_pressure_severe"],
            _ => &[],
        };
        assert_eq!(codes_in(s, &[bp(165, 112)]), expected, "{s:?}");
    }
}

#[test]
fn an_old_reading_or_one_from_before_the_stage_is_history() {
    let week = 7 * DAY;
    assert_eq!(
        codes(&[bp_ago(165, 112, week)]),
        ["blood_pressure_severe"],
        "exactly 7 days"
    );
    assert!(codes(&[bp_ago(165, 112, week + 1)]).is_empty());
    // 18 months ago, and no pregnancy now: the review's case.
    assert!(codes_in(S::None, &[bp_ago(165, 112, 540 * DAY)]).is_empty());
    // Pregnant 3 days: a reading from 5 days ago was before this pregnancy.
    assert!(codes_in(S::Pregnant(3), &[bp_ago(165, 112, 5 * DAY)]).is_empty());
    assert_eq!(
        codes_in(S::Pregnant(3), &[bp_ago(165, 112, 2 * DAY)]),
        ["blood_pressure_severe"]
    );
    // Two days after the birth, a reading from late pregnancy is not postpartum advice.
    assert!(codes_in(S::Postpartum(2), &[bp_ago(150, 95, 3 * DAY)]).is_empty());
    // A reading from the future (a wrong clock elsewhere) is not trusted either.
    assert!(codes(&[bp_ago(165, 112, -60)]).is_empty());
}

fn message(s: S, r: Record, language: Language) -> String {
    from_records(&[r], &situation(s), language)
        .pop()
        .unwrap()
        .message
}

#[test]
fn the_message_names_the_value_that_crossed() {
    let m = message(S::Pregnant(24 * 7), bp(120, 115), Language::En);
    assert!(m.contains("120/115 mmHg"), "{m}");
    assert!(m.contains("lower (diastolic) value, 115"), "{m}");
    assert!(!m.contains("upper"), "{m}");
    let m = message(S::Pregnant(24 * 7), bp(165, 100), Language::En);
    assert!(
        m.contains("upper (systolic) value, 165") && !m.contains("lower"),
        "{m}"
    );
    let m = message(S::Pregnant(24 * 7), bp(170, 112), Language::En);
    assert!(m.contains("both"), "{m}");
    let m = message(S::Pregnant(24 * 7), bp(130, 95), Language::ZhHans);
    assert!(
        m.contains("舒张压（低压）95") && !m.contains("收缩压"),
        "{m}"
    );
}

#[test]
fn wording_follows_the_stage() {
    let early = message(S::Pregnant(12 * 7), bp(142, 85), Language::En);
    assert!(
        !early.contains("20 weeks") && !early.contains("after birth"),
        "{early}"
    );
    let later = message(S::Pregnant(24 * 7), bp(142, 85), Language::En);
    assert!(later.contains("After 20 weeks"), "{later}");
    let postpartum = message(S::Postpartum(10), bp(142, 85), Language::En);
    assert!(postpartum.contains("6 weeks after birth"), "{postpartum}");
    assert!(!postpartum.contains("20 weeks"), "{postpartum}");
    let source =
        from_records(&[bp(142, 85)], &situation(S::Postpartum(10)), Language::En)[0].source;
    assert!(source.contains("Committee Opinion 736"), "{source}");
    let zh = from_records(
        &[bp(142, 85)],
        &situation(S::Pregnant(24 * 7)),
        Language::ZhHans,
    );
    assert!(zh[0].source.contains("妊娠期高血压疾病诊治指南（2020）"));
}

#[test]
fn meter_glucose_uses_the_self_monitoring_targets() {
    use GlucoseContext::*;
    let p = S::Pregnant(26 * 7);
    assert!(codes_in(p, &[glucose(5.3, Fasting)]).is_empty());
    assert_eq!(
        codes_in(p, &[glucose(5.4, Fasting)]),
        ["glucose_fasting_above_target"]
    );
    assert!(codes_in(p, &[glucose(7.8, OneHour)]).is_empty());
    assert_eq!(
        codes_in(p, &[glucose(7.9, OneHour)]),
        ["glucose_1h_above_target"]
    );
    // The review's case: 9.5 an hour after a meal passed silently.
    assert_eq!(
        codes_in(p, &[glucose(9.5, OneHour)]),
        ["glucose_1h_above_target"]
    );
    assert!(codes_in(p, &[glucose(6.7, TwoHours)]).is_empty());
    assert_eq!(
        codes_in(p, &[glucose(6.8, TwoHours)]),
        ["glucose_2h_above_target"]
    );
    // Targets are for pregnancy: postpartum, trying, a baby's mother: none.
    for s in [
        S::Trying,
        S::Postpartum(10),
        S::Baby(400),
        S::AfterLoss,
        S::None,
    ] {
        assert!(codes_in(s, &[glucose(9.5, OneHour)]).is_empty(), "{s:?}");
    }
}

#[test]
fn low_and_random_high_glucose_speak_in_every_stage() {
    use GlucoseContext::*;
    for s in ALL {
        assert!(
            codes_in(s, &[glucose(3.3, Fasting)])
                .iter()
                .all(|c| *c != "glucose_low")
        );
        assert_eq!(
            codes_in(s, &[glucose(3.2, Random)]),
            ["glucose_low"],
            "{s:?}"
        );
        assert!(codes_in(s, &[glucose(11.0, Random)]).is_empty(), "{s:?}");
        assert_eq!(
            codes_in(s, &[glucose(11.1, Random)]),
            ["glucose_random_high"],
            "{s:?}"
        );
    }
    let low = from_records(
        &[glucose(3.0, TwoHours)],
        &situation(S::Pregnant(200)),
        Language::En,
    );
    assert_eq!(low[0].level, Level::SeekCareNow);
}

fn entry(id: i64, ago: i64, entry: Entry) -> JournalEntry {
    JournalEntry {
        id,
        at: at(ago),
        entry,
        unusual: false,
    }
}

fn ogtt(f: f64, one: Option<f64>, two: Option<f64>) -> Vec<JournalEntry> {
    vec![entry(
        9,
        20 * DAY,
        Entry::Ogtt {
            fasting: f,
            one_hour: one,
            two_hours: two,
        },
    )]
}

#[test]
fn an_ogtt_uses_its_diagnostic_cut_offs() {
    let p = situation(S::Pregnant(26 * 7));
    let code = |e: &[JournalEntry]| from_ogtt(e, &p, Language::En).map(|i| i.code);
    assert_eq!(code(&ogtt(5.09, Some(9.99), Some(8.49))), None);
    assert_eq!(code(&ogtt(5.1, None, None)), Some("ogtt_at_cutoff"));
    assert_eq!(code(&ogtt(4.5, Some(10.0), None)), Some("ogtt_at_cutoff"));
    assert_eq!(
        code(&ogtt(4.5, Some(9.0), Some(8.5))),
        Some("ogtt_at_cutoff")
    );
    let m = from_ogtt(&ogtt(4.5, Some(10.2), Some(8.0)), &p, Language::En)
        .unwrap()
        .message;
    assert!(m.contains("1 hour 10.2") && !m.contains("fasting"), "{m}");
    // A lab panel from a pregnancy that has ended says nothing.
    for s in [S::Postpartum(10), S::AfterLoss, S::None] {
        assert!(from_ogtt(&ogtt(6.0, None, None), &situation(s), Language::En).is_none());
    }
    // Nor one from before this pregnancy began.
    assert!(
        from_ogtt(
            &ogtt(6.0, None, None),
            &situation(S::Pregnant(10)),
            Language::En
        )
        .is_none()
    );
}

fn temperature(baby: u8, celsius: f64, ago: i64) -> JournalEntry {
    entry(i64::from(baby), ago, Entry::Temperature { baby, celsius })
}

fn fever(age_days: i64, celsius: f64) -> Option<&'static str> {
    let s = situation(S::Baby(age_days));
    from_temperatures(&[temperature(1, celsius, 3600)], &s, Language::En)
        .first()
        .map(|i| i.code)
}

#[test]
fn a_babys_fever_by_age() {
    // The review's case: 38.2 °C at 55 days.
    assert_eq!(fever(55, 38.2), Some("baby_fever_under_3_months"));
    assert_eq!(fever(55, 37.9), None);
    assert_eq!(fever(0, 38.0), Some("baby_fever_under_3_months"));
    // Under 3 completed months, by the calendar.
    let three_months = |d: i64| {
        let b = situation(S::Baby(d)).birth.unwrap();
        b.age_on(today()).unwrap().months
    };
    let last_under = (80..100).rev().find(|d| three_months(*d) < 3).unwrap();
    assert_eq!(fever(last_under, 38.0), Some("baby_fever_under_3_months"));
    assert_eq!(fever(last_under + 1, 38.0), None);
    assert_eq!(
        fever(last_under + 1, 39.0),
        Some("baby_fever_3_to_6_months")
    );
    assert_eq!(fever(last_under + 1, 38.9), None);
    assert_eq!(
        fever(400, 39.5),
        None,
        "from 6 months, no rule by value alone"
    );
    let under = from_temperatures(
        &[temperature(1, 38.0, 3600)],
        &situation(S::Baby(55)),
        Language::En,
    );
    assert_eq!(under[0].level, Level::SeekCareNow);
}

#[test]
fn fever_is_per_baby_and_only_from_the_last_day() {
    let s = situation(S::Baby(30));
    let twins = [temperature(1, 37.0, 600), temperature(2, 38.4, 600)];
    let found = from_temperatures(&twins, &s, Language::En);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.starts_with("Baby 2"),
        "{}",
        found[0].message
    );
    assert!(from_temperatures(&[temperature(1, 38.4, DAY + 1)], &s, Language::En).is_empty());
    // The latest of a baby counts: a later normal reading ends the advice.
    let settled = [temperature(1, 38.4, 7200), temperature(1, 37.2, 600)];
    assert!(from_temperatures(&settled, &s, Language::En).is_empty());
}

fn kick(ago: i64, below: bool) -> KickSession {
    KickSession {
        id: 3,
        started_at: at(ago),
        ended_at: Some(at(ago - 7200)),
        count: if below { 4 } else { 10 },
        reached_target_at: None,
        below_target: below,
    }
}

#[test]
fn kick_advice_only_in_an_ongoing_pregnancy_from_28_weeks() {
    for s in ALL {
        let expected = matches!(s, S::Pregnant(ga) if ga >= KICKS_FROM_DAYS);
        assert_eq!(
            from_kicks(&kick(9000, true), &situation(s), Language::En).is_some(),
            expected,
            "{s:?}"
        );
    }
    let edge = |ga| from_kicks(&kick(9000, true), &situation(S::Pregnant(ga)), Language::En);
    assert!(edge(KICKS_FROM_DAYS - 1).is_none());
    assert!(edge(KICKS_FROM_DAYS).is_some());
    let p = situation(S::Pregnant(30 * 7));
    assert!(from_kicks(&kick(9000, false), &p, Language::En).is_none());
    assert!(
        from_kicks(&kick(DAY + 1, true), &p, Language::En).is_none(),
        "a day-old count"
    );
}

fn symptom(code: &'static str, severity: symptoms::Severity) -> Symptom {
    Symptom {
        id: 5,
        code,
        severity,
        noted_at: at(600),
    }
}

#[test]
fn urgent_symptoms_by_stage() {
    use symptoms::Severity::*;
    let bleeding = [symptom("bleeding", Mild)];
    let movements = [symptom("reduced_movements", Mild)];
    for s in ALL {
        let got = |x: &[Symptom]| from_symptoms(x, &situation(s), Language::En).is_some();
        let pregnant = matches!(s, S::Pregnant(_));
        assert_eq!(
            got(&bleeding),
            pregnant || matches!(s, S::Postpartum(_)),
            "{s:?}"
        );
        assert_eq!(got(&movements), pregnant, "{s:?}");
    }
    let after = from_symptoms(&bleeding, &situation(S::Postpartum(10)), Language::En).unwrap();
    assert!(!after.message.contains("movements"), "{}", after.message);
}

#[test]
fn weight_gain_edges() {
    let band = crate::gain::standard_for(Language::En).band(1.60, 55.0);
    let weight = |kg: f64, ago: i64| {
        let m = Measurement::weight(kg, crate::WeightUnit::Kg).unwrap();
        rec(1, ago, m.measurement)
    };
    // At 30w0d (210 days) the IOM normal-BMI band is 0.5 + 0.35·16 … 2.0 + 0.50·16 kg.
    let [low, high] = band.gain_at(210);
    assert!((low - 6.1).abs() < 1e-9 && (high - 10.0).abs() < 1e-9);
    let code_in = |s: S, kg: f64, ga: i64, ago: i64| {
        from_weight_gain(
            &weight(kg, ago),
            ga,
            &band,
            55.0,
            &situation(s),
            Language::En,
        )
        .map(|i| i.code)
    };
    let p = S::Pregnant(210);
    let code = |kg: f64, ga: i64| code_in(p, kg, ga, 3600);
    assert_eq!(code(55.0 + 6.1, 210), None);
    assert_eq!(code(55.0 + 6.0, 210), Some("weight_gain_below"));
    assert_eq!(code(55.0 + 10.0, 210), None);
    assert_eq!(code(55.0 + 10.1, 210), Some("weight_gain_above"));
    // Before 14 weeks nothing is said.
    assert_eq!(code(40.0, 97), None);
    // A weight from 5 weeks ago is not "so far".
    assert_eq!(code_in(p, 70.0, 210, 35 * DAY), None);
    assert_eq!(code_in(S::Postpartum(10), 70.0, 210, 3600), None);
}

#[test]
fn the_most_urgent_comes_first_and_wording_is_careful() {
    let s = situation(S::Pregnant(30 * 7));
    let all = from_records(
        &[glucose(5.6, GlucoseContext::Fasting), bp(162, 95)],
        &s,
        Language::ZhHans,
    );
    assert_eq!(all[0].level, Level::SeekCareNow);
    for lang in [Language::En, Language::ZhHans] {
        let mut every = from_records(
            &[
                glucose(7.5, GlucoseContext::Fasting),
                glucose(3.0, GlucoseContext::OneHour),
                glucose(12.0, GlucoseContext::Random),
                bp(162, 95),
            ],
            &s,
            lang,
        );
        every.extend(from_temperatures(
            &[temperature(1, 38.5, 60)],
            &situation(S::Baby(20)),
            lang,
        ));
        every.extend(from_kicks(&kick(9000, true), &s, lang));
        every.extend(from_ogtt(
            &ogtt(5.5, None, None),
            &situation(S::Pregnant(200)),
            lang,
        ));
        assert!(every.len() >= 7);
        for i in every {
            assert!(
                i.message.contains("not a diagnosis") || i.message.contains("不是诊断"),
                "{}",
                i.message
            );
            for word in [
                "patient", "患者", "您", "治疗", "预防", "异常", ".md", "shared/",
            ] {
                assert!(
                    !i.message.contains(word) && !i.source.contains(word),
                    "{word}: {i:?}"
                );
            }
            assert!(!i.source.is_empty());
        }
    }
}
