//! The open database and the one way to write to it: a transaction, then
//! the observers hear of it after the commit.

use crate::clock::{self, Clock};
use crate::error::Result;
use crate::events::{DataArea, Observers};
use crate::profile::{self, Language, Profile};
use crate::storage::{self, DbKey, Schema};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use rusqlite::{Connection, Transaction};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// What the device says before she saves a profile, and its clock.
#[derive(Clone)]
pub struct Device {
    pub clock: Arc<dyn Clock>,
    pub time_zone: TimeZone,
    pub locale: String,
}

/// What every write and plan needs to know about "now".
pub struct Ctx {
    pub today: Date,
    pub now: Timestamp,
    /// `now` in RFC 3339, as rows store it.
    pub now_text: String,
    pub zone: TimeZone,
    pub language: Language,
    pub profile: Option<Profile>,
}

/// A rule every write keeps, checked in its transaction before the commit
/// (sync's: a change that could never reach her other devices is refused,
/// with its field named, rather than jamming the queue).
pub trait WriteRule: Send + Sync {
    /// A mark read before the change runs, handed back to `check`.
    fn before(&self, tx: &Transaction<'_>) -> Result<i64>;
    fn check(&self, tx: &Transaction<'_>, before: i64) -> Result<()>;
}

pub struct Store {
    db: Mutex<Connection>,
    device: Device,
    observers: Observers,
    rule: Box<dyn WriteRule>,
}

impl Store {
    /// Opens or creates the encrypted database at `path` and brings it up
    /// to `schema`. A key that does not open it is `Error::WrongKey`.
    pub fn open(
        path: &Path,
        key: &DbKey,
        schema: &Schema,
        device: Device,
        rule: Box<dyn WriteRule>,
    ) -> Result<Self> {
        Ok(Self {
            db: Mutex::new(storage::open(path, key, schema)?),
            device,
            observers: Observers::default(),
            rule,
        })
    }

    pub fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written
        // (transactions roll back on drop), so a poisoned lock is still usable.
        self.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn observers(&self) -> &Observers {
        &self.observers
    }

    pub fn device(&self) -> &Device {
        &self.device
    }

    /// `f` runs in one transaction with her "now", then the write rule; an
    /// error rolls it all back. The areas' observers hear of it after the
    /// commit, with no lock held, so they may read straight back.
    pub fn write<T>(
        &self,
        areas: &[DataArea],
        f: impl FnOnce(&Transaction<'_>, &Ctx) -> Result<T>,
    ) -> Result<T> {
        // Every feature writes through here, dozens of call sites: only
        // this handing over is compiled per caller, the write itself once.
        let mut f = Some(f);
        let mut value = None;
        self.write_once(areas, &mut |tx, ctx| {
            if let Some(f) = f.take() {
                value = Some(f(tx, ctx)?);
            }
            Ok(())
        })?;
        Ok(value.expect("write_once runs its closure before it commits"))
    }

    fn write_once(
        &self,
        areas: &[DataArea],
        f: &mut dyn FnMut(&Transaction<'_>, &Ctx) -> Result<()>,
    ) -> Result<()> {
        {
            let mut db = self.conn();
            let ctx = self.ctx(&db)?;
            let tx = db.transaction()?;
            let mark = self.rule.before(&tx)?;
            f(&tx, &ctx)?;
            self.rule.check(&tx, mark)?;
            tx.commit()?;
        }
        for area in areas {
            self.observers.notify(*area);
        }
        Ok(())
    }

    /// Her "now": instant, zone, local date and language, from her profile
    /// or, before she saves one, the device's.
    pub fn ctx(&self, db: &Connection) -> Result<Ctx> {
        let profile = profile::load(db)?;
        let (zone, locale) = match &profile {
            Some(p) => (p.time_zone.clone(), p.locale.as_str()),
            None => (self.device.time_zone.clone(), self.device.locale.as_str()),
        };
        let now = self.device.clock.now();
        Ok(Ctx {
            today: clock::local_date(now, &zone),
            now_text: now.to_string(),
            now,
            language: Language::for_locale(locale),
            zone,
            profile,
        })
    }
}
