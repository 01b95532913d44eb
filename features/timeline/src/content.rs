//! Week-by-week pregnancy content and month-by-month baby content, embedded
//! as one file per locale (zh-Hans, en); other locales read English.

use crate::schedules::PrenatalSchedule;
use cradle_store::embedded;
use cradle_store::profile::Language;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

pub const FIRST_WEEK: i64 = 4;
pub const LAST_WEEK: i64 = 42;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WeekContent {
    /// Completed weeks: week N covers Nw0d to Nw6d.
    pub week: i64,
    pub length_mm: u32,
    /// `embryo`, `crown_rump` or `crown_heel`: how the length is measured.
    pub length_kind: String,
    /// Not given before week 10 or after week 40.
    pub weight_g: Option<u32>,
    pub size_comparison: String,
    pub baby: String,
    pub mother: String,
    pub tip: String,
    /// Checkups and tests whose windows touch this week, localized.
    pub checkups: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MonthContent {
    pub month: u32,
    pub highlight: String,
    pub tip: String,
}

#[derive(Deserialize)]
struct Sizes {
    weeks: Vec<Size>,
}

#[derive(Deserialize)]
struct Size {
    week: i64,
    length_mm: u32,
    length_kind: String,
    weight_g: Option<u32>,
}

#[derive(Deserialize)]
struct Texts {
    weeks: BTreeMap<i64, WeekText>,
    months: Vec<MonthText>,
    checkups: BTreeMap<String, String>,
    vaccines: BTreeMap<String, String>,
    notifications: BTreeMap<String, String>,
    symptoms: BTreeMap<String, String>,
    /// Labels of the clinic-visit summary.
    clinic: BTreeMap<String, String>,
    /// Titles of the journey's pages.
    journey: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct WeekText {
    size_comparison: String,
    baby: String,
    mother: String,
    tip: String,
}

#[derive(Deserialize)]
struct MonthText {
    from: u32,
    to: u32,
    highlight: String,
    tip: String,
}

fn sizes() -> &'static Sizes {
    static S: OnceLock<Sizes> = OnceLock::new();
    embedded(&S, include_str!("../content/fetal-size.json"))
}

fn texts(language: Language) -> &'static Texts {
    static EN: OnceLock<Texts> = OnceLock::new();
    static ZH: OnceLock<Texts> = OnceLock::new();
    let (cell, raw) = match language {
        Language::En => (&EN, include_str!("../content/en.json")),
        Language::ZhHans => (&ZH, include_str!("../content/zh-Hans.json")),
    };
    embedded(cell, raw)
}

/// This week's content, for weeks 4 to 42.
pub fn week(language: Language, week: i64) -> Option<WeekContent> {
    let size = sizes().weeks.iter().find(|s| s.week == week)?;
    let texts = texts(language);
    let text = texts.weeks.get(&week)?;
    let checkups = PrenatalSchedule::cma_2018()
        .items_in_week(week)
        .filter_map(|item| texts.checkups.get(&item.id).cloned())
        .collect();
    Some(WeekContent {
        week,
        length_mm: size.length_mm,
        length_kind: size.length_kind.clone(),
        weight_g: size.weight_g,
        size_comparison: text.size_comparison.clone(),
        baby: text.baby.clone(),
        mother: text.mother.clone(),
        tip: text.tip.clone(),
        checkups,
    })
}

/// The name of a visit or test from a prenatal schedule.
pub fn checkup_label(language: Language, id: &str) -> Option<&'static str> {
    texts(language).checkups.get(id).map(String::as_str)
}

/// A vaccine's name, by its schedule code.
pub fn vaccine_name(language: Language, code: &str) -> Option<&'static str> {
    texts(language).vaccines.get(code).map(String::as_str)
}

/// A symptom's label, by its code.
pub fn symptom_label(language: Language, code: &str) -> &'static str {
    texts(language)
        .symptoms
        .get(code)
        .map_or("", String::as_str)
}

/// A label of the clinic-visit summary; `{name}` placeholders are filled by the caller.
pub fn clinic_label(language: Language, key: &str) -> &'static str {
    texts(language).clinic.get(key).map_or("", String::as_str)
}

