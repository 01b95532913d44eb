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

/// The reminders' fields and rules, for a refusal in her language.
pub const REFUSALS: cradle_store::refusal::Refusals = cradle_store::refusal::Refusals {
    fields: &[
        ("birth_dose", "the birth dose", "出生时接种的剂次"),
        ("code", "the vaccine", "疫苗"),
        ("id", "the reminder", "提醒"),
        ("interval", "how often it repeats", "重复间隔"),
        ("prenatal_schedule", "the checkup schedule", "产检计划"),
        ("quiet_end", "the end of quiet hours", "免打扰结束时间"),
        ("quiet_start", "the start of quiet hours", "免打扰开始时间"),
        ("rrule", "the repeat rule", "重复规则"),
        ("status", "the reminder's state", "提醒状态"),
        ("time", "the time", "时间"),
        ("title", "the title", "标题"),
        ("until", "the end", "截止时间"),
        ("weekdays", "the weekdays", "星期"),
        ("within_hours", "the hours", "小时数"),
    ],
    rules: &[
        (
            "is not a vaccine in the baby's plan",
            "不在宝宝的接种计划里",
        ),
        (
            "must be between the birth and today",
            "应在宝宝出生到今天之间",
        ),
        ("must not be before the previous dose", "不能早于上一剂"),
        ("the previous dose is not recorded yet", "上一剂还没有记录"),
        (
            "vaccine doses are recorded when given, not skipped",
            "疫苗在接种后记录，不能跳过",
        ),
        ("must be from 1 to 999", "应在 1 到 999 之间"),
        ("must be from 1 to 99", "应在 1 到 99 之间"),
        (
            "must be cn-cma-2018 or who-2016",
            "应为中华医学会指南或世卫组织指南的产检计划",
        ),
        (
            "starts outside the supported calendar",
            "开始时间超出了支持的日期范围",
        ),
        ("a completed item cannot be skipped", "已完成的提醒不能跳过"),
        (
            "a completed or skipped item cannot be snoozed",
            "已完成或已跳过的提醒不能稍后提醒",
        ),
        ("is already done", "已经完成了"),
        (
            "must be 1 to 80 characters without control characters",
            "应为 1 到 80 个字，不含控制字符",
        ),
        ("must not be before from", "不能早于开始日期"),
        ("must be within 30 days", "应在 30 天以内"),
        ("must not be before the first day", "不能早于第一天"),
        ("only apply to weekly repeats", "只用于每周重复的提醒"),
        (
            "must be a date-time with an offset, e.g. 2027-05-01T09:00:00+08:00",
            "应为带时区的时间，例如 2027-05-01T09:00:00+08:00",
        ),
        (
            "must be a time of day written HH:MM",
            "应为时刻，写作 09:30 这样",
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
