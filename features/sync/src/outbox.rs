//! The local side of sync in SQLite: the device's link to an account, the
//! outbox the triggers of migration 0008 fill, and applying pulled pages.
//! Every function here runs inside the caller's transaction.

use super::collections::{self, COLLECTIONS, Collection, Deletion};
use super::crypto::SyncKey;
use cradle_client::{Change, Conflict, Mutation, Op};
use cradle_store::error::{Error, Result};
use cradle_store::events::DataArea;
use cradle_store::storage::random_id;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Transaction, params, params_from_iter};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The device's link to an account.
#[derive(Debug, Clone)]
pub struct Link {
    pub server_url: String,
    pub account_id: String,
    pub login: String,
    pub token: Option<String>,
    pub key: SyncKey,
    pub client_id: String,
    pub last_acked: u64,
    pub cursor: Option<String>,
    pub last_synced_at: Option<String>,
}

pub fn load(conn: &Connection) -> Result<Option<Link>> {
    conn.query_row(
        "SELECT server_url, account_id, login, token, sync_key, client_id, last_acked, cursor,
                last_synced_at FROM sync_state WHERE id = 1",
        [],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Vec<u8>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
            ))
        },
    )
    .optional()?
    .map(
        |(url, account, login, token, key, client, acked, cursor, synced)| {
            Ok(Link {
                server_url: url,
                account_id: account,
                login,
                token,
                key: SyncKey::from_bytes(&key)?,
                client_id: client,
                last_acked: acked as u64,
                cursor,
                last_synced_at: synced,
            })
        },
    )
    .transpose()
}

/// Links the device to an account and queues every record it already has.
pub fn link(
    tx: &Transaction<'_>,
    server_url: &str,
    account_id: &str,
    login: &str,
    token: &str,
    key: &SyncKey,
) -> Result<()> {
    tx.execute(
        "INSERT INTO sync_state (id, server_url, account_id, login, token, sync_key, client_id)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            server_url,
            account_id,
            login,
            token,
            key.as_bytes(),
            random_id()?
        ],
    )?;
    tx.execute("DELETE FROM pending_registration", [])?;
    queue_everything(tx)
}

