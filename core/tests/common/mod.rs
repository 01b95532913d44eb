// Each test binary compiles this module and uses a different part of it.
#![allow(dead_code)]

//! A Cradle over a fresh SQLite file with a pinned clock, shared by the
//! integration tests.

use cradle_core::clock::FixedClock;
use cradle_core::consent::Purpose;
use cradle_core::storage::DbKey;
use cradle_core::timeline::dating::DatingInput;
use cradle_core::{Config, Cradle};
use jiff::civil::Date;
use std::sync::Arc;

pub struct App {
    _dir: tempfile::TempDir,
    pub clock: Arc<FixedClock>,
    pub cradle: Cradle,
}

/// A user in `zone` (English) whose clock reads `now` (RFC 3339), who
/// agreed to notifications at onboarding (the reminder tests plan them).
pub fn app(zone: &str, now: &str) -> App {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(now.parse().unwrap()));
    let key = DbKey::from_bytes(&[7; 32]).unwrap();
    let config = Config::new(zone, "en", key)
        .unwrap()
        .with_clock(clock.clone());
    let cradle = Cradle::open(dir.path().join("cradle.db"), config).unwrap();
    cradle.set_profile(None, "en", zone).unwrap();
    cradle.set_consent(Purpose::Notifications, true).unwrap();
    App {
        _dir: dir,
        clock,
        cradle,
    }
}

impl App {
    /// Dates a pregnancy by an LMP with a 28-day cycle.
    pub fn date_by_lmp(&self, lmp: Date) {
        self.cradle
            .timeline()
            .record_dating(DatingInput::Lmp {
                lmp,
                cycle_days: 28,
            })
            .unwrap();
    }
}
