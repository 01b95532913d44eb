//! The journey: every page of the week-by-week pregnancy content, or of the
//! month-by-month baby content, dated for her and marked past, now or ahead.
//! "Now" is always the page the Today screen shows on the same date.

use super::baby::Birth;
use super::content::{self, FIRST_WEEK, LAST_WEEK, MonthContent, WeekContent};
use super::gestation::{GestationalAge, add_days, start_of_pregnancy};
use cradle_store::error::Result;
use cradle_store::profile::Language;
use jiff::civil::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum When {
    Past,
    Now,
    Ahead,
}

/// In `--json`, a step holds `"week": {…}` or `"month": {"from", "to", …}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    Week(WeekContent),
    /// Completed months `from..=to` share one text.
    #[serde(rename = "month")]
    Months {
        from: u32,
        to: u32,
        #[serde(flatten)]
        content: MonthContent,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Step {
    /// "Week 28" / "孕28周", "Months 13–15" / "13–15月龄".
    pub title: String,
    /// Her local dates this page covers, both included.
    pub starts: Date,
    pub ends: Date,
    pub when: When,
    #[serde(flatten)]
    pub page: Page,
}

/// The journey on one date, with the stage it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journey {
    pub stage: super::Stage,
    /// Empty while trying to conceive or before a profile exists.
    pub steps: Vec<Step>,
}

impl Journey {
    /// The page Today shows, for the shell to scroll to.
    pub fn now(&self) -> Option<usize> {
        self.steps.iter().position(|s| s.when == When::Now)
    }
}

/// Week pages of a pregnancy due on `edd`.
pub fn pregnancy(edd: Date, today: Date, language: Language) -> Result<Vec<Step>> {
    let lmp = start_of_pregnancy(edd)?;
    let now = GestationalAge::on(today, edd).weeks();
    (FIRST_WEEK..=LAST_WEEK)
        .filter_map(|week| content::week(language, week))
        .map(|c| {
            let starts = add_days(lmp, c.week * 7)?;
            Ok(Step {
                title: content::journey_label(language, "week").replace("{n}", &c.week.to_string()),
                starts,
                ends: add_days(starts, 6)?,
                when: when(c.week.cmp(&now)),
                page: Page::Week(c),
            })
        })
        .collect()
}

/// Month pages of a baby: by corrected age while it applies, exactly as Today.
pub fn baby(birth: Birth, today: Date, language: Language) -> Result<Vec<Step>> {
    let now = month_index(birth, today);
    let ranges: Vec<(u32, u32)> = content::month_ranges().collect();
    let starts = ranges
        .iter()
        .map(|&(from, _)| first_day_at(birth, from))
        .collect::<Result<Vec<_>>>()?;
    ranges
        .iter()
        .enumerate()
        .filter_map(|(i, &(from, to))| {
            let content = content::month(language, from)?;
            Some((i, from, to, content))
        })
        .map(|(i, from, to, content)| {
            let ends = match starts.get(i + 1) {
                Some(&next) => add_days(next, -1)?,
                None => add_days(first_day_at(birth, to + 1)?, -1)?,
            };
            Ok(Step {
                title: title(language, from, to),
                starts: starts[i],
                ends,
                when: if now > to {
                    When::Past
                } else if now >= from {
                    When::Now
                } else {
                    When::Ahead
                },
                page: Page::Months { from, to, content },
            })
        })
        .collect()
}

fn title(language: Language, from: u32, to: u32) -> String {
    match (from, to) {
        (0, 0) => content::journey_label(language, "newborn").to_owned(),
        (m, n) if m == n => {
            content::journey_label(language, "month").replace("{n}", &m.to_string())
        }
        (m, n) => content::journey_label(language, "months")
            .replace("{from}", &m.to_string())
            .replace("{to}", &n.to_string()),
    }
}

fn when(order: std::cmp::Ordering) -> When {
    match order {
        std::cmp::Ordering::Less => When::Past,
        std::cmp::Ordering::Equal => When::Now,
        std::cmp::Ordering::Greater => When::Ahead,
    }
}

/// The month whose content Today shows on `date` (0 before the birth).
fn month_index(birth: Birth, date: Date) -> u32 {
    birth
        .age_on(date)
        .map_or(0, |a| a.corrected_months.unwrap_or(a.months))
}

