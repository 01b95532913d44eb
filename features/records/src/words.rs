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

/// A count of movements: "12 movements", "12 次胎动".
pub fn movements(n: u32, language: Language) -> String {
    match (language, n) {
        (Language::ZhHans, n) => format!("{n} 次胎动"),
        (Language::En, 1) => "1 movement".into(),
        (Language::En, n) => format!("{n} movements"),
    }
}

/// The kick count as a line: how many since when (her local minute), and
/// whether it is still running.
pub fn kick_count(count: u32, since: &str, finished: bool, language: Language) -> String {
    let n = movements(count, language);
    match (language, finished) {
        (Language::ZhHans, false) => format!("数胎动进行中：自 {since} 起 {n}"),
        (Language::ZhHans, true) => format!("数胎动已结束：自 {since} 起 {n}"),
        (Language::En, false) => format!("Kick count running: {n} since {since}"),
        (Language::En, true) => format!("Kick count finished: {n} since {since}"),
    }
}

/// The 10th movement came, at her local minute.
pub fn kick_target_reached(at: &str, language: Language) -> String {
    language.pick(
        format!("{at} 已达到 10 次胎动。"),
        format!("10 movements reached at {at}."),
    )
}

pub fn no_kick_count(language: Language) -> &'static str {
    language.pick("还没有数过胎动。", "No kick count yet.")
}

pub fn contraction_running(language: Language) -> &'static str {
    language.pick("宫缩进行中…", "Contraction in progress…")
}

/// Minutes and seconds, "4:05"; "-" before there is one.
fn mmss(d: Option<jiff::SignedDuration>) -> String {
    d.map_or("-".to_owned(), |d| {
        format!("{}:{:02}", d.as_secs() / 60, d.as_secs() % 60)
    })
}

/// The last contraction, and the last hour's count and averages.
pub fn contraction_summary(t: &crate::sessions::ContractionTimer, language: Language) -> String {
    let (last, gap, n, every, lasting) = (
        mmss(t.last_duration),
        mmss(t.last_interval),
        t.count_last_hour,
        mmss(t.average_interval_last_hour),
        mmss(t.average_duration_last_hour),
    );
    language.pick(
        format!(
            "上一次持续 {last}，距前一次 {gap}。过去 1 小时 {n} 次，平均每 {every} 一次，每次约 {lasting}。"
        ),
        format!(
            "Last: lasted {last}, {gap} after the one before. Last hour: {n} contractions, every {every} on average, lasting {lasting}."
        ),
    )
}

/// The rule's pattern has held for an hour.
pub fn time_to_call(language: Language) -> &'static str {
    language.pick(
        "该联系医院了。如果破水、出血或胎动减少，请立即去医院。",
        "Time to call your hospital. If your waters break, you bleed, or movements slow down, go in now.",
    )
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
            movements(12, zh),
            kick_count(3, "2026-12-04 09:30", false, zh),
            kick_count(10, "2026-12-04 09:30", true, zh),
            kick_target_reached("2026-12-04 10:05", zh),
            no_kick_count(zh).to_owned(),
            contraction_running(zh).to_owned(),
            contraction_summary(
                &crate::sessions::ContractionTimer {
                    current_started_at: None,
                    last_duration: Some(jiff::SignedDuration::from_secs(65)),
                    last_interval: Some(jiff::SignedDuration::from_secs(300)),
                    count_last_hour: 12,
                    average_interval_last_hour: None,
                    average_duration_last_hour: Some(jiff::SignedDuration::from_secs(60)),
                    time_to_call: true,
                },
                zh,
            ),
            time_to_call(zh).to_owned(),
        ];
        for text in &all {
            assert!(
                !text.chars().any(|c| c.is_ascii_alphabetic()),
                "English in a Chinese sentence: {text}"
            );
        }
    }
}
