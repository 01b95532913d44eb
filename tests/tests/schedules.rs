//! Randomized, seeded schedules: 2–3 devices record, edit and delete blood
//! pressure readings, date the pregnancy and tick reminders offline, and
//! sync through a proxy that injects random faults (413 among them). Some
//! schedules also lose the answer to registering, restore the server from an
//! older backup, clone a device by restoring its backup onto another phone,
//! or queue a batch of long notes too large for one request. Afterwards every
//! device must hold the same records, timeline and reminder states; nothing
//! acknowledged is lost or doubled; a reading only one device wrote keeps
//! that device's last value; and a device always reads its own writes.
//!
//! `CRADLE_SCHEDULES=N` runs N schedules (200 by default); `CRADLE_SEED=S`
//! replays one. A failure names its seed.

use cradle_core::records::Measurement;
use cradle_core::records::journal::{Entry, Filter};
use cradle_core::reminders::Status;
use cradle_core::sync::SyncOptions;
use cradle_core::timeline::dating::DatingInput;
use cradle_core::timeline::gestation::add_days;
use cradle_core::{Cradle, Error};
use cradle_tests::proxy::{Fault, Proxy};
use cradle_tests::{Device, PASSWORD, Server, Stopped};
use jiff::Timestamp;
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

fn options() -> SyncOptions {
    SyncOptions {
        request_timeout: Duration::from_millis(250),
        attempts: 3,
        backoff_base: Duration::from_millis(2),
        backoff_cap: Duration::from_millis(10),
        pull_limit: 7,
    }
}

/// What the test knows of one reading, identified by its unique `taken_at`.
#[derive(Default)]
struct Doc {
    /// Each device's last write.
    writes: BTreeMap<usize, u32>,
    /// Every value any device wrote.
    ever: BTreeSet<u32>,
    deleted: bool,
}

impl Doc {
    fn write(&mut self, device: usize, value: u32) {
        self.writes.insert(device, value);
        self.ever.insert(value);
    }
}

/// A device's live readings: taken_at → (local id, systolic).
fn readings(c: &Cradle) -> BTreeMap<i64, (i64, u32)> {
    let mut out = BTreeMap::new();
    for r in c.records().list(Some("blood_pressure")).unwrap() {
        let Measurement::BloodPressure { systolic, .. } = r.measurement else {
            unreachable!()
        };
        let previous = out.insert(r.taken_at.as_second(), (r.id, systolic));
        assert!(previous.is_none(), "a reading appears twice");
    }
    out
}

/// The reminders of the next three days as a device shows them.
fn reminder_states(c: &Cradle) -> Vec<(String, Status)> {
    let today = c.today().unwrap().date;
    c.reminders()
        .list(Some(today), Some(add_days(today, 2).unwrap()))
        .unwrap()
        .into_iter()
        .map(|i| (i.id, i.status))
        .collect()
}

/// How many notes a device holds.
fn notes(c: &Cradle) -> usize {
    c.records()
        .entries(&Filter {
            kinds: vec!["note".into()],
            ..Filter::default()
        })
        .unwrap()
        .len()
}

/// Stops the server and starts it again at the same address on `storage`
/// (a backup being restored), or on a copy of its own storage (a backup
/// being taken, which is returned).
fn restart(server: &mut Option<Server>, storage: Option<Stopped>) -> Option<Stopped> {
    let running = server.take().expect("a server");
    let addr = running.addr().to_owned();
    let current = running.stop();
    let (next, backup) = match storage {
        Some(backup) => (backup, None),
        None => {
            let copy = current.snapshot();
            (current, Some(copy))
        }
    };
    *server = Some(Server::resume(next, &addr, &[]));
    backup
}

