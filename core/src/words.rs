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
        (Purpose::Sync, Language::ZhHans) => "在我的设备间同步",
        (Purpose::Sync, Language::En) => "Sync between my devices",
        (Purpose::Shop, Language::ZhHans) => "商城下单",
        (Purpose::Shop, Language::En) => "Shop orders",
        (Purpose::Notifications, Language::ZhHans) => "本机提醒通知",
        (Purpose::Notifications, Language::En) => "Reminders on this phone",
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

/// Every crate's fields and rules, the features' before the store's shared
/// ones, so a feature's exact wording wins over a general one.
pub const REFUSALS: [&cradle_store::refusal::Refusals; 7] = [
    &FACADE_REFUSALS,
    &crate::timeline::words::REFUSALS,
    &crate::records::words::REFUSALS,
    &crate::reminders::words::REFUSALS,
    &crate::shop::words::REFUSALS,
    &crate::sync::words::REFUSALS,
    &cradle_store::refusal::REFUSALS,
];

/// The facade's own checks, and the terminal shell's (its flags).
const FACADE_REFUSALS: cradle_store::refusal::Refusals = cradle_store::refusal::Refusals {
    fields: &[
        ("json", "the entry", "条目"),
        ("now", "the time", "时间"),
        ("rule", "the rule", "规则"),
        ("sex", "the baby's sex", "宝宝性别"),
        ("yes", "the confirmation", "确认"),
    ],
    rules: &[
        ("sign in to order", "请先登录再下单"),
        (
            "give it in CRADLE_PASSWORD or on stdin",
            "请在 CRADLE_PASSWORD 或标准输入中提供",
        ),
        ("each is SKU:QTY", "每项写作 商品编号:数量"),
        (
            "deleting all data cannot be undone; pass --yes",
            "删除全部数据无法撤销；请加上 --yes",
        ),
        ("must be 5-1-1 or 3-1-1", "应为 5-1-1 或 3-1-1"),
        ("is not an entry of a kind Cradle keeps", "不是可记录的条目"),
        ("must be female or male", "应为女孩或男孩"),
    ],
};

/// What `NotFound` names, in her language.
const NOT_FOUND: &[(&str, &str, &str)] = &[
    ("account", "the account", "账号"),
    ("address", "the address", "地址"),
    ("baby", "the baby", "宝宝"),
    ("cart line", "the item in the cart", "购物车里的商品"),
    ("checklist item", "the item", "清单项目"),
    (
        "contraction being timed",
        "the contraction being timed",
        "正在计时的宫缩",
    ),
    ("entry", "the entry", "条目"),
    ("kick count", "the kick count", "数胎动记录"),
    ("ongoing pregnancy", "an ongoing pregnancy", "进行中的孕期"),
    ("order", "the order", "订单"),
    ("product", "the product", "商品"),
    (
        "queued order",
        "the order waiting to be sent",
        "待发送的订单",
    ),
    ("record", "the record", "记录"),
    ("reminder", "the reminder", "提醒"),
    (
        "running kick count",
        "a kick count in progress",
        "进行中的数胎动",
    ),
];

/// A refusal or a failure as a screen shows it, in her language: the field
/// and the rule from the catalogue, never a raw key or English to a
/// Chinese-speaking mother, and never a value she typed.
pub fn problem(p: &crate::error::Problem, language: Language) -> String {
    use crate::error::ProblemKind as K;
    let zh = language == Language::ZhHans;
    match p.kind {
        K::InvalidInput => {
            let key = p.field.as_deref().unwrap_or_default();
            let reason = p.detail.as_deref().unwrap_or_default();
            let field = REFUSALS.iter().find_map(|t| t.field(key, language));
            let rule = REFUSALS.iter().find_map(|t| t.rule(reason, language));
            match (field, rule, zh) {
                (Some(f), Some(r), true) => format!("请检查{f}：{r}。"),
                (Some(f), None, true) => format!("请检查{f}。"),
                (None, _, true) => "请检查填写的内容。".into(),
                (f, _, false) => format!(
                    "Please check {}: {reason}.",
                    f.unwrap_or("what you entered")
                ),
            }
        }
        K::NotFound => {
            let what = p.detail.as_deref().unwrap_or_default();
            match NOT_FOUND.iter().find(|(k, ..)| *k == what) {
                Some((_, en, zh_name)) => language.pick(
                    format!("没有找到{zh_name}，可能已被删除。"),
                    format!("Could not find {en}; it may have been deleted."),
                ),
                None => language
                    .pick(
                        "没有找到，可能已被删除。",
                        "Not found; it may have been deleted.",
                    )
                    .into(),
            }
        }
        K::Storage => language
            .pick(
                "无法读取本机数据",
                "Could not read your data on this device",
            )
            .into(),
        K::Network => language
            .pick(
                "网络未连接，更改已保留。",
                "No connection. Your changes are kept.",
            )
            .into(),
        K::Server => language
            .pick(
                "服务繁忙，请稍后再试。",
                "The service is busy. Try again shortly.",
            )
            .into(),
        K::WrongKey => language
            .pick(
                "此设备无法解锁你的数据",
                "This device cannot unlock your data",
            )
            .into(),
        K::SignInRequired => language.pick("请先登录", "Sign in to continue").into(),
        K::ConsentRequired => {
            let name = p.purpose.map(|x| purpose(x, language)).unwrap_or_default();
            language.pick(
                format!("需要你的授权：{name}。可在设置中开启。"),
                format!("This needs your consent: {name}. You can turn it on in Settings."),
            )
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
