//! Several server processes on one database are the path past one machine:
//! what devices see through two processes must be what they see through one.
//! (One order per Idempotency-Key across two processes is tested in shop.rs.)

use cradle_core::Cradle;
use cradle_core::records::Measurement;
use cradle_tests::{Device, PASSWORD, Server, blood_pressures, record_bp};

const ROUNDS: u32 = 6;
const PER_ROUND: u32 = 15;

/// Three devices of one account, device `i` signed in through `urls[i]`.
/// Each round they all record, edit and delete their own readings, then
/// sync at once. Returns each device's readings once all are quiet.
async fn run(urls: [&str; 3]) -> Vec<Vec<(u32, u32)>> {
    let devices = [Device::new(), Device::new(), Device::new()];
    let code = devices[0].register(urls[0]).await;
    for (d, url) in devices.iter().zip(urls).skip(1) {
        d.cradle
            .sync()
            .login(url, "mama", PASSWORD, "tablet", Some(&code))
            .await
            .expect("signed in");
    }
    for round in 0..ROUNDS {
        for (i, d) in devices.iter().enumerate() {
            for n in 0..PER_ROUND {
                let systolic = 100 + i as u32 * 30 + n;
                record_bp(&d.cradle, systolic, 50 + round);
            }
            edit_and_delete(&d.cradle, i as u32, round);
        }
        let (a, b, c) = tokio::join!(
            devices[0].cradle.sync().sync_now(),
            devices[1].cradle.sync().sync_now(),
            devices[2].cradle.sync().sync_now()
        );
        for report in [a, b, c] {
            report.expect("a sync");
        }
    }
    // Two quiet passes: the last device's push reaches the first.
    for _ in 0..2 {
        for d in &devices {
            d.cradle.sync().sync_now().await.expect("a sync");
        }
    }
    for d in &devices {
        assert!(
            d.cradle.sync().sync_conflicts().unwrap().is_empty(),
            "each device edits only its own readings: nothing conflicts"
        );
    }
    devices.iter().map(|d| blood_pressures(&d.cradle)).collect()
}

/// Device `i`'s own readings of the previous round, lowest first: it raises
/// the diastolic of the first and deletes the second.
fn edit_and_delete(c: &Cradle, i: u32, round: u32) {
    if round == 0 {
        return;
    }
    let own = 100 + i * 30..100 + i * 30 + PER_ROUND;
    let mut mine: Vec<_> = c
        .records()
        .list(Some("blood_pressure"))
        .unwrap()
        .into_iter()
        .filter_map(|r| match r.measurement {
            Measurement::BloodPressure {
                systolic,
                diastolic,
                ..
            } if own.contains(&systolic) && diastolic == 50 + round - 1 => Some((systolic, r)),
            _ => None,
        })
        .collect();
    mine.sort_by_key(|(systolic, _)| *systolic);
    let (systolic, edited) = mine[0];
    c.records()
        .update_record(
            edited.id,
            Measurement::blood_pressure(systolic, 90, None).unwrap(),
            edited.taken_at,
        )
        .unwrap();
    c.records().delete_record(mine[1].1.id).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn devices_on_two_server_processes_converge_as_on_one() {
    let one = Server::start();
    let through_one = run([&one.url, &one.url, &one.url]).await;

    let first = Server::start();
    let second = first.another_process(&[]);
    let through_two = run([&first.url, &second.url, &first.url]).await;

    for readings in through_one.iter().chain(&through_two) {
        assert_eq!(readings, &through_one[0], "every device holds the same");
    }
    assert_eq!(through_two[0], through_one[0]);
    let recorded = (3 * ROUNDS * PER_ROUND) as usize;
    assert_eq!(through_one[0].len(), recorded - 3 * (ROUNDS as usize - 1));
    // Both databases hold the same documents, whichever process wrote them.
    let live = "SELECT count(*) FROM doc WHERE NOT deleted";
    assert_eq!(one.count(live), first.count(live));
}
