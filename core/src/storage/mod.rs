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

/// Append only: migration N is at index N - 1, applied under
/// `PRAGMA user_version = N`. A released migration is never edited; a change
/// is a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_profile.sql"),
    include_str!("migrations/0002_timeline.sql"),
    include_str!("migrations/0003_reminders.sql"),
    include_str!("migrations/0004_records.sql"),
    include_str!("migrations/0005_sessions.sql"),
    include_str!("migrations/0006_symptoms.sql"),
    include_str!("migrations/0007_journal.sql"),
    include_str!("migrations/0008_sync.sql"),
    include_str!("migrations/0009_sync_profile.sql"),
    include_str!("migrations/0010_sync_everything.sql"),
    include_str!("migrations/0011_shop.sql"),
    include_str!("migrations/0012_orders.sql"),
    include_str!("migrations/0013_consent.sql"),
    include_str!("migrations/0014_after_sales.sql"),
    include_str!("migrations/0015_queued_order.sql"),
    include_str!("migrations/0016_addresses.sql"),
    include_str!("migrations/0017_cart_sync.sql"),
    include_str!("migrations/0018_hospital_bag.sql"),
    include_str!("migrations/0019_measurement_day.sql"),
    include_str!("migrations/0020_pending_registration.sql"),
    include_str!("migrations/0021_ogtt.sql"),
    include_str!("migrations/0022_babies.sql"),
    include_str!("migrations/0023_screen_indexes.sql"),
];

