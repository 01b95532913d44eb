//! Notification-plan benchmark (issue: reminders). Run with
//! `cargo bench -p cradle-core --bench reminders`. Prints figures; asserts
//! nothing about time.
//!
//! Profile: an ongoing pregnancy (full checkup plan), a baby born a year ago
//! (full vaccine plan) and 100 custom rules, over five years. Baseline, in
//! the same run: iterating as many pre-computed timestamps as the five-year
//! expansion yields.

use cradle_core::consent::Purpose;
use cradle_core::storage::DbKey;
use cradle_core::timeline::baby::{Birth, BirthFacts};
use cradle_core::timeline::dating::DatingInput;
use cradle_core::timeline::gestation::GestationalAge;
use cradle_core::{Config, Cradle};
use jiff::{Span, Timestamp};
use std::hint::black_box;
use std::time::{Duration, Instant};

const RULES: [&str; 5] = [
    "FREQ=DAILY",
    "FREQ=WEEKLY;BYDAY=MO,WE,FR",
    "FREQ=DAILY;INTERVAL=2",
    "FREQ=MONTHLY;BYMONTHDAY=1,15",
    "FREQ=WEEKLY;BYDAY=SU",
];

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    f(); // warm-up
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

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::new("Asia/Shanghai", "zh-CN", DbKey::generate().unwrap()).unwrap();
    let cradle = Cradle::open(dir.path().join("bench.db"), config).unwrap();
    let today = cradle.today().unwrap().date;
    let ago = |days: i64| today.checked_sub(Span::new().days(days)).unwrap();
    cradle
        .timeline()
        .record_birth(
            Birth {
                date: ago(365),
                ga_at_birth: GestationalAge::new(39, 0),
                count: 1,
            },
            &BirthFacts::default(),
        )
        .unwrap();
    cradle
        .timeline()
        .record_dating(DatingInput::Lmp {
            lmp: ago(50),
            cycle_days: 28,
        })
        .unwrap();
    for i in 0..100 {
        let time = format!("{:02}:{:02}", 7 + i % 14, (i * 7) % 60);
        cradle
            .reminders()
            .add(&format!("r{i}"), RULES[i % RULES.len()], &time)
            .unwrap();
    }
    // Without her consent the plan is empty, and there would be nothing to time.
    cradle.set_consent(Purpose::Notifications, true).unwrap();
    let five_years = today.checked_add(Span::new().years(5)).unwrap();

    let items = cradle
        .reminders()
        .list(Some(today), Some(five_years))
        .unwrap();
    let expanded = items.len();
    let precomputed: Vec<Timestamp> = (0..expanded as i64)
        .map(|i| Timestamp::from_second(1_800_000_000 + i * 60).unwrap())
        .collect();

    assert!(
        expanded > 70_000,
        "five years of 100 rules, checkups and vaccines: {expanded}"
    );
    let plan64 = time(200, || {
        let plan = cradle.reminders().notification_plan(None, 64).unwrap();
        assert_eq!(plan.len(), 64, "64 notifications came back");
        plan
    });
    let one_day = time(200, || {
        let day = cradle.reminders().list(Some(today), Some(today)).unwrap();
        assert!(!day.is_empty(), "today has reminders (daily rules)");
        day
    });
    let full = time(5, || {
        let all = cradle
            .reminders()
            .list(Some(today), Some(five_years))
            .unwrap();
        assert_eq!(all.len(), expanded);
        all
    });
    let baseline = time(200, || {
        precomputed
            .iter()
            .map(|t| t.as_second())
            .fold(0i64, |a, s| a ^ s)
    });

    println!("items over five years (100 rules + checkups + vaccines): {expanded}");
    println!("baseline: iterate {expanded} pre-computed timestamps: {baseline:?}");
    println!(
        "notification_plan(limit 64): {plan64:?}  ({:.1}x baseline)",
        plan64.as_secs_f64() / baseline.as_secs_f64()
    );
    println!(
        "load + one day's list (the fixed cost of reading 100 rules): {one_day:?}  ({:.1}x baseline)",
        one_day.as_secs_f64() / baseline.as_secs_f64()
    );
    println!(
        "full five-year expansion (reminders list): {full:?}  ({:.1}x baseline)",
        full.as_secs_f64() / baseline.as_secs_f64()
    );
}
