//! Sync: the account, the status and its listener.

use super::*;

#[derive(uniffi::Record)]
pub struct ServerHealth {
    pub status: String,
    pub version: String,
}

/// Sync as the shells show it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum SyncState {
    /// Not linked to an account: everything stays on the device.
    SignedOut,
    Waiting {
        pending: u64,
        last_synced_at_epoch_ms: Option<i64>,
    },
    Offline {
        pending: u64,
    },
    Syncing {
        pushed: u64,
        pending: u64,
    },
    UpToDate {
        last_synced_at_epoch_ms: i64,
    },
    /// Ask her to sign in again; queued changes are kept.
    SignInRequired {
        pending: u64,
    },
    /// She withdrew consent to sync; changes stay on the device.
    Paused {
        pending: u64,
    },
    Error {
        reason: String,
        pending: u64,
        retry_after_secs: Option<u64>,
    },
}

impl From<SyncStatus> for SyncState {
    fn from(s: SyncStatus) -> Self {
        match s {
            SyncStatus::SignedOut => SyncState::SignedOut,
            SyncStatus::Waiting {
                pending,
                last_synced_at,
            } => SyncState::Waiting {
                pending,
                last_synced_at_epoch_ms: last_synced_at.map(|t| t.as_millisecond()),
            },
            SyncStatus::Offline { pending } => SyncState::Offline { pending },
            SyncStatus::Syncing { pushed, pending } => SyncState::Syncing { pushed, pending },
            SyncStatus::UpToDate { last_synced_at } => SyncState::UpToDate {
                last_synced_at_epoch_ms: last_synced_at.as_millisecond(),
            },
            SyncStatus::SignInRequired { pending } => SyncState::SignInRequired { pending },
            SyncStatus::Paused { pending } => SyncState::Paused { pending },
            SyncStatus::Error {
                reason,
                pending,
                retry_after_secs,
            } => SyncState::Error {
                reason,
                pending,
                retry_after_secs,
            },
        }
    }
}

/// What one sync did.
#[derive(uniffi::Record)]
pub struct SyncSummary {
    pub pushed: u64,
    /// Changes the server refused for good (an edit to a deleted record, say).
    pub rejected: u64,
    pub pulled: u64,
    pub skipped: u64,
}

/// A concurrent edit that lost; values are JSON.
#[derive(uniffi::Record)]
pub struct SyncConflictInfo {
    pub collection: String,
    pub doc: String,
    pub field: String,
    pub lost_value: String,
    pub won_value: String,
    pub noted_at_epoch_ms: i64,
}

#[derive(uniffi::Record)]
pub struct SyncAccount {
    pub server_url: String,
    pub login: String,
}

/// Hears every sync status change (offline, syncing with progress, up to
/// date, sign in again, error), on the thread that syncs.
#[uniffi::export(with_foreign)]
pub trait SyncStatusListener: Send + Sync {
    fn sync_status_changed(&self, status: SyncState);
}

pub(crate) struct StatusForwarder(pub(crate) Arc<dyn SyncStatusListener>);

impl SyncListener for StatusForwarder {
    fn status_changed(&self, status: &SyncStatus) {
        self.0.sync_status_changed(status.clone().into());
    }
}

/// Accounts and sync: the calls that touch the network are async on tokio;
/// none of them runs at start-up.
/// Her account and sync, as `core.sync()` hands them out.
#[derive(uniffi::Object)]
pub struct SyncClient {
    core: Arc<CradleCore>,
}

#[uniffi::export]
impl CradleCore {
    pub fn sync(self: Arc<Self>) -> Arc<SyncClient> {
        Arc::new(SyncClient { core: self })
    }
}

impl SyncClient {
    fn sync(&self) -> cradle_core::sync::SyncClient<'_> {
        self.core.core.sync()
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl SyncClient {
    /// Creates an account, links this device and returns the recovery code
    /// for her to keep.
    pub async fn register(
        &self,
        server_url: String,
        login: String,
        password: String,
        device: String,
    ) -> Result<String> {
        Ok(self
            .sync()
            .register(&server_url, &login, &password, &device)
            .await?)
    }

    /// Signs in; a device not yet linked needs the recovery code.
    pub async fn login(
        &self,
        server_url: String,
        login: String,
        password: String,
        device: String,
        recovery_code: Option<String>,
    ) -> Result<()> {
        Ok(self
            .sync()
            .login(
                &server_url,
                &login,
                &password,
                &device,
                recovery_code.as_deref(),
            )
            .await?)
    }

    /// Pushes queued changes and pulls until up to date.
    pub async fn sync_now(&self) -> Result<SyncSummary> {
        let r = self.sync().sync_now().await?;
        Ok(SyncSummary {
            pushed: r.pushed,
            rejected: r.rejected,
            pulled: r.pulled,
            skipped: r.skipped,
        })
    }

    pub async fn sign_out(&self) -> Result<()> {
        Ok(self.sync().sign_out().await?)
    }

    pub async fn sign_out_everywhere(&self) -> Result<()> {
        Ok(self.sync().sign_out_everywhere().await?)
    }

    /// Erases the account and all the server holds for it.
    pub async fn delete_account(&self, password: String) -> Result<()> {
        Ok(self.sync().delete_account(&password).await?)
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