/// The key for registering `login` on `server_url` from this device: the
/// one saved by an earlier try of the same registration, else a new one,
/// saved before it is sent.
pub fn pending_registration(
    tx: &Transaction<'_>,
    server_url: &str,
    login: &str,
) -> Result<SyncKey> {
    let saved: Option<Vec<u8>> = tx
        .query_row(
            "SELECT sync_key FROM pending_registration
             WHERE id = 1 AND server_url = ?1 AND login = ?2",
            params![server_url, login],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(bytes) = saved {
        return Ok(SyncKey::from_bytes(&bytes)?);
    }
    let key = SyncKey::generate()?;
    tx.execute(
        "INSERT OR REPLACE INTO pending_registration (id, server_url, login, sync_key)
         VALUES (1, ?1, ?2, ?3)",
        params![server_url, login, key.as_bytes()],
    )?;
    Ok(key)
}

/// Forgets the link, the queues and the conflict log; local records (and
/// the cart, now hers alone) stay.
pub fn unlink(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch(
        "DELETE FROM outbox; DELETE FROM cart_op; DELETE FROM sync_conflict; DELETE FROM sync_state;",
    )?;
    Ok(())
}

pub fn set_token(tx: &Transaction<'_>, token: Option<&str>) -> Result<()> {
    tx.execute("UPDATE sync_state SET token = ?1 WHERE id = 1", [token])?;
    Ok(())
}

/// Queues every local record (live ones as puts, tombstones as deletes),
/// after the last queued mutation: on linking, and to rebuild a server
/// that lost data.
pub fn queue_everything(tx: &Transaction<'_>) -> Result<()> {
    for c in COLLECTIONS {
        let object = c
            .wire
            .fields
            .iter()
            .map(|f| match c.reference(f) {
                Some(r) => format!(
                    "'{f}', (SELECT uid FROM {} WHERE id = r.{})",
                    r.parent, r.column
                ),
                None => format!("'{f}', r.{f}"),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let op = match c.deletion {
            Deletion::Tombstone(_) => "CASE WHEN r.deleted_at IS NULL THEN 'put' ELSE 'delete' END",
            Deletion::Row | Deletion::Clear | Deletion::Never => "'put'",
        };
        let filter = c.syncs_when.map_or(String::new(), |w| format!("WHERE {w}"));
        // Names come from the static collection list, not from input.
        tx.execute(
            &format!(
                "INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
                 SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked)
                            + row_number() OVER (ORDER BY r.rowid),
                        '{name}', r.uid, {op}, NULL, json_object({object}), s.pulled_version
                 FROM {name} r, sync_state s {filter}",
                name = c.wire.name
            ),
            [],
        )?;
    }
    Ok(())
}

/// How many changes wait to be pushed.
pub fn pending(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row("SELECT count(*) FROM outbox", [], |r| r.get::<_, i64>(0))? as u64)
}

/// The highest mutation id this device has made (queued or acknowledged).
pub fn highest_mid(conn: &Connection, link: &Link) -> Result<u64> {
    let queued: Option<i64> = conn.query_row("SELECT max(mid) FROM outbox", [], |r| r.get(0))?;
    Ok(queued.map_or(link.last_acked, |m| m as u64))
}

fn parse_object(text: Option<String>) -> Result<Map<String, Value>> {
    match text {
        None => Ok(Map::new()),
        Some(t) => match serde_json::from_str(&t) {
            Ok(Value::Object(m)) => Ok(m),
            _ => Err(Error::Corrupt("an outbox entry")),
        },
    }
}

/// The next `limit` queued changes as mutations: only the fields that
/// changed, sealed for health collections. A mutation seals to the same
/// bytes every time it is sent, so the server tells a retry by its content.
pub fn batch(conn: &Connection, link: &Link, limit: usize) -> Result<Vec<Mutation>> {
    let mut stmt = conn.prepare(
        "SELECT mid, collection, doc, op, old, new, base_version FROM outbox ORDER BY mid LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit as i64], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, i64>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (mid, collection, doc, op, old, new, base) = row?;
        let coll = collections::find(&collection).ok_or(Error::Corrupt("an outbox entry"))?;
        let op = if op == "delete" { Op::Delete } else { Op::Put };
        let mut fields = BTreeMap::new();
        if op == Op::Put {
            for (name, value) in changed(old, new)? {
                let wire = if coll.wire.health {
                    let mutation = format!("{}:{mid}", link.client_id);
                    link.key
                        .seal(coll.wire.name, &doc, &name, &value, &mutation)?
                } else {
                    value
                };
                fields.insert(name, wire);
            }
        }
        out.push(Mutation {
            id: mid as u64,
            collection,
            doc,
            op,
            base_version: base as u64,
            fields,
        });
    }
    Ok(out)
}

/// The fields a queued change sends: those that differ from the row before.
fn changed(old: Option<String>, new: String) -> Result<Vec<(String, Value)>> {
    let old = parse_object(old)?;
    Ok(parse_object(Some(new))?
        .into_iter()
        .filter(|(name, value)| old.get(name) != Some(value))
        .collect())
}

/// Sync's rule for every write: each change it queues must fit a push.
pub struct FitsTheWire;

impl cradle_store::WriteRule for FitsTheWire {
    fn before(&self, tx: &rusqlite::Transaction<'_>) -> Result<i64> {
        last_queued(tx)
    }

    fn check(&self, tx: &rusqlite::Transaction<'_>, before: i64) -> Result<()> {
        check_fits(tx, before)
    }
}

/// The last mutation id queued so far (0 when nothing is).
fn last_queued(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT coalesce(max(mid), 0) FROM outbox", [], |r| r.get(0))?)
}

/// Refuses, before it commits, a change queued after `after` that the
/// server would reject for good: a field larger than a push may carry
/// (measured as it will travel, sealed and padded). Such a change would
/// never reach her other devices.
fn check_fits(conn: &Connection, after: i64) -> Result<()> {
    let mut stmt = conn
        .prepare_cached("SELECT collection, old, new FROM outbox WHERE mid > ?1 AND op = 'put'")?;
    let rows = stmt.query_map([after], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (collection, old, new) = row?;
        let coll = collections::find(&collection).ok_or(Error::Corrupt("an outbox entry"))?;
        for (_, value) in changed(old, new)? {
            let plain = value.to_string().len();
            let wire = if coll.wire.health {
                super::crypto::sealed_json_len(plain)
            } else {
                plain
            };
            // Only text grows this large: a note, a question, a name.
            if wire > cradle_client::MAX_FIELD_BYTES {
                return Err(Error::invalid(
                    "text",
                    "is too long to sync to your other devices; shorten it",
                ));
            }
        }
    }
    Ok(())
}

/// The server has processed every mutation up to `last`.
pub fn acknowledge(tx: &Transaction<'_>, last: u64) -> Result<()> {
    tx.execute("DELETE FROM outbox WHERE mid <= ?1", [last as i64])?;
    tx.execute(
        "UPDATE sync_state SET last_acked = max(last_acked, ?1) WHERE id = 1",
        [last as i64],
    )?;
    Ok(())
}

/// Another install pushes under this device's client id (a restored backup
/// of this device, say): take a new id and renumber the queue from 1, so
/// neither install's changes are skipped as the other's duplicates.
pub fn become_new_client(tx: &Transaction<'_>) -> Result<()> {
    tx.execute(
        "UPDATE sync_state SET client_id = ?1, last_acked = 0 WHERE id = 1",
        [random_id()?],
    )?;
    let mids: Vec<i64> = tx
        .prepare("SELECT mid FROM outbox ORDER BY mid")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // Through negative ids, so the primary key never sees two rows with one id.
    for (new, old) in (1_i64..).zip(&mids) {
        tx.execute("UPDATE outbox SET mid = ?1 WHERE mid = ?2", [-new, *old])?;
    }
    tx.execute("UPDATE outbox SET mid = -mid", [])?;
    Ok(())
}

/// The server lost what it had acknowledged (restored from an older
/// backup, or replaced): start afresh as a new client, queue everything
/// this device holds, and pull from the beginning.
pub fn rebuild_server(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch(
        "DELETE FROM outbox;
         UPDATE sync_state SET cursor = NULL, pulled_version = 0, last_acked = 0 WHERE id = 1;",
    )?;
    tx.execute(
        "UPDATE sync_state SET client_id = ?1 WHERE id = 1",
        [random_id()?],
    )?;
    queue_everything(tx)
}

/// What one applied page changed, for the status, the log and the screens.
#[derive(Debug, Default, Clone)]
pub struct Applied {
    pub changes: u64,
    /// Documents that could not be applied (unreadable or invalid); they
    /// are counted, never logged with content.
    pub skipped: u64,
    /// The screens to refresh.
    pub areas: Vec<DataArea>,
}

/// Applies a pulled page and saves its cursor, in the caller's transaction.
pub fn apply_page(
    tx: &Transaction<'_>,
    key: &SyncKey,
    changes: &[Change],
    conflicts: &[Conflict],
    cursor: &str,
    version: u64,
    now: &str,
) -> Result<Applied> {
    tx.execute("UPDATE sync_state SET applying = 1 WHERE id = 1", [])?;
    let mut applied = Applied::default();
    for change in changes {
        apply_one(tx, key, change, now, &mut applied)?;
    }
    // Rows that waited for a parent: retry while any lands.
    loop {
        let waiting = deferred(tx)?;
        let before = waiting.len();
        for change in &waiting {
            apply_one(tx, key, change, now, &mut applied)?;
        }
        if waiting.is_empty() || deferred(tx)?.len() == before {
            break;
        }
    }
    for conflict in conflicts {
        note_conflict(tx, key, conflict, now)?;
        if let Some(c) = collections::find(&conflict.collection) {
            applied.touch(c);
        }
    }
    tx.execute(
        "UPDATE sync_state SET applying = 0, cursor = ?1, pulled_version = ?2 WHERE id = 1",
        params![cursor, version as i64],
    )?;
    Ok(applied)
}

impl Applied {
    fn touch(&mut self, c: &Collection) {
        for area in c.areas {
            if !self.areas.contains(area) {
                self.areas.push(*area);
            }
        }
    }
}

fn apply_one(
    tx: &Transaction<'_>,
    key: &SyncKey,
    change: &Change,
    now: &str,
    applied: &mut Applied,
) -> Result<()> {
    let Some(c) = collections::find(&change.collection) else {
        applied.skipped += 1;
        return Ok(());
    };
    tx.execute(
        "DELETE FROM sync_deferred WHERE collection = ?1 AND doc = ?2",
        params![change.collection, change.doc],
    )?;
    match apply_change(tx, key, c, change, now) {
        Ok(Landed::Yes) => {
            applied.changes += 1;
            applied.touch(c);
        }
        Ok(Landed::AwaitsParent) => {
            tx.execute(
                "INSERT INTO sync_deferred (collection, doc, change) VALUES (?1, ?2, ?3)",
                params![
                    change.collection,
                    change.doc,
                    serde_json::to_string(change).map_err(|_| Error::Corrupt("a pulled change"))?
                ],
            )?;
        }
        // A bad document must not jam every later page.
        Err(Error::Corrupt(_) | Error::Database(_)) => applied.skipped += 1,
        Err(e) => return Err(e),
    }
    Ok(())
}

fn deferred(tx: &Transaction<'_>) -> Result<Vec<Change>> {
    let mut stmt = tx.prepare("SELECT change FROM sync_deferred ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for row in rows {
        out.push(serde_json::from_str(&row?).map_err(|_| Error::Corrupt("a deferred change"))?);
    }
    Ok(out)
}

/// Fields this device changed and has not pushed yet, or `None` when a
/// delete is queued (the document is gone here whatever the server says).
fn unpushed_fields(tx: &Transaction<'_>, doc: &str) -> Result<Option<BTreeSet<String>>> {
    let mut stmt = tx.prepare("SELECT op, old, new FROM outbox WHERE doc = ?1")?;
    let mut rows = stmt.query([doc])?;
    let mut fields = BTreeSet::new();
    while let Some(r) = rows.next()? {
        if r.get::<_, String>(0)? == "delete" {
            return Ok(None);
        }
        let old = parse_object(r.get(1)?)?;
        for (name, value) in parse_object(Some(r.get(2)?))? {
            if old.get(&name) != Some(&value) {
                fields.insert(name);
            }
        }
    }
    Ok(Some(fields))
}

fn to_sql(value: Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => SqlValue::Text(s),
        other => SqlValue::Text(other.to_string()),
    }
}

