//! What the facade says about her consents, sync and what a command did, in
//! her language, with times in her zone to the minute: each sentence once,
//! for every shell that words these (the apps' sync badge, and the CLI).
//! Each feature crate words its own things (`records::words`,
//! `reminders::words`).

use crate::clock::local_minute;
use crate::consent::{Consent, Purpose};
use crate::profile::Language;
use crate::sync::{SyncReport, SyncStatus};
use jiff::tz::TimeZone;

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

/// Where sync stands.
pub fn sync_status(s: &SyncStatus, language: Language, zone: &TimeZone) -> String {
    let zh_en = |zh: String, en: String| language.pick(zh, en);
    match s {
        SyncStatus::SignedOut => zh_en(
            "未登录：所有内容只保存在本机。".into(),
            "Not signed in: everything stays on this device.".into(),
        ),
        SyncStatus::Waiting {
            pending,
            last_synced_at: Some(at),
        } => {
            let at = local_minute(*at, zone);
            zh_en(
                format!("{pending} 项更改等待同步；上次同步于 {at}。"),
                format!("{pending} change(s) waiting to sync; last synced {at}."),
            )
        }
        SyncStatus::Waiting {
            pending,
            last_synced_at: None,
        } => zh_en(
            format!("{pending} 项更改等待同步；尚未同步过。"),
            format!("{pending} change(s) waiting to sync; not synced yet."),
        ),
        SyncStatus::Offline { pending } => zh_en(
            format!("离线：{pending} 项更改将在连上服务器后同步。"),
            format!("Offline: {pending} change(s) will sync when the server is reachable."),
        ),
        SyncStatus::Syncing { pushed, pending } => zh_en(
            format!("正在同步：已发送 {pushed} 项，还有 {pending} 项。"),
            format!("Syncing: {pushed} sent, {pending} to go."),
        ),
        SyncStatus::UpToDate { last_synced_at } => {
            let at = local_minute(*last_synced_at, zone);
            zh_en(
                format!("已是最新（上次同步于 {at}）。"),
                format!("Up to date (last synced {at})."),
            )
        }
        SyncStatus::SignInRequired { pending } => zh_en(
            format!("请重新登录以同步；{pending} 项更改会保留到那时。"),
            format!("Sign in again to sync; {pending} change(s) are kept until then."),
        ),
        SyncStatus::Paused { pending } => zh_en(
            format!("同步已暂停：你撤回了同步授权。{pending} 项更改保留在本机。"),
            format!(
                "Sync is paused: you withdrew consent. {pending} change(s) stay on this device."
            ),
        ),
        // The reason is the engine's, in English; the Chinese sentence
        // leaves it out.
        SyncStatus::Error {
            reason, pending, ..
        } => zh_en(
            format!("同步暂时停止，{pending} 项更改已保留，稍后会再试。"),
            format!("Sync stopped: {reason}. {pending} change(s) are kept."),
        ),
    }
}

/// Sync in a few words, for a badge on Today and Settings.
pub fn sync_badge(s: &SyncStatus, language: Language) -> String {
    let zh_en = |zh: String, en: String| language.pick(zh, en);
    match s {
        SyncStatus::SignedOut => zh_en("仅保存在本机".into(), "On this device only".into()),
        SyncStatus::Waiting { pending, .. } => zh_en(
            format!("{pending} 项更改等待同步"),
            format!("{pending} changes waiting to sync"),
        ),
        SyncStatus::Offline { pending } => zh_en(
            format!("离线 · {pending} 项更改稍后同步"),
            format!("Offline · {pending} changes will sync later"),
        ),
        SyncStatus::Syncing { .. } => zh_en("正在同步…".into(), "Syncing…".into()),
        SyncStatus::UpToDate { .. } => zh_en("已同步".into(), "Synced".into()),
        SyncStatus::SignInRequired { .. } => {
            zh_en("请重新登录以同步".into(), "Sign in again to sync".into())
        }
        SyncStatus::Paused { pending } => zh_en(
            format!("同步已关闭 · {pending} 项更改保留在本机"),
            format!("Sync is off · {pending} changes stay on this device"),
        ),
        SyncStatus::Error { pending, .. } => zh_en(
            format!("同步暂停 · 已保留 {pending} 项更改"),
            format!("Sync paused · {pending} changes kept"),
        ),
    }
}

/// What one sync did.
pub fn sync_report(r: &SyncReport, language: Language) -> String {
    let SyncReport {
        pushed,
        pulled,
        rejected,
        skipped,
    } = r;
    let (mut zh, mut en) = (
        format!("已发送 {pushed} 项，已接收 {pulled} 项"),
        format!("Sent {pushed}, received {pulled}"),
    );
    if *rejected > 0 {
        zh.push_str(&format!("，{rejected} 项被服务器拒绝"));
        en.push_str(&format!(", {rejected} refused by the server"));
    }
    if *skipped > 0 {
        zh.push_str(&format!("，{skipped} 项无法读取"));
        en.push_str(&format!(", {skipped} unreadable"));
    }
    language.pick(zh + "。", en + ".")
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
        let mut all = vec![
            sync_status(&SyncStatus::SignedOut, zh, &zone),
            sync_status(&SyncStatus::UpToDate { last_synced_at: at }, zh, &zone),
            sync_status(
                &SyncStatus::Waiting {
                    pending: 3,
                    last_synced_at: Some(at),
                },
                zh,
                &zone,
            ),
            sync_status(
                &SyncStatus::Error {
                    reason: "the server answered HTTP 503".into(),
                    pending: 1,
                    retry_after_secs: None,
                },
                zh,
                &zone,
            ),
            sync_report(
                &SyncReport {
                    pushed: 5,
                    pulled: 5,
                    rejected: 1,
                    skipped: 1,
                },
                zh,
            ),
            sync_badge(&SyncStatus::SignedOut, zh),
            sync_badge(&SyncStatus::Paused { pending: 2 }, zh),
        ];
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
