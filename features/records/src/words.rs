//! What the records say in words, in her language.

use crate::Measurement;
use cradle_store::profile::Language;

/// A reading was saved; `unusual` asks her to check the value.
pub fn recorded(id: i64, unusual: bool, language: Language) -> String {
    let check = |zh: &str, en: &str| {
        if unusual {
            language.pick(zh.into(), en.into())
        } else {
            String::new()
        }
    };
    language.pick(format!("已记录（#{id}）。"), format!("Recorded (#{id})."))
        + &check(
            "这个数值不太常见，请核对。",
            " This value is unusual; please check it.",
        )
}

/// The mark beside an unusual reading in a list.
pub fn unusual(language: Language) -> &'static str {
    language.pick("（不太常见）", "  (unusual)")
}

/// What a reading measures, in words.
pub fn measurement_kind(m: &Measurement, language: Language) -> &'static str {
    match (m, language) {
        (Measurement::Weight { .. }, Language::ZhHans) => "体重",
        (Measurement::Weight { .. }, Language::En) => "weight",
        (Measurement::BloodPressure { .. }, Language::ZhHans) => "血压",
        (Measurement::BloodPressure { .. }, Language::En) => "blood pressure",
        (Measurement::Glucose { .. }, Language::ZhHans) => "血糖",
        (Measurement::Glucose { .. }, Language::En) => "glucose",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sentence in Chinese is Chinese: no English word leaks into it.
    #[test]
    fn the_chinese_words_hold_no_english() {
        let zh = Language::ZhHans;
        let all = [
            recorded(1, true, zh),
            unusual(zh).to_owned(),
            measurement_kind(&Measurement::Weight { grams: 60_000 }, zh).to_owned(),
            measurement_kind(
                &Measurement::BloodPressure {
                    systolic: 118,
                    diastolic: 76,
                    pulse: None,
                },
                zh,
            )
            .to_owned(),
            measurement_kind(
                &Measurement::Glucose {
                    cmmol: 510,
                    context: crate::GlucoseContext::Fasting,
                },
                zh,
            )
            .to_owned(),
        ];
        for text in &all {
            assert!(
                !text.chars().any(|c| c.is_ascii_alphabetic()),
                "English in a Chinese sentence: {text}"
            );
        }
    }
}