enum Landed {
    Yes,
    /// A referenced parent is not here yet.
    AwaitsParent,
}

fn apply_change(
    tx: &Transaction<'_>,
    key: &SyncKey,
    c: &Collection,
    change: &Change,
    now: &str,
) -> Result<Landed> {
    let Some(unpushed) = unpushed_fields(tx, &change.doc)? else {
        return Ok(Landed::Yes);
    };
    let local: Option<i64> = tx
        .query_row(
            &format!("SELECT rowid FROM {} WHERE uid = ?1", c.wire.name),
            [&change.doc],
            |r| r.get(0),
        )
        .optional()?;
    if change.deleted {
        match (local, c.deletion) {
            (Some(id), Deletion::Tombstone(tombstone)) => {
                tx.execute(tombstone, params![id, now])?;
            }
            (Some(id), Deletion::Row) => {
                tx.execute(
                    &format!("DELETE FROM {} WHERE rowid = ?1", c.wire.name),
                    [id],
                )?;
            }
            _ => {}
        }
        return Ok(Landed::Yes);
    }
    let mut fields = Vec::new();
    for (name, wire) in &change.fields {
        if !c.wire.has_field(name) || unpushed.contains(name) {
            continue;
        }
        let value = if c.wire.health {
            key.open(c.wire.name, &change.doc, name, wire)?
        } else {
            wire.clone()
        };
        match c.reference(name) {
            Some(r) => {
                let parent = match value.as_str() {
                    None => SqlValue::Null,
                    Some(uid) => match tx
                        .query_row(
                            &format!("SELECT id FROM {} WHERE uid = ?1", r.parent),
                            [uid],
                            |row| row.get::<_, i64>(0),
                        )
                        .optional()?
                    {
                        Some(id) => SqlValue::Integer(id),
                        None => return Ok(Landed::AwaitsParent),
                    },
                };
                fields.push((r.column, parent));
            }
            None => fields.push((name.as_str(), to_sql(value))),
        }
    }
    if c.deletion == Deletion::Clear && fields.iter().any(|(_, v)| *v == SqlValue::Null) {
        if let Some(id) = local {
            tx.execute(
                &format!("DELETE FROM {} WHERE rowid = ?1", c.wire.name),
                [id],
            )?;
        }
        return Ok(Landed::Yes);
    }
    match local {
        Some(id) if !fields.is_empty() => {
            let set = fields
                .iter()
                .enumerate()
                .map(|(i, (n, _))| format!("{n} = ?{}", i + 2))
                .collect::<Vec<_>>()
                .join(", ");
            let mut values = vec![SqlValue::Integer(id)];
            values.extend(fields.into_iter().map(|(_, v)| v));
            tx.execute(
                &format!("UPDATE {} SET {set} WHERE rowid = ?1", c.wire.name),
                params_from_iter(values),
            )?;
        }
        Some(_) => {}
        None => {
            let mut names = vec!["uid"];
            let mut values = vec![SqlValue::Text(change.doc.clone())];
            for (n, v) in fields {
                names.push(n);
                values.push(v);
            }
            for stamp in c.stamps {
                names.push(stamp);
                values.push(SqlValue::Text(now.to_owned()));
            }
            let marks = (1..=names.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ");
            // Two devices' rows for one natural key become one: the pulled
            // values and uid win, in server order like any other field.
            let upsert = match c.natural_key {
                Some(key) => format!(
                    " ON CONFLICT ({key}) DO UPDATE SET {}",
                    names
                        .iter()
                        .filter(|n| !c.stamps.contains(n))
                        .map(|n| format!("{n} = excluded.{n}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                None => String::new(),
            };
            tx.execute(
                &format!(
                    "INSERT INTO {} ({}) VALUES ({marks}){upsert}",
                    c.wire.name,
                    names.join(", ")
                ),
                params_from_iter(values),
            )?;
        }
    }
    Ok(Landed::Yes)
}

fn note_conflict(tx: &Transaction<'_>, key: &SyncKey, c: &Conflict, now: &str) -> Result<()> {
    let Some(coll) = collections::find(&c.collection) else {
        return Ok(());
    };
    let open = |v: &Value| {
        if coll.wire.health {
            key.open(coll.wire.name, &c.doc, &c.field, v)
        } else {
            Ok(v.clone())
        }
    };
    let (Ok(lost), Ok(won)) = (open(&c.lost_value), open(&c.won_value)) else {
        return Ok(());
    };
    // Sealed values always differ on the wire; only a real difference is a conflict.
    if lost == won {
        return Ok(());
    }
    tx.execute(
        "INSERT OR IGNORE INTO sync_conflict (version, collection, doc, field, lost_value, won_value, noted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            c.version as i64,
            c.collection,
            c.doc,
            c.field,
            lost.to_string(),
            won.to_string(),
            now
        ],
    )?;
    Ok(())
}

pub fn save_synced(tx: &Transaction<'_>, at: &str) -> Result<()> {
    tx.execute(
        "UPDATE sync_state SET last_synced_at = ?1 WHERE id = 1",
        [at],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cradle_store::storage::{self, DbKey};

    fn db() -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let conn = storage::open(
            &dir.path().join("c.db"),
            &DbKey::generate().unwrap(),
            &storage::Schema::new(&[
                storage::MIGRATIONS,
                cradle_timeline::MIGRATIONS,
                cradle_reminders::MIGRATIONS,
                cradle_records::MIGRATIONS,
                cradle_shop::MIGRATIONS,
                crate::MIGRATIONS,
            ]),
        )
        .unwrap();
        (dir, conn)
    }

    fn insert_one_of_each(conn: &Connection) {
        conn.execute_batch(
            "INSERT INTO measurement (kind, taken_at, grams, unusual, created_at, updated_at)
                 VALUES ('weight', 1700000000, 61000, 0, 'now', 'now');
             INSERT INTO entry (kind, at, data, unusual, created_at, updated_at)
                 VALUES ('note', 1700000000, '{\"text\":\"hi\"}', 0, 'now', 'now');
             INSERT INTO symptom (code, severity, noted_at, created_at)
                 VALUES ('nausea', 'mild', '2024-01-01T00:00:00Z', 'now');
             INSERT INTO profile (id, display_name, locale, time_zone, updated_at)
                 VALUES (1, 'Mia', 'en', 'UTC', 'now')
                 ON CONFLICT (id) DO UPDATE SET display_name = 'Mia 2';
             INSERT INTO pregnancy (status, created_at) VALUES ('ongoing', 'now');
             INSERT INTO dating_estimate (pregnancy_id, method, event_date, cycle_days, edd, recorded_at)
                 VALUES ((SELECT max(id) FROM pregnancy), 'lmp', '2024-01-01', 28, '2024-10-07', 'now');
             INSERT INTO birth (birth_date, ga_days, baby_count, recorded_at)
                 VALUES ('2024-10-01', 274, 1, 'now');
             INSERT INTO baby (birth_id, ordinal, sex) VALUES ((SELECT max(id) FROM birth), 1, 'female');
             INSERT INTO trying_to_conceive (id, since) VALUES (1, '2024-01-01')
                 ON CONFLICT (id) DO UPDATE SET since = '2024-01-02';
             INSERT INTO body_baseline (id, height_mm, pre_pregnancy_grams, updated_at)
                 VALUES (1, 1600, 55000, 'now')
                 ON CONFLICT (id) DO UPDATE SET height_mm = 1610;
             INSERT INTO reminder_settings (id, prenatal_schedule, quiet_start, quiet_end)
                 VALUES (1, 'cma_2018', '22:00', '07:00')
                 ON CONFLICT (id) DO UPDATE SET quiet_start = '21:00';
             INSERT INTO custom_reminder (title, rrule, time_of_day, starts_on, created_at)
                 VALUES ('Iron', 'FREQ=DAILY', '08:00', '2024-01-01', 'now');
             INSERT INTO reminder_status (item_id, status, updated_at) VALUES ('x', 'done', 'now')
                 ON CONFLICT (item_id) DO UPDATE SET status = 'skipped';
             INSERT INTO vaccine_dose (birth_id, code, dose, given_on, recorded_at)
                 VALUES ((SELECT max(id) FROM birth), 'hepb', 1, '2024-10-01', 'now');
             INSERT INTO kick_session (started_at) VALUES ('1700000000');
             INSERT INTO kick (session_id, at) VALUES ((SELECT max(id) FROM kick_session), '1700000005');
             UPDATE kick_session SET ended_at = '1700000600' WHERE ended_at IS NULL;
             INSERT INTO contraction (started_at) VALUES ('1700000000');
             UPDATE contraction SET ended_at = '1700000060' WHERE ended_at IS NULL;",
        )
        .unwrap();
    }

    fn queued(conn: &Connection) -> Vec<(i64, String, String, String)> {
        conn.prepare("SELECT mid, collection, op, new FROM outbox ORDER BY mid")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn linked(conn: &mut Connection) {
        let tx = conn.transaction().unwrap();
        link(
            &tx,
            "http://127.0.0.1:1/",
            "acc",
            "mama",
            "t",
            &SyncKey::generate().unwrap(),
        )
        .unwrap();
        tx.commit().unwrap();
    }

    #[test]
    fn each_trigger_writes_exactly_its_collections_fields() {
        let (_d, mut conn) = db();
        linked(&mut conn);
        insert_one_of_each(&conn);
        let rows = queued(&conn);
        assert_eq!(rows.len(), COLLECTIONS.len());
        for (_, collection, op, new) in rows {
            let c = collections::find(&collection).unwrap();
            let object = parse_object(Some(new)).unwrap();
            let keys: Vec<&str> = object.keys().map(String::as_str).collect();
            let mut expected = c.wire.fields.to_vec();
            expected.sort_unstable();
            assert_eq!(keys, expected, "{collection}");
            assert_eq!(op, "put");
        }
    }

    #[test]
    fn nothing_is_queued_before_linking_and_linking_queues_what_exists() {
        let (_d, mut conn) = db();
        insert_one_of_each(&conn);
        conn.execute(
            "UPDATE measurement SET deleted_at = 'now', grams = NULL",
            [],
        )
        .unwrap();
        assert!(queued(&conn).is_empty());
        linked(&mut conn);
        let rows = queued(&conn);
        let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
        let n = COLLECTIONS.len() as i64;
        assert_eq!(
            ids,
            (1..=n).collect::<Vec<_>>(),
            "ids start at 1 with no gaps"
        );
        let ops: Vec<(&str, &str)> = rows.iter().map(|r| (r.1.as_str(), r.2.as_str())).collect();
        assert!(ops.contains(&("measurement", "delete")));
        assert!(ops.contains(&("entry", "put")));
        // Ids go on from the last one after an acknowledgement, never reused.
        let tx = conn.transaction().unwrap();
        acknowledge(&tx, n as u64).unwrap();
        tx.commit().unwrap();
        insert_one_of_each(&conn);
        let ids: Vec<i64> = queued(&conn).iter().map(|r| r.0).collect();
        assert_eq!(ids, (n + 1..=2 * n).collect::<Vec<_>>());
    }

    #[test]
    fn an_edit_sends_only_the_fields_that_changed_and_pulled_changes_do_not_echo() {
        let (_d, mut conn) = db();
        linked(&mut conn);
        insert_one_of_each(&conn);
        conn.execute("UPDATE measurement SET grams = 62000", [])
            .unwrap();
        let link = load(&conn).unwrap().unwrap();
        let key = link.key.clone();
        let batch = batch(&conn, &link, 100).unwrap();
        let edit = batch.last().unwrap();
        assert_eq!(edit.id, COLLECTIONS.len() as u64 + 1);
        assert_eq!(edit.fields.keys().collect::<Vec<_>>(), vec!["grams"]);
        let tx = conn.transaction().unwrap();
        acknowledge(&tx, edit.id).unwrap();
        let uid: String = tx
            .query_row("SELECT uid FROM measurement", [], |r| r.get(0))
            .unwrap();
        let change = Change {
            version: 9,
            collection: "measurement".into(),
            doc: uid.clone(),
            deleted: false,
            fields: [(
                "grams".to_owned(),
                key.seal("measurement", &uid, "grams", &63000.into(), "other:1")
                    .unwrap(),
            )]
            .into_iter()
            .collect(),
        };
        let applied = apply_page(&tx, &key, &[change], &[], "e.9", 9, "now").unwrap();
        tx.commit().unwrap();
        assert_eq!(applied.changes, 1);
        assert!(
            queued(&conn).is_empty(),
            "a pulled change is not queued again"
        );
        let grams: i64 = conn
            .query_row("SELECT grams FROM measurement", [], |r| r.get(0))
            .unwrap();
        assert_eq!(grams, 63000);
    }

    #[test]
    fn renumbering_for_a_new_client_id_keeps_the_order_from_one() {
        let (_d, mut conn) = db();
        linked(&mut conn);
        insert_one_of_each(&conn);
        let tx = conn.transaction().unwrap();
        acknowledge(&tx, 1).unwrap();
        become_new_client(&tx).unwrap();
        tx.commit().unwrap();
        let rows = queued(&conn);
        let rest = COLLECTIONS.len() as i64 - 1;
        assert_eq!(
            rows.iter().map(|r| r.0).collect::<Vec<_>>(),
            (1..=rest).collect::<Vec<_>>()
        );
        assert_eq!(rows[0].1, "entry");
        assert_eq!(load(&conn).unwrap().unwrap().last_acked, 0);
    }

    /// A pulled change of `collection` with these (plain) fields, sealed.
    fn pulled(key: &SyncKey, collection: &str, doc: &str, fields: Value) -> Change {
        Change {
            version: 1,
            collection: collection.into(),
            doc: doc.into(),
            deleted: false,
            fields: fields
                .as_object()
                .unwrap()
                .iter()
                .map(|(name, v)| {
                    (
                        name.clone(),
                        key.seal(collection, doc, name, v, "other:1").unwrap(),
                    )
                })
                .collect(),
        }
    }

    fn apply(conn: &mut Connection, changes: &[Change]) -> Applied {
        let key = load(conn).unwrap().unwrap().key;
        let tx = conn.transaction().unwrap();
        let applied = apply_page(&tx, &key, changes, &[], "e.1", 1, "now").unwrap();
        tx.commit().unwrap();
        applied
    }

    #[test]
    fn a_child_pulled_before_its_parent_waits_for_it() {
        let (_d, mut conn) = db();
        linked(&mut conn);
        let key = load(&conn).unwrap().unwrap().key;
        let estimate = pulled(
            &key,
            "dating_estimate",
            "e1",
            serde_json::json!({"pregnancy": "p1", "method": "lmp", "event_date": "2024-01-01",
                "cycle_days": 28, "edd": "2024-10-07", "recorded_at": "now"}),
        );
        let applied = apply(&mut conn, &[estimate]);
        assert_eq!(applied.changes, 0);
        let count = |conn: &Connection, sql: &str| -> i64 {
            conn.query_row(sql, [], |r| r.get(0)).unwrap()
        };
        assert_eq!(count(&conn, "SELECT count(*) FROM dating_estimate"), 0);
        assert_eq!(count(&conn, "SELECT count(*) FROM sync_deferred"), 1);

        let pregnancy = pulled(
            &key,
            "pregnancy",
            "p1",
            serde_json::json!({"status": "ongoing", "ended_on": null, "created_at": "now"}),
        );
        let applied = apply(&mut conn, &[pregnancy]);
        assert_eq!(applied.changes, 2, "the parent, then the child that waited");
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM dating_estimate d JOIN pregnancy p ON p.id = d.pregnancy_id
                 WHERE p.uid = 'p1' AND d.uid = 'e1'"
            ),
            1
        );
        assert_eq!(count(&conn, "SELECT count(*) FROM sync_deferred"), 0);
        assert!(queued(&conn).is_empty(), "pulled rows are not echoed");
    }

    #[test]
    fn two_devices_rows_for_one_natural_key_become_one() {
        let (_d, mut conn) = db();
        linked(&mut conn);
        conn.execute(
            "INSERT INTO reminder_status (item_id, status, updated_at) VALUES ('checkup:p:v1', 'done', 'now')",
            [],
        )
        .unwrap();
        let key = load(&conn).unwrap().unwrap().key;
        let tx = conn.transaction().unwrap();
        acknowledge(&tx, 1).unwrap();
        tx.commit().unwrap();
        let theirs = pulled(
            &key,
            "reminder_status",
            "other",
            serde_json::json!({"item_id": "checkup:p:v1", "status": "skipped",
                "snoozed_until": null, "updated_at": "later"}),
        );
        assert_eq!(apply(&mut conn, &[theirs]).changes, 1);
        let rows: Vec<(String, String)> = conn
            .prepare("SELECT uid, status FROM reminder_status")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(rows, vec![("other".to_owned(), "skipped".to_owned())]);
    }

    #[test]
    fn a_singleton_is_cleared_with_nulls_never_deleted() {
        let (_d, mut conn) = db();
        linked(&mut conn);
        conn.execute_batch(
            "INSERT INTO trying_to_conceive (id, since) VALUES (1, '2024-01-01');
             DELETE FROM trying_to_conceive;",
        )
        .unwrap();
        let rows = queued(&conn);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[1].2.as_str(), rows[1].3.as_str()),
            ("put", r#"{"since":null}"#)
        );
        let tx = conn.transaction().unwrap();
        acknowledge(&tx, 2).unwrap();
        tx.commit().unwrap();

        let key = load(&conn).unwrap().unwrap().key;
        let since = |v: Value| {
            pulled(
                &key,
                "trying_to_conceive",
                "trying-to-conceive",
                serde_json::json!({"since": v}),
            )
        };
        apply(&mut conn, &[since("2024-02-01".into())]);
        let stored: Option<String> = conn
            .query_row("SELECT since FROM trying_to_conceive", [], |r| r.get(0))
            .optional()
            .unwrap();
        assert_eq!(stored.as_deref(), Some("2024-02-01"));
        apply(&mut conn, &[since(Value::Null)]);
        let left: i64 = conn
            .query_row("SELECT count(*) FROM trying_to_conceive", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
    }
}
