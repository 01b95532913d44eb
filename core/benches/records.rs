//! Health-record benchmark. Run with `cargo bench -p cradle-core --bench records`.
//! Prints medians; asserts nothing about time.
//!
//! 1. Recording one observation through the facade, against a bare rusqlite
//!    insert of a comparable row on a connection with the same settings
//!    (WAL, synchronous=FULL), with and without the SQLCipher key.
//! 2. Reading a five-year daily series (50,000 rows) back: raw, as records,
//!    as every chart, and as the Records screen's weight chart alone.

use cradle_core::records::Measurement;
use cradle_core::storage::DbKey;
use cradle_core::{Config, Cradle};
use rusqlite::Connection;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn bare(path: &Path, key: Option<&DbKey>) -> Connection {
    let conn = Connection::open(path).unwrap();
    if let Some(key) = key {
        conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.to_hex()))
            .unwrap();
    }
    conn.pragma_update_and_check(None, "journal_mode", "wal", |_| Ok(()))
        .unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS m (id INTEGER PRIMARY KEY, kind TEXT, taken_at TEXT, systolic INTEGER,
             diastolic INTEGER, pulse INTEGER, unusual INTEGER, created_at TEXT, updated_at TEXT)",
    )
    .unwrap();
    conn
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate().unwrap();
    const RUNS: usize = 200;
    let insert = |conn: &Connection| {
        conn.execute(
            "INSERT INTO m (kind, taken_at, systolic, diastolic, pulse, unusual, created_at, updated_at)
             VALUES ('blood_pressure', '2027-01-01T08:00:00Z', 120, 80, 70, 0, 'now', 'now')",
            [],
        )
        .unwrap();
    };
    let plain = bare(&dir.path().join("plain.db"), None);
    let plain_insert = time(RUNS, || insert(&plain));
    let keyed = bare(&dir.path().join("keyed.db"), Some(&key));
    let keyed_insert = time(RUNS, || insert(&keyed));

    let config = Config::new("Asia/Shanghai", "en", key.clone()).unwrap();
    let cradle = Cradle::open(dir.path().join("cradle.db"), config).unwrap();
    let bp = Measurement::blood_pressure(120, 80, Some(70)).unwrap();
    let record = time(RUNS, || {
        black_box(cradle.record(bp, None).unwrap());
    });

    // Five years of daily weights and blood pressures: 50,000 rows, written
    // in one transaction through the same schema.
    let series_db = dir.path().join("series.db");
    drop(Cradle::open(&series_db, Config::new("UTC", "en", key.clone()).unwrap()).unwrap());
    {
        let mut conn = Connection::open(&series_db).unwrap();
        conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.to_hex()))
            .unwrap();
        let tx = conn.transaction().unwrap();
        for i in 0..25_000i64 {
            let at = 1_700_000_000 + i * 6_300;
            tx.execute(
                "INSERT INTO measurement (kind, taken_at, grams, created_at, updated_at)
                 VALUES ('weight', ?1, ?2, 'bench', 'bench')",
                rusqlite::params![at, 60_000 + i % 500],
            )
            .unwrap();
            tx.execute(
                "INSERT INTO measurement (kind, taken_at, systolic, diastolic, created_at, updated_at)
                 VALUES ('blood_pressure', ?1, ?2, 80, 'bench', 'bench')",
                rusqlite::params![at, 110 + i % 30],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    }
    // Baseline: the same rows read with bare rusqlite, two columns each.
    let raw = Connection::open(&series_db).unwrap();
    raw.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.to_hex()))
        .unwrap();
    let raw_scan = time(20, || {
        let mut stmt = raw
            .prepare_cached(
                "SELECT taken_at, grams FROM measurement WHERE deleted_at IS NULL AND kind = 'weight' ORDER BY taken_at, id",
            )
            .unwrap();
        let rows: Vec<(i64, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        black_box(rows);
    });
    let series = Cradle::open(&series_db, Config::new("UTC", "en", key).unwrap()).unwrap();
    let rows = series.records(Some("weight")).unwrap().len();
    let trend = time(20, || {
        black_box(series.records(Some("weight")).unwrap());
    });
    // The chart call: weight and blood pressure aggregated per local day in
    // SQL (1,823 days each) plus glucose and growth, from all 50,000 rows.
    let charts = time(20, || {
        black_box(series.trends(None, None).unwrap());
    });
    // The Records screen's chart: the weight series alone.
    let weights = time(20, || {
        black_box(series.weight_chart().unwrap());
    });

    println!("bare insert, plaintext (WAL, synchronous=FULL): {plain_insert:?}");
    println!("bare insert, SQLCipher key:                     {keyed_insert:?}");
    println!(
        "Cradle::record (validate, encrypt, commit):     {record:?}  ({:.2}x bare encrypted, {:.2}x bare plaintext)",
        record.as_secs_f64() / keyed_insert.as_secs_f64(),
        record.as_secs_f64() / plain_insert.as_secs_f64()
    );
    println!("baseline: the same {rows} weights read with bare rusqlite: {raw_scan:?}");
    println!(
        "trend query: {rows} weights of 50,000 rows over five years: {trend:?}  ({:.2}x baseline)",
        trend.as_secs_f64() / raw_scan.as_secs_f64()
    );
    println!(
        "Cradle::trends (every chart, per-day aggregates of all 50,000 rows): {charts:?}  ({:.2}x baseline)",
        charts.as_secs_f64() / raw_scan.as_secs_f64()
    );
    println!(
        "Cradle::weight_chart (the Records screen's weight series only): {weights:?}  ({:.2}x baseline, {:.2}x Cradle::trends)",
        weights.as_secs_f64() / raw_scan.as_secs_f64(),
        weights.as_secs_f64() / charts.as_secs_f64()
    );
}
