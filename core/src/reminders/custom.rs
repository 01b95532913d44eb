//! Custom recurring reminders: an RFC 5545 RRULE plus a local wall-clock
//! time.
//!
//! Rules are expanded in *floating* local time (RFC 5545 §3.3.5, form #1) and
//! only then placed in the user's current zone. So a 21:00 reminder stays at
//! 21:00 across DST changes, and after a flight from Shanghai to Berlin it
//! fires at 21:00 Berlin time: the user's profile zone is the one used when
//! the plan is built.

use crate::error::{Error, Result};
use chrono::{Datelike as _, TimeZone as _, Timelike as _};
use jiff::civil::{Date, DateTime, Time};
use rrule::{RRule, RRuleSet, Tz as RTz, Unvalidated};

/// A validated rule and the time of day it fires.
#[derive(Debug, Clone)]
pub struct Recurrence {
    /// Occurrences in floating local time, from the first day.
    set: RRuleSet,
}

/// Frequencies a daily-life reminder can use; sub-daily rules would flood
/// the plan and the time of day comes from the reminder itself.
const ALLOWED_FREQ: [&str; 4] = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
const FORBIDDEN_PARTS: [&str; 4] = ["BYHOUR", "BYMINUTE", "BYSECOND", "DTSTART"];

/// The rule text as stored: upper case, no `RRULE:` prefix, no spaces.
pub fn normalize(rule: &str) -> String {
    let rule = rule.trim();
    let rule = rule
        .strip_prefix("RRULE:")
        .or_else(|| rule.strip_prefix("rrule:"))
        .unwrap_or(rule);
    rule.to_ascii_uppercase()
}

fn invalid_at(position: usize, why: &str) -> Error {
    Error::invalid("rrule", format!("{why} (at character {position})"))
}

/// Checks each `NAME=VALUE` part on its own, so an error names its position
/// (1-based, in the normalized rule).
fn check_parts(rule: &str, start: DateTime) -> Result<()> {
    if rule.is_empty() {
        return Err(invalid_at(1, "is empty"));
    }
    let mut offset = 0;
    let mut has_freq = false;
    for part in rule.split(';') {
        let position = offset + 1;
        offset += part.len() + 1;
        let Some((name, value)) = part.split_once('=') else {
            return Err(invalid_at(
                position,
                "expects NAME=VALUE parts separated by ';'",
            ));
        };
        if FORBIDDEN_PARTS.contains(&name) {
            return Err(invalid_at(
                position,
                "must not set a time or start; use the reminder's time",
            ));
        }
        let probe = if name == "FREQ" {
            if !ALLOWED_FREQ.contains(&value) {
                return Err(invalid_at(
                    position,
                    "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY",
                ));
            }
            has_freq = true;
            part.to_owned()
        } else {
            format!("FREQ=DAILY;{part}")
        };
        if build(&probe, start).is_err() {
            return Err(invalid_at(position, "is not a valid RRULE part"));
        }
    }
    if !has_freq {
        return Err(invalid_at(1, "needs a FREQ part"));
    }
    Ok(())
}

fn floating(dt: DateTime) -> Option<chrono::DateTime<RTz>> {
    // UTC stands in for "no zone": nothing is converted until the plan
    // places an occurrence in the user's zone.
    let naive =
        chrono::NaiveDate::from_ymd_opt(i32::from(dt.year()), dt.month() as u32, dt.day() as u32)?
            .and_hms_opt(dt.hour() as u32, dt.minute() as u32, 0)?;
    Some(RTz::UTC.from_utc_datetime(&naive))
}

fn to_civil(dt: chrono::DateTime<RTz>) -> Option<DateTime> {
    let d = Date::new(dt.year() as i16, dt.month() as i8, dt.day() as i8).ok()?;
    let t = Time::new(dt.hour() as i8, dt.minute() as i8, 0, 0).ok()?;
    Some(d.to_datetime(t))
}

fn build(rule: &str, start: DateTime) -> std::result::Result<RRuleSet, ()> {
    let parsed: RRule<Unvalidated> = rule.parse().map_err(|_| ())?;
    parsed.build(floating(start).ok_or(())?).map_err(|_| ())
}

impl Recurrence {
    /// Validates `rule` for a reminder that starts on `first_day` at `time`.
    pub fn new(rule: &str, first_day: Date, time: Time) -> Result<Self> {
        let rule = normalize(rule);
        let start = first_day.to_datetime(time);
        check_parts(&rule, start)?;
        let set = build(&rule, start).map_err(|_| invalid_at(1, "is not a valid RRULE"))?;
        Ok(Self { set })
    }

    /// Rebuilds a rule that was validated when it was saved: one parse, no
    /// per-part checks (plans load every rule each time).
    pub fn stored(rule: &str, first_day: Date, time: Time) -> Result<Self> {
        build(rule, first_day.to_datetime(time))
            .map(|set| Self { set })
            .map_err(|_| invalid_at(1, "is not a valid RRULE"))
    }

    /// Occurrences from `from` to `to` inclusive, in floating local time.
    /// Lazy: an unbounded rule is only expanded as far as asked.
    pub fn between(&self, from: DateTime, to: DateTime) -> impl Iterator<Item = DateTime> + '_ {
        (&self.set)
            .into_iter()
            .filter_map(to_civil)
            .skip_while(move |d| *d < from)
            .take_while(move |d| *d <= to)
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
