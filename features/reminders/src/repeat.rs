//! The recurrence picker's answers ("every 2 weeks on Monday and Thursday,
//! 10 times") turned into an RFC 5545 RRULE, and said back in her language.
//! The shells only collect the choices; the rule text is built here, with
//! so every platform writes the same rules.

use super::custom::Recurrence;
use super::rule::{ByDay, End, Freq, Rule};
use cradle_store::error::{Error, Result};
use cradle_store::profile::Language;
/// The picker's day buttons; re-exported so shells' bindings need no jiff.
pub use jiff::civil::Weekday;
use jiff::civil::{Date, DateTime, Time};

pub const MAX_INTERVAL: u16 = 99;
pub const MAX_COUNT: u32 = 999;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    Never,
    After(u32),
    /// The last day an occurrence may fall on, included.
    On(Date),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub every: Every,
    /// Every `interval` days, weeks, months or years: 1 to 99.
    pub interval: u16,
    /// Weekly only; empty means the weekday of the first occurrence.
    pub weekdays: Vec<Weekday>,
    pub ends: Ends,
}

impl Repeat {
    /// The RRULE for a reminder starting on `first_day` at `time`; a
    /// refusal names the picker's field.
    pub fn rule(&self, first_day: Date, time: Time) -> Result<String> {
        if !(1..=MAX_INTERVAL).contains(&self.interval) {
            return Err(Error::invalid("interval", "must be from 1 to 99"));
        }
        if self.every != Every::Week && !self.weekdays.is_empty() {
            return Err(Error::invalid("weekdays", "only apply to weekly repeats"));
        }
        let freq = match self.every {
            Every::Day => Freq::Daily,
            Every::Week => Freq::Weekly,
            Every::Month => Freq::Monthly,
            Every::Year => Freq::Yearly,
        };
        let mut rule = Rule::every(freq, u32::from(self.interval));
        rule.by_day = self
            .sorted_weekdays()
            .into_iter()
            .map(|d| ByDay {
                nth: None,
                weekday: chrono_weekday(d),
            })
            .collect();
        rule.end = match self.ends {
            Ends::Never => End::Never,
            Ends::After(n) if (1..=MAX_COUNT).contains(&n) => End::Count(n),
            Ends::After(_) => return Err(Error::invalid("count", "must be from 1 to 999")),
            Ends::On(day) if day < first_day => {
                return Err(Error::invalid("until", "must not be before the first day"));
            }
            Ends::On(day) => {
                // Floating time, as the reminder's other occurrences (see
                // custom.rs). The whole last day counts.
                let last = chrono::NaiveDate::from_ymd_opt(
                    i32::from(day.year()),
                    day.month() as u32,
                    day.day() as u32,
                )
                .and_then(|d| d.and_hms_opt(23, 59, 59))
                .ok_or_else(|| Error::invalid("until", "is outside the supported calendar"))?;
                End::Until(last)
            }
        };
        let text = rule.to_string();
        // The same validation as a rule typed by hand.
        Recurrence::new(&text, first_day, time)?;
        Ok(text)
    }

