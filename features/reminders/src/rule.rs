//! RFC 5545 recurrence rules (§3.3.10), the subset a daily-life reminder
//! uses, parsed and expanded in floating time.
//!
//! Accepted: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, COUNT or
//! UNTIL, BYMONTH, BYMONTHDAY, BYDAY (with an ordinal only for MONTHLY and
//! YEARLY), BYSETPOS and WKST. Refused with the part's position: sub-daily
//! rules and times (the reminder has its own time of day), BYYEARDAY,
//! BYWEEKNO, and combinations RFC 5545 forbids. Expansion follows the RFC's
//! own reading as python-dateutil implements it, which the `rrule` crate
//! also ports; a property test compares the two.
//!
//! chrono's naive types are the floating time here: no zone is involved
//! until the plan places an occurrence in the user's zone with jiff.

use chrono::{Datelike as _, Days, Months, NaiveDate, NaiveDateTime, Weekday};
use std::fmt;

/// Why a rule was refused, and where: `position` is the 1-based character
/// at which the offending `NAME=VALUE` part starts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{why} (at character {position})")]
pub struct RuleError {
    pub position: usize,
    pub why: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Never,
    Count(u32),
    /// The last moment an occurrence may fall on, included.
    Until(NaiveDateTime),
}

/// A weekday, with an ordinal inside the month or year (`2MO`, `-1FR`) or
/// without one (`MO`: every Monday of the period).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByDay {
    pub nth: Option<i8>,
    pub weekday: Weekday,
}

/// A parsed rule. Lists are sorted and hold each value once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub freq: Freq,
    pub interval: u32,
    pub end: End,
    pub by_month: Vec<u32>,
    pub by_month_day: Vec<i32>,
    pub by_day: Vec<ByDay>,
    pub by_set_pos: Vec<i32>,
    pub week_start: Weekday,
}

impl Rule {
    /// A rule with no BY parts: every `interval` days, weeks, months or years.
    pub fn every(freq: Freq, interval: u32) -> Self {
        Self {
            freq,
            interval,
            end: End::Never,
            by_month: Vec::new(),
            by_month_day: Vec::new(),
            by_day: Vec::new(),
            by_set_pos: Vec::new(),
            week_start: Weekday::Mon,
        }
    }