/// A journey page title template; `{n}`, `{from}` and `{to}` are filled by the caller.
pub fn journey_label(language: Language, key: &str) -> &'static str {
    texts(language).journey.get(key).map_or("", String::as_str)
}

/// A notification text template; `{name}` placeholders are filled by the caller.
pub fn notification_text(language: Language, key: &str) -> &'static str {
    texts(language)
        .notifications
        .get(key)
        .map_or("", String::as_str)
}

/// The completed-month ranges that share one text, in order: the journey's
/// baby pages.
pub fn month_ranges() -> impl Iterator<Item = (u32, u32)> {
    texts(Language::En).months.iter().map(|m| (m.from, m.to))
}

/// Content for a baby of `month` completed months, 0 to 36.
pub fn month(language: Language, month: u32) -> Option<MonthContent> {
    texts(language)
        .months
        .iter()
        .find(|m| (m.from..=m.to).contains(&month))
        .map(|m| MonthContent {
            month,
            highlight: m.highlight.clone(),
            tip: m.tip.clone(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::baby::BABY_CONTENT_MONTHS;

    const LANGUAGES: [Language; 2] = [Language::En, Language::ZhHans];

    #[test]
    fn every_week_and_month_has_content_in_both_languages() {
        for language in LANGUAGES {
            for w in FIRST_WEEK..=LAST_WEEK {
                let c = week(language, w).unwrap_or_else(|| panic!("{language:?} week {w}"));
                assert!(!c.baby.is_empty() && !c.mother.is_empty() && !c.tip.is_empty());
                assert!(c.length_mm > 0);
            }
            assert!(week(language, FIRST_WEEK - 1).is_none());
            assert!(week(language, LAST_WEEK + 1).is_none());
            for m in 0..=BABY_CONTENT_MONTHS {
                assert!(month(language, m).is_some(), "{language:?} month {m}");
            }
            assert!(month(language, BABY_CONTENT_MONTHS + 1).is_none());
        }
    }

    #[test]
    fn every_schedule_item_has_a_label_in_both_languages() {
        let vaccines = &crate::schedules::VaccineSchedule::cn_nip().vaccines;
        for language in LANGUAGES {
            for s in [PrenatalSchedule::cma_2018(), PrenatalSchedule::who_2016()] {
                for item in s.visits.iter().chain(&s.tests) {
                    assert!(
                        checkup_label(language, &item.id).is_some(),
                        "{language:?} {}",
                        item.id
                    );
                }
            }
            for v in vaccines {
                assert!(
                    vaccine_name(language, &v.code).is_some(),
                    "{language:?} {}",
                    v.code
                );
            }
            for key in [
                "checkup_title",
                "vaccine_title",
                "vaccine_body",
                "custom_body",
            ] {
                assert!(
                    !notification_text(language, key).is_empty(),
                    "{language:?} {key}"
                );
            }
        }
    }

    #[test]
    fn wording_never_says_patient_or_claims_to_treat_or_prevent() {
        // China's Advertising Law forbids treatment claims in commercial copy,
        // and Cradle addresses a mother, never a patient.
        let zh = include_str!("../content/zh-Hans.json");
        for word in ["患者", "病人", "治疗", "预防"] {
            assert!(!zh.contains(word), "zh-Hans content contains {word}");
        }
        let en = include_str!("../content/en.json").to_lowercase();
        for word in en.split(|c: char| !c.is_alphabetic()) {
            let banned = ["patient", "treat", "prevent", "cure"]
                .iter()
                .any(|stem| word.starts_with(stem));
            assert!(!banned, "en content contains {word}");
        }
    }

    #[test]
    fn week_24_lists_its_checkups_and_hadlock_weight() {
        let c = week(Language::En, 24).unwrap();
        assert_eq!(c.weight_g, Some(670));
        assert!(c.checkups.iter().any(|s| s.contains("OGTT")));
        assert!(c.checkups.iter().any(|s| s.contains("Anomaly")));
        let zh = week(Language::ZhHans, 24).unwrap();
        assert!(zh.checkups.iter().any(|s| s.contains("糖耐量")));
    }
}
