//! SQLite storage: connection settings and versioned migrations.
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
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Opens (creating if needed) the database at `path` and brings its schema up
/// to [`SCHEMA_VERSION`].
pub fn open(path: &Path) -> Result<Connection> {
    let mut conn = open_configured(path)?;
    migrate_to(&mut conn, SCHEMA_VERSION)?;
    Ok(conn)
}

fn open_configured(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
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
        let fresh = open(&dir.path().join("fresh.db")).unwrap();
        let expected = schema(&fresh);
        assert!(!expected.is_empty());

        for start in 0..SCHEMA_VERSION {
            let path = dir.path().join(format!("from-{start}.db"));
            {
                let mut old = open_configured(&path).unwrap();
                migrate_to(&mut old, start).unwrap();
                assert_eq!(user_version(&old).unwrap(), start);
            }
            let upgraded = open(&path).unwrap();
            assert_eq!(user_version(&upgraded).unwrap(), SCHEMA_VERSION);
            assert_eq!(schema(&upgraded), expected, "upgrade from v{start}");
        }
    }

    #[test]
    fn reopening_is_idempotent_and_keeps_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        drop(open(&path).unwrap());
        let conn = open(&path).unwrap();
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
    fn a_newer_schema_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.db");
        {
            let conn = open(&path).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
                .unwrap();
        }
        match open(&path) {
            Err(Error::SchemaTooNew { found, supported }) => {
                assert_eq!((found, supported), (SCHEMA_VERSION + 5, SCHEMA_VERSION));
            }
            other => panic!("expected SchemaTooNew, got {other:?}"),
        }
        let conn = open_configured(&path).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION + 5);
    }
}
