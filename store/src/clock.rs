//! The injectable "now". Every date computation in the core reads time from a
//! [`Clock`] so that tests can pin it, and converts it to the user's IANA zone
//! explicitly: a gestational day changes at the user's local midnight.

use jiff::Timestamp;
use jiff::civil::Date;
pub use jiff::tz::TimeZone;
use std::sync::Mutex;

pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;
}

/// The real wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// A clock that only moves when told to; for tests.
#[derive(Debug)]
pub struct FixedClock(Mutex<Timestamp>);

impl FixedClock {
    pub fn new(at: Timestamp) -> Self {
        Self(Mutex::new(at))
    }

    pub fn set(&self, at: Timestamp) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = at;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// `t` without its fraction of a second. Stored instants are whole seconds
/// so that their RFC 3339 text sorts in time order inside SQLite.
pub fn whole_seconds(t: Timestamp) -> Timestamp {
    Timestamp::from_second(t.as_second()).unwrap_or(t)
}

/// The IANA name of a zone Cradle resolved from a name.
pub fn zone_name(zone: &TimeZone) -> &str {
    zone.iana_name().unwrap_or("UTC")
}

/// The calendar date at `at` in `zone`.
pub fn local_date(at: Timestamp, zone: &TimeZone) -> Date {
    zone.to_datetime(at).date()
}

/// `at` as a screen lists it in `zone`: `YYYY-MM-DD HH:MM`.
pub fn local_minute(at: Timestamp, zone: &TimeZone) -> String {
    zone.to_datetime(at).strftime("%Y-%m-%d %H:%M").to_string()
}

/// The day a platform date picker chose: the local date, in `zone`, of
/// the instant it reports (milliseconds since the epoch).
pub fn picked_date(epoch_ms: i64, zone: &str) -> crate::Result<Date> {
    let zone = crate::profile::parse_time_zone(zone)?;
    let at = Timestamp::from_millisecond(epoch_ms)
        .map_err(|_| crate::Error::invalid("epoch_ms", "is out of range"))?;
    Ok(local_date(at, &zone))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_picked_day_is_read_in_the_pickers_zone() {
        // Android's picker: 2027-02-15 00:00 UTC.
        assert_eq!(
            picked_date(1_802_649_600_000, "UTC").unwrap(),
            date(2027, 2, 15)
        );
        // iOS's: 2027-02-15 00:00 in Shanghai is still the 14th in UTC.
        assert_eq!(
            picked_date(1_802_620_800_000, "Asia/Shanghai").unwrap(),
            date(2027, 2, 15)
        );
        assert!(picked_date(i64::MAX, "UTC").is_err());
        assert!(picked_date(0, "Mars/Olympus").is_err());
    }

    #[test]
    fn local_date_follows_the_zone_not_utc() {
        // 2026-03-01 20:30 UTC is already 2 March in Shanghai, still 1 March in New York.
        let at: Timestamp = "2026-03-01T20:30:00Z".parse().unwrap();
        let shanghai = TimeZone::get("Asia/Shanghai").unwrap();
        let new_york = TimeZone::get("America/New_York").unwrap();
        assert_eq!(local_date(at, &shanghai), date(2026, 3, 2));
        assert_eq!(local_date(at, &new_york), date(2026, 3, 1));
    }

    #[test]
    fn fixed_clock_moves_only_when_set() {
        let t0: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let clock = FixedClock::new(t0);
        assert_eq!(clock.now(), t0);
        let t1: Timestamp = "2026-06-01T12:00:00Z".parse().unwrap();
        clock.set(t1);
        assert_eq!(clock.now(), t1);
    }
}