    /// Parses the text after `RRULE:` (upper case, no spaces).
    pub fn parse(text: &str) -> Result<Self, RuleError> {
        if text.is_empty() {
            return Err(at(1, "is empty"));
        }
        let mut rule = Self::every(Freq::Daily, 1);
        let mut seen: Vec<(&str, usize)> = Vec::new();
        let mut offset = 0;
        for part in text.split(';') {
            let position = offset + 1;
            offset += part.len() + 1;
            let Some((name, value)) = part.split_once('=') else {
                return Err(at(position, "expects NAME=VALUE parts separated by ';'"));
            };
            if seen.iter().any(|(n, _)| *n == name) {
                return Err(at(position, "sets a part twice"));
            }
            seen.push((name, position));
            let bad = |why| at(position, why);
            match name {
                "FREQ" => {
                    rule.freq = match value {
                        "DAILY" => Freq::Daily,
                        "WEEKLY" => Freq::Weekly,
                        "MONTHLY" => Freq::Monthly,
                        "YEARLY" => Freq::Yearly,
                        _ => return Err(bad("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")),
                    }
                }
                "INTERVAL" => {
                    rule.interval = number(value)
                        .filter(|n| *n >= 1)
                        .ok_or_else(|| bad("INTERVAL must be a whole number from 1"))?
                }
                "COUNT" => {
                    rule.end = End::Count(
                        number(value)
                            .filter(|n| *n >= 1)
                            .ok_or_else(|| bad("COUNT must be a whole number from 1"))?,
                    )
                }
                "UNTIL" => {
                    rule.end = End::Until(
                        until(value)
                            .ok_or_else(|| bad("UNTIL must be a date, YYYYMMDD[THHMMSS[Z]]"))?,
                    )
                }
                "BYMONTH" => {
                    rule.by_month =
                        list(value, 1, 12).ok_or_else(|| bad("BYMONTH takes months 1 to 12"))?
                }
                "BYMONTHDAY" => {
                    rule.by_month_day = list(value, -31, 31)
                        .ok_or_else(|| bad("BYMONTHDAY takes days 1 to 31 or -31 to -1"))?
                }
                "BYSETPOS" => {
                    rule.by_set_pos = list(value, -366, 366)
                        .ok_or_else(|| bad("BYSETPOS takes positions 1 to 366 or -366 to -1"))?
                }
                "BYDAY" => {
                    let mut days = value
                        .split(',')
                        .map(by_day)
                        .collect::<Option<Vec<_>>>()
                        .ok_or_else(|| bad("BYDAY takes days such as MO, 2TU or -1FR"))?;
                    days.sort_by_key(|d| (d.nth, d.weekday.num_days_from_monday()));
                    days.dedup();
                    rule.by_day = days;
                }
                "WKST" => {
                    rule.week_start =
                        weekday(value).ok_or_else(|| bad("WKST takes a day such as MO"))?
                }
                "BYHOUR" | "BYMINUTE" | "BYSECOND" | "DTSTART" => {
                    return Err(bad("must not set a time or start; use the reminder's time"));
                }
                "BYYEARDAY" | "BYWEEKNO" => {
                    return Err(bad("is not supported; use BYMONTH, BYMONTHDAY or BYDAY"));
                }
                _ => return Err(bad("is not a valid RRULE part")),
            }
        }
        let part = |name: &str| seen.iter().find(|(n, _)| *n == name).map(|(_, p)| *p);
        if part("FREQ").is_none() {
            return Err(at(1, "needs a FREQ part"));
        }
        if let (Some(_), Some(p)) = (part("COUNT"), part("UNTIL")) {
            return Err(at(p, "COUNT and UNTIL must not both be set"));
        }
        if let Some(p) = part("BYMONTHDAY").filter(|_| rule.freq == Freq::Weekly) {
            return Err(at(p, "BYMONTHDAY does not apply to WEEKLY rules"));
        }
        if let Some(p) = part("BYDAY") {
            let ordinal = rule.by_day.iter().filter(|d| d.nth.is_some()).count();
            if ordinal > 0 && matches!(rule.freq, Freq::Daily | Freq::Weekly) {
                return Err(at(p, "numbered days (2MO) need a MONTHLY or YEARLY rule"));
            }
            if ordinal > 0 && ordinal < rule.by_day.len() {
                return Err(at(p, "mixing numbered and plain days is not supported"));
            }
            let limit = if rule.freq == Freq::Monthly { 5 } else { 53 };
            if rule
                .by_day
                .iter()
                .any(|d| d.nth.is_some_and(|n| n.unsigned_abs() > limit))
            {
                return Err(at(p, "a numbered day is outside the month or year"));
            }
        }
        if let Some(p) = part("BYSETPOS")
            && rule.by_month.is_empty()
            && rule.by_month_day.is_empty()
            && rule.by_day.is_empty()
        {
            return Err(at(p, "BYSETPOS needs another BY part"));
        }
        Ok(rule)
    }

    /// The occurrences of the rule started at `start` (its first occurrence
    /// if it matches the rule), from `from` to `to` inclusive, in order.
    /// Lazy, and finite even for a rule that never matches: expansion stops
    /// at the first period after `to`.
    pub fn between(
        &self,
        start: NaiveDateTime,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> impl Iterator<Item = NaiveDateTime> + '_ {
        let sets = Periods::new(self, start, from, to);
        let mut left = match self.end {
            End::Count(n) => Some(n),
            _ => None,
        };
        let until = match self.end {
            End::Until(u) => u.min(to),
            _ => to,
        };
        sets.flatten()
            .map(move |day| day.and_time(start.time()))
            .filter(move |at| *at >= start)
            .take_while(move |_| match &mut left {
                Some(0) => false,
                Some(n) => {
                    *n -= 1;
                    true
                }
                None => true,
            })
            .take_while(move |at| *at <= until)
            .skip_while(move |at| *at < from)
    }
}

