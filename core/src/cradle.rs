//! The facade every shell drives: one open database, the clock and the
//! observers. Methods take `&self` and are safe to call from any thread.

use crate::clock::{self, Clock, SystemClock};
use crate::error::Result;
use crate::events::{ChangeObserver, DataArea, Observers, SubscriptionId};
use crate::profile::{self, Language, Profile};
use crate::storage;
use crate::timeline::baby::Birth;
use crate::timeline::dating::DatingInput;
use crate::timeline::gestation::Trimesters;
use crate::timeline::{self, HistoryEntry, Timeline};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use rusqlite::{Connection, Transaction};
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
    pub trimesters: Trimesters,
}

impl Config {
    pub fn new(device_time_zone: &str, device_locale: &str) -> Result<Self> {
        Ok(Self {
            clock: Arc::new(SystemClock),
            device_time_zone: profile::parse_time_zone(device_time_zone)?,
            device_locale: profile::validate_locale(device_locale)?,
            trimesters: Trimesters::default(),
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
    pub timeline: Timeline,
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
        self.write(DataArea::Profile, |tx, _, now| {
            profile::save(tx, &profile, now)
        })?;
        Ok(profile)
    }

    /// The one way the core writes: in a transaction, then observers hear
    /// of it after the commit. `f` gets the user's local date and the
    /// current instant (RFC 3339); an error rolls everything back.
    fn write<T>(
        &self,
        area: DataArea,
        f: impl FnOnce(&Transaction<'_>, Date, &str) -> Result<T>,
    ) -> Result<T> {
        let now = self.config.clock.now();
        let value = {
            let mut db = self.db();
            let zone = profile::load(&db)?
                .map_or_else(|| self.config.device_time_zone.clone(), |p| p.time_zone);
            let tx = db.transaction()?;
            let value = f(&tx, clock::local_date(now, &zone), &now.to_string())?;
            tx.commit()?;
            value
        };
        self.observers.notify(area);
        Ok(value)
    }

    /// Records a way of dating the pregnancy, starting one if none is ongoing.
    pub fn record_dating(&self, input: DatingInput) -> Result<()> {
        self.write(DataArea::Timeline, |tx, today, now| {
            timeline::record_dating(tx, input, today, now)
        })
    }

    pub fn record_birth(&self, birth: Birth) -> Result<()> {
        self.write(DataArea::Timeline, |tx, today, now| {
            timeline::record_birth(tx, birth, today, now)
        })
    }

    pub fn record_loss(&self, date: Date) -> Result<()> {
        self.write(DataArea::Timeline, |tx, today, _| {
            timeline::record_loss(tx, date, today)
        })
    }

    /// Deletes archived (lost) pregnancies; returns how many.
    pub fn delete_lost_pregnancies(&self) -> Result<usize> {
        self.write(DataArea::Timeline, |tx, _, _| {
            timeline::delete_lost_pregnancies(tx)
        })
    }

    /// `Some(since)` starts "trying to conceive"; `None` stops it.
    pub fn set_trying(&self, since: Option<Date>) -> Result<()> {
        self.write(DataArea::Timeline, |tx, today, _| {
            timeline::set_trying(tx, since, today)
        })
    }

    /// Every dating estimate of the ongoing pregnancy, oldest first.
    pub fn dating_history(&self) -> Result<Vec<HistoryEntry>> {
        timeline::ongoing_history(&self.db())
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
        let (profile, state) = {
            let db = self.db();
            (profile::load(&db)?, timeline::load(&db)?)
        };
        let time_zone = profile.as_ref().map_or_else(
            || self.config.device_time_zone.clone(),
            |p| p.time_zone.clone(),
        );
        let locale = profile
            .as_ref()
            .map_or(self.config.device_locale.as_str(), |p| p.locale.as_str());
        let language = Language::for_locale(locale);
        Ok(Today {
            date,
            time_zone,
            language,
            timeline: state.on(date, language, &self.config.trimesters),
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
