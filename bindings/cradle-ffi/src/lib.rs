//! The FFI surface: thin conversions between `cradle-core` and UniFFI types.
//! No domain logic lives here. Each call returns a whole screen's data
//! because every crossing costs microseconds on Android.
//!
//! Every export that can fail returns `Result`: a Rust panic crossing into
//! Swift would end the app.
//!
//! One file per feature (timeline, reminders, records, journal, trends,
//! clinic, settings, sync, shop), each with its types and its own
//! `#[uniffi::export] impl CradleCore` block; this file holds the object,
//! the error and what every feature shares.

use cradle_core::api::{PROVINCES, ShipTo};
use cradle_core::consent::{Consent, Purpose};
use cradle_core::error::{Problem, ProblemKind};
use cradle_core::events::{ChangeObserver, DataArea};
use cradle_core::links::Link;
use cradle_core::profile::{Language, Profile};
use cradle_core::records::gain::Baseline;
use cradle_core::records::growth::Indicator;
use cradle_core::records::insights::Insight;
use cradle_core::records::journal::{Entry, Filter, JournalEntry};
use cradle_core::records::sessions::{CallRule, ContractionTimer, KickSession};
use cradle_core::records::symptoms::Severity;
use cradle_core::records::trends::{
    BandPoint, Curve, GlucosePoint, GrowthPoint, GrowthSeries, PressurePoint, Trends, WeightBand,
    WeightPoint,
};
use cradle_core::records::{GlucoseContext, GlucoseUnit, Measurement, ShownRecord, WeightUnit};
use cradle_core::reminders::notify::Notification;
use cradle_core::reminders::repeat::{self, Draft, Ends, Every, Repeat, Weekday};
use cradle_core::reminders::{DoseGiven, Item, Kind, Settings, Status};
use cradle_core::shop::addresses::AddressView;
use cradle_core::shop::bag::HospitalBag;
use cradle_core::shop::checkout::{CheckoutReview, OrderView, Refill, ReturnItem};
use cradle_core::shop::status::{self, Choice};
use cradle_core::shop::{CartView, CatalogUpdate, ProductPage, ShopScreen};
use cradle_core::storage::DbKey;
use cradle_core::sync::{SyncListener, SyncStatus};
use cradle_core::timeline::baby::Sex;
use cradle_core::timeline::baby::{Birth, BirthFacts, HbsAg};
use cradle_core::timeline::content::{MonthContent, WeekContent};
use cradle_core::timeline::dating::{DatingInput, Method, Scan};
use cradle_core::timeline::gestation::{GestationalAge, TermClass};
use cradle_core::timeline::journey::{Journey, Page, Step, When};
use cradle_core::timeline::{BabyStatus, PregnancyStatus, Stage};
use cradle_core::{Config, Cradle, CradleError, KickAction, Snooze};
use std::sync::Arc;

uniffi::setup_scaffolding!();

mod clinic;
mod journal;
mod records;
mod reminders;
mod settings;
mod shop;
mod subscriptions;
mod sync;
mod timeline;
mod trends;

use journal::*;
use records::*;
use reminders::*;
use sync::*;
use trends::*;
// What the benches (and any Rust caller) name directly.
pub use settings::ProfileInfo;
pub use timeline::Dating;

#[uniffi::remote(Error)]
pub enum CradleError {
    InvalidInput { field: String, reason: String },
    NotFound { what: String },
    Storage { reason: String },
    Network { reason: String },
    Server { status: u16 },
    WrongKey,
    SignInRequired,
    ConsentRequired { purpose: Purpose },
}

type Result<T> = std::result::Result<T, CradleError>;

/// What a screen keeps of a caught `CradleError` to show it.
#[uniffi::remote(Record)]
pub struct Problem {
    pub kind: ProblemKind,
    #[uniffi(default)]
    pub field: Option<String>,
    #[uniffi(default)]
    pub detail: Option<String>,
    #[uniffi(default)]
    pub purpose: Option<Purpose>,
}

#[uniffi::remote(Enum)]
pub enum ProblemKind {
    InvalidInput,
    NotFound,
    Storage,
    Network,
    Server,
    WrongKey,
    SignInRequired,
    ConsentRequired,
}

/// A problem in her language, from the core's catalogue: the field and the
/// rule it broke, never a raw key or a value she typed.
#[uniffi::export]
pub fn describe_problem(problem: Problem, language: Language) -> String {
    cradle_core::words::problem(&problem, language)
}

/// What she agrees to, named as Settings and every consent question name it.
#[uniffi::export]
pub fn purpose_name(purpose: Purpose, language: Language) -> String {
    cradle_core::words::purpose(purpose, language).into()
}

/// A shell's view of "data changed"; the shell refreshes the matching screen.
#[uniffi::export(with_foreign)]
pub trait ChangeListener: Send + Sync {
    fn data_changed(&self, area: DataArea);
}

struct ListenerObserver(Arc<dyn ChangeListener>);

impl ChangeObserver for ListenerObserver {
    fn data_changed(&self, area: DataArea) {
        self.0.data_changed(area);
    }
}

#[derive(uniffi::Object)]
pub struct CradleCore {
    core: Cradle,
}

/// Where a `cradle://` link (a notification's, a shared one) opens the app;
/// anything else is an `InvalidInput` error naming `link`.
#[uniffi::export]
pub fn parse_link(url: String) -> Result<Link> {
    Ok(Link::parse(&url)?)
}

/// The calendar day a platform date picker chose, as `YYYY-MM-DD`, so no
/// shell converts dates itself. Android's Material picker reports UTC
/// midnight (pass "UTC"); iOS's DatePicker an instant in the device's zone.
#[uniffi::export]
pub fn picked_date(epoch_ms: i64, time_zone: String) -> Result<String> {
    Ok(cradle_core::clock::picked_date(epoch_ms, &time_zone)?.to_string())
}

/// A new random 32-byte database key, for the shell to keep in the Keychain
/// or wrap with the Android Keystore on first launch.
#[uniffi::export]
pub fn generate_database_key() -> Result<Vec<u8>> {
    Ok(DbKey::generate()?.to_bytes())
}

#[uniffi::export]
impl CradleCore {
    /// Opens or creates the encrypted database at `path` with the 32-byte
    /// `key` from the Keychain or Keystore (`CradleError.WrongKey` if it does
    /// not match). The device's zone and locale apply until the user saves a
    /// profile.
    #[uniffi::constructor]
    pub fn open(
        path: String,
        key: Vec<u8>,
        device_time_zone: String,
        device_locale: String,
    ) -> Result<Arc<Self>> {
        let key = DbKey::from_bytes(&key)?;
        let config = Config::new(&device_time_zone, &device_locale, key)?;
        Ok(Arc::new(Self {
            core: Cradle::open(path, config)?,
        }))
    }
}
