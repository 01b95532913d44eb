//! The FFI surface: thin conversions between `cradle-core` and UniFFI types.
//! No domain logic lives here. Each call returns a whole screen's data
//! because every crossing costs microseconds on Android.
//!
//! Every export that can fail returns `Result`: a Rust panic crossing into
//! Swift would end the app.

use cradle_core::events::{ChangeObserver, DataArea};
use cradle_core::profile::{Language, Profile};
use cradle_core::{Config, Cradle, CradleError};
use std::sync::Arc;

uniffi::setup_scaffolding!();

#[uniffi::remote(Error)]
pub enum CradleError {
    InvalidInput { field: String, reason: String },
    NotFound { what: String },
    Storage { reason: String },
    Network { reason: String },
    Server { status: u16 },
}

#[uniffi::remote(Enum)]
pub enum DataArea {
    Profile,
}

#[uniffi::remote(Enum)]
pub enum Language {
    ZhHans,
    En,
}

type Result<T> = std::result::Result<T, CradleError>;

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

#[derive(uniffi::Record)]
pub struct ProfileInfo {
    pub display_name: Option<String>,
    /// BCP 47, e.g. `zh-Hans-CN`.
    pub locale: String,
    /// IANA, e.g. `Asia/Shanghai`.
    pub time_zone: String,
}

impl From<Profile> for ProfileInfo {
    fn from(p: Profile) -> Self {
        Self {
            time_zone: p.time_zone_name().to_owned(),
            display_name: p.display_name,
            locale: p.locale,
        }
    }
}

#[derive(uniffi::Record)]
pub struct TodayScreen {
    /// The user's local date, ISO `YYYY-MM-DD`.
    pub date: String,
    pub time_zone: String,
    pub language: Language,
    pub profile: Option<ProfileInfo>,
}

#[derive(uniffi::Record)]
pub struct ServerHealth {
    pub status: String,
    pub version: String,
}

#[derive(uniffi::Object)]
pub struct CradleCore {
    core: Cradle,
}

#[uniffi::export]
impl CradleCore {
    /// Opens or creates the database at `path`. The device's zone and locale
    /// apply until the user saves a profile.
    #[uniffi::constructor]
    pub fn open(
        path: String,
        device_time_zone: String,
        device_locale: String,
    ) -> Result<Arc<Self>> {
        let config = Config::new(&device_time_zone, &device_locale)?;
        Ok(Arc::new(Self {
            core: Cradle::open(path, config)?,
        }))
    }

    pub fn profile(&self) -> Result<Option<ProfileInfo>> {
        Ok(self.core.profile()?.map(Into::into))
    }

    pub fn set_profile(&self, profile: ProfileInfo) -> Result<ProfileInfo> {
        Ok(self
            .core
            .set_profile(
                profile.display_name.as_deref(),
                &profile.locale,
                &profile.time_zone,
            )?
            .into())
    }

    pub fn today(&self) -> Result<TodayScreen> {
        let today = self.core.today()?;
        Ok(TodayScreen {
            date: today.date.to_string(),
            time_zone: cradle_core::clock::zone_name(&today.time_zone).to_owned(),
            language: today.language,
            profile: today.profile.map(Into::into),
        })
    }

    /// Returns an id for `unsubscribe`.
    pub fn subscribe(&self, listener: Arc<dyn ChangeListener>) -> u64 {
        self.core.subscribe(Arc::new(ListenerObserver(listener)))
    }

    pub fn unsubscribe(&self, subscription: u64) -> bool {
        self.core.unsubscribe(subscription)
    }
}

/// Checks that `base_url` is a reachable Cradle server (account set-up uses it).
#[uniffi::export(async_runtime = "tokio")]
pub async fn check_server(base_url: String) -> Result<ServerHealth> {
    let health = cradle_core::api::Client::new(&base_url)?.health().await?;
    Ok(ServerHealth {
        status: health.status,
        version: health.version,
    })
}