    /// "Every 2 weeks on Mon, Thu · 10 times" / "每2周的周一、周四 · 共10次".
    pub fn summary(&self, language: Language) -> String {
        let zh = language == Language::ZhHans;
        let n = self.interval;
        let mut text = match (zh, self.every, n) {
            (false, Every::Day, 1) => "Every day".to_owned(),
            (false, Every::Week, 1) => "Every week".to_owned(),
            (false, Every::Month, 1) => "Every month".to_owned(),
            (false, Every::Year, 1) => "Every year".to_owned(),
            (false, Every::Day, _) => format!("Every {n} days"),
            (false, Every::Week, _) => format!("Every {n} weeks"),
            (false, Every::Month, _) => format!("Every {n} months"),
            (false, Every::Year, _) => format!("Every {n} years"),
            (true, Every::Day, 1) => "每天".to_owned(),
            (true, Every::Week, 1) => "每周".to_owned(),
            (true, Every::Month, 1) => "每月".to_owned(),
            (true, Every::Year, 1) => "每年".to_owned(),
            (true, Every::Day, _) => format!("每{n}天"),
            (true, Every::Week, _) => format!("每{n}周"),
            (true, Every::Month, _) => format!("每{n}个月"),
            (true, Every::Year, _) => format!("每{n}年"),
        };
        if !self.weekdays.is_empty() {
            let days: Vec<&str> = self
                .sorted_weekdays()
                .into_iter()
                .map(|d| weekday_name(language, d))
                .collect();
            if zh {
                text = format!("{text}的{}", days.join("、"));
            } else {
                text = format!("{text} on {}", days.join(", "));
            }
        }
        match (zh, self.ends) {
            (_, Ends::Never) => text,
            (false, Ends::After(1)) => format!("{text} · once"),
            (false, Ends::After(c)) => format!("{text} · {c} times"),
            (false, Ends::On(d)) => format!("{text} · until {d}"),
            (true, Ends::After(c)) => format!("{text} · 共{c}次"),
            (true, Ends::On(d)) => format!("{text} · 至{d}"),
        }
    }

    /// Monday first, each day once.
    fn sorted_weekdays(&self) -> Vec<Weekday> {
        let mut days = self.weekdays.clone();
        days.sort_by_key(|d| d.to_monday_zero_offset());
        days.dedup();
        days
    }
}

/// What the add-reminder screen shows before she saves: the rule to save,
/// the sentence, and when the next ones will ring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub rrule: String,
    pub summary: String,
    /// Local date-times of the next occurrences, at most [`DRAFT_PREVIEW`].
    pub next: Vec<DateTime>,
}

pub const DRAFT_PREVIEW: usize = 3;

impl Draft {
    /// The next occurrences as local `YYYY-MM-DDTHH:MM`.
    pub fn next_local(&self) -> Vec<String> {
        self.next
            .iter()
            .map(|t| t.strftime("%Y-%m-%dT%H:%M").to_string())
            .collect()
    }
}

/// Checks every field as saving would, from `today` (the first day) and `now`.
pub fn draft(
    title: &str,
    repeat: &Repeat,
    time: &str,
    now: DateTime,
    language: Language,
) -> Result<Draft> {
    super::validate_title(title)?;
    let time = super::custom::parse_time("time", time)?;
    let today = now.date();
    let rrule = repeat.rule(today, time)?;
    let horizon = today
        .checked_add(jiff::ToSpan::years(5))
        .map_err(|_| Error::invalid("time", "is outside the supported calendar"))?;
    let next = Recurrence::new(&rrule, today, time)?
        .between(now, horizon.at(23, 59, 0, 0))
        .take(DRAFT_PREVIEW)
        .collect();
    Ok(Draft {
        rrule,
        summary: repeat.summary(language),
        next,
    })
}

/// A weekday's short name, for the picker's day buttons and the summary.
pub fn weekday_name(language: Language, day: Weekday) -> &'static str {
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    let i = day.to_monday_zero_offset() as usize;
    match language {
        Language::En => EN[i],
        Language::ZhHans => ZH[i],
    }
}

