//! Offline-first sync with `cradle-server` (docs/sync.md).
//!
//! Every local change is queued by SQLite triggers in the same transaction
//! as the change. A sync pushes the queue in batches, then pulls until the
//! server has nothing more, applying each page and saving its cursor in
//! one transaction. Failures back off exponentially with jitter and honour
//! `Retry-After`; only one sync runs at a time; nothing here runs on the
//! start-up path.

pub mod collections;
pub use cradle_protocol::seal as crypto;
mod outbox;
pub mod words;
pub use outbox::{FitsTheWire, Link};

use cradle_store::storage::Migration;

/// Sync's tables (the link, the queue, conflicts) and the triggers that
/// queue every synced table's changes.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 8,
        sql: include_str!("../migrations/0008_sync.sql"),
    },
    Migration {
        version: 9,
        sql: include_str!("../migrations/0009_sync_profile.sql"),
    },
    Migration {
        version: 10,
        sql: include_str!("../migrations/0010_sync_everything.sql"),
    },
    Migration {
        version: 20,
        sql: include_str!("../migrations/0020_pending_registration.sql"),
    },
];

use cradle_client::{
    self as api, ApiError, Client, Login, PROTOCOL_VERSION, PushRequest, Register,
};
use cradle_store::Store;
use cradle_store::consent::{self, Purpose};
use cradle_store::error::{Error, Result};
use crypto::SyncKey;
use jiff::Timestamp;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How sync talks to the network; the defaults suit a phone.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// One request's limit.
    pub request_timeout: Duration,
    /// Tries per sync before giving up until the next one.
    pub attempts: u32,
    /// The first back-off; it doubles each try, with jitter, up to `backoff_cap`.
    pub backoff_base: Duration,
    pub backoff_cap: Duration,
    /// Versions per pulled page.
    pub pull_limit: u32,
}

impl Default for SyncOptions {
    fn default() -> Self {
        Self {
            request_timeout: Duration::from_secs(30),
            attempts: 5,
            backoff_base: Duration::from_millis(500),
            backoff_cap: Duration::from_secs(30),
            pull_limit: 200,
        }
    }
}

/// What the shells show about sync (`--json`: `{"state": "waiting", …}`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SyncStatus {
    /// Not linked to an account: everything stays on the device.
    SignedOut,
    /// Linked; `pending` local changes wait for the next sync.
    Waiting {
        pending: u64,
        last_synced_at: Option<Timestamp>,
    },
    /// The server could not be reached.
    Offline {
        pending: u64,
    },
    Syncing {
        pushed: u64,
        pending: u64,
    },
    UpToDate {
        last_synced_at: Timestamp,
    },
    /// The server refused this device's session; queued changes are kept.
    SignInRequired {
        pending: u64,
    },
    /// Linked, but she withdrew consent to sync: nothing leaves the device,
    /// and changes keep queueing until she grants it again.
    Paused {
        pending: u64,
    },
    Error {
        reason: String,
        pending: u64,
        /// When the server asked to be left alone for longer than a sync waits.
        retry_after_secs: Option<u64>,
    },
}

/// The linked server and login, read through `db`.
pub fn account_in(db: &Connection) -> Result<Option<(String, String)>> {
    Ok(outbox::load(db)?.map(|l| (l.server_url, l.login)))
}

/// Hears every status change, on the thread that syncs.
pub trait SyncListener: Send + Sync {
    fn status_changed(&self, status: &SyncStatus);
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub pushed: u64,
    /// Pushed changes the server refused for good (they no longer block the queue).
    pub rejected: u64,
    pub pulled: u64,
    /// Pulled documents that could not be applied here.
    pub skipped: u64,
}

/// A concurrent edit that lost, for the user to review.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SyncConflict {
    pub collection: String,
    pub doc: String,
    pub field: String,
    /// JSON of the value that was overwritten, and of the one that won
    /// (`--json` gives them as JSON values, not strings).
    #[serde(serialize_with = "as_json")]
    pub lost_value: String,
    #[serde(serialize_with = "as_json")]
    pub won_value: String,
    pub noted_at: Timestamp,
}

