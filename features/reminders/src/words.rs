//! What the reminders say in words, in her language.

use crate::{Kind, Status};
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
