//! Why an input was refused, in her language.
//!
//! `Error::Invalid` carries the field's key and the rule in English: the
//! English is what logs, tests and `--json` read. Each crate lists the
//! fields it checks and its rules with their Chinese wording in one
//! [`Refusals`] table beside its other words, and the facade words a
//! refusal from those tables, so a Chinese-speaking mother never reads
//! `请检查 qty：must be at most 99`.

use crate::profile::Language;

/// One crate's fields and rules, each in both languages.
pub struct Refusals {
    /// `(key, English name, Chinese name)` of each field it checks.
    pub fields: &'static [(&'static str, &'static str, &'static str)],
    /// `(English rule, Chinese rule)`. `{}` stands for a number, a date or
    /// a unit the rule names; the Chinese uses them in the same order.
    pub rules: &'static [(&'static str, &'static str)],
}

impl Refusals {
    /// The field's name in her language, if this crate checks it.
    pub fn field(&self, key: &str, language: Language) -> Option<&'static str> {
        let (_, en, zh) = self.fields.iter().find(|(k, ..)| *k == key)?;
        Some(language.pick(zh, en))
    }

    /// The rule the English `reason` states, in her language, with the
    /// values it names carried over; `None` if this crate has no such rule.
    pub fn rule(&self, reason: &str, language: Language) -> Option<String> {
        self.rules.iter().find_map(|(en, zh)| {
            let values = matching(en, reason)?;
            Some(match language {
                Language::En => reason.to_owned(),
                Language::ZhHans => filled(zh, &values),
            })
        })
    }
}

/// The values a rendered rule put in the template's `{}`s, if it is one.
fn matching<'r>(template: &str, rendered: &'r str) -> Option<Vec<&'r str>> {
    let mut pieces = template.split("{}");
    let first = pieces.next().unwrap_or_default();
    let mut rest = rendered.strip_prefix(first)?;
    let mut values = Vec::new();
    let pieces: Vec<&str> = pieces.collect();
    for (i, piece) in pieces.iter().enumerate() {
        // A value is never empty; the last one runs to the end.
        let end = if i + 1 == pieces.len() && piece.is_empty() {
            rest.len()
        } else {
            1 + rest.get(1..)?.find(piece)?
        };
        values.push(&rest[..end]);
        rest = &rest[end + piece.len()..];
    }
    (rest.is_empty() && values.iter().all(|v| !v.is_empty())).then_some(values)
}

fn filled(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut pieces = template.split("{}").peekable();
    while let Some(piece) = pieces.next() {
        out.push_str(piece);
        if pieces.peek().is_some() {
            out.push_str(values.next().copied().unwrap_or_default());
        }
    }
    out
}

/// The store's own checks (settings, links and keys), and the fields and
/// rules several features share. Features are asked first, so a rule of
/// theirs can be more exact than one here.
pub const REFUSALS: Refusals = Refusals {
    fields: &[
        ("baby", "the baby", "宝宝"),
        ("birth_date", "the birth date", "出生日期"),
        ("count", "the number", "数量"),
        ("date", "the date", "日期"),
        ("display_name", "your name", "昵称"),
        ("dose", "the dose", "剂次"),
        ("epoch_ms", "the date chosen", "所选日期"),
        ("from", "the first day", "开始日期"),
        ("key", "the database key", "数据库密钥"),
        ("kind", "the kind", "类型"),
        ("link", "the link", "链接"),
        ("locale", "the language", "语言"),
        ("minutes", "the minutes", "分钟数"),
        ("name", "the name", "名称"),
        ("purpose", "the purpose", "授权用途"),
        ("text", "the text", "内容"),
        ("time_zone", "the time zone", "时区"),
        ("to", "the last day", "结束日期"),
    ],
    rules: &[
        ("is not a Cradle link", "不是 Cradle 的链接"),
        ("is out of range", "超出了可用范围"),
        ("must be 64 hexadecimal digits", "应为 64 位十六进制数字"),
        (
            "must be a BCP 47 language tag such as zh-Hans-CN or en-GB",
            "应为语言代码，例如 zh-Hans-CN",
        ),
        (
            "must be an IANA time zone name such as Asia/Shanghai",
            "应为时区名称，例如 Asia/Shanghai",
        ),
        ("must be exactly 32 bytes", "应为 32 字节"),
        (
            "must be sync, shop or notifications",
            "应为同步、商城或提醒通知之一",
        ),
        ("must not contain control characters", "不能包含控制字符"),
        // Shared by several features; the exact ones come first.
        ("must be at most {} characters", "最多 {} 个字"),
        ("must be at most {}", "不能超过 {}"),
        ("must be at least {}", "至少为 {}"),
        ("must be between {} and {}", "应在 {} 到 {} 之间"),
        ("must not be in the future", "不能晚于现在"),
        ("must be in the future", "应晚于现在"),
        ("must not be empty", "不能为空"),
        ("is empty", "是空的"),
        ("is too large", "太大了"),
        ("is already recorded", "已经记录过了"),
        (
            "is not one of the babies of the latest birth",
            "不是最近一次分娩的宝宝",
        ),
        ("record the birth first", "请先记录宝宝出生"),
        (
            "is outside the supported calendar range",
            "超出了支持的日期范围",
        ),
        ("is outside the supported calendar", "超出了支持的日期范围"),
        ("is outside the supported range", "超出了支持的范围"),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const T: Refusals = Refusals {
        fields: &[("qty", "the quantity", "数量")],
        rules: &[
            ("must be between {} and {} {}", "应在 {} 到 {} {} 之间"),
            ("must be at most {}", "不能超过 {}"),
            ("is empty", "是空的"),
        ],
    };

    #[test]
    fn a_rule_is_worded_with_its_values() {
        let zh = Language::ZhHans;
        assert_eq!(
            T.rule("must be between 30 and 200 kg", zh).as_deref(),
            Some("应在 30 到 200 kg 之间")
        );
        assert_eq!(
            T.rule("must be at most 99", zh).as_deref(),
            Some("不能超过 99")
        );
        assert_eq!(T.rule("is empty", zh).as_deref(), Some("是空的"));
        assert_eq!(
            T.rule("is empty", Language::En).as_deref(),
            Some("is empty")
        );
        assert_eq!(T.field("qty", zh), Some("数量"));
    }

    #[test]
    fn an_unknown_rule_or_field_is_none() {
        let zh = Language::ZhHans;
        for reason in [
            "is empty!",
            "must be at most ",
            "must be between 1 and 2",
            "",
        ] {
            assert_eq!(T.rule(reason, zh), None, "{reason:?}");
        }
        assert_eq!(T.field("sku", zh), None);
    }

    proptest! {
        #[test]
        fn any_values_come_back_in_order(a in 0i64..100_000, b in -500i64..500, unit in "[a-zA-Z/]{1,6}") {
            let rendered = format!("must be between {a} and {b} {unit}");
            prop_assert_eq!(
                T.rule(&rendered, Language::ZhHans),
                Some(format!("应在 {a} 到 {b} {unit} 之间"))
            );
        }
    }
}
