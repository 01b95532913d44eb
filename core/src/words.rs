//! What the facade says about her consents and what a command did, in her
//! language, with times in her zone to the minute: each sentence once, for
//! every shell that words these. Each feature crate words its own things
//! (`timeline::words`, `records::words`, `reminders::words`, `sync::words`).

use crate::clock::local_minute;
use crate::consent::{Consent, Purpose};
use crate::profile::Language;
use jiff::tz::TimeZone;

/// Before she saves a profile: how to save one.
pub fn no_profile(language: Language) -> &'static str {
    language.pick(
        "还没有个人资料。设置方法：cradle profile set --name 昵称",
        "No profile yet. Set one with: cradle profile set --name NAME",
    )
}

/// What she agreed to, in words.
pub fn purpose(p: Purpose, language: Language) -> &'static str {
    match (p, language) {
        (Purpose::Sync, Language::ZhHans) => "加密同步",
        (Purpose::Sync, Language::En) => "Encrypted sync",
        (Purpose::Shop, Language::ZhHans) => "商城下单",
        (Purpose::Shop, Language::En) => "Shop orders",
        (Purpose::Notifications, Language::ZhHans) => "提醒通知",
        (Purpose::Notifications, Language::En) => "Reminder notifications",
    }
}

/// Her answer for one purpose, and when she gave it.
pub fn consent(c: &Consent, language: Language, zone: &TimeZone) -> String {
    let at = c.answered_at.map(|t| local_minute(t, zone));
    match (c.granted, at) {
        (true, Some(at)) => language.pick(format!("已同意（{at}）"), format!("granted {at}")),
        (false, Some(at)) => language.pick(format!("已撤回（{at}）"), format!("withdrawn {at}")),
        _ => language.pick("尚未询问".into(), "not asked".into()),
    }
}

/// What a command did to one thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Added,
    Saved,
    Edited,
    Deleted,
    Done,
    Skipped,
    Snoozed,
    Exported,
    SignedIn,
    SignedOut,
}

impl Outcome {
    pub const ALL: [Outcome; 10] = [
        Outcome::Added,
        Outcome::Saved,
        Outcome::Edited,
        Outcome::Deleted,
        Outcome::Done,
        Outcome::Skipped,
        Outcome::Snoozed,
        Outcome::Exported,
        Outcome::SignedIn,
        Outcome::SignedOut,
    ];

    /// What a script reads (the CLI's `--json` "result").
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Added => "added",
            Outcome::Saved => "saved",
            Outcome::Edited => "edited",
            Outcome::Deleted => "deleted",
            Outcome::Done => "done",
            Outcome::Skipped => "skipped",
            Outcome::Snoozed => "snoozed",
            Outcome::Exported => "exported",
            Outcome::SignedIn => "signed in",
            Outcome::SignedOut => "signed out",
        }
    }

    /// What she reads.
    pub fn text(self, language: Language) -> &'static str {
        match language {
            Language::En => self.code(),
            Language::ZhHans => match self {
                Outcome::Added => "已添加",
                Outcome::Saved => "已保存",
                Outcome::Edited => "已修改",
                Outcome::Deleted => "已删除",
                Outcome::Done => "已完成",
                Outcome::Skipped => "已跳过",
                Outcome::Snoozed => "稍后提醒",
                Outcome::Exported => "已导出",
                Outcome::SignedIn => "已登录",
                Outcome::SignedOut => "已退出登录",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    /// Every sentence in Chinese is Chinese: no English word leaks into it.
    #[test]
    fn the_chinese_sentences_hold_no_english_words() {
        let zone = TimeZone::get("Asia/Shanghai").unwrap();
        let at: Timestamp = "2026-12-02T07:03:20.517Z".parse().unwrap();
        let zh = Language::ZhHans;
        let mut all = Vec::new();
        for p in Purpose::ALL {
            all.push(purpose(p, zh).to_owned());
            for granted in [true, false] {
                for answered_at in [Some(at), None] {
                    let c = Consent {
                        purpose: p,
                        granted,
                        answered_at,
                        notice: None,
                    };
                    all.push(consent(&c, zh, &zone));
                }
            }
        }
        for o in Outcome::ALL {
            all.push(o.text(zh).to_owned());
        }
        for text in &all {
            assert!(
                !text.chars().any(|c| c.is_ascii_alphabetic()),
                "English in a Chinese sentence: {text}"
            );
        }
        // Times are hers, to the minute: 07:03 UTC is 15:03 in Shanghai.
        assert!(all[1].contains("2026-12-02 15:03"), "{}", all[1]);
        assert!(!all.iter().any(|t| t.contains("07:03") || t.contains(":20")));
    }
}