/// The rule's periods (a day, a week, a month or a year, every `interval`),
/// each turned into its matching days.
struct Periods<'r> {
    rule: &'r Rule,
    by_month: Vec<u32>,
    by_month_day: Vec<i32>,
    by_day: Vec<ByDay>,
    start: NaiveDate,
    /// How many periods after the first this one is.
    k: u32,
    last: NaiveDate,
    done: bool,
}

impl<'r> Periods<'r> {
    fn new(rule: &'r Rule, start: NaiveDateTime, from: NaiveDateTime, to: NaiveDateTime) -> Self {
        let day = start.date();
        let (mut by_month, mut by_month_day, mut by_day) = (
            rule.by_month.clone(),
            rule.by_month_day.clone(),
            rule.by_day.clone(),
        );
        // RFC 5545: what a rule leaves out comes from its start.
        if by_month_day.is_empty() && by_day.is_empty() {
            match rule.freq {
                Freq::Yearly => {
                    if by_month.is_empty() {
                        by_month = vec![day.month()];
                    }
                    by_month_day = vec![day.day() as i32];
                }
                Freq::Monthly => by_month_day = vec![day.day() as i32],
                Freq::Weekly => {
                    by_day = vec![ByDay {
                        nth: None,
                        weekday: day.weekday(),
                    }]
                }
                Freq::Daily => {}
            }
        }
        let mut periods = Self {
            rule,
            by_month,
            by_month_day,
            by_day,
            start: day,
            k: 0,
            last: to.date(),
            done: false,
        };
        // Without a COUNT nothing before `from` matters: go straight there.
        if !matches!(rule.end, End::Count(_)) && from.date() > day {
            periods.k = periods.periods_before(from.date());
        }
        periods
    }

    /// Whole periods from the first one's start to `date`'s period.
    fn periods_before(&self, date: NaiveDate) -> u32 {
        let i = i64::from(self.rule.interval);
        let gone = match self.rule.freq {
            Freq::Daily => (date - self.start).num_days() / i,
            Freq::Weekly => (date - self.week_of(self.start)).num_days() / (7 * i),
            Freq::Monthly => (month_index(date) - month_index(self.start)) / i,
            Freq::Yearly => i64::from(date.year() - self.start.year()) / i,
        };
        u32::try_from(gone).unwrap_or(u32::MAX)
    }

    fn week_of(&self, date: NaiveDate) -> NaiveDate {
        let back = (7 + date.weekday().num_days_from_monday()
            - self.rule.week_start.num_days_from_monday())
            % 7;
        date - Days::new(u64::from(back))
    }

    /// The days of period `k`, before any BY part: for a week, from the
    /// start on in the first (as dateutil does).
    fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let steps = self.k.checked_mul(self.rule.interval)?;
        match self.rule.freq {
            Freq::Daily => {
                let d = self.start.checked_add_days(Days::new(u64::from(steps)))?;
                Some((d, d))
            }
            Freq::Weekly => {
                let first = self
                    .week_of(self.start)
                    .checked_add_days(Days::new(u64::from(steps) * 7))?;
                let last = first.checked_add_days(Days::new(6))?;
                Some((first.max(self.start), last))
            }
            Freq::Monthly => {
                let first = self
                    .start
                    .with_day(1)?
                    .checked_add_months(Months::new(steps))?;
                Some((first, first.checked_add_months(Months::new(1))?.pred_opt()?))
            }
            Freq::Yearly => {
                let year = self.start.year().checked_add(i32::try_from(steps).ok()?)?;
                Some((
                    NaiveDate::from_ymd_opt(year, 1, 1)?,
                    NaiveDate::from_ymd_opt(year, 12, 31)?,
                ))
            }
        }
    }

    fn matches(&self, day: NaiveDate) -> bool {
        if !self.by_month.is_empty() && !self.by_month.contains(&day.month()) {
            return false;
        }
        if !self.by_month_day.is_empty() {
            let from_end = day.day() as i32 - days_in_month(day) as i32 - 1;
            if !self
                .by_month_day
                .iter()
                .any(|d| *d == day.day() as i32 || *d == from_end)
            {
                return false;
            }
        }
        self.by_day.is_empty() || self.by_day.iter().any(|b| self.is(b, day))
    }

    /// Whether `day` is `b`: the weekday, and for a numbered day its place
    /// in the month (MONTHLY, or YEARLY with BYMONTH) or else the year.
    fn is(&self, b: &ByDay, day: NaiveDate) -> bool {
        if day.weekday() != b.weekday {
            return false;
        }
        let Some(n) = b.nth else { return true };
        let in_month = self.rule.freq == Freq::Monthly || !self.by_month.is_empty();
        let (first, last) = if in_month {
            (day.with_day(1), day.with_day(days_in_month(day)))
        } else {
            (
                day.with_ordinal(1),
                NaiveDate::from_ymd_opt(day.year(), 12, 31),
            )
        };
        let (Some(first), Some(last)) = (first, last) else {
            return false;
        };
        let place = if n > 0 {
            (day - first).num_days() / 7 + 1
        } else {
            -((last - day).num_days() / 7 + 1)
        };
        place == i64::from(n)
    }
}

