//! The facade every shell drives: one open database, the clock and the
//! observers. Methods take `&self` and are safe to call from any thread.

use crate::clock::{self, Clock, SystemClock};
use crate::consent::{self, Purpose};
use crate::error::Result;
use crate::events::{ChangeObserver, DataArea, PROFILE, SubscriptionId};
use crate::privacy;
use crate::profile::{self, Language, Profile};
use crate::records::babylog::BabyDay;
use crate::records::insights::Insight;
use crate::records::sessions::{self, CallRule, ContractionTimer, KickSession};
use crate::records::trends::{self, WeightChart};
use crate::records::{self, Records, ShownRecord};
use crate::reminders::notify::Notification;
use crate::reminders::{self, Item, News, Reminders, Settings};
use crate::schema::SCHEMA;
use crate::storage::DbKey;
use crate::sync::{self, SyncOptions};
use crate::timeline::gestation::Trimesters;
use crate::timeline::gestation::add_days;
use crate::timeline::{self, Stage, Timeline, TimelineClient};
use cradle_store::{Device, Store};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use rusqlite::{Connection, Transaction};
use std::path::Path;
use std::sync::{Arc, MutexGuard};

/// What the device tells the core before any profile exists.
#[derive(Clone)]
pub struct Config {
    pub clock: Arc<dyn Clock>,
    /// The device's time zone, used until the user saves a profile.
    pub device_time_zone: TimeZone,
    /// The device's locale, used until the user saves a profile.
    pub device_locale: String,
    pub trimesters: Trimesters,
    /// The database key, from the platform's secure storage.
    pub key: DbKey,
    pub sync: SyncOptions,
}

