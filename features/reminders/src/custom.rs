//! Custom recurring reminders: an RFC 5545 RRULE plus a local wall-clock
//! time.
//!
//! Rules are expanded in *floating* local time (RFC 5545 §3.3.5, form #1) and
//! only then placed in the user's current zone. So a 21:00 reminder stays at
//! 21:00 across DST changes, and after a flight from Shanghai to Berlin it
//! fires at 21:00 Berlin time: the user's profile zone is the one used when
//! the plan is built.

use super::rule::{End, Rule, RuleError};
use chrono::{Datelike as _, NaiveDate, NaiveDateTime, Timelike as _};
use cradle_store::error::{Error, Result};
use jiff::civil::{Date, DateTime, Time};

/// A validated rule and the moment of its first occurrence.
#[derive(Debug, Clone)]
pub struct Recurrence {
    rule: Rule,
    start: NaiveDateTime,
}

/// The rule text as stored: upper case, no `RRULE:` prefix, no spaces.
pub fn normalize(rule: &str) -> String {
    let rule = rule.trim();
    let rule = rule
        .strip_prefix("RRULE:")
        .or_else(|| rule.strip_prefix("rrule:"))
        .unwrap_or(rule);
    rule.to_ascii_uppercase()
}

fn invalid(e: RuleError) -> Error {
    Error::invalid("rrule", e.to_string())
}

/// jiff's civil time as the rule's floating time (the same wall clock).
fn floating(dt: DateTime) -> Option<NaiveDateTime> {
    NaiveDate::from_ymd_opt(i32::from(dt.year()), dt.month() as u32, dt.day() as u32)?.and_hms_opt(
        dt.hour() as u32,
        dt.minute() as u32,
        0,
    )
}

fn to_civil(dt: NaiveDateTime) -> Option<DateTime> {
    let d = Date::new(
        i16::try_from(dt.year()).ok()?,
        dt.month() as i8,
        dt.day() as i8,
    )
    .ok()?;
    let t = Time::new(dt.hour() as i8, dt.minute() as i8, 0, 0).ok()?;
    Some(d.to_datetime(t))
}

impl Recurrence {
    /// Validates `rule` for a reminder that starts on `first_day` at `time`.
    pub fn new(rule: &str, first_day: Date, time: Time) -> Result<Self> {
        let text = normalize(rule);
        let recurrence = Self::stored(&text, first_day, time)?;
        if let End::Until(until) = recurrence.rule.end
            && until < recurrence.start
        {
            let position = text.find("UNTIL=").map_or(1, |i| i + 1);
            return Err(invalid(RuleError {
                position,
                why: "UNTIL is before the reminder's first time",
            }));
        }
        Ok(recurrence)
    }

    /// Rebuilds a rule that was validated when it was saved (plans load
    /// every rule each time).
    pub fn stored(rule: &str, first_day: Date, time: Time) -> Result<Self> {
        let start = floating(first_day.to_datetime(time))
            .ok_or_else(|| Error::invalid("rrule", "starts outside the supported calendar"))?;
        let rule = Rule::parse(rule).map_err(invalid)?;
        Ok(Self { rule, start })
    }

    /// Occurrences from `from` to `to` inclusive, in floating local time.
    /// Lazy: an unbounded rule is only expanded as far as asked.
    pub fn between(&self, from: DateTime, to: DateTime) -> impl Iterator<Item = DateTime> + '_ {
        let window = floating(from).zip(floating(to));
        window
            .into_iter()
            .flat_map(|(from, to)| self.rule.between(self.start, from, to))
            .filter_map(to_civil)
    }
}

/// Parses `HH:MM` (24-hour); a refusal names `field` (the reminder's time, a quiet-hours end).
pub fn parse_time(field: &'static str, text: &str) -> Result<Time> {
    let bad = || Error::invalid(field, "must be a time of day written HH:MM");
    let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
    let (h, m): (i8, i8) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    Time::new(h, m, 0, 0).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn t(h: i8, m: i8) -> Time {
        Time::new(h, m, 0, 0).unwrap()
    }

    #[test]
    fn daily_at_nine_is_expanded_lazily() {
        let r = Recurrence::new("RRULE:FREQ=DAILY", date(2026, 1, 30), t(21, 0)).unwrap();
        let got: Vec<_> = r
            .between(
                date(2026, 2, 27).at(0, 0, 0, 0),
                date(2026, 3, 2).at(23, 59, 0, 0),
            )
            .collect();
        assert_eq!(
            got,
            [
                date(2026, 2, 27).at(21, 0, 0, 0),
                date(2026, 2, 28).at(21, 0, 0, 0),
                date(2026, 3, 1).at(21, 0, 0, 0),
                date(2026, 3, 2).at(21, 0, 0, 0),
            ]
        );
    }

    #[test]
    fn errors_name_the_offending_part() {
        let start = date(2026, 1, 1);
        let pos = |rule: &str| match Recurrence::new(rule, start, t(9, 0)) {
            Err(Error::Invalid {
                field: "rrule",
                reason,
            }) => reason,
            other => panic!("{rule}: {other:?}"),
        };
        assert!(pos("FREQ=DAILY;BYDAY=XX").ends_with("(at character 12)"));
        assert!(pos("FREQ=FORTNIGHTLY").ends_with("(at character 1)"));
        assert!(pos("FREQ=HOURLY").contains("DAILY, WEEKLY"));
        assert!(pos("FREQ=WEEKLY;COUNT=3;BYHOUR=9").ends_with("(at character 21)"));
        assert!(pos("INTERVAL=2").contains("needs a FREQ"));
        assert!(pos("").contains("empty"));
        assert!(pos("FREQ=DAILY;;").contains("NAME=VALUE"));
    }

    #[test]
    fn times_parse_strictly() {
        assert_eq!(parse_time("time", "21:05").unwrap(), t(21, 5));
        for bad in ["24:00", "9", "ab:cd", "12:60", ""] {
            assert!(parse_time("time", bad).is_err(), "{bad}");
        }
    }
}
