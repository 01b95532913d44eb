//! Screens against the size of her history, through the FFI object the
//! apps hold (issue: screens flat in the size of her history). Run with
//! `cargo bench -p cradle-ffi --bench screens`; prints medians and asserts
//! only that each call did its work, never a time.
//!
//! One database grows through the public API (`record_weight`,
//! `record_blood_pressure`, half each, spread over five years) to 5,000,
//! 50,000 and 500,000 readings. At each size, in the same run: the bare
//! encrypted SQLite baselines (reading her 20 newest rows off an index,
//! and `count(*)`), then `today()`, `records_screen()`, `insights()`, and
//! opening plus `today()` in a fresh process. The file is on /dev/shm when
//! there is one, so filling it is not bound by fsync; reads are the same.

use cradle_core::records::WeightUnit;
use cradle_core::records::sessions::CallRule;
use cradle_ffi::{CradleCore, generate_database_key};
use rusqlite::Connection;
use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const SCALES: [u64; 3] = [5_000, 50_000, 500_000];
const FIVE_YEARS_SECONDS: i64 = 5 * 365 * 86_400;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    black_box(f()); // warm-up
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn hex(key: &[u8]) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

fn open(path: &Path, key: &[u8]) -> std::sync::Arc<CradleCore> {
    CradleCore::open(
        path.display().to_string(),
        key.to_vec(),
        "Asia/Shanghai".into(),
        "en".into(),
    )
    .unwrap()
}

/// The child process: open the file and draw Today, once, and say how long.
fn cold(path: &Path, key_hex: &str) {
    let key: Vec<u8> = (0..key_hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&key_hex[i..i + 2], 16).unwrap())
        .collect();
    let t = Instant::now();
    let core = open(path, &key);
    let today = core.today().unwrap();
    let elapsed = t.elapsed();
    assert!(today.flag.is_some(), "Today judged her newest reading");
    println!("{}", elapsed.as_nanos());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--cold") {
        return cold(Path::new(&args[i + 1]), &args[i + 2]);
    }
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm)
    } else {
        tempfile::tempdir()
    }
    .unwrap();
    let path = dir.path().join("screens.db");
    let key = generate_database_key().unwrap();
    let core = open(&path, &key);
    core.set_profile(cradle_ffi::ProfileInfo {
        display_name: Some("Lin".into()),
        locale: "en".into(),
        time_zone: "Asia/Shanghai".into(),
    })
    .unwrap();
    // 28 weeks pregnant: the advice reads her readings for that stage.
    let today: jiff::civil::Date = core.today().unwrap().date.parse().unwrap();
    let edd = today.checked_add(jiff::Span::new().weeks(12)).unwrap();
    core.record_dating(cradle_ffi::Dating::Edd {
        edd: edd.to_string(),
    })
    .unwrap();
    let now = jiff::Timestamp::now().as_second();
    let bare = Connection::open(&path).unwrap();
    bare.execute_batch(&format!("PRAGMA key = \"x'{}'\";", hex(&key)))
        .unwrap();

    println!(
        "scale | baseline: 20 newest rows, bare | count(*), bare | today() | records_screen() | insights() | open + today(), fresh process"
    );
    let mut filled = 0u64;
    for scale in SCALES {
        // Oldest first up to five years back, so the newest reading is the
        // same high blood pressure at every scale.
        let step = FIVE_YEARS_SECONDS / scale as i64;
        let records = core.clone().records();
        let t = Instant::now();
        while filled < scale {
            let at = jiff::Timestamp::from_second(now - FIVE_YEARS_SECONDS + filled as i64 * step)
                .unwrap()
                .to_string();
            if filled.is_multiple_of(2) {
                records
                    .record_weight(
                        60.0 + (filled % 100) as f64 / 10.0,
                        WeightUnit::Kg,
                        Some(at),
                    )
                    .unwrap();
            } else {
                let systolic = if filled + 1 == scale {
                    150
                } else {
                    115 + (filled % 10) as u32
                };
                records
                    .record_blood_pressure(systolic, 78, Some(72), Some(at))
                    .unwrap();
            }
            filled += 1;
        }
        eprintln!("filled {scale} readings in {:?}", t.elapsed());

        let count: i64 = bare
            .query_row("SELECT count(*) FROM measurement", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count as u64, scale, "the database holds {scale} readings");
        let newest = time(50, || {
            let mut stmt = bare
                .prepare_cached(
                    "SELECT id, kind, taken_at, grams, systolic, diastolic FROM measurement
                     WHERE deleted_at IS NULL ORDER BY taken_at DESC, id DESC LIMIT 20",
                )
                .unwrap();
            let rows: Vec<i64> = stmt
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert_eq!(rows.len(), 20);
            rows
        });
        let counting = time(10, || {
            bare.query_row("SELECT count(*) FROM measurement", [], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap()
        });
        let today = time(50, || {
            let t = core.today().unwrap();
            assert!(
                t.flag.is_some(),
                "Today flags her newest (high) blood pressure"
            );
            t
        });
        let records = time(50, || {
            let r = core.records_screen(CallRule::FiveOneOne).unwrap();
            assert_eq!(
                r.recent.len(),
                20,
                "the screen shows her 20 newest readings"
            );
            assert!(r.flag.is_some());
            assert!(!r.weight.is_empty(), "and her weight chart");
            r
        });
        let her_records = core.clone().records();
        let insights = time(50, || {
            let i = her_records.insights().unwrap();
            assert!(!i.is_empty());
            i
        });
        let exe = std::env::current_exe().unwrap();
        let cold = median(
            (0..7)
                .map(|_| {
                    let out = Command::new(&exe)
                        .args(["--cold", &path.display().to_string(), &hex(&key)])
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    Duration::from_nanos(
                        String::from_utf8(out.stdout)
                            .unwrap()
                            .trim()
                            .parse()
                            .unwrap(),
                    )
                })
                .collect(),
        );
        let x = |d: Duration| d.as_secs_f64() / newest.as_secs_f64();
        println!(
            "{scale} | {newest:?} | {counting:?} ({:.1}x) | {today:?} ({:.1}x) | {records:?} ({:.1}x) | {insights:?} ({:.1}x) | {cold:?} ({:.1}x)",
            x(counting),
            x(today),
            x(records),
            x(insights),
            x(cold),
        );
    }
}
