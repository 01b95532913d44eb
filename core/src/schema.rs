//! The database's schema: every part's migrations in one numbered sequence.
//! The store and each feature own their steps; the facade puts them
//! together.

use cradle_store::storage::{self, Schema};
use std::sync::LazyLock;

/// The schema this build writes.
pub(crate) static SCHEMA: LazyLock<Schema> = LazyLock::new(|| {
    Schema::new(&[
        storage::MIGRATIONS,
        cradle_timeline::MIGRATIONS,
        cradle_reminders::MIGRATIONS,
        cradle_records::MIGRATIONS,
        cradle_shop::MIGRATIONS,
        cradle_sync::MIGRATIONS,
    ])
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use cradle_store::storage::{DbKey, open, user_version};
    use rusqlite::Connection;

    fn key() -> DbKey {
        DbKey::from_bytes(&[7; 32]).unwrap()
    }

    fn version() -> i64 {
        SCHEMA.version()
    }

    /// The database as the build that wrote schema `version` left it.
    fn open_at(path: &std::path::Path, version: i64) -> Connection {
        open(path, &key(), &SCHEMA.upto(version)).unwrap()
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
        let fresh = open_at(&dir.path().join("fresh.db"), version());
        let expected = schema(&fresh);
        assert!(!expected.is_empty());

        for start in 0..version() {
            let path = dir.path().join(format!("from-{start}.db"));
            {
                let old = open_at(&path, start);
                assert_eq!(user_version(&old).unwrap(), start);
            }
            let upgraded = open_at(&path, version());
            assert_eq!(user_version(&upgraded).unwrap(), version());
            assert_eq!(schema(&upgraded), expected, "upgrade from v{start}");
        }
    }

    #[test]
    fn reopening_is_idempotent_and_keeps_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        drop(open_at(&path, version()));
        let conn = open_at(&path, version());
        assert_eq!(user_version(&conn).unwrap(), version());
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
            let old = open_at(&path, 9);
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
        let conn = open_at(&path, version());
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
            let old = open_at(&path, 13);
            old.execute_batch(
                "INSERT INTO pending_return (id, order_id, body, created_at) VALUES
                     ('r2', 'o1', '{\"id\":\"r2\"}', '2026-01-02T00:00:00Z'),
                     ('r1', 'o1', '{\"id\":\"r1\"}', '2026-01-01T00:00:00Z');",
            )
            .unwrap();
        }
        let conn = open_at(&path, version());
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
            let old = open_at(&path, 16);
            old.execute_batch(
                "INSERT INTO sync_state (id, server_url, account_id, login, token, sync_key, client_id, last_acked)
                     VALUES (1, 'http://127.0.0.1:1/', 'acc', 'mama', 't', x'00', 'c', 0);
                 INSERT INTO cart_line (sku, qty, price_seen_minor, currency, added_at, updated_at)
                     VALUES ('P-1', 3, 1290, 'CNY', 'now', 'now');",
            )
            .unwrap();
        }
        let conn = open_at(&path, version());
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
            let conn = open_at(&path, version());
            conn.pragma_update(None, "user_version", version() + 5)
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        match open(&path, &key(), &SCHEMA) {
            Err(Error::SchemaTooNew { found, supported }) => {
                assert_eq!((found, supported), (version() + 5, version()));
            }
            other => panic!("expected SchemaTooNew, got {other:?}"),
        }
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}
