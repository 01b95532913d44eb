//! What the timeline says in words, in her language, with times in her zone
//! to the minute.

use crate::HistoryEntry;
use crate::dating::Method;
use cradle_store::clock::local_minute;
use cradle_store::profile::Language;
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// How a due date was worked out, in words.
pub fn method(m: Method, language: Language) -> &'static str {
    match (m, language) {
        (Method::Lmp, Language::ZhHans) => "末次月经",
        (Method::Lmp, Language::En) => "last period",
        (Method::Conception, Language::ZhHans) => "受孕日",
        (Method::Conception, Language::En) => "conception",
        (Method::Ivf, Language::ZhHans) => "试管移植",
        (Method::Ivf, Language::En) => "IVF transfer",
        (Method::Ultrasound, Language::ZhHans) => "B超",
        (Method::Ultrasound, Language::En) => "ultrasound",
        (Method::Edd, Language::ZhHans) => "医生给的预产期",
        (Method::Edd, Language::En) => "due date from the clinic",
    }
}

/// One line of the dating history: when, how, and the due date it gave.
pub fn history_line(h: &HistoryEntry, language: Language, zone: &TimeZone) -> String {
    // Stored as RFC 3339 UTC; shown as her local minute.
    let when = h
        .recorded_at
        .parse::<Timestamp>()
        .map_or_else(|_| h.recorded_at.clone(), |t| local_minute(t, zone));
    let how = method(h.estimate.input.method(), language);
    language.pick(
        format!("{when}  {how}  预产期 {}", h.estimate.edd),
        format!("{when}  {how}  due {}", h.estimate.edd),
    )
}

/// No pregnancy is ongoing, so there is no dating history.
pub fn no_pregnancy(language: Language) -> &'static str {
    language.pick("目前没有进行中的孕期。", "No ongoing pregnancy.")
}

/// Archived records of lost pregnancies were deleted.
pub fn lost_deleted(count: usize, language: Language) -> String {
    language.pick(
        format!("已删除 {count} 条归档的孕期记录。"),
        format!("Deleted {count} archived pregnancy record(s)."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dating::{DatingInput, Estimate};
    use jiff::civil::date;

    #[test]
    fn a_history_line_is_in_her_words_and_her_zone() {
        let zone = TimeZone::get("Asia/Shanghai").unwrap();
        let h = HistoryEntry {
            estimate: Estimate {
                input: DatingInput::Lmp {
                    lmp: date(2026, 9, 1),
                    cycle_days: 28,
                },
                edd: date(2027, 6, 8),
            },
            recorded_at: "2026-12-02T07:03:20Z".into(),
        };
        let zh = history_line(&h, Language::ZhHans, &zone);
        assert!(
            zh.starts_with("2026-12-02 15:03  末次月经  预产期 2027-06-08"),
            "{zh}"
        );
        for text in [
            zh,
            no_pregnancy(Language::ZhHans).to_owned(),
            lost_deleted(2, Language::ZhHans),
        ] {
            assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
        }
        let en = history_line(&h, Language::En, &zone);
        assert_eq!(en, "2026-12-02 15:03  last period  due 2027-06-08");
    }
}
