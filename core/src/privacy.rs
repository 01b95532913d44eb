//! The user's rights over her data (PIPL): export everything, delete
//! everything. Both walk every table in the schema, so a table added by a
//! later migration is covered without touching this file.

use crate::error::Result;
use crate::schema::SCHEMA;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Transaction};
use serde_json::{Map, Value, json};

/// Credentials, not her data: a file she shares must not carry the session
/// token or the end-to-end key (the recovery code is shown in settings).
const SECRETS: &[(&str, &str)] = &[
    ("sync_state", "token"),
    ("sync_state", "sync_key"),
    ("pending_registration", "sync_key"),
];

/// Left out of her export (and still wiped by delete-all): the shop's copy
/// of the catalogue is the server's data, not hers; the charts' per-day
/// aggregates are derived from her readings, which are exported.
const NOT_EXPORTED: &[&str] = &[
    "catalog_state",
    "day_cut",
    "measurement_day",
    "measurement_touch",
    "product",
    "product_search",
    "product_stage",
];

/// Every table, without a virtual table's shadow tables (full-text search
/// keeps its index in those; they go with their table).
fn tables(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master t
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND NOT EXISTS (SELECT 1 FROM sqlite_master v
                           WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'
                             AND t.name LIKE v.name || '\\_%' ESCAPE '\\')
         ORDER BY name",
    )?;
    let names = stmt.query_map([], |r| r.get(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

/// Every row of every table as JSON: `{"schema_version", "exported_at", "tables": {name: [row…]}}`.
pub(crate) fn export_all(conn: &Connection, exported_at: &str) -> Result<Value> {
    let mut out = Map::new();
    for table in tables(conn)?
        .into_iter()
        .filter(|t| !NOT_EXPORTED.contains(&t.as_str()))
    {
        // Table names come from sqlite_master, not from input; quoting keeps them literal.
        let mut stmt = conn.prepare(&format!(
            "SELECT * FROM \"{}\" ORDER BY rowid",
            table.replace('"', "\"\"")
        ))?;
        let columns: Vec<String> = stmt.column_names().map(str::to_owned).collect();
        let secret = |name: &str| SECRETS.contains(&(table.as_str(), name));
        let mut rows = stmt.query([])?;
        let mut list = Vec::new();
        while let Some(row) = rows.next()? {
            let mut obj = Map::new();
            for (i, name) in columns.iter().enumerate() {
                if secret(name) {
                    continue;
                }
                let v = match row.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => json!(n),
                    ValueRef::Real(f) => json!(f),
                    ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
                    ValueRef::Blob(b) => json!(b),
                };
                obj.insert(name.clone(), v);
            }
            list.push(Value::Object(obj));
        }
        out.insert(table, Value::Array(list));
    }
    Ok(json!({
        "schema_version": SCHEMA.version(),
        "exported_at": exported_at,
        "tables": out,
    }))
}

/// Deletes every row of every table (the connection runs with
/// `secure_delete`, so freed pages are overwritten); then `scrub`.
pub(crate) fn delete_all(tx: &Transaction<'_>) -> Result<()> {
    // The link first, so no sync trigger queues these deletes; then
    // children before parents, so foreign keys hold at every step.
    for table in [
        "sync_state",
        "dating_estimate",
        "vaccine_dose",
        "birth",
        "pregnancy",
    ] {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    for table in tables(tx)? {
        tx.execute(
            &format!("DELETE FROM \"{}\"", table.replace('"', "\"\"")),
            [],
        )?;
    }
    Ok(())
}

/// Leaves no deleted content in the WAL or in free pages.
pub(crate) fn scrub(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    conn.execute_batch("VACUUM")?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}
