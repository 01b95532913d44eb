//! The injectable "now". Every date computation in the core reads time from a
//! [`Clock`] so that tests can pin it, and converts it to the user's IANA zone
//! explicitly: a gestational day changes at the user's local midnight.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use std::sync::Mutex;

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The real wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to; for tests and for `--on DATE`.
#[derive(Debug)]
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Mutex::new(at))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = at;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The calendar date at `at` in `zone`.
pub fn local_date(at: DateTime<Utc>, zone: Tz) -> NaiveDate {
    at.with_timezone(&zone).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn local_date_follows_the_zone_not_utc() {
        // 2026-03-01 20:30 UTC is already 2 March in Shanghai, still 1 March in New York.
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 20, 30, 0).unwrap();
        assert_eq!(
            local_date(at, chrono_tz::Asia::Shanghai),
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
        );
        assert_eq!(
            local_date(at, chrono_tz::America::New_York),
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
        );
    }

    #[test]
    fn fixed_clock_moves_only_when_set() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let clock = FixedClock::new(t0);
        assert_eq!(clock.now(), t0);
        let t1 = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
        clock.set(t1);
        assert_eq!(clock.now(), t1);
    }
}