impl Iterator for Periods<'_> {
    type Item = Vec<NaiveDate>;

    fn next(&mut self) -> Option<Vec<NaiveDate>> {
        if self.done {
            return None;
        }
        let Some((first, last)) = self.span().filter(|(first, _)| *first <= self.last) else {
            self.done = true;
            return None;
        };
        self.k = match self.k.checked_add(1) {
            Some(k) => k,
            None => {
                self.done = true;
                self.k
            }
        };
        let days: Vec<NaiveDate> = first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter(|d| self.matches(*d))
            .collect();
        if self.rule.by_set_pos.is_empty() {
            return Some(days);
        }
        let len = days.len() as i64;
        let mut picked: Vec<NaiveDate> = self
            .rule
            .by_set_pos
            .iter()
            .filter_map(|p| {
                let i = if *p > 0 {
                    i64::from(*p) - 1
                } else {
                    len + i64::from(*p)
                };
                usize::try_from(i).ok().and_then(|i| days.get(i).copied())
            })
            .collect();
        picked.sort();
        picked.dedup();
        Some(picked)
    }
}

impl fmt::Display for Rule {
    /// The canonical text, in the order the `rrule` crate writes it, so rules
    /// saved before and after this expander read the same.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let freq = match self.freq {
            Freq::Daily => "DAILY",
            Freq::Weekly => "WEEKLY",
            Freq::Monthly => "MONTHLY",
            Freq::Yearly => "YEARLY",
        };
        write!(f, "FREQ={freq}")?;
        match self.end {
            End::Never => {}
            End::Until(u) => write!(f, ";UNTIL={}Z", u.format("%Y%m%dT%H%M%S"))?,
            End::Count(n) => write!(f, ";COUNT={n}")?,
        }
        if self.interval != 1 {
            write!(f, ";INTERVAL={}", self.interval)?;
        }
        if self.week_start != Weekday::Mon {
            write!(f, ";WKST={}", day_name(self.week_start))?;
        }
        let join = |v: &[i32]| v.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
        if !self.by_set_pos.is_empty() {
            write!(f, ";BYSETPOS={}", join(&self.by_set_pos))?;
        }
        if !self.by_month.is_empty() {
            let months: Vec<i32> = self.by_month.iter().map(|m| *m as i32).collect();
            write!(f, ";BYMONTH={}", join(&months))?;
        }
        if !self.by_month_day.is_empty() {
            write!(f, ";BYMONTHDAY={}", join(&self.by_month_day))?;
        }
        if !self.by_day.is_empty() {
            let days: Vec<String> = self
                .by_day
                .iter()
                .map(|d| {
                    format!(
                        "{}{}",
                        d.nth.map(|n| n.to_string()).unwrap_or_default(),
                        day_name(d.weekday)
                    )
                })
                .collect();
            write!(f, ";BYDAY={}", days.join(","))?;
        }
        Ok(())
    }
}

fn at(position: usize, why: &'static str) -> RuleError {
    RuleError { position, why }
}

fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
    // `u32::from_str` takes a leading '+'; RFC 5545 numbers here do not.
    text.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| text.parse().ok())
        .flatten()
}