fn as_json<S: serde::Serializer>(text: &str, s: S) -> std::result::Result<S::Ok, S::Error> {
    let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    serde::Serialize::serialize(&value, s)
}

/// Sync's state for one open database: one sync at a time, the last
/// status, listeners.
pub struct Engine {
    running: tokio::sync::Mutex<()>,
    /// Beside the database: held (an OS file lock) while this process
    /// syncs, so a sync in another process on the same database (the CLI
    /// beside the app's worker) waits for it rather than interleaving.
    lock_path: PathBuf,
    status: Mutex<Option<SyncStatus>>,
    listeners: Mutex<Vec<(u64, Arc<dyn SyncListener>)>>,
    next_listener: Mutex<u64>,
}

impl Engine {
    pub fn new(db_path: &Path) -> Self {
        let mut name = db_path.as_os_str().to_owned();
        name.push(".sync-lock");
        Self {
            running: tokio::sync::Mutex::new(()),
            lock_path: PathBuf::from(name),
            status: Mutex::default(),
            listeners: Mutex::default(),
            next_listener: Mutex::default(),
        }
    }
}

/// One sync at a time on a database: this process's turn, then the file
/// lock every process takes. Released on drop (and by the OS if the process
/// dies).
struct Turn<'a> {
    _here: tokio::sync::MutexGuard<'a, ()>,
    _file: std::fs::File,
}

/// How long a sync waits for another process's; a sync gives up long before.
const TURN_WAIT: Duration = Duration::from_secs(600);

/// One sync round's failure: from the server, or local.
enum Fail {
    Api(ApiError),
    Local(Error),
}

impl From<ApiError> for Fail {
    fn from(e: ApiError) -> Self {
        Fail::Api(e)
    }
}

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail::Local(e)
    }
}

impl From<rusqlite::Error> for Fail {
    fn from(e: rusqlite::Error) -> Self {
        Fail::Local(e.into())
    }
}

/// After a round: done, or go again (the queue or the cursor was rebuilt).
enum Round {
    Done,
    Again,
}

/// What the server's last processed mutation id says of this device.
enum Standing {
    /// In step: acknowledged up to there.
    Acked,
    /// Another install shares the client id; it now has a new one.
    Cloned,
    /// The server forgot what it had acknowledged (an older backup): the
    /// next pull tells it so, and the server answers 410.
    Forgotten,
}

/// How many push batches or pull pages one round may take; a queue larger
/// than this goes on in the next round rather than holding the lock forever.
const MAX_STEPS: usize = 10_000;
/// Rounds per try: a rebuild or a new client id asks for another.
const MAX_ROUNDS: usize = 4;
const ACCOUNT_TIMEOUT: Duration = Duration::from_secs(30);

fn jitter() -> f64 {
    let mut b = [0u8; 2];
    let _ = getrandom::fill(&mut b);
    0.5 + f64::from(u16::from_le_bytes(b)) / f64::from(u16::MAX) / 2.0
}

/// The wait before try `attempt + 1`: exponential with jitter, at least what
/// the server asked for.
fn backoff(options: &SyncOptions, attempt: u32, retry_after: Option<Duration>) -> Duration {
    let exp = options
        .backoff_base
        .saturating_mul(1 << attempt.min(16))
        .min(options.backoff_cap);
    exp.mul_f64(jitter()).max(retry_after.unwrap_or_default())
}

/// What the linking transaction does besides the link: the facade merges
/// this device's cart into the account's (the shop's rule, not sync's).
pub trait OnLink: Send + Sync {
    fn linked(&self, tx: &rusqlite::Transaction<'_>) -> Result<()>;
}

/// Sync, over the store: her account, the queue, pushing and pulling.
/// Cheap to copy; an async call owns its copy, so its future borrows only
/// the facade.
#[derive(Clone, Copy)]
pub struct SyncClient<'a> {
    store: &'a Store,
    engine: &'a Engine,
    options: &'a SyncOptions,
    on_link: &'a dyn OnLink,
}

impl<'a> SyncClient<'a> {
    pub fn new(
        store: &'a Store,
        engine: &'a Engine,
        options: &'a SyncOptions,
        on_link: &'a dyn OnLink,
    ) -> Self {
        Self {
            store,
            engine,
            options,
            on_link,
        }
    }

