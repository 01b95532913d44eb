//! What sync says in words, in her language, with times in her zone to the
//! minute: the status, the apps' badge, a sync's report, the recovery code.

use crate::{SyncConflict, SyncReport, SyncStatus};
use cradle_store::clock::local_minute;
use cradle_store::profile::Language;
use jiff::tz::TimeZone;

/// Where sync stands.
pub fn status(s: &SyncStatus, language: Language, zone: &TimeZone) -> String {
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
pub fn badge(s: &SyncStatus, language: Language) -> String {
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
pub fn report(r: &SyncReport, language: Language) -> String {
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

/// Said once, when she signs up: what the recovery code is for.
pub fn new_recovery_code(language: Language) -> &'static str {
    language.pick(
        "已注册并关联。这是你的恢复码（请离线妥善保存）：",
        "Signed up and linked. Your recovery code (keep it safe, offline):",
    )
}

/// Said with the recovery code, every time it is shown.
pub fn recovery_code_use(language: Language) -> &'static str {
    language.pick(
        "只有这个恢复码能在新设备上打开你同步的健康记录。",
        "Only this code can open your synced health records on a new device.",
    )
}

pub fn no_conflicts(language: Language) -> &'static str {
    language.pick("没有冲突的修改。", "No conflicting edits.")
}

/// One field edited on two devices at once: which value stayed, which was
/// replaced, and when, in her zone.
pub fn conflict(c: &SyncConflict, language: Language, zone: &TimeZone) -> String {
    let at = local_minute(c.noted_at, zone);
    let (what, won, lost) = (
        format!("{} {}", c.collection, c.field),
        &c.won_value,
        &c.lost_value,
    );
    language.pick(
        format!("{at}  {what}：两台设备同时修改，保留 {won}，替换了 {lost}"),
        format!("{at}  {what}: {won} replaced {lost} (edited on two devices at once)"),
    )
}

/// Sync's and the account's fields and rules, for a refusal in her language.
pub const REFUSALS: cradle_store::refusal::Refusals = cradle_store::refusal::Refusals {
    fields: &[
        ("account", "the account", "账号"),
        ("login", "the login", "账号名"),
        ("password", "the password", "密码"),
        ("recovery_code", "the recovery code", "恢复码"),
        ("sync", "sync", "同步"),
    ],
    rules: &[
        (
            "this device is already linked to an account; sign out first",
            "这部手机已关联账号，请先退出登录",
        ),
        (
            "this device is linked to another account; sign out first",
            "这部手机关联的是另一个账号，请先退出登录",
        ),
        ("is already taken", "已被使用"),
        (
            "must be 3 to 64 letters, digits, dots, dashes or underscores",
            "应为 3 到 64 个字母、数字、点、横线或下划线",
        ),
        ("must be 10 to 256 characters", "应为 10 到 256 个字符"),
        ("the login or password is not right", "账号名或密码不对"),
        ("does not belong to this account", "不属于这个账号"),
        (
            "is needed to sign in on a new device",
            "在新手机上登录需要它",
        ),
        ("is not a Cradle recovery code", "不是 Cradle 的恢复码"),
        (
            "another sync of this database is still running",
            "另一次同步还在进行",
        ),
        (
            "is too long to sync to your other devices; shorten it",
            "太长了，无法同步到你的其他设备；请缩短",
        ),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    /// Every sentence in Chinese is Chinese, and times are hers to the minute.
    #[test]
    fn the_chinese_sentences_hold_no_english_words() {
        let zone = TimeZone::get("Asia/Shanghai").unwrap();
        let at: Timestamp = "2026-12-02T07:03:20.517Z".parse().unwrap();
        let zh = Language::ZhHans;
        let all = [
            status(&SyncStatus::SignedOut, zh, &zone),
            status(&SyncStatus::UpToDate { last_synced_at: at }, zh, &zone),
            status(
                &SyncStatus::Waiting {
                    pending: 3,
                    last_synced_at: Some(at),
                },
                zh,
                &zone,
            ),
            status(
                &SyncStatus::Error {
                    reason: "the server answered HTTP 503".into(),
                    pending: 1,
                    retry_after_secs: None,
                },
                zh,
                &zone,
            ),
            report(
                &SyncReport {
                    pushed: 5,
                    pulled: 5,
                    rejected: 1,
                    skipped: 1,
                },
                zh,
            ),
            badge(&SyncStatus::SignedOut, zh),
            badge(&SyncStatus::Paused { pending: 2 }, zh),
            new_recovery_code(zh).to_owned(),
            recovery_code_use(zh).to_owned(),
        ];
        for text in &all {
            assert!(
                !text.chars().any(|c| c.is_ascii_alphabetic()),
                "English in a Chinese sentence: {text}"
            );
        }
        // 07:03 UTC is 15:03 in Shanghai.
        assert!(all[1].contains("2026-12-02 15:03"), "{}", all[1]);
        assert!(!all.iter().any(|t| t.contains("07:03") || t.contains(":20")));
    }
}
