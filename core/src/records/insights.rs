//! Gentle, non-diagnostic insights from the latest readings, with sources.
//! Wording is calm, says it is not a diagnosis, and never says "patient".

use super::gain::Band;
use super::{GlucoseContext, Measurement, Record};
use crate::profile::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Worth mentioning at the next visit.
    MentionAtVisit,
    /// Worth telling the clinic about.
    ContactClinic,
    /// Needs care now.
    SeekCareNow,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::MentionAtVisit => "mention_at_visit",
            Level::ContactClinic => "contact_clinic",
            Level::SeekCareNow => "seek_care_now",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insight {
    /// e.g. `blood_pressure_severe`, `glucose_fasting`.
    pub code: &'static str,
    pub level: Level,
    pub message: &'static str,
    pub source: &'static str,
    /// The reading it is about.
    pub record_id: i64,
}

const ACOG_PB_222: &str = "ACOG Practice Bulletin 222, Gestational Hypertension and Preeclampsia (2020): \
    ≥140/90 mmHg; severe range ≥160/110 mmHg. China uses the same cut-offs.";
const IADPSG: &str = "IADPSG (2010), 75 g OGTT: fasting ≥5.1, 1 h ≥10.0, 2 h ≥8.5 mmol/L; \
    fasting ≥7.0 mmol/L suggests overt diabetes.";

fn text(language: Language, en: &'static str, zh: &'static str) -> &'static str {
    match language {
        Language::En => en,
        Language::ZhHans => zh,
    }
}

fn blood_pressure(r: &Record, language: Language) -> Option<Insight> {
    let Measurement::BloodPressure {
        systolic,
        diastolic,
        ..
    } = r.measurement
    else {
        return None;
    };
    let (code, level, message) = if systolic >= 160 || diastolic >= 110 {
        (
            "blood_pressure_severe",
            Level::SeekCareNow,
            text(
                language,
                "Your last blood pressure was 160/110 or higher. Please seek care now: call your hospital or go in today. This is not a diagnosis.",
                "最近一次血压达到或超过160/110 mmHg，请现在就医：联系医院或今天去医院。这不是诊断。",
            ),
        )
    } else if systolic >= 140 || diastolic >= 90 {
        (
            "blood_pressure_high",
            Level::ContactClinic,
            text(
                language,
                "Your last blood pressure was 140/90 or higher. Please contact your clinic, especially after 20 weeks. This is not a diagnosis.",
                "最近一次血压达到或超过140/90 mmHg，请联系你的产检医生，孕20周以后尤其重要。这不是诊断。",
            ),
        )
    } else {
        return None;
    };
    Some(Insight {
        code,
        level,
        message,
        source: ACOG_PB_222,
        record_id: r.id,
    })
}

fn glucose(r: &Record, language: Language) -> Option<Insight> {
    let Measurement::Glucose { cmmol, context } = r.measurement else {
        return None;
    };
    let (code, threshold, en, zh) = match context {
        GlucoseContext::Fasting if cmmol >= 700 => (
            "glucose_fasting_very_high",
            700,
            "Your last fasting glucose was 7.0 mmol/L or higher. Please contact your clinic soon. This is not a diagnosis.",
            "最近一次空腹血糖达到或超过7.0 mmol/L，请尽快联系你的医生。这不是诊断。",
        ),
        GlucoseContext::Fasting => (
            "glucose_fasting",
            510,
            "Your last fasting glucose was at or above 5.1 mmol/L, the level used in pregnancy screening. Please share it with your clinic. This is not a diagnosis.",
            "最近一次空腹血糖达到或超过孕期筛查使用的5.1 mmol/L，请告诉你的医生。这不是诊断。",
        ),
        GlucoseContext::OneHour => (
            "glucose_1h",
            1000,
            "Your last 1-hour glucose was at or above 10.0 mmol/L, the level used in pregnancy screening. Please share it with your clinic. This is not a diagnosis.",
            "最近一次餐后1小时血糖达到或超过孕期筛查使用的10.0 mmol/L，请告诉你的医生。这不是诊断。",
        ),
        GlucoseContext::TwoHours => (
            "glucose_2h",
            850,
            "Your last 2-hour glucose was at or above 8.5 mmol/L, the level used in pregnancy screening. Please share it with your clinic. This is not a diagnosis.",
            "最近一次餐后2小时血糖达到或超过孕期筛查使用的8.5 mmol/L，请告诉你的医生。这不是诊断。",
        ),
        // No screening threshold applies to a random reading.
        GlucoseContext::Random => return None,
    };
    (cmmol >= threshold).then(|| Insight {
        code,
        level: Level::ContactClinic,
        message: text(language, en, zh),
        source: IADPSG,
        record_id: r.id,
    })
}

