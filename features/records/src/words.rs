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

/// The records' fields and rules, for a refusal in her language.
pub const REFUSALS: cradle_store::refusal::Refusals = cradle_store::refusal::Refusals {
    fields: &[
        ("ac_mm", "the abdominal circumference", "腹围（AC）"),
        ("age", "your age", "年龄"),
        ("at", "the time", "时间"),
        ("bpd_mm", "the biparietal diameter", "双顶径（BPD）"),
        ("celsius", "the temperature", "体温"),
        ("context", "when it was taken", "测量时段"),
        ("contraction", "the contraction", "宫缩"),
        ("crl_mm", "the crown–rump length", "头臀长（CRL）"),
        (
            "diastolic",
            "the lower number (diastolic)",
            "舒张压（低压）",
        ),
        ("efw_grams", "the estimated weight", "估计胎儿体重"),
        ("fasting", "the fasting value", "空腹血糖"),
        ("fl_mm", "the femur length", "股骨长（FL）"),
        ("food", "the food", "辅食"),
        ("format", "the format", "格式"),
        ("glucose", "the blood sugar", "血糖"),
        ("growth", "the growth check", "生长测量"),
        ("hc_mm", "the head circumference", "头围（HC）"),
        ("head_mm", "the head circumference", "头围"),
        ("height_cm", "your height", "身高"),
        ("length_mm", "the length", "身长"),
        ("low", "the low end", "下限"),
        ("ml", "the amount", "奶量"),
        ("noted_at", "the time", "记录时间"),
        ("one_hour", "the 1-hour value", "服糖后 1 小时血糖"),
        (
            "pre_pregnancy_kg",
            "your weight before pregnancy",
            "孕前体重",
        ),
        ("pulse", "the pulse", "心率"),
        ("reaction", "the reaction", "过敏反应"),
        ("sections", "the sections", "内容部分"),
        ("session", "the kick count", "数胎动"),
        ("severity", "how strong it is", "程度"),
        ("substance", "what causes it", "过敏原"),
        ("symptom", "the symptom", "症状"),
        ("systolic", "the upper number (systolic)", "收缩压（高压）"),
        ("taken_at", "the time", "测量时间"),
        ("two_hours", "the 2-hour value", "服糖后 2 小时血糖"),
        ("ultrasound", "the scan", "B 超"),
        ("unit", "the unit", "单位"),
        ("value", "the value", "数值"),
        ("weight", "the weight", "体重"),
        ("weight_grams", "the weight", "体重"),
    ],
    rules: &[
        ("a kick count is already running", "已经在数胎动了"),
        (
            "a record keeps its kind; delete it and add a new one",
            "记录的类型不能改；请删除后重新添加",
        ),
        (
            "an allergy is recorded; delete it first",
            "已记录了过敏，请先删除",
        ),
        (
            "an entry keeps its kind; delete it and add a new one",
            "条目的类型不能改；请删除后重新添加",
        ),
        ("holds a section that does not exist", "包含不存在的部分"),
        ("is not a kind of entry", "不是可记录的类型"),
        ("is not in the list of symptoms", "不在症状列表里"),
        ("must be a number", "应为数字"),
        ("must be between 12 and 60 years", "应在 12 到 60 岁之间"),
        ("must be between 120 and 220 cm", "应在 120 到 220 厘米之间"),
        (
            "must be between {} and {} minutes",
            "应在 {} 到 {} 分钟之间",
        ),
        (
            "must be between {} and {} beats per minute",
            "应在 {} 到 {} 次/分钟之间",
        ),
        ("must be between {} and {} g", "应在 {} 到 {} 克之间"),
        ("must be between {} and {} ml", "应在 {} 到 {} 毫升之间"),
        (
            "must be fasting, 1h, 2h or random",
            "应为空腹、餐后 1 小时、餐后 2 小时或随机",
        ),
        ("must be html or fhir", "应为 html 或 fhir"),
        ("must be lower than systolic", "应低于收缩压"),
        ("must be mild, moderate or severe", "应为轻、中或重"),
        ("must not be above high", "不能高于上限"),
        ("must not be after to", "不能晚于结束日期"),
        ("needs at least one measurement", "至少需要一项测量值"),
        (
            "one is already being timed; stop it first",
            "已经在计时了，请先停止",
        ),
    ],
};

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