/// A comma list of non-zero integers in `min..=max`, sorted, each once.
fn list<T: TryFrom<i32> + Ord>(text: &str, min: i32, max: i32) -> Option<Vec<T>> {
    let mut values = text
        .split(',')
        .map(|v| {
            let (sign, digits) = match v.strip_prefix('-') {
                Some(d) => (-1, d),
                None => (1, v.strip_prefix('+').unwrap_or(v)),
            };
            let n = sign * number::<i32>(digits)?;
            (n != 0 && (min..=max).contains(&n))
                .then(|| T::try_from(n).ok())
                .flatten()
        })
        .collect::<Option<Vec<T>>>()?;
    values.sort();
    values.dedup();
    Some(values)
}

fn until(text: &str) -> Option<NaiveDateTime> {
    let text = text.strip_suffix('Z').unwrap_or(text);
    match text.len() {
        // A bare date ends the rule with that whole day.
        8 => NaiveDate::parse_from_str(text, "%Y%m%d")
            .ok()?
            .and_hms_opt(23, 59, 59),
        15 => NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").ok(),
        _ => None,
    }
}

const DAYS: [(&str, Weekday); 7] = [
    ("MO", Weekday::Mon),
    ("TU", Weekday::Tue),
    ("WE", Weekday::Wed),
    ("TH", Weekday::Thu),
    ("FR", Weekday::Fri),
    ("SA", Weekday::Sat),
    ("SU", Weekday::Sun),
];

fn weekday(text: &str) -> Option<Weekday> {
    DAYS.iter().find(|(n, _)| *n == text).map(|(_, d)| *d)
}

fn day_name(day: Weekday) -> &'static str {
    DAYS[day.num_days_from_monday() as usize].0
}

fn by_day(text: &str) -> Option<ByDay> {
    let split = text.len().checked_sub(2)?;
    let weekday = weekday(text.get(split..)?)?;
    let nth = match text.get(..split)? {
        "" => None,
        n => Some(
            list::<i32>(n, -53, 53)?
                .first()
                .copied()
                .and_then(|n| i8::try_from(n).ok())?,
        ),
    };
    Some(ByDay { nth, weekday })
}

fn month_index(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}