/// The first day on which [`month_index`] reaches `month`. The index never
/// goes down (corrected age hands over to chronological age upwards), so a
/// binary search over days finds it.
fn first_day_at(birth: Birth, month: u32) -> Result<Date> {
    // Month 37 is reached within 37 months plus the most a birth can be early.
    let (mut lo, mut hi) = (0_i64, 38 * 31 + 20 * 7);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if month_index(birth, add_days(birth.date, mid)?) >= month {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    add_days(birth.date, lo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::baby::BABY_CONTENT_MONTHS;
    use proptest::prelude::*;

    fn date(offset: i64) -> Date {
        add_days(jiff::civil::date(2024, 1, 1), offset).unwrap()
    }

    fn contains(step: &Step, day: Date) -> bool {
        step.starts <= day && day <= step.ends
    }

    #[test]
    fn week_28_is_now_and_its_dates_follow_the_edd() {
        let edd = jiff::civil::date(2027, 3, 1);
        let today = add_days(edd, -12 * 7).unwrap(); // 28w0d
        let steps = pregnancy(edd, today, Language::En).unwrap();
        assert_eq!(steps.len() as i64, LAST_WEEK - FIRST_WEEK + 1);
        let now: Vec<_> = steps.iter().filter(|s| s.when == When::Now).collect();
        assert_eq!(now.len(), 1);
        assert_eq!(now[0].title, "Week 28");
        assert_eq!(
            (now[0].starts, now[0].ends),
            (today, add_days(today, 6).unwrap())
        );
        assert_eq!(steps[0].when, When::Past);
        let zh = pregnancy(edd, today, Language::ZhHans).unwrap();
        assert_eq!(zh[24].title, "孕28周");
    }

    #[test]
    fn baby_pages_cover_36_months_without_gaps() {
        let birth = Birth {
            date: jiff::civil::date(2027, 1, 31),
            ga_at_birth: GestationalAge::new(39, 0),
            count: 1,
        };
        let steps = baby(birth, birth.date, Language::En).unwrap();
        assert_eq!(steps[0].title, "Newborn");
        assert_eq!(steps[0].when, When::Now);
        assert_eq!(steps[0].starts, birth.date);
        assert_eq!(
            steps[1].starts,
            jiff::civil::date(2027, 2, 28),
            "month-end birth"
        );
        assert_eq!(steps[13].title, "Months 13–15");
        for pair in steps.windows(2) {
            assert_eq!(add_days(pair[0].ends, 1).unwrap(), pair[1].starts);
        }
        let last = steps.last().unwrap();
        assert_eq!(month_index(birth, last.ends), BABY_CONTENT_MONTHS);
        assert_eq!(
            month_index(birth, add_days(last.ends, 1).unwrap()),
            BABY_CONTENT_MONTHS + 1
        );
    }

    #[test]
    fn both_languages_share_the_month_ranges() {
        for (from, to) in content::month_ranges() {
            let en = content::month(Language::En, from).unwrap();
            let zh = content::month(Language::ZhHans, to).unwrap();
            assert_eq!((en.month, zh.month), (from, to));
            assert_eq!(
                content::month(Language::ZhHans, from).unwrap().highlight,
                zh.highlight
            );
        }
    }

    proptest! {
        /// Whatever the EDD and the day, the page marked now is the one
        /// containing today and is Today's week.
        #[test]
        fn pregnancy_now_is_todays_week(edd in 0_i64..3000, before in -14_i64..300) {
            let edd = date(edd);
            let today = add_days(edd, -before).unwrap();
            let steps = pregnancy(edd, today, Language::En).unwrap();
            let week = GestationalAge::on(today, edd).weeks();
            let now: Vec<_> = steps.iter().filter(|s| s.when == When::Now).collect();
            if (FIRST_WEEK..=LAST_WEEK).contains(&week) {
                prop_assert_eq!(now.len(), 1);
                prop_assert!(contains(now[0], today));
                prop_assert_eq!(&now[0].page, &Page::Week(content::week(Language::En, week).unwrap()));
            } else {
                prop_assert!(now.is_empty());
            }
            for s in &steps {
                prop_assert_eq!(s.when == When::Past, s.ends < today);
            }
        }

        /// For any birth (term or preterm) and any day of the first three
        /// years, exactly one page is now, it contains the day, and it holds
        /// the content Today shows.
        #[test]
        fn baby_now_contains_today_and_matches_today(
            born in 0_i64..2000,
            ga_days in (24 * 7_i64)..(42 * 7),
            age in 0_i64..(36 * 30),
        ) {
            let birth = Birth { date: date(born), ga_at_birth: GestationalAge::from_days(ga_days), count: 1 };
            let today = add_days(birth.date, age).unwrap();
            let steps = baby(birth, today, Language::ZhHans).unwrap();
            let now: Vec<_> = steps.iter().filter(|s| s.when == When::Now).collect();
            prop_assert_eq!(now.len(), 1);
            prop_assert!(contains(now[0], today), "{:?} not in {}..{}", today, now[0].starts, now[0].ends);
            let shown = content::month(Language::ZhHans, month_index(birth, today)).unwrap();
            let Page::Months { content, .. } = &now[0].page else { panic!("a month page") };
            prop_assert_eq!(&content.highlight, &shown.highlight);
            for pair in steps.windows(2) {
                prop_assert_eq!(add_days(pair[0].ends, 1).unwrap(), pair[1].starts);
            }
        }
    }
}
