//! The facade every shell drives: one open database, the clock and the
//! observers. Methods take `&self` and are safe to call from any thread.

use crate::clock::{self, Clock, SystemClock};
use crate::error::Result;
use crate::events::{ChangeObserver, DataArea, Observers, SubscriptionId};
use crate::profile::{self, Language, Profile};
use crate::storage;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use rusqlite::Connection;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// What the device tells the core before any profile exists.
#[derive(Clone)]
pub struct Config {
    pub clock: Arc<dyn Clock>,
    /// The device's time zone, used until the user saves a profile.
    pub device_time_zone: TimeZone,
    /// The device's locale, used until the user saves a profile.
    pub device_locale: String,
}

impl Config {
    pub fn new(device_time_zone: &str, device_locale: &str) -> Result<Self> {
        Ok(Self {
            clock: Arc::new(SystemClock),
            device_time_zone: profile::parse_time_zone(device_time_zone)?,
            device_locale: profile::validate_locale(device_locale)?,
        })
    }

    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }
}

/// Everything the Today screen shows, computed in one call.
#[derive(Debug, Clone)]
pub struct Today {
    /// The user's local date.
    pub date: Date,
    pub time_zone: TimeZone,
    pub language: Language,
    /// `None` until the user has set up a profile.
    pub profile: Option<Profile>,
}

pub struct Cradle {
    db: Mutex<Connection>,
    config: Config,
    observers: Observers,
}

impl Cradle {
    /// Opens or creates the database at `path` and migrates it. Touches no network.
    pub fn open(path: impl AsRef<Path>, config: Config) -> Result<Self> {
        let conn = storage::open(path.as_ref())?;
        Ok(Self {
            db: Mutex::new(conn),
            config,
            observers: Observers::default(),
        })
    }

    fn db(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written
        // (transactions roll back on drop), so a poisoned lock is still usable.
        self.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn profile(&self) -> Result<Option<Profile>> {
        profile::load(&self.db())
    }

    /// Validates and saves the profile, then tells observers.
    pub fn set_profile(
        &self,
        display_name: Option<&str>,
        locale: &str,
        time_zone: &str,
    ) -> Result<Profile> {
        let profile = profile::validate(display_name, locale, time_zone)?;
        let now = self.config.clock.now().to_string();
        profile::save(&self.db(), &profile, &now)?;
        self.observers.notify(DataArea::Profile);
        Ok(profile)
    }

    /// The user's time zone: the profile's, else the device's.
    pub fn time_zone(&self) -> Result<TimeZone> {
        Ok(self
            .profile()?
            .map_or_else(|| self.config.device_time_zone.clone(), |p| p.time_zone))
    }

    /// Today as the user's clock and zone see it.
    pub fn today(&self) -> Result<Today> {
        let date = clock::local_date(self.config.clock.now(), &self.time_zone()?);
        self.today_on(date)
    }

    /// The Today screen as it is (or was, or will be) on the local `date`.
    pub fn today_on(&self, date: Date) -> Result<Today> {
        let profile = self.profile()?;
        let time_zone = profile.as_ref().map_or_else(
            || self.config.device_time_zone.clone(),
            |p| p.time_zone.clone(),
        );
        let locale = profile
            .as_ref()
            .map_or(self.config.device_locale.as_str(), |p| p.locale.as_str());
        Ok(Today {
            date,
            time_zone,
            language: Language::for_locale(locale),
            profile,
        })
    }

    pub fn subscribe(&self, observer: Arc<dyn ChangeObserver>) -> SubscriptionId {
        self.observers.subscribe(observer)
    }

    /// Returns whether `id` was subscribed.
    pub fn unsubscribe(&self, id: SubscriptionId) -> bool {
        self.observers.unsubscribe(id)
    }
}

impl std::fmt::Debug for Cradle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cradle").finish_non_exhaustive()
    }
}