/// A new random id (32 hex digits) for something that travels: a client,
/// an order, a return; the same shape as the row uids the triggers make.
pub(crate) fn random_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| Error::Corrupt("no randomness available"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

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

/// Opens (creating if needed) the encrypted database at `path` and brings its
/// schema up to [`SCHEMA_VERSION`].
pub fn open(path: &Path, key: &DbKey) -> Result<Connection> {
    let mut conn = open_configured(path, key)?;
    migrate_to(&mut conn, SCHEMA_VERSION)?;
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

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let current = user_version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for (version, sql) in (1..).zip(MIGRATIONS) {
        if version <= current || version > target {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> DbKey {
        DbKey::from_bytes(&[7; 32]).unwrap()
    }

    fn schema(conn: &Connection) -> Vec<(String, String, String)> {
        let mut stmt = conn
            .prepare(
                "SELECT type, name, COALESCE(sql, '') FROM sqlite_master
                 WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn upgrading_from_every_version_matches_a_fresh_database() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = open(&dir.path().join("fresh.db"), &key()).unwrap();
        let expected = schema(&fresh);
        assert!(!expected.is_empty());

        for start in 0..SCHEMA_VERSION {
            let path = dir.path().join(format!("from-{start}.db"));
            {
                let mut old = open_configured(&path, &key()).unwrap();
                migrate_to(&mut old, start).unwrap();
                assert_eq!(user_version(&old).unwrap(), start);
            }
            let upgraded = open(&path, &key()).unwrap();
            assert_eq!(user_version(&upgraded).unwrap(), SCHEMA_VERSION);
            assert_eq!(schema(&upgraded), expected, "upgrade from v{start}");
        }
    }

    #[test]
    fn reopening_is_idempotent_and_keeps_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        drop(open(&path, &key()).unwrap());
        let conn = open(&path, &key()).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        let sync: i64 = conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "synchronous=FULL");
    }

    #[test]
    fn version_10_keeps_reminder_statuses_and_queues_a_linked_devices_records() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v9.db");
        {
            let mut old = open_configured(&path, &key()).unwrap();
            migrate_to(&mut old, 9).unwrap();
            old.execute_batch(
                "INSERT INTO sync_state (id, server_url, account_id, login, token, sync_key, client_id, last_acked)
                     VALUES (1, 'http://127.0.0.1:1/', 'acc', 'mama', 't', x'00', 'c', 7);
                 INSERT INTO pregnancy (id, status, created_at) VALUES (3, 'ongoing', 'now');
                 INSERT INTO birth (id, birth_date, ga_days, baby_count, recorded_at)
                     VALUES (12, '2024-01-01', 280, 1, 'now');
                 INSERT INTO custom_reminder (id, title, rrule, time_of_day, starts_on, created_at)
                     VALUES (5, 'Iron', 'FREQ=DAILY', '09:00', '2024-01-01', 'now');
                 INSERT INTO reminder_status (item_id, status, updated_at) VALUES
                     ('checkup:3:v2', 'done', 'now'),
                     ('vaccine:12:hepb:1', 'skipped', 'now'),
                     ('custom:5:2024-01-02T09:00', 'done', 'now');",
            )
            .unwrap();
        }
        let conn = open(&path, &key()).unwrap();
        let uid = |table: &str| -> String {
            conn.query_row(&format!("SELECT uid FROM {table}"), [], |r| r.get(0))
                .unwrap()
        };
        let mut ids: Vec<String> = conn
            .prepare("SELECT item_id FROM reminder_status ORDER BY item_id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        ids.sort();
        let mut expected = vec![
            format!("checkup:{}:v2", uid("pregnancy")),
            format!("custom:{}:2024-01-02T09:00", uid("custom_reminder")),
            // 0022 names the baby: a dose before it was the first baby's.
            format!("vaccine:{}:1:hepb:1", uid("birth")),
        ];
        expected.sort();
        assert_eq!(ids, expected);
        let queued: Vec<(i64, String)> = conn
            .prepare("SELECT mid, collection FROM outbox ORDER BY mid")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let collections: Vec<&str> = queued.iter().map(|q| q.1.as_str()).collect();
        assert_eq!(
            collections,
            [
                "pregnancy",
                "birth",
                "custom_reminder",
                "reminder_status",
                "reminder_status",
                "reminder_status",
                // 0022's new vaccine id reaches her other devices.
                "reminder_status"
            ]
        );
        let mids: Vec<i64> = queued.iter().map(|q| q.0).collect();
        assert_eq!(
            mids,
            (8..=14).collect::<Vec<_>>(),
            "after the last acknowledged id"
        );
    }

    #[test]
    fn version_14_keeps_returns_queued_offline_in_the_after_sales_queue() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v13.db");
        {
            let mut old = open_configured(&path, &key()).unwrap();
            migrate_to(&mut old, 13).unwrap();
            old.execute_batch(
                "INSERT INTO pending_return (id, order_id, body, created_at) VALUES
                     ('r2', 'o1', '{\"id\":\"r2\"}', '2026-01-02T00:00:00Z'),
                     ('r1', 'o1', '{\"id\":\"r1\"}', '2026-01-01T00:00:00Z');",
            )
            .unwrap();
        }
        let conn = open(&path, &key()).unwrap();
        let queued: Vec<(String, String, String, String)> = conn
            .prepare("SELECT id, order_id, kind, body FROM pending_request ORDER BY created_at")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let row = |id: &str| {
            (
                id.to_owned(),
                "o1".to_owned(),
                "return".to_owned(),
                format!("{{\"id\":\"{id}\"}}"),
            )
        };
        assert_eq!(queued, [row("r1"), row("r2")]);
    }

    #[test]
    fn version_17_keeps_a_linked_devices_cart_by_merging_it_into_the_account() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v16.db");
        {
            let mut old = open_configured(&path, &key()).unwrap();
            migrate_to(&mut old, 16).unwrap();
            old.execute_batch(
                "INSERT INTO sync_state (id, server_url, account_id, login, token, sync_key, client_id, last_acked)
                     VALUES (1, 'http://127.0.0.1:1/', 'acc', 'mama', 't', x'00', 'c', 0);
                 INSERT INTO cart_line (sku, qty, price_seen_minor, currency, added_at, updated_at)
                     VALUES ('P-1', 3, 1290, 'CNY', 'now', 'now');",
            )
            .unwrap();
        }
        let conn = open(&path, &key()).unwrap();
        let (last, ops) = crate::shop::cart::pending(&conn, 10).unwrap();
        assert!(last > 0);
        assert_eq!(ops.len(), 1);
        assert_eq!(ops[0].sku, "P-1");
        assert_eq!(ops[0].change, crate::api::CartChange::Merge { qty: 3 });
        assert_eq!((ops[0].price_seen_minor, ops[0].base), (1290, 0));
        let id = &ops[0].id;
        assert!(
            id.len() == 32
                && id
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        );
    }

    #[test]
    fn a_newer_schema_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.db");
        {
            let conn = open(&path, &key()).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
                .unwrap();
        }
        match open(&path, &key()) {
            Err(Error::SchemaTooNew { found, supported }) => {
                assert_eq!((found, supported), (SCHEMA_VERSION + 5, SCHEMA_VERSION));
            }
            other => panic!("expected SchemaTooNew, got {other:?}"),
        }
        let conn = open_configured(&path, &key()).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION + 5);
    }
}

#[cfg(test)]
mod key_tests {
    use super::*;

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
        drop(open(&path, &right).unwrap());
        let before = std::fs::read(&path).unwrap();
        let wrong = DbKey::generate().unwrap();
        assert!(matches!(open(&path, &wrong), Err(Error::WrongKey)));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(open(&path, &right).is_ok());
    }
}