    /// `ConsentRequired` unless she agreed to sync.
    fn require_consent(&self) -> Result<()> {
        if consent::granted(&self.store.conn(), Purpose::Sync)? {
            Ok(())
        } else {
            Err(Error::ConsentRequired(Purpose::Sync))
        }
    }

    /// Waits for this database's one sync at a time, in this process and
    /// in any other.
    async fn turn(&self) -> Result<Turn<'_>> {
        let here = self.engine.running.lock().await;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&self.engine.lock_path)
            .map_err(|_| Error::Corrupt("the sync lock file cannot be opened"))?;
        let deadline = tokio::time::Instant::now() + TURN_WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => {
                    return Ok(Turn {
                        _here: here,
                        _file: file,
                    });
                }
                Err(std::fs::TryLockError::WouldBlock)
                    if tokio::time::Instant::now() < deadline =>
                {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(_) => {
                    return Err(Error::invalid(
                        "sync",
                        "another sync of this database is still running",
                    ));
                }
            }
        }
    }

    /// The linked account, if any: server, login, session and keys.
    pub fn link(&self) -> Result<Option<Link>> {
        outbox::load(&self.store.conn())
    }

    /// Creates an account on `server_url`, links this device to it and
    /// queues everything already recorded here. Returns the recovery code,
    /// which the user must keep: it is the only way to read her synced
    /// health records on a new device.
    pub async fn register(
        self,
        server_url: &str,
        login: &str,
        password: &str,
        device: &str,
    ) -> Result<String> {
        self.require_consent()?;
        if self.link()?.is_some() {
            return Err(Error::invalid(
                "account",
                "this device is already linked to an account; sign out first",
            ));
        }
        let client = self.account_client(server_url)?;
        // The key is saved before the request goes: if the answer is lost,
        // a retry sends the same key check and can tell the account is hers.
        let key =
            self.sync_write(|tx| outbox::pending_registration(tx, client.base_url(), login))?;
        let registered = client
            .register(&Register {
                login: login.to_owned(),
                password: password.to_owned(),
                key_check: key.key_check()?,
            })
            .await;
        match &registered {
            Ok(_) => {}
            // Taken, perhaps by this very device, whose answer was lost: her
            // password and this key's check prove it; else it is taken.
            Err(ApiError::Status { status: 409, .. }) => {}
            Err(e) => return Err(account_error(e.clone())),
        }
        let session = client
            .login(&login_body(login, password, device))
            .await
            .map_err(|e| match (&registered, e) {
                (Err(taken), ApiError::Status { status: 401, .. }) => account_error(taken.clone()),
                (_, e) => account_error(e),
            })?;
        if !key.matches(&session.key_check) {
            let _ = client.logout(&session.token).await;
            return Err(Error::invalid("login", "is already taken"));
        }
        self.link_to(client.base_url(), login, &session, &key)?;
        Ok(key.recovery_code())
    }

    /// Signs in. On a device not yet linked, `recovery_code` is required and
    /// everything recorded here is queued for the account. On a device whose
    /// session expired, it only renews the session; queued changes are kept.
    pub async fn login(
        self,
        server_url: &str,
        login: &str,
        password: &str,
        device: &str,
        recovery_code: Option<&str>,
    ) -> Result<()> {
        self.require_consent()?;
        let client = self.account_client(server_url)?;
        let existing = self.link()?;
        let key = match (&existing, recovery_code) {
            (Some(_), _) => None,
            (None, Some(code)) => Some(SyncKey::from_recovery_code(code)?),
            (None, None) => {
                return Err(Error::invalid(
                    "recovery_code",
                    "is needed to sign in on a new device",
                ));
            }
        };
        let session = client
            .login(&login_body(login, password, device))
            .await
            .map_err(account_error)?;
        match (existing, key) {
            (Some(link), _) => {
                if link.account_id != session.account_id || link.server_url != client.base_url() {
                    let _ = client.logout(&session.token).await;
                    return Err(Error::invalid(
                        "account",
                        "this device is linked to another account; sign out first",
                    ));
                }
                self.sync_write(|tx| outbox::set_token(tx, Some(&session.token)))?;
            }
            (None, Some(key)) => {
                if !key.matches(&session.key_check) {
                    let _ = client.logout(&session.token).await;
                    return Err(Error::invalid(
                        "recovery_code",
                        "does not belong to this account",
                    ));
                }
                self.link_to(client.base_url(), login, &session, &key)?;
            }
            (None, None) => unreachable!("checked above"),
        }
        self.refresh_status()?;
        Ok(())
    }

    /// The linked account's server and session, for the shop's calls made
    /// as her (checkout, orders, returns): these need her consent to the shop.
    /// Shop work that can wait for the network still needs an account to
    /// go to; a session that expired since is fine.
    /// For sync calls: the configured timeout.
    pub fn client(&self, server_url: &str) -> Result<Client> {
        Client::with_timeout(server_url, self.options.request_timeout)
    }

    /// For account calls: the server checks passwords with Argon2, which
    /// is slow on purpose, so these wait at least 30 s.
    fn account_client(&self, server_url: &str) -> Result<Client> {
        Client::with_timeout(
            server_url,
            self.options.request_timeout.max(ACCOUNT_TIMEOUT),
        )
    }

    fn link_to(
        &self,
        server_url: &str,
        login: &str,
        session: &api::Session,
        key: &SyncKey,
    ) -> Result<()> {
        self.sync_write(|tx| {
            outbox::link(
                tx,
                server_url,
                &session.account_id,
                login,
                &session.token,
                key,
            )?;
            self.on_link.linked(tx)
        })?;
        self.refresh_status()
    }

    /// The linked account, for settings: `(server_url, login)`.
    pub fn sync_account(&self) -> Result<Option<(String, String)>> {
        account_in(&self.store.conn())
    }

    /// The recovery code of the linked account, to show again in settings.
    pub fn recovery_code(&self) -> Result<Option<String>> {
        Ok(self.link()?.map(|l| l.key.recovery_code()))
    }

    /// Ends this device's session and unlinks it; records stay on the device,
    /// changes not yet synced stay here only.
    pub async fn sign_out(self) -> Result<()> {
        self.end_sessions(false).await
    }

    /// Ends every session of the account, on every device, and unlinks this one.
    pub async fn sign_out_everywhere(self) -> Result<()> {
        self.end_sessions(true).await
    }

    async fn end_sessions(&self, everywhere: bool) -> Result<()> {
        let _turn = self.turn().await?;
        let link = self.link()?.ok_or(Error::NotFound("account"))?;
        if let Some(token) = &link.token {
            let client = self.account_client(&link.server_url)?;
            let result = if everywhere {
                client.logout_all(token).await
            } else {
                client.logout(token).await
            };
            match result {
                // An expired session is already ended.
                Ok(()) | Err(ApiError::Status { status: 401, .. }) => {}
                Err(e) if everywhere => return Err(e.into()),
                // Signing out here must work offline too.
                Err(_) => {}
            }
        }
        self.sync_write(outbox::unlink)?;
        self.refresh_status()
    }

    /// Erases the account and everything the server holds for it (PIPL);
    /// this device is unlinked and keeps its own records.
    pub async fn delete_account(self, password: &str) -> Result<()> {
        let _turn = self.turn().await?;
        let link = self.link()?.ok_or(Error::NotFound("account"))?;
        let token = link.token.ok_or(Error::SignInRequired)?;
        self.account_client(&link.server_url)?
            .delete_account(
                &token,
                &api::DeleteAccount {
                    password: password.to_owned(),
                },
            )
            .await
            .map_err(account_error)?;
        self.sync_write(outbox::unlink)?;
        self.refresh_status()
    }

    /// Concurrent edits that lost, newest first.
    pub fn sync_conflicts(&self) -> Result<Vec<SyncConflict>> {
        let db = self.store.conn();
        let mut stmt = db.prepare(
            "SELECT collection, doc, field, lost_value, won_value, noted_at
             FROM sync_conflict ORDER BY version DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        rows.map(|row| {
            let (collection, doc, field, lost_value, won_value, at) = row?;
            Ok(SyncConflict {
                collection,
                doc,
                field,
                lost_value,
                won_value,
                noted_at: at
                    .parse()
                    .map_err(|_| Error::Corrupt("a conflict's time"))?,
            })
        })
        .collect()
    }

    /// The status as it stands. The last sync's outcome (offline, error,
    /// sign in again) is remembered; the count of changes waiting, and
    /// whether she is up to date, are always read afresh, because every
    /// local write changes them.
    pub fn sync_status(&self) -> Result<SyncStatus> {
        self.sync_status_in(&self.store.conn())
    }

    /// The status, reading what it needs through `db` (a screen's read).
    pub fn sync_status_in(&self, db: &Connection) -> Result<SyncStatus> {
        let cached = self
            .engine
            .status
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        Ok(match cached {
            None | Some(SyncStatus::Waiting { .. } | SyncStatus::UpToDate { .. }) => {
                status_at_rest(db)?
            }
            Some(SyncStatus::Offline { .. }) => SyncStatus::Offline {
                pending: outbox::pending(db)?,
            },
            Some(SyncStatus::SignInRequired { .. }) => SyncStatus::SignInRequired {
                pending: outbox::pending(db)?,
            },
            Some(SyncStatus::Paused { .. }) => status_at_rest(db)?,
            Some(SyncStatus::Error {
                reason,
                retry_after_secs,
                ..
            }) => SyncStatus::Error {
                reason,
                pending: outbox::pending(db)?,
                retry_after_secs,
            },
            Some(live @ (SyncStatus::Syncing { .. } | SyncStatus::SignedOut)) => live,
        })
    }

    /// Reads the status again from the database (after the link changed).
    pub fn refresh_status(&self) -> Result<()> {
        let status = status_at_rest(&self.store.conn())?;
        self.set_status(status);
        Ok(())
    }

    fn set_status(&self, status: SyncStatus) {
        *self.engine.status.lock().unwrap_or_else(|e| e.into_inner()) = Some(status.clone());
        let listeners: Vec<_> = self
            .engine
            .listeners
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(_, l)| Arc::clone(l))
            .collect();
        for l in listeners {
            l.status_changed(&status);
        }
    }

    pub fn subscribe_sync(&self, listener: Arc<dyn SyncListener>) -> u64 {
        let mut next = self
            .engine
            .next_listener
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        *next += 1;
        self.engine
            .listeners
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((*next, listener));
        *next
    }

    pub fn unsubscribe_sync(&self, id: u64) -> bool {
        let mut list = self
            .engine
            .listeners
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let before = list.len();
        list.retain(|(i, _)| *i != id);
        list.len() != before
    }

    fn sync_write<T>(&self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut db = self.store.conn();
        let tx = db.transaction()?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    fn pending(&self) -> u64 {
        outbox::pending(&self.store.conn()).unwrap_or(0)
    }

    /// Pushes every queued change, then pulls until up to date, retrying
    /// transient failures with back-off. Only one sync runs at a time; a
    /// second call waits for the first and then syncs again.
    pub async fn sync_now(self) -> Result<SyncReport> {
        let _turn = self.turn().await?;
        if let Err(e) = self.require_consent() {
            self.refresh_status()?;
            return Err(e);
        }
        let link = match self.link()? {
            Some(l) => l,
            None => {
                self.set_status(SyncStatus::SignedOut);
                return Err(Error::SignInRequired);
            }
        };
        let Some(token) = link.token.clone() else {
            self.set_status(SyncStatus::SignInRequired {
                pending: self.pending(),
            });
            return Err(Error::SignInRequired);
        };
        let options = self.options.clone();
        let client = self.client(&link.server_url)?;
        let mut report = SyncReport::default();
        let mut attempt = 0;
        loop {
            let failure = match self.sync_rounds(&client, &token, &mut report).await {
                Ok(()) => {
                    let now = self.store.device().clock.now();
                    self.sync_write(|tx| outbox::save_synced(tx, &now.to_string()))?;
                    self.set_status(SyncStatus::UpToDate {
                        last_synced_at: now,
                    });
                    return Ok(report);
                }
                Err(f) => f,
            };
            let e = match failure {
                Fail::Local(e) => {
                    self.set_status(SyncStatus::Error {
                        reason: e.to_string(),
                        pending: self.pending(),
                        retry_after_secs: None,
                    });
                    return Err(e);
                }
                Fail::Api(e) => e,
            };
            if e.status() == Some(401) {
                // Keep the queue; the shell asks her to sign in again.
                self.sync_write(|tx| outbox::set_token(tx, None))?;
                self.set_status(SyncStatus::SignInRequired {
                    pending: self.pending(),
                });
                return Err(Error::SignInRequired);
            }
            let retry_after = match &e {
                ApiError::Status { retry_after, .. } => *retry_after,
                ApiError::Network(_) => None,
            };
            let too_long = retry_after.is_some_and(|r| r > options.backoff_cap);
            attempt += 1;
            if e.is_transient() && attempt < options.attempts && !too_long {
                self.set_status(SyncStatus::Syncing {
                    pushed: report.pushed,
                    pending: self.pending(),
                });
                tokio::time::sleep(backoff(&options, attempt - 1, retry_after)).await;
                continue;
            }
            let pending = self.pending();
            self.set_status(match &e {
                ApiError::Network(_) => SyncStatus::Offline { pending },
                ApiError::Status { status, code, .. } => SyncStatus::Error {
                    reason: reason(*status, code),
                    pending,
                    retry_after_secs: retry_after.map(|d| d.as_secs()),
                },
            });
            return Err(e.into());
        }
    }

    async fn sync_rounds(
        &self,
        client: &Client,
        token: &str,
        report: &mut SyncReport,
    ) -> Result<(), Fail> {
        for _ in 0..MAX_ROUNDS {
            if let Round::Done = self.sync_round(client, token, report).await? {
                return Ok(());
            }
        }
        Err(Fail::Local(Error::Corrupt(
            "sync did not settle; it will try again",
        )))
    }

    async fn sync_round(
        &self,
        client: &Client,
        token: &str,
        report: &mut SyncReport,
    ) -> Result<Round, Fail> {
        // Halved at each 413 (long notes can outgrow the body limit), down
        // to one mutation, which the write-time check keeps within it.
        let mut batch_size = api::MAX_BATCH;
        for _ in 0..MAX_STEPS {
            let (link, batch, pending) = {
                let db = self.store.conn();
                let link = outbox::load(&db)?.ok_or(Error::SignInRequired)?;
                let batch = outbox::batch(&db, &link, batch_size)?;
                (link, batch, outbox::pending(&db)?)
            };
            if batch.is_empty() {
                break;
            }
            let sent = batch.len();
            self.set_status(SyncStatus::Syncing {
                pushed: report.pushed,
                pending,
            });
            let pushed = client
                .push(
                    token,
                    &PushRequest {
                        client_id: link.client_id.clone(),
                        schema_version: PROTOCOL_VERSION,
                        mutations: batch,
                    },
                )
                .await;
            let response = match pushed {
                Err(ApiError::Status {
                    status: 409, code, ..
                }) if code == "client_id_conflict" => {
                    self.sync_write(outbox::become_new_client)?;
                    continue;
                }
                Err(ApiError::Status { status: 413, .. }) if sent > 1 => {
                    batch_size = sent / 2;
                    continue;
                }
                other => other?,
            };
            report.rejected += response
                .results
                .iter()
                .filter(|r| r.status == api::MutationStatus::Rejected)
                .count() as u64;
            match self.reconcile(&link, response.last_mutation_id, report)? {
                Standing::Acked => {}
                Standing::Cloned => return Ok(Round::Again),
                Standing::Forgotten => break,
            }
        }
        for _ in 0..MAX_STEPS {
            let link = self.link()?.ok_or(Error::SignInRequired)?;
            let limit = self.options.pull_limit;
            let page = match client
                .pull(
                    token,
                    &link.client_id,
                    link.cursor.as_deref(),
                    link.last_acked,
                    limit,
                )
                .await
            {
                // The server no longer knows where this device stands: it
                // was restored or replaced. Rebuild it from here and start over.
                Err(ApiError::Status { status: 410, .. }) => {
                    self.sync_write(outbox::rebuild_server)?;
                    return Ok(Round::Again);
                }
                other => other?,
            };
            match self.reconcile(&link, page.last_mutation_id, report)? {
                Standing::Acked => {}
                Standing::Cloned => return Ok(Round::Again),
                // The server answers 410 to a device it is behind; this one
                // is not of this protocol, so rebuild it as 410 would.
                Standing::Forgotten => {
                    self.sync_write(outbox::rebuild_server)?;
                    return Ok(Round::Again);
                }
            }
            let now = self.store.device().clock.now().to_string();
            let applied = self.sync_write(|tx| {
                outbox::apply_page(
                    tx,
                    &link.key,
                    &page.changes,
                    &page.conflicts,
                    &page.cursor,
                    page.version,
                    &now,
                )
            })?;
            report.pulled += applied.changes;
            report.skipped += applied.skipped;
            for area in applied.areas {
                self.store.observers().notify(area);
            }
            if !page.has_more {
                return Ok(Round::Done);
            }
        }
        Ok(Round::Done)
    }

    /// Squares the server's last processed mutation id with this device's
    /// queue: acknowledges what it has, or notices a clone (and takes a new
    /// client id) or a server that forgot.
    fn reconcile(
        &self,
        link: &Link,
        server_last: u64,
        report: &mut SyncReport,
    ) -> Result<Standing> {
        let mut db = self.store.conn();
        let highest = outbox::highest_mid(&db, link)?;
        if server_last < link.last_acked {
            return Ok(Standing::Forgotten);
        }
        let tx = db.transaction()?;
        let standing = if server_last > highest {
            // The server has seen ids this device never made: another install
            // shares the id (a backup restored onto a second phone, say).
            outbox::become_new_client(&tx)?;
            Standing::Cloned
        } else {
            outbox::acknowledge(&tx, server_last)?;
            report.pushed += server_last - link.last_acked;
            Standing::Acked
        };
        tx.commit()?;
        Ok(standing)
    }
}

