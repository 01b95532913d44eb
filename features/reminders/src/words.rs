//! What the reminders say in words, in her language.

use crate::{Item, Kind, Settings, Status, hh_mm};
use cradle_store::profile::Language;

/// Nothing is due in the days asked for.
pub fn nothing_due(language: Language) -> &'static str {
    language.pick("暂无提醒。", "Nothing due.")
}

/// A reminder rule was added.
pub fn reminder_added(rule: i64, language: Language) -> String {
    language.pick(
        format!("已添加提醒（规则 {rule}）。"),
        format!("Added reminder rule {rule}."),
    )
}

/// The next reminder, on Today.
pub fn next(item: &Item, language: Language) -> String {
    language.pick(
        format!("下一项：{}（{}）", item.title, item.due),
        format!("Next: {} ({})", item.title, item.due),
    )
}

/// Her reminder settings: the checkup schedule followed and the quiet hours.
pub fn settings(s: &Settings, language: Language) -> String {
    let (start, end) = (hh_mm(s.quiet_start), hh_mm(s.quiet_end));
    let schedule = schedule_name(&s.prenatal_schedule, language);
    language.pick(
        format!("产检方案：{schedule}\n免打扰：{start}–{end}"),
        format!("Prenatal schedule: {schedule}\nQuiet hours: {start}–{end}"),
    )
}

/// A checkup schedule by the guideline it follows.
fn schedule_name(id: &str, language: Language) -> &str {
    match (id, language) {
        ("cn-cma-2018", Language::ZhHans) => "中华医学会《孕前和孕期保健指南（2018）》",
        ("cn-cma-2018", Language::En) => "Chinese Medical Association guideline (2018)",
        ("who-2016", Language::ZhHans) => "世界卫生组织产前保健建议（2016）",
        ("who-2016", Language::En) => "WHO antenatal care recommendations (2016)",
        _ => id,
    }
}

/// A reminder's kind in words.
pub fn kind(kind: Kind, language: Language) -> &'static str {
    match (kind, language) {
        (Kind::Checkup, Language::ZhHans) => "产检",
        (Kind::Checkup, Language::En) => "checkup",
        (Kind::Vaccine, Language::ZhHans) => "疫苗",
        (Kind::Vaccine, Language::En) => "vaccine",
        (Kind::Custom, Language::ZhHans) => "自定义",
        (Kind::Custom, Language::En) => "custom",
    }
}

/// A reminder's status in words.
pub fn status(status: Status, language: Language) -> &'static str {
    match (status, language) {
        (Status::Pending, Language::ZhHans) => "待办",
        (Status::Pending, Language::En) => "to do",
        (Status::Done, Language::ZhHans) => "已完成",
        (Status::Done, Language::En) => "done",
        (Status::Skipped, Language::ZhHans) => "已跳过",
        (Status::Skipped, Language::En) => "skipped",
        (Status::Snoozed, Language::ZhHans) => "稍后提醒",
        (Status::Snoozed, Language::En) => "snoozed",
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
            reminder_added(1, zh),
            nothing_due(zh).to_owned(),
            kind(Kind::Checkup, zh).to_owned(),
            kind(Kind::Vaccine, zh).to_owned(),
            kind(Kind::Custom, zh).to_owned(),
            status(Status::Pending, zh).to_owned(),
            status(Status::Done, zh).to_owned(),
            status(Status::Skipped, zh).to_owned(),
            status(Status::Snoozed, zh).to_owned(),
        ];
        for text in &all {
            assert!(
                !text.chars().any(|c| c.is_ascii_alphabetic()),
                "English in a Chinese sentence: {text}"
            );
        }
    }
}