impl Config {
    pub fn new(device_time_zone: &str, device_locale: &str, key: DbKey) -> Result<Self> {
        Ok(Self {
            key,
            clock: Arc::new(SystemClock),
            device_time_zone: profile::parse_time_zone(device_time_zone)?,
            device_locale: profile::validate_locale(device_locale)?,
            trimesters: Trimesters::default(),
            sync: SyncOptions::default(),
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
    /// The next checkup, vaccine or custom reminder still to do, within
    /// [`TODAY_LOOKAHEAD_DAYS`].
    pub next_reminder: Option<Item>,
    /// The most urgent insight now, if any (`insights()` orders by urgency);
    /// like `sync`, it is about the present even for `today_on` another date.
    pub flag: Option<Insight>,
    pub sync: sync::SyncStatus,
    /// `sync` in a few words (`sync::words::badge`).
    pub sync_text: String,
}

/// The Records screen, read in one transaction.
#[derive(Debug, Clone)]
pub struct RecordsScreen {
    pub stage: Stage,
    /// Her [`RECENT_RECORDS`] newest readings, newest first.
    pub recent: Vec<ShownRecord>,
    pub kicks: Option<KickSession>,
    pub contractions: ContractionTimer,
    /// The most urgent insight now, as on Today.
    pub flag: Option<Insight>,
    pub weight: WeightChart,
    /// Today's log for each baby, after the birth.
    pub babies: Vec<BabyDay>,
}

/// The Settings screen, read in one transaction.
#[derive(Debug, Clone)]
pub struct SettingsScreen {
    pub profile: Option<Profile>,
    pub language: Language,
    /// Every purpose, in the order the shells ask.
    pub consents: Vec<consent::Consent>,
    /// The linked server and login, if any.
    pub account: Option<(String, String)>,
    pub sync: sync::SyncStatus,
    /// `sync` in a few words (`sync::words::badge`).
    pub sync_text: String,
    pub reminders: Settings,
}

/// How many readings the Records screen lists.
pub const RECENT_RECORDS: u32 = 20;

/// How far ahead Today looks for the next reminder. Beyond it (the long gaps
/// between later childhood vaccines) Today shows nothing due, and the
/// Reminders screen and notification plan still carry the next item.
pub const TODAY_LOOKAHEAD_DAYS: i64 = 90;

pub(crate) use cradle_store::Ctx;

pub struct Cradle {
    pub(crate) store: Store,
    pub(crate) config: Config,
    rules: reminders::RuleCache,
    pub(crate) sync_engine: sync::Engine,
}

impl Cradle {
    /// Opens or creates the encrypted database at `path` and migrates it.
    /// Touches no network. A key that does not open an existing database is
    /// `Error::WrongKey`, and the file is left as it was.
    pub fn open(path: impl AsRef<Path>, config: Config) -> Result<Self> {
        let device = Device {
            clock: Arc::clone(&config.clock),
            time_zone: config.device_time_zone.clone(),
            locale: config.device_locale.clone(),
        };
        Ok(Self {
            store: Store::open(
                path.as_ref(),
                &config.key,
                &SCHEMA,
                device,
                Box::new(sync::FitsTheWire),
            )?,
            config,
            rules: reminders::RuleCache::default(),
            sync_engine: sync::Engine::new(path.as_ref()),
        })
    }

    pub(crate) fn db(&self) -> MutexGuard<'_, Connection> {
        self.store.conn()
    }

    /// Her readings, journal, symptoms, kicks, contractions, trends, advice
    /// and the clinic export.
    pub fn records(&self) -> Records<'_> {
        Records::new(&self.store, &self.config.trimesters)
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
        self.write(PROFILE, |tx, c| profile::save(tx, &profile, &c.now_text))?;
        Ok(profile)
    }

    /// Switches the app's language, keeping her name and time zone (the
    /// device's, on first run). A locale that already speaks it is kept
    /// (her profile's, else the device's), so regional formats stay.
    pub fn set_language(&self, language: Language) -> Result<Profile> {
        let current = self.profile()?;
        let device = &self.config.device_locale;
        let locale = match &current {
            Some(p) if Language::for_locale(&p.locale) == language => p.locale.as_str(),
            _ if Language::for_locale(device) == language => device.as_str(),
            _ => language.code(),
        };
        let zone = current.as_ref().map_or_else(
            || clock::zone_name(&self.config.device_time_zone),
            |p| p.time_zone_name(),
        );
        let name = current.as_ref().and_then(|p| p.display_name.as_deref());
        self.set_profile(name, locale, zone)
    }

    /// The one way the core writes: `Store::write`, under sync's rule.
    pub(crate) fn write<T>(
        &self,
        areas: &[DataArea],
        f: impl FnOnce(&Transaction<'_>, &Ctx) -> Result<T>,
    ) -> Result<T> {
        self.store.write(areas, f)
    }

    /// The user's "now": instant, zone, local date and language.
    pub(crate) fn ctx(&self, db: &Connection) -> Result<Ctx> {
        self.store.ctx(db)
    }

    /// Her pregnancy and babies: dating, a birth, a loss, trying, and
    /// where she stands.
    pub fn timeline(&self) -> TimelineClient<'_> {
        TimelineClient::new(&self.store, &self.config.trimesters)
    }

    /// Her reminders, their notifications and her reminder settings.
    pub fn reminders(&self) -> Reminders<'_> {
        Reminders::new(&self.store, &self.rules, self)
    }

    /// "Export all my data": every record the app holds, as JSON.
    pub fn export_all(&self) -> Result<serde_json::Value> {
        let db = self.db();
        let c = self.ctx(&db)?;
        privacy::export_all(&db, &c.now_text)
    }

    /// "Delete all my data": every local record, including the profile and
    /// the link to a sync account, with nothing left in the database files.
    /// What the server holds stays until she deletes the account too.
    pub fn delete_all(&self) -> Result<()> {
        self.write(
            &[
                DataArea::Profile,
                DataArea::Timeline,
                DataArea::Reminders,
                DataArea::Records,
            ],
            |tx, _| privacy::delete_all(tx),
        )?;
        privacy::scrub(&self.db())?;
        // The link to the account went with everything else.
        self.sync().refresh_status()
    }

    /// The user's language: the profile's, else the device's.
    pub fn language(&self) -> Result<Language> {
        Ok(self.ctx(&self.db())?.language)
    }

    /// The user's time zone: the profile's, else the device's.
    pub fn time_zone(&self) -> Result<TimeZone> {
        Ok(self.ctx(&self.db())?.zone)
    }