const KICKS: &str = "Kick counting: 10 movements within 2 hours, from 28 weeks \
    (common obstetric guidance, from secondary sources).";

/// "Seek care now" when the last 24 hours hold an urgent symptom.
pub fn from_symptoms(recent: &[super::symptoms::Symptom], language: Language) -> Option<Insight> {
    super::symptoms::urgent(recent).map(|s| Insight {
        code: "urgent_symptom",
        level: Level::SeekCareNow,
        message: text(
            language,
            "You noted bleeding, leaking fluid, fewer movements, or a severe headache with vision changes. Please seek care now: call your hospital or go in. This is not a diagnosis.",
            "你记录了出血、流液、胎动减少，或严重头痛伴视物异常。请现在就医：联系医院或立即去医院。这不是诊断。",
        ),
        source: "Urgent pregnancy warning signs (common obstetric guidance, from secondary sources).",
        record_id: s.id,
    })
}

/// The standard advice when a kick count found fewer than 10 movements in 2 hours.
pub fn from_kicks(session: &super::sessions::KickSession, language: Language) -> Option<Insight> {
    session.below_target.then(|| Insight {
        code: "kicks_below_target",
        level: Level::ContactClinic,
        message: text(
            language,
            "Your last kick count found fewer than 10 movements in 2 hours. Please contact your clinic or hospital today; if movements have stopped or clearly slowed, go in now. This is not a diagnosis.",
            "最近一次数胎动，2小时内不到10次。请今天联系你的医生或医院；如果胎动停止或明显减少，请立即去医院。这不是诊断。",
        ),
        source: KICKS,
        record_id: session.id,
    })
}

/// Gain outside the recommended range for the pre-pregnancy BMI, judged on
/// the latest weight (`latest`, at `ga_days`) from 14 weeks: before that the
/// band is too narrow to mean anything.
pub fn from_weight_gain(
    latest: &Record,
    ga_days: i64,
    band: &Band<'static>,
    pre_pregnancy_kg: f64,
    language: Language,
) -> Option<Insight> {
    let Measurement::Weight { grams } = latest.measurement else {
        return None;
    };
    if !(98..=44 * 7).contains(&ga_days) {
        return None;
    }
    // In whole grams, so the band's edges are exact.
    let gram = |kg: f64| (kg * 1000.0).round() as i64;
    let gained = i64::from(grams) - gram(pre_pregnancy_kg);
    let [low, high] = band.gain_at(ga_days).map(gram);
    let (code, en, zh) = if gained < low {
        (
            "weight_gain_below",
            "Your weight gain so far is below the range recommended for your pre-pregnancy BMI. Mention it at your next visit. This is not a diagnosis.",
            "目前的孕期增重低于按孕前BMI推荐的范围，下次产检时可以和医生聊聊。这不是诊断。",
        )
    } else if gained > high {
        (
            "weight_gain_above",
            "Your weight gain so far is above the range recommended for your pre-pregnancy BMI. Mention it at your next visit. This is not a diagnosis.",
            "目前的孕期增重高于按孕前BMI推荐的范围，下次产检时可以和医生聊聊。这不是诊断。",
        )
    } else {
        return None;
    };
    Some(Insight {
        code,
        level: Level::MentionAtVisit,
        message: text(language, en, zh),
        source: band.source,
        record_id: latest.id,
    })
}