fn chrono_weekday(day: Weekday) -> chrono::Weekday {
    match day {
        Weekday::Monday => chrono::Weekday::Mon,
        Weekday::Tuesday => chrono::Weekday::Tue,
        Weekday::Wednesday => chrono::Weekday::Wed,
        Weekday::Thursday => chrono::Weekday::Thu,
        Weekday::Friday => chrono::Weekday::Fri,
        Weekday::Saturday => chrono::Weekday::Sat,
        Weekday::Sunday => chrono::Weekday::Sun,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::ToSpan;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn nine() -> Time {
        Time::new(9, 0, 0, 0).unwrap()
    }

    fn weekly(days: &[Weekday], ends: Ends) -> Repeat {
        Repeat {
            every: Every::Week,
            interval: 2,
            weekdays: days.to_vec(),
            ends,
        }
    }

    #[test]
    fn the_pickers_choices_become_one_rrule_and_one_sentence() {
        let r = weekly(
            &[Weekday::Thursday, Weekday::Monday, Weekday::Monday],
            Ends::After(10),
        );
        assert_eq!(
            r.rule(date(2026, 11, 24), nine()).unwrap(),
            "FREQ=WEEKLY;COUNT=10;INTERVAL=2;BYDAY=MO,TH"
        );
        assert_eq!(
            r.summary(Language::En),
            "Every 2 weeks on Mon, Thu · 10 times"
        );
        assert_eq!(r.summary(Language::ZhHans), "每2周的周一、周四 · 共10次");
        let daily = Repeat {
            every: Every::Day,
            interval: 1,
            weekdays: vec![],
            ends: Ends::On(date(2027, 2, 28)),
        };
        assert_eq!(
            daily.rule(date(2026, 11, 24), nine()).unwrap(),
            "FREQ=DAILY;UNTIL=20270228T235959Z"
        );
        assert_eq!(daily.summary(Language::ZhHans), "每天 · 至2027-02-28");
    }

    #[test]
    fn each_refusal_names_the_pickers_field() {
        let field = |r: Repeat| match r.rule(date(2026, 11, 24), nine()) {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        let mut r = weekly(&[], Ends::Never);
        r.interval = 0;
        assert_eq!(field(r.clone()), "interval");
        r.interval = 100;
        assert_eq!(field(r), "interval");
        assert_eq!(field(weekly(&[], Ends::After(0))), "count");
        assert_eq!(field(weekly(&[], Ends::On(date(2026, 11, 23)))), "until");
        let monthly_on_days = Repeat {
            every: Every::Month,
            interval: 1,
            weekdays: vec![Weekday::Monday],
            ends: Ends::Never,
        };
        assert_eq!(field(monthly_on_days), "weekdays");
    }

    fn every() -> impl Strategy<Value = Every> {
        prop_oneof![
            Just(Every::Day),
            Just(Every::Week),
            Just(Every::Month),
            Just(Every::Year)
        ]
    }

    fn weekday() -> impl Strategy<Value = Weekday> {
        (0_i8..7).prop_map(|i| Weekday::from_monday_zero_offset(i).unwrap())
    }

    proptest! {
        /// Any valid choice gives a rule whose occurrences keep to it: on the
        /// chosen weekdays, at most `count` of them, none after the last day,
        /// and never before the first day.
        #[test]
        fn occurrences_keep_to_the_choices(
            every in every(),
            interval in 1_u16..=12,
            days in proptest::collection::vec(weekday(), 0..4),
            first in 0_i64..1500,
            ends in prop_oneof![
                Just(None),
                (1_u32..20).prop_map(|c| Some(Ok(c))),
                (0_i64..400).prop_map(|d| Some(Err(d))),
            ],
        ) {
            let first_day = date(2024, 1, 1).checked_add(first.days()).unwrap();
            let days = if every == Every::Week { days } else { vec![] };
            let ends = match ends {
                None => Ends::Never,
                Some(Ok(c)) => Ends::After(c),
                Some(Err(d)) => Ends::On(first_day.checked_add(d.days()).unwrap()),
            };
            let r = Repeat { every, interval, weekdays: days.clone(), ends };
            let rule = r.rule(first_day, nine()).unwrap();
            let got: Vec<_> = Recurrence::new(&rule, first_day, nine())
                .unwrap()
                .between(first_day.at(0, 0, 0, 0), date(2030, 12, 31).at(23, 59, 0, 0))
                .take(50)
                .collect();
            prop_assert!(!got.is_empty() || matches!(ends, Ends::On(_)) || every != Every::Day);
            for at in &got {
                prop_assert!(at.date() >= first_day);
                prop_assert_eq!(at.time(), nine());
                if !days.is_empty() {
                    prop_assert!(days.contains(&at.date().weekday()));
                }
                if let Ends::On(last) = ends {
                    prop_assert!(at.date() <= last);
                }
            }
            if let Ends::After(c) = ends {
                prop_assert!(got.len() <= c as usize);
            }
            if every == Every::Day && got.len() > 1 {
                prop_assert_eq!((got[1].date() - got[0].date()).get_days(), i32::from(interval));
            }
        }
    }
}
