//! Her profile, consents, the Settings screen, and export and deletion of her data.

use super::*;

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

/// One purpose she is asked about; `answered_at_epoch_ms` is `None` until asked.
#[derive(uniffi::Record)]
pub struct ConsentInfo {
    pub purpose: Purpose,
    pub granted: bool,
    pub answered_at_epoch_ms: Option<i64>,
    /// The privacy notice version she answered under.
    pub notice: Option<u32>,
}

impl From<Consent> for ConsentInfo {
    fn from(c: Consent) -> Self {
        Self {
            purpose: c.purpose,
            granted: c.granted,
            answered_at_epoch_ms: c.answered_at.map(|t| t.as_millisecond()),
            notice: c.notice,
        }
    }
}

/// Everything the settings screen shows, in one crossing.
#[derive(uniffi::Record)]
pub struct SettingsScreen {
    pub profile: Option<ProfileInfo>,
    pub language: Language,
    pub consents: Vec<ConsentInfo>,
    pub account: Option<SyncAccount>,
    pub sync: SyncState,
    /// The sync badge in her language.
    pub sync_text: String,
    pub reminders: ReminderSettings,
}

#[uniffi::export]
impl CradleCore {
    pub fn settings_screen(&self) -> Result<SettingsScreen> {
        let s = self.core.settings_screen()?;
        Ok(SettingsScreen {
            language: s.language,
            profile: s.profile.map(Into::into),
            consents: s.consents.into_iter().map(Into::into).collect(),
            account: s
                .account
                .map(|(server_url, login)| SyncAccount { server_url, login }),
            sync: s.sync.into(),
            sync_text: s.sync_text,
            reminders: s.reminders.into(),
        })
    }

    pub fn sync_status(&self) -> Result<SyncState> {
        Ok(self.core.sync().sync_status()?.into())
    }

    pub fn sync_account(&self) -> Result<Option<SyncAccount>> {
        Ok(self
            .core
            .sync()
            .sync_account()?
            .map(|(server_url, login)| SyncAccount { server_url, login }))
    }

    pub fn recovery_code(&self) -> Result<Option<String>> {
        Ok(self.core.sync().recovery_code()?)
    }

    pub fn sync_conflicts(&self) -> Result<Vec<SyncConflictInfo>> {
        Ok(self
            .core
            .sync()
            .sync_conflicts()?
            .into_iter()
            .map(|c| SyncConflictInfo {
                collection: c.collection,
                doc: c.doc,
                field: c.field,
                lost_value: c.lost_value,
                won_value: c.won_value,
                noted_at_epoch_ms: c.noted_at.as_millisecond(),
            })
            .collect())
    }
}

#[uniffi::export]
impl CradleCore {
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

    /// Switches the language, keeping her name and zone; on first run this
    /// creates the profile with the device's zone.
    pub fn set_language(&self, language: Language) -> Result<ProfileInfo> {
        Ok(self.core.set_language(language)?.into())
    }

    /// Sync, shop and notifications, in the order onboarding asks them.
    pub fn consents(&self) -> Result<Vec<ConsentInfo>> {
        Ok(self.core.consents()?.into_iter().map(Into::into).collect())
    }

    /// Grants or withdraws one purpose; returns all of them.
    pub fn set_consent(&self, purpose: Purpose, granted: bool) -> Result<Vec<ConsentInfo>> {
        Ok(self
            .core
            .set_consent(purpose, granted)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// "Export all my data": every record, as a JSON document.
    pub fn export_all_data(&self) -> Result<String> {
        Ok(self.core.export_all()?.to_string())
    }

    /// "Delete all my data" on this device, leaving nothing in the files.
    pub fn delete_all_data(&self) -> Result<()> {
        Ok(self.core.delete_all()?)
    }
}