/// Insights from the latest blood pressure and the latest glucose of each
/// context in `records` (oldest first), most urgent first.
pub fn from_records(records: &[Record], language: Language) -> Vec<Insight> {
    let latest =
        |pred: &dyn Fn(&Measurement) -> bool| records.iter().rev().find(|r| pred(&r.measurement));
    let mut out: Vec<Insight> = Vec::new();
    if let Some(r) = latest(&|m| matches!(m, Measurement::BloodPressure { .. })) {
        out.extend(blood_pressure(r, language));
    }
    for context in [
        GlucoseContext::Fasting,
        GlucoseContext::OneHour,
        GlucoseContext::TwoHours,
    ] {
        if let Some(r) =
            latest(&|m| matches!(m, Measurement::Glucose { context: c, .. } if *c == context))
        {
            out.extend(glucose(r, language));
        }
    }
    out.sort_by_key(|i| std::cmp::Reverse(i.level));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::GlucoseUnit;

    fn rec(id: i64, m: Measurement) -> Record {
        Record {
            id,
            taken_at: jiff::Timestamp::from_second(id).unwrap(),
            measurement: m,
            unusual: false,
        }
    }

    fn bp(id: i64, s: u32, d: u32) -> Record {
        rec(
            id,
            Measurement::BloodPressure {
                systolic: s,
                diastolic: d,
                pulse: None,
            },
        )
    }

    fn codes(records: &[Record]) -> Vec<&'static str> {
        from_records(records, Language::En)
            .iter()
            .map(|i| i.code)
            .collect()
    }

    #[test]
    fn blood_pressure_edges() {
        assert!(codes(&[bp(1, 139, 89)]).is_empty());
        assert_eq!(codes(&[bp(1, 140, 89)]), ["blood_pressure_high"]);
        assert_eq!(codes(&[bp(1, 139, 90)]), ["blood_pressure_high"]);
        assert_eq!(codes(&[bp(1, 159, 109)]), ["blood_pressure_high"]);
        assert_eq!(codes(&[bp(1, 160, 100)]), ["blood_pressure_severe"]);
        assert_eq!(codes(&[bp(1, 150, 110)]), ["blood_pressure_severe"]);
        // Only the latest reading counts.
        assert!(codes(&[bp(1, 165, 112), bp(2, 118, 76)]).is_empty());
    }

    fn glucose(id: i64, mmol: f64, context: GlucoseContext) -> Record {
        let c = Measurement::glucose(mmol, GlucoseUnit::MmolPerL, context).unwrap();
        rec(id, c.measurement)
    }

    #[test]
    fn glucose_edges_by_context() {
        use GlucoseContext::*;
        assert!(codes(&[glucose(1, 5.0, Fasting)]).is_empty());
        assert_eq!(codes(&[glucose(1, 5.1, Fasting)]), ["glucose_fasting"]);
        assert_eq!(codes(&[glucose(1, 6.9, Fasting)]), ["glucose_fasting"]);
        assert_eq!(
            codes(&[glucose(1, 7.0, Fasting)]),
            ["glucose_fasting_very_high"]
        );
        assert!(codes(&[glucose(1, 9.9, OneHour)]).is_empty());
        assert_eq!(codes(&[glucose(1, 10.0, OneHour)]), ["glucose_1h"]);
        assert!(codes(&[glucose(1, 8.4, TwoHours)]).is_empty());
        assert_eq!(codes(&[glucose(1, 8.5, TwoHours)]), ["glucose_2h"]);
        assert!(codes(&[glucose(1, 15.0, Random)]).is_empty());
    }

    #[test]
    fn weight_gain_edges() {
        let band = crate::records::gain::standard_for(Language::En).band(1.60, 55.0);
        let weight = |kg: f64| {
            rec(
                1,
                Measurement::weight(kg, crate::records::WeightUnit::Kg)
                    .unwrap()
                    .measurement,
            )
        };
        // At 30w0d (210 days) the IOM normal-BMI band is 0.5 + 0.35·16 … 2.0 + 0.50·16 kg.
        let [low, high] = band.gain_at(210);
        assert!((low - 6.1).abs() < 1e-9 && (high - 10.0).abs() < 1e-9);
        let code = |kg: f64, ga: i64| {
            from_weight_gain(&weight(kg), ga, &band, 55.0, Language::En).map(|i| i.code)
        };
        assert_eq!(code(55.0 + 6.1, 210), None);
        assert_eq!(code(55.0 + 6.0, 210), Some("weight_gain_below"));
        assert_eq!(code(55.0 + 10.0, 210), None);
        assert_eq!(code(55.0 + 10.1, 210), Some("weight_gain_above"));
        // Before 14 weeks nothing is said.
        assert_eq!(code(40.0, 97), None);
    }

    #[test]
    fn the_most_urgent_comes_first_and_wording_is_careful() {
        let all = from_records(
            &[glucose(1, 5.2, GlucoseContext::Fasting), bp(2, 162, 95)],
            Language::ZhHans,
        );
        assert_eq!(all[0].level, Level::SeekCareNow);
        for lang in [Language::En, Language::ZhHans] {
            for i in from_records(
                &[glucose(1, 7.5, GlucoseContext::Fasting), bp(2, 162, 95)],
                lang,
            ) {
                assert!(i.message.contains("not a diagnosis") || i.message.contains("不是诊断"));
                assert!(!i.message.contains("patient") && !i.message.contains("患者"));
                assert!(!i.source.is_empty());
            }
        }
    }
}