fn status_at_rest(conn: &Connection) -> Result<SyncStatus> {
    let Some(link) = outbox::load(conn)? else {
        return Ok(SyncStatus::SignedOut);
    };
    let pending = outbox::pending(conn)?;
    if !consent::granted(conn, Purpose::Sync)? {
        return Ok(SyncStatus::Paused { pending });
    }
    if link.token.is_none() {
        return Ok(SyncStatus::SignInRequired { pending });
    }
    let last_synced_at = link
        .last_synced_at
        .as_deref()
        .and_then(|t| t.parse::<Timestamp>().ok());
    Ok(match (pending, last_synced_at) {
        (0, Some(at)) => SyncStatus::UpToDate { last_synced_at: at },
        _ => SyncStatus::Waiting {
            pending,
            last_synced_at,
        },
    })
}

fn login_body(login: &str, password: &str, device: &str) -> Login {
    Login {
        login: login.to_owned(),
        password: password.to_owned(),
        device: device.to_owned(),
    }
}

/// A status's reason, in words, from the server's code.
fn reason(status: u16, code: &str) -> String {
    match (status, code) {
        (426, _) => "this app is too old for the server; update it to sync".into(),
        (429, _) | (503, _) => "the server is busy; sync will try again later".into(),
        (_, "unexpected_response") => {
            "the network answered instead of the server (a sign-in page?)".into()
        }
        _ => format!("the server answered HTTP {status} ({code})"),
    }
}

/// Account calls: a refused login or a taken name in words.
fn account_error(e: ApiError) -> Error {
    match &e {
        ApiError::Status { status: 401, .. } => {
            Error::invalid("password", "the login or password is not right")
        }
        ApiError::Status { status: 409, .. } => Error::invalid("login", "is already taken"),
        ApiError::Status {
            status: 400, code, ..
        } if code == "invalid_login" => Error::invalid(
            "login",
            "must be 3 to 64 letters, digits, dots, dashes or underscores",
        ),
        ApiError::Status {
            status: 400, code, ..
        } if code == "invalid_password" => {
            Error::invalid("password", "must be 10 to 256 characters")
        }
        _ => e.into(),
    }
}
