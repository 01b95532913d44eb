//! Health-record benchmark. Run with `cargo bench -p cradle-core --bench records`.
//! Prints medians; asserts nothing about time.
//!
//! 1. Recording one observation through the facade, against a bare rusqlite
//!    insert of a comparable row on a connection with the same settings
//!    (WAL, synchronous=FULL), with and without the SQLCipher key.
//! 2. Reading a five-year series (50,000 rows) back: as records, as every
//!    chart and as the Records screen's weight chart (both read the per-day
//!    table), and the first chart after a zone change (which rebuilds it);
//!    against bare rusqlite reads and per-day aggregates of the same rows,
//!    encrypted and plaintext.

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
    let keyed = bare(&dir.path().join("keyed.db"), Some(&key));
    let config = Config::new("Asia/Shanghai", "en", key.clone()).unwrap();
    let cradle = Cradle::open(dir.path().join("cradle.db"), config).unwrap();
    // Charts drawn once, so each reading also updates its day's row; the
    // second file never drew them, which shows what that update costs.
    cradle.records().trends(None, None).unwrap();
    let no_charts = Cradle::open(
        dir.path().join("no-charts.db"),
        Config::new("Asia/Shanghai", "en", key.clone()).unwrap(),
    )
    .unwrap();
    let bp = Measurement::blood_pressure(120, 80, Some(70)).unwrap();
    // Interleaved, so all four see the same fsync weather.
    let mut samples = [(); 4].map(|_| Vec::with_capacity(RUNS));
    for _ in 0..RUNS {
        let t = Instant::now();
        insert(&plain);
        samples[0].push(t.elapsed());
        let t = Instant::now();
        insert(&keyed);
        samples[1].push(t.elapsed());
        let t = Instant::now();
        black_box(cradle.records().record(bp, None).unwrap());
        samples[2].push(t.elapsed());
        let t = Instant::now();
        black_box(no_charts.records().record(bp, None).unwrap());
        samples[3].push(t.elapsed());
    }
    let [plain_insert, keyed_insert, record, record_no_charts] = samples.map(median);

    // Five years of weights and blood pressures: 50,000 rows over 1,823
    // days, written in one transaction through the same schema; and the
    // same rows in a plaintext file with the same table and index, for the
    // unencrypted baselines.
    let series_db = dir.path().join("series.db");
    let plain_db = dir.path().join("series-plain.db");
    drop(Cradle::open(&series_db, Config::new("UTC", "en", key.clone()).unwrap()).unwrap());
    let open_series = |path: &Path, key: Option<&DbKey>| {
        let conn = Connection::open(path).unwrap();
        if let Some(key) = key {
            conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.to_hex()))
                .unwrap();
        }
        conn
    };
    open_series(&plain_db, None)
        .execute_batch(
            "CREATE TABLE measurement (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, taken_at INTEGER NOT NULL,
                 grams INTEGER, systolic INTEGER, diastolic INTEGER, created_at TEXT, updated_at TEXT, deleted_at TEXT);
             CREATE INDEX measurement_kind_time ON measurement (kind, taken_at) WHERE deleted_at IS NULL;",
        )
        .unwrap();
    for (path, key) in [(&series_db, Some(&key)), (&plain_db, None)] {
        let mut conn = open_series(path, key);
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
    // Baselines, bare rusqlite on each file: reading the 25,000 weights, and
    // aggregating every reading per day (what the chart did before the
    // per-day table).
    let bare_reads = [Some(&key), None].map(|k| {
        let conn = open_series(if k.is_some() { &series_db } else { &plain_db }, k);
        let read = time(20, || {
            let mut stmt = conn
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
        let per_day = time(20, || {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT kind, taken_at / 86400 AS d, AVG(coalesce(grams, systolic)), MAX(diastolic)
                     FROM measurement WHERE deleted_at IS NULL AND kind IN ('weight', 'blood_pressure')
                     GROUP BY kind, d ORDER BY kind, d",
                )
                .unwrap();
            let rows: Vec<(String, i64, f64)> = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            black_box(rows);
        });
        (read, per_day)
    });
    let [(read_keyed, per_day_keyed), (read_plain, per_day_plain)] = bare_reads;

    let series = Cradle::open(&series_db, Config::new("UTC", "en", key).unwrap()).unwrap();
    let rows = series.records().list(Some("weight")).unwrap().len();
    assert_eq!(rows, 25_000, "the series holds 25,000 weights");
    let records = time(20, || {
        assert_eq!(
            black_box(series.records().list(Some("weight")).unwrap()).len(),
            rows
        );
    });
    // The first chart after a zone change rebuilds the per-day table: every
    // call here moves her between two zones.
    let mut east = false;
    let rebuild = time(10, || {
        east = !east;
        let zone = if east { "Asia/Shanghai" } else { "UTC" };
        series.set_profile(None, "en", zone).unwrap();
        assert!(
            black_box(series.records().trends(None, None).unwrap())
                .weight
                .len()
                >= 1_823
        );
    });
    // The chart call: weight and blood pressure per local day (1,823 days
    // each) plus glucose and growth, read from the per-day table.
    let charts = time(50, || {
        let t = black_box(series.records().trends(None, None).unwrap());
        // Five years of local days, each kind: the chart covers them all.
        assert!(
            t.weight.len() >= 1_823 && t.blood_pressure.len() >= 1_823,
            "{} days",
            t.weight.len()
        );
    });
    // The Records screen's chart: the weight series alone.
    let weights = time(50, || {
        assert!(
            black_box(series.records().weight_chart().unwrap())
                .days
                .len()
                >= 1_823
        );
    });

    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    println!("bare insert, plaintext (WAL, synchronous=FULL): {plain_insert:?}");
    println!("bare insert, SQLCipher key:                     {keyed_insert:?}");
    println!(
        "Cradle::record (validate, encrypt, commit):     {record:?}  ({:.2}x bare encrypted, {:.2}x bare plaintext)",
        ratio(record, keyed_insert),
        ratio(record, plain_insert)
    );
    println!(
        "Cradle::record before any chart (no per-day row to keep): {record_no_charts:?}  ({:.2}x bare encrypted)",
        ratio(record_no_charts, keyed_insert)
    );
    println!(
        "baseline: {rows} weights read with bare rusqlite: encrypted {read_keyed:?}, plaintext {read_plain:?}"
    );
    println!(
        "baseline: every reading aggregated per day with bare rusqlite: encrypted {per_day_keyed:?}, plaintext {per_day_plain:?}"
    );
    println!(
        "Cradle::records(weight), {rows} of 50,000 rows over five years: {records:?}  ({:.2}x the encrypted read)",
        ratio(records, read_keyed)
    );
    println!(
        "Cradle::trends (every chart, from the per-day table): {charts:?}  ({:.3}x the encrypted per-day aggregate, {:.3}x the plaintext one)",
        ratio(charts, per_day_keyed),
        ratio(charts, per_day_plain)
    );
    println!(
        "Cradle::weight_chart (the Records screen's weight series): {weights:?}  ({:.3}x the encrypted per-day aggregate, {:.3}x the plaintext one)",
        ratio(weights, per_day_keyed),
        ratio(weights, per_day_plain)
    );
    println!(
        "first chart after a zone change (rebuilds the per-day table): {rebuild:?}  ({:.2}x the encrypted per-day aggregate)",
        ratio(rebuild, per_day_keyed)
    );
}