async fn run(server: &mut Option<Server>, proxy: &Proxy, seed: u64) {
    let mut rng = SmallRng::seed_from_u64(seed);
    proxy.heal();
    let count = rng.random_range(2..=3);
    let login = format!("schedule-{seed}");
    let mut devices = Vec::new();
    let first = Device::with_options(options());
    // Now and then the answer to registering, or to the sign-in after it,
    // is lost; tapping again completes the registration.
    let lost = rng.random_range(0..6);
    if lost < 2 {
        let mut faults = vec![Fault::Pass; lost];
        faults.push(Fault::DropResponse);
        proxy.script(faults);
        assert!(
            first
                .cradle
                .sync()
                .register(&proxy.url, &login, PASSWORD, "d0")
                .await
                .is_err(),
            "seed {seed}: the answer was lost"
        );
    }
    let code = first
        .cradle
        .sync()
        .register(&proxy.url, &login, PASSWORD, "d0")
        .await
        .unwrap_or_else(|e| panic!("seed {seed}: registering again failed: {e:?}"));
    devices.push(first);
    for i in 1..count {
        let d = Device::with_options(options());
        d.cradle
            .sync()
            .login(&proxy.url, &login, PASSWORD, &format!("d{i}"), Some(&code))
            .await
            .unwrap();
        devices.push(d);
    }
    // One daily reminder every device knows, to tick from several at once.
    devices[0]
        .cradle
        .reminders()
        .add("Iron", "FREQ=DAILY", "09:00")
        .unwrap();
    for d in &devices {
        d.cradle.sync().sync_now().await.unwrap();
    }
    // Some schedules back the server up now and restore it later; some
    // clone a device; some queue more long notes than one request carries.
    let mut backup = rng
        .random_bool(0.15)
        .then(|| restart(server, None))
        .flatten();
    let restores = backup.is_some();
    let steps = rng.random_range(8..24);
    // At which step each one happens, if it does.
    let mut at = |p: f64| rng.random_bool(p).then(|| rng.random_range(0..steps));
    let (restore_at, clone_at, notes_at) = (at(1.0), at(0.25), at(0.1));
    let mut notes_written = 0;
    let mut count = count;
    proxy.randomize(seed, 0.3, Duration::from_millis(400));

    let mut docs: BTreeMap<i64, Doc> = BTreeMap::new();
    let base = Timestamp::now().as_second() - 1_000_000;
    for step in 0..steps {
        let d = rng.random_range(0..count);
        if Some(step) == restore_at
            && let Some(older) = backup.take()
        {
            // The operator restores the older backup: what was pushed since
            // is gone from the server, not from the devices.
            restart(server, Some(older));
        }
        if Some(step) == clone_at {
            // Her phone's backup restored onto another phone: two installs,
            // one client id, each going on from the same state.
            let (original, clone) = devices.remove(d).clone_by_backup();
            devices.insert(d, original.reopen(options()));
            devices.push(clone.reopen(options()));
            // What it held, its changes not yet sent among them, it wrote too.
            for doc in docs.values_mut() {
                if let Some(&v) = doc.writes.get(&d) {
                    doc.write(count, v);
                }
            }
            count += 1;
        }
        let c = &devices[d].cradle;
        if Some(step) == notes_at {
            // 2,000 emoji each (within the app's limit): over 1 MiB in all.
            for _ in 0..100 {
                c.records()
                    .add_entry(
                        Entry::Note {
                            text: "🤰".repeat(2000),
                        },
                        None,
                    )
                    .unwrap();
                notes_written += 1;
            }
        }
        let local = readings(c);
        match rng.random_range(0..100) {
            0..40 => {
                let at = base + docs.len() as i64;
                let sys = rng.random_range(90..180);
                c.records()
                    .record(
                        Measurement::blood_pressure(sys, 60, None).unwrap(),
                        Some(Timestamp::from_second(at).unwrap()),
                    )
                    .unwrap();
                docs.entry(at).or_default().write(d, sys);
            }
            40..65 if !local.is_empty() => {
                let (&at, &(id, _)) = local.iter().nth(rng.random_range(0..local.len())).unwrap();
                let sys = rng.random_range(90..180);
                c.records()
                    .update_record(
                        id,
                        Measurement::blood_pressure(sys, 60, None).unwrap(),
                        Timestamp::from_second(at).unwrap(),
                    )
                    .unwrap();
                docs.entry(at).or_default().write(d, sys);
            }
            65..75 if !local.is_empty() => {
                let (&at, &(id, _)) = local.iter().nth(rng.random_range(0..local.len())).unwrap();
                c.records().delete_record(id).unwrap();
                docs.entry(at).or_default().deleted = true;
            }
            75..85 => {
                let items = reminder_states(c);
                let (id, _) = &items[rng.random_range(0..items.len())];
                let done = if rng.random_bool(0.5) {
                    c.reminders().complete_item(id)
                } else {
                    c.reminders().skip_item(id)
                };
                // Ticking an item already done is refused, and that is all.
                assert!(
                    matches!(done, Ok(()) | Err(Error::Invalid { .. })),
                    "seed {seed}: {done:?}"
                );
            }
            85..90 => {
                // Devices may each date the pregnancy before they sync.
                let today = c.today().unwrap().date;
                let lmp = add_days(today, -rng.random_range(60..200)).unwrap();
                c.timeline()
                    .record_dating(DatingInput::Lmp {
                        lmp,
                        cycle_days: 28,
                    })
                    .unwrap();
            }
            _ => {
                // A sync may fail under faults; it must never lose or corrupt.
                let _ = c.sync().sync_now().await;
                check_own_writes(seed, d, c, &docs);
            }
        }
    }

    // Converge with no faults and default timeouts, so no assertion below
    // depends on how fast this machine is.
    proxy.heal();
    let devices: Vec<Device> = devices
        .into_iter()
        .map(|d| d.reopen(SyncOptions::default()))
        .collect();
    for _ in 0..2 {
        for d in &devices {
            d.cradle
                .sync()
                .sync_now()
                .await
                .unwrap_or_else(|e| panic!("seed {seed}: a sync with no faults failed: {e:?}"));
        }
    }

    let expected: BTreeSet<i64> = docs
        .iter()
        .filter(|(_, doc)| !doc.deleted)
        .map(|(at, _)| *at)
        .collect();
    let first = readings(&devices[0].cradle);
    let first_reminders = reminder_states(&devices[0].cradle);
    let first_pregnancy = devices[0].cradle.today().unwrap().timeline.pregnancy;
    for (i, d) in devices.iter().enumerate() {
        assert_eq!(
            reminder_states(&d.cradle),
            first_reminders,
            "seed {seed}: device {i}'s reminders did not converge"
        );
        assert_eq!(
            d.cradle.today().unwrap().timeline.pregnancy,
            first_pregnancy,
            "seed {seed}: device {i}'s timeline did not converge"
        );
        let mine = readings(&d.cradle);
        let at: BTreeSet<i64> = mine.keys().copied().collect();
        assert_eq!(
            at, expected,
            "seed {seed}: device {i} lost or kept the wrong readings"
        );
        let values: Vec<u32> = mine.values().map(|v| v.1).collect();
        let firsts: Vec<u32> = first.values().map(|v| v.1).collect();
        assert_eq!(values, firsts, "seed {seed}: device {i} did not converge");
        assert_eq!(
            notes(&d.cradle),
            notes_written,
            "seed {seed}: device {i}'s notes"
        );
        assert_eq!(
            d.cradle.sync().sync_status().unwrap(),
            cradle_core::sync::SyncStatus::UpToDate {
                last_synced_at: match d.cradle.sync().sync_status().unwrap() {
                    cradle_core::sync::SyncStatus::UpToDate { last_synced_at } => last_synced_at,
                    other => panic!("seed {seed}: device {i} is {other:?}"),
                }
            }
        );
    }
    for (at, doc) in &docs {
        if doc.deleted {
            continue;
        }
        let value = first[at].1;
        assert!(
            doc.ever.contains(&value),
            "seed {seed}: a value nobody wrote"
        );
        if restores {
            // The devices rebuild a restored server from what each holds, so
            // a copy older than another device's edit may be the last one
            // pushed; that edit is then in the conflict log (docs/sync.md).
            continue;
        }
        let written: BTreeSet<u32> = doc.writes.values().copied().collect();
        assert!(
            written.contains(&value),
            "seed {seed}: not a device's last write"
        );
        if doc.writes.len() == 1 {
            assert_eq!(
                Some(&value),
                doc.writes.values().next(),
                "seed {seed}: a single writer's value was lost"
            );
        }
    }
    let on_server = server.as_ref().expect("a server").count(&format!(
        "SELECT count(*) FROM doc JOIN account ON account.id = doc.account_id
         WHERE account.login = '{login}' AND doc.collection = 'measurement'"
    ));
    assert_eq!(
        on_server as usize,
        docs.len(),
        "seed {seed}: each reading exactly once on the server"
    );
}

/// Read your own writes: what only this device wrote, and nobody deleted,
/// shows its last value here whatever the sync did.
fn check_own_writes(seed: u64, d: usize, c: &Cradle, docs: &BTreeMap<i64, Doc>) {
    let local = readings(c);
    for (at, doc) in docs {
        if doc.deleted || doc.writes.len() != 1 {
            continue;
        }
        if let Some(&value) = doc.writes.get(&d) {
            assert_eq!(
                local.get(at).map(|v| v.1),
                Some(value),
                "seed {seed}: device {d} lost its own write"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn randomized_schedules_converge_with_nothing_lost_or_doubled() {
    let mut server = Some(Server::start());
    let proxy = Proxy::start(&server.as_ref().expect("a server").url);
    let seeds: Vec<u64> = match std::env::var("CRADLE_SEED") {
        Ok(s) => vec![s.parse().expect("CRADLE_SEED is a number")],
        Err(_) => {
            let n = std::env::var("CRADLE_SCHEDULES")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(200);
            (1..=n).collect()
        }
    };
    for seed in seeds {
        run(&mut server, &proxy, seed).await;
    }
}