    /// Today as the user's clock and zone see it.
    pub fn today(&self) -> Result<Today> {
        self.today_at(None)
    }

    /// The Today screen as it is (or was, or will be) on the local `date`.
    pub fn today_on(&self, date: Date) -> Result<Today> {
        self.today_at(Some(date))
    }

    fn today_at(&self, date: Option<Date>) -> Result<Today> {
        let db = self.db();
        let tx = db.unchecked_transaction()?;
        let c = self.ctx(&tx)?;
        let date = date.unwrap_or(c.today);
        let state = timeline::load(&tx)?;
        let next_reminder = reminders::load(&tx, c.language, &self.rules)?
            .list(date, add_days(date, TODAY_LOOKAHEAD_DAYS)?)?
            .into_iter()
            .find(|i| {
                matches!(
                    i.status,
                    reminders::Status::Pending | reminders::Status::Snoozed
                )
            });
        let flag = self
            .records()
            .insights_in(&tx, &c, &state)?
            .into_iter()
            .next();
        let sync = self.sync().sync_status_in(&tx)?;
        Ok(Today {
            sync_text: sync::words::badge(&sync, c.language),
            date,
            timeline: state.on(date, c.language, &self.config.trimesters),
            time_zone: c.zone,
            language: c.language,
            profile: c.profile,
            next_reminder,
            flag,
            sync,
        })
    }

    /// The Settings screen: her profile, consents, account, sync and
    /// reminder settings, from one read of the database.
    pub fn settings_screen(&self) -> Result<SettingsScreen> {
        let db = self.db();
        let tx = db.unchecked_transaction()?;
        let c = self.ctx(&tx)?;
        let sync = self.sync().sync_status_in(&tx)?;
        Ok(SettingsScreen {
            consents: Purpose::ALL
                .into_iter()
                .map(|p| consent::load(&tx, p))
                .collect::<Result<_>>()?,
            account: sync::account_in(&tx)?,
            sync_text: sync::words::badge(&sync, c.language),
            sync,
            reminders: reminders::load(&tx, c.language, &self.rules)?.settings,
            language: c.language,
            profile: c.profile,
        })
    }

    /// The Records screen: her newest readings worded in her language, the
    /// kick counter, the contraction timer, the most urgent note, the weight
    /// chart and today's baby log, all from one read of the database.
    pub fn records_screen(&self, rule: CallRule) -> Result<RecordsScreen> {
        let db = self.db();
        let tx = db.unchecked_transaction()?;
        let c = self.ctx(&tx)?;
        let state = timeline::load(&tx)?;
        let screen = RecordsScreen {
            stage: state.on(c.today, c.language, &self.config.trimesters).stage,
            recent: records::recent(&tx, RECENT_RECORDS)?
                .into_iter()
                .map(|r| ShownRecord::new(r, c.language, &c.zone))
                .collect(),
            kicks: sessions::latest_kick_session(&tx, c.now)?,
            contractions: sessions::contraction_timer(&tx, c.now, rule)?,
            flag: self
                .records()
                .insights_in(&tx, &c, &state)?
                .into_iter()
                .next(),
            weight: trends::weights(&tx, &state, &c.zone, c.now, c.language)?,
            babies: self.records().baby_days_in(&tx, &c, &state)?,
        };
        // Kept: the chart may have rebuilt its day table for a new offset.
        tx.commit()?;
        Ok(screen)
    }

    pub fn subscribe(&self, observer: Arc<dyn ChangeObserver>) -> SubscriptionId {
        self.store.observers().subscribe(observer)
    }

    /// Returns whether `id` was subscribed.
    pub fn unsubscribe(&self, id: SubscriptionId) -> bool {
        self.store.observers().unsubscribe(id)
    }
}

impl std::fmt::Debug for Cradle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cradle").finish_non_exhaustive()
    }
}

impl News for Cradle {
    fn news(
        &self,
        db: &Connection,
        language: Language,
        now: Timestamp,
    ) -> Result<Vec<Notification>> {
        crate::shop::notices::plan(db, language, now)
    }
}