fn days_in_month(day: NaiveDate) -> u32 {
    let first = day
        .with_day(1)
        .and_then(|d| d.checked_add_months(Months::new(1)));
    first.and_then(|d| d.pred_opt()).map_or(31, |d| d.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn dates(rule: &str, start: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        let start = start.and_hms_opt(9, 0, 0).unwrap();
        let to = to.and_hms_opt(23, 59, 59).unwrap();
        Rule::parse(rule)
            .unwrap()
            .between(start, start, to)
            .map(|d| d.date())
            .collect()
    }

    /// The examples of RFC 5545 §3.8.5.3 that fit the subset.
    #[test]
    fn the_rfcs_examples_expand_as_written() {
        let s = day(1997, 9, 2);
        let to = day(1998, 12, 31);
        assert_eq!(
            dates("FREQ=DAILY;COUNT=3", s, to),
            [day(1997, 9, 2), day(1997, 9, 3), day(1997, 9, 4)]
        );
        // Every other week on Tuesday and Thursday, four times.
        assert_eq!(
            dates("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,TH", s, to),
            [
                day(1997, 9, 2),
                day(1997, 9, 4),
                day(1997, 9, 16),
                day(1997, 9, 18)
            ]
        );
        // Monthly on the first Friday.
        assert_eq!(
            dates("FREQ=MONTHLY;COUNT=3;BYDAY=1FR", day(1997, 9, 5), to),
            [day(1997, 9, 5), day(1997, 10, 3), day(1997, 11, 7)]
        );
        // The last weekday of the month.
        assert_eq!(
            dates(
                "FREQ=MONTHLY;COUNT=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
                s,
                to
            ),
            [day(1997, 9, 30), day(1997, 10, 31), day(1997, 11, 28)]
        );
        // The second-to-last day of each month; Friday the 13th.
        assert_eq!(
            dates("FREQ=MONTHLY;COUNT=2;BYMONTHDAY=-2", s, to),
            [day(1997, 9, 29), day(1997, 10, 30)]
        );
        assert_eq!(
            dates("FREQ=MONTHLY;COUNT=2;BYDAY=FR;BYMONTHDAY=13", s, to),
            [day(1998, 2, 13), day(1998, 3, 13)]
        );
        // Yearly in June and July, on the start's day.
        assert_eq!(
            dates("FREQ=YEARLY;COUNT=4;BYMONTH=6,7", day(1997, 6, 10), to),
            [
                day(1997, 6, 10),
                day(1997, 7, 10),
                day(1998, 6, 10),
                day(1998, 7, 10)
            ]
        );
        // The 31st skips the months without one; UNTIL ends with its day.
        assert_eq!(
            dates("FREQ=MONTHLY;UNTIL=19980331", day(1997, 10, 31), to),
            [
                day(1997, 10, 31),
                day(1997, 12, 31),
                day(1998, 1, 31),
                day(1998, 3, 31)
            ]
        );
    }

    #[test]
    fn a_rule_that_never_matches_ends_at_the_window() {
        let never = dates(
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            day(2026, 1, 1),
            day(2400, 1, 1),
        );
        assert!(never.is_empty());
    }

    #[test]
    fn refusals_name_the_part() {
        let refused = |rule: &str| Rule::parse(rule).unwrap_err();
        assert_eq!(refused("FREQ=DAILY;BYWEEKNO=3").position, 12);
        assert_eq!(refused("FREQ=WEEKLY;BYMONTHDAY=3").position, 13);
        assert_eq!(refused("FREQ=DAILY;COUNT=2;UNTIL=20270101").position, 20);
        assert_eq!(refused("FREQ=WEEKLY;BYDAY=2MO").position, 13);
        assert_eq!(refused("FREQ=MONTHLY;BYDAY=2MO,FR").position, 14);
        assert_eq!(refused("FREQ=MONTHLY;BYSETPOS=1").position, 14);
        assert_eq!(refused("FREQ=DAILY;INTERVAL=0").position, 12);
        assert_eq!(refused("FREQ=DAILY;INTERVAL=+2").position, 12);
        assert_eq!(refused("FREQ=DAILY;FREQ=WEEKLY").position, 12);
        assert_eq!(refused("FREQ=MONTHLY;BYMONTHDAY=0").position, 14);
    }

    #[test]
    fn the_text_reads_back_as_the_same_rule() {
        for text in [
            "FREQ=WEEKLY;COUNT=10;INTERVAL=2;BYDAY=MO,TH",
            "FREQ=DAILY;UNTIL=20270228T235959Z",
            "FREQ=MONTHLY;WKST=SU;BYSETPOS=-1;BYMONTH=1,6;BYMONTHDAY=-3,2;BYDAY=-1FR,2MO",
        ] {
            let rule = Rule::parse(text).unwrap();
            assert_eq!(rule.to_string(), text);
            assert_eq!(Rule::parse(&rule.to_string()).unwrap(), rule);
        }
    }

    const NAMES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// Rules of the accepted subset, written as text, with a start.
    fn rules() -> impl Strategy<Value = (String, NaiveDateTime)> {
        let start = (0_u64..4000, 0_u32..24, 0_u32..60).prop_map(|(d, h, m)| {
            (day(2020, 1, 1) + Days::new(d))
                .and_hms_opt(h, m, 0)
                .unwrap()
        });
        let freq = prop_oneof![
            Just("DAILY"),
            Just("WEEKLY"),
            Just("MONTHLY"),
            Just("YEARLY")
        ];
        let signed =
            |max: i32| (1..=max, any::<bool>()).prop_map(|(n, neg)| if neg { -n } else { n });
        (
            freq,
            1_u32..5,
            prop_oneof![
                Just(None),
                (1_u32..30).prop_map(|c| Some(Ok(c))),
                (0_u64..1500, 0_u32..86400).prop_map(|u| Some(Err(u)))
            ],
            proptest::collection::vec(1_u32..=12, 0..3),
            proptest::collection::vec(signed(31), 0..3),
            proptest::collection::vec((0_usize..7, proptest::option::of(signed(4))), 0..3),
            proptest::collection::vec(signed(6), 0..2),
            0_usize..7,
            start,
        )
            .prop_map(
                |(freq, interval, end, months, month_days, days, set_pos, wkst, start)| {
                    let mut parts = vec![format!("FREQ={freq}"), format!("INTERVAL={interval}")];
                    match end {
                        None => {}
                        Some(Ok(c)) => parts.push(format!("COUNT={c}")),
                        Some(Err((d, s))) => {
                            let until =
                                start + Days::new(d) + chrono::TimeDelta::seconds(i64::from(s));
                            parts.push(format!("UNTIL={}Z", until.format("%Y%m%dT%H%M%S")));
                        }
                    }
                    parts.push(format!("WKST={}", NAMES[wkst]));
                    let mut by = false;
                    if !months.is_empty() {
                        by = true;
                        parts.push(format!(
                            "BYMONTH={}",
                            months
                                .iter()
                                .map(u32::to_string)
                                .collect::<Vec<_>>()
                                .join(",")
                        ));
                    }
                    if !month_days.is_empty() && freq != "WEEKLY" {
                        by = true;
                        parts.push(format!(
                            "BYMONTHDAY={}",
                            month_days
                                .iter()
                                .map(i32::to_string)
                                .collect::<Vec<_>>()
                                .join(",")
                        ));
                    }
                    // Numbered days only where they apply, and never mixed.
                    let numbered = matches!(freq, "MONTHLY" | "YEARLY")
                        && days.first().is_some_and(|d| d.1.is_some());
                    let days: Vec<String> = days
                        .iter()
                        .map(|(d, n)| match numbered {
                            true => format!("{}{}", n.unwrap_or(1), NAMES[*d]),
                            false => NAMES[*d].to_owned(),
                        })
                        .collect();
                    if !days.is_empty() {
                        by = true;
                        parts.push(format!("BYDAY={}", days.join(",")));
                    }
                    if by && !set_pos.is_empty() {
                        parts.push(format!(
                            "BYSETPOS={}",
                            set_pos
                                .iter()
                                .map(i32::to_string)
                                .collect::<Vec<_>>()
                                .join(",")
                        ));
                    }
                    (parts.join(";"), start)
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// The expander gives what the `rrule` crate gives, over four years.
        #[test]
        fn expands_as_the_rrule_crate_does((text, start) in rules()) {
            use chrono::TimeZone as _;
            let to = start + Days::new(4 * 366);
            let rule = Rule::parse(&text).unwrap();
            let ours: Vec<NaiveDateTime> = rule.between(start, start, to).take(60).collect();
            // The window's end as an UNTIL, which the crate allows beside a
            // COUNT, so it stops there and not at its 100,000-loop limit.
            let bounded = match text.contains("UNTIL=") {
                true => text.clone(),
                false => format!("{text};UNTIL={}Z", to.format("%Y%m%dT%H%M%S")),
            };
            let reference: ::rrule::RRule<::rrule::Unvalidated> = bounded.parse().unwrap();
            let set = reference.build(::rrule::Tz::UTC.from_utc_datetime(&start)).unwrap();
            let theirs: Vec<NaiveDateTime> = (&set)
                .into_iter()
                .map(|d| d.naive_utc())
                .take_while(|d| *d <= to)
                .take(60)
                .collect();
            prop_assert_eq!(ours, theirs, "{}", text);
        }

        /// Bounded: a window far from the start gives only what lies in it,
        /// the same as expanding from the start and cutting.
        #[test]
        fn a_window_is_a_cut_of_the_whole(
            (text, start) in rules(),
            skip in 0_u64..2000,
            len in 0_u64..400,
        ) {
            let rule = Rule::parse(&text).unwrap();
            let from = start + Days::new(skip);
            let to = from + Days::new(len);
            let window: Vec<_> = rule.between(start, from, to).collect();
            let whole: Vec<_> = rule.between(start, start, to).filter(|d| *d >= from).collect();
            prop_assert_eq!(window, whole, "{}", text);
        }
    }
}
