//! SQLite storage: encryption, connection settings and versioned migrations.
//!
//! The whole file is encrypted by SQLCipher with a raw 256-bit key that the
//! shell keeps in the iOS Keychain or the Android Keystore. A raw key means
//! no key derivation runs when the app opens.
//!
//! Every migration runs in one transaction together with the bump of
//! `PRAGMA user_version`, so a crash mid-upgrade leaves the previous schema
//! intact and the upgrade simply runs again at the next open.

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// One step of the schema, applied under `PRAGMA user_version = version`.
/// Each part of the core owns its steps' SQL files; the numbers are one
/// sequence across all of them. A released migration is never edited; a
/// change is a new one.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i64,
    pub sql: &'static str,
}

/// The store's own steps: her profile and her consents.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: include_str!("migrations/0001_profile.sql"),
    },
    Migration {
        version: 13,
        sql: include_str!("migrations/0013_consent.sql"),
    },
];

/// Every part's migrations in version order. [`open`] refuses a schema
/// whose versions are not 1, 2, 3… with none missing and none twice.
#[derive(Debug, Clone)]
pub struct Schema(Vec<Migration>);

impl Schema {
    pub fn new(parts: &[&[Migration]]) -> Self {
        let mut steps: Vec<Migration> = parts.iter().flat_map(|p| p.iter().copied()).collect();
        steps.sort_by_key(|m| m.version);
        Self(steps)
    }

    /// The schema version this build writes.
    pub fn version(&self) -> i64 {
        self.0.len() as i64
    }

    /// The schema as it stood at `version`: what an older build wrote.
    pub fn upto(&self, version: i64) -> Self {
        Self(
            self.0
                .iter()
                .take_while(|m| m.version <= version)
                .copied()
                .collect(),
        )
    }
}

/// A new random id (32 hex digits) for something that travels: a client,
/// an order, a return; the same shape as the row uids the triggers make.
pub fn random_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| Error::Corrupt("no randomness available"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The database key: 32 bytes. Its `Debug` never shows the bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct DbKey([u8; 32]);

impl DbKey {
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| Error::invalid("key", "must be exactly 32 bytes"))?;
        Ok(Self(key))
    }

    /// A new random key, for a shell that has none stored yet.
    pub fn generate() -> Result<Self> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|_| Error::Corrupt("no randomness available"))?;
        Ok(Self(key))
    }

    pub fn from_hex(text: &str) -> Result<Self> {
        let bad = || Error::invalid("key", "must be 64 hexadecimal digits");
        let text = text.trim();
        if text.len() != 64 || !text.is_ascii() {
            return Err(bad());
        }
        let bytes = (0..32)
            .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).map_err(|_| bad()))
            .collect::<Result<Vec<u8>>>()?;
        Self::from_bytes(&bytes)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.to_vec()
    }

    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(…)")
    }
}

/// Opens (creating if needed) the encrypted database at `path` and brings it
/// up to `schema`. A database from a newer build is refused untouched.
pub fn open(path: &Path, key: &DbKey, schema: &Schema) -> Result<Connection> {
    let mut conn = open_configured(path, key)?;
    migrate(&mut conn, schema)?;
    Ok(conn)
}

fn open_configured(path: &Path, key: &DbKey) -> Result<Connection> {
    // Keying is serialized: SQLCipher's crypto set-up has been seen to fail
    // ("PRAGMA key requires a key…") when connections in several threads
    // are keyed at once. Opening is rare, so the lock costs nothing.
    static KEYING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _keying = KEYING.lock().unwrap_or_else(|e| e.into_inner());
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // SQLCipher would log a failed decryption to stderr (logcat on Android);
    // Cradle reports it as a typed error instead, and logs nothing.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    // The key must come before anything reads the file. A wrong key only shows at the
    // first read, so read now and say so plainly, before anything writes.
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.to_hex()))?;
    if conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .is_err()
    {
        return Err(Error::WrongKey);
    }
    conn.busy_timeout(Duration::from_secs(5))?;
    // Every write transaction takes the write lock when it begins, so it
    // waits its turn (busy_timeout) behind another process's writer. A
    // deferred one that read first would fail at once with "database is
    // locked" when it tried to write on a snapshot another writer had moved on.
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    // WAL lets a reader (a widget, the sync task) run beside a writer;
    // FULL makes every commit durable across power loss, which matters more
    // here than write throughput.
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Corrupt("the database refused write-ahead logging"));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Health data: a deleted row's bytes are overwritten, not left in free pages.
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(conn)
}

/// The schema version of an open database.
pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

fn migrate(conn: &mut Connection, schema: &Schema) -> Result<()> {
    if !(1..).zip(&schema.0).all(|(n, m)| m.version == n) {
        return Err(Error::Corrupt("the migrations are not numbered 1, 2, 3…"));
    }
    let current = user_version(conn)?;
    if current > schema.version() {
        return Err(Error::SchemaTooNew {
            found: current,
            supported: schema.version(),
        });
    }
    for step in schema.0.iter().filter(|m| m.version > current) {
        let tx = conn.transaction()?;
        tx.execute_batch(step.sql)?;
        tx.pragma_update(None, "user_version", step.version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The profile table alone: a schema with no gap.
    fn schema() -> Schema {
        Schema::new(&[MIGRATIONS]).upto(1)
    }

    #[test]
    fn a_schema_with_a_gap_or_a_repeat_opens_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let key = DbKey::generate().unwrap();
        for (n, broken) in [
            Schema::new(&[MIGRATIONS]),
            Schema::new(&[MIGRATIONS, MIGRATIONS]),
        ]
        .iter()
        .enumerate()
        {
            let path = dir.path().join(format!("{n}.db"));
            assert!(matches!(open(&path, &key, broken), Err(Error::Corrupt(_))));
            let conn = open(&path, &key, &Schema::new(&[])).unwrap();
            assert_eq!(user_version(&conn).unwrap(), 0, "nothing ran");
        }
    }

    #[test]
    fn keys_are_32_bytes_and_never_printed() {
        assert!(DbKey::from_bytes(&[1; 31]).is_err());
        let k = DbKey::generate().unwrap();
        assert_eq!(DbKey::from_hex(&k.to_hex()).unwrap(), k);
        assert_eq!(format!("{k:?}"), "DbKey(…)");
        assert!(DbKey::from_hex("zz").is_err());
        assert!(DbKey::from_hex(&"g".repeat(64)).is_err());
    }

    #[test]
    fn a_wrong_key_is_refused_and_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.db");
        let right = DbKey::generate().unwrap();
        drop(open(&path, &right, &schema()).unwrap());
        let before = std::fs::read(&path).unwrap();
        let wrong = DbKey::generate().unwrap();
        assert!(matches!(
            open(&path, &wrong, &schema()),
            Err(Error::WrongKey)
        ));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(open(&path, &right, &schema()).is_ok());
    }
}
