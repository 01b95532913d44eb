//! Sync figures against a real `cradle-server` (release build), each with a
//! baseline measured in the same run:
//!
//! 1. 10,000 queued readings pushed by one device and pulled by a second,
//!    through a byte-counting proxy; baseline: one bulk POST of the same
//!    JSON to a sink that only reads it.
//! 2. 100 concurrent clients pushing and pulling; throughput and p50/p99,
//!    against `GET /healthz` under the same concurrency.
//!
//! Run: `scripts/bench-sync` (builds the release server first).

use cradle_core::api::{Client, Login, Mutation, Op, PushRequest, Register};
use cradle_core::records::Measurement;
use cradle_core::sync::SyncOptions;
use cradle_core::sync::crypto::SyncKey;
use cradle_tests::proxy::{Proxy, sink};
use cradle_tests::{Device, PASSWORD, Server};
use jiff::Timestamp;
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};

const READINGS: usize = 10_000;
const CLIENTS: usize = 100;
const ROUNDS: usize = 20;

/// Which backend the server runs on (`CRADLE_TEST_POSTGRES` picks PostgreSQL).
fn backend() -> &'static str {
    if std::env::var("CRADLE_TEST_POSTGRES").is_ok_and(|v| !v.is_empty()) {
        "PostgreSQL"
    } else {
        "SQLite"
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / 1024.0 / 1024.0
}

/// The JSON a push of `n` new readings sends, as one body.
fn bulk_json(n: usize) -> Vec<u8> {
    let key = SyncKey::generate().unwrap();
    let mutations: Vec<Mutation> = (0..n)
        .map(|i| {
            let doc = format!("{i:032x}");
            let values = [
                ("kind", json!("blood_pressure")),
                ("taken_at", json!(1_700_000_000 + i)),
                ("grams", json!(null)),
                ("systolic", json!(90 + i % 90)),
                ("diastolic", json!(60)),
                ("pulse", json!(null)),
                ("glucose_cmmol", json!(null)),
                ("context", json!(null)),
                ("unusual", json!(0)),
            ];
            Mutation {
                id: i as u64 + 1,
                collection: "measurement".into(),
                doc: doc.clone(),
                op: Op::Put,
                base_version: 0,
                fields: values
                    .iter()
                    .map(|(f, v)| {
                        (
                            (*f).to_owned(),
                            key.seal("measurement", &doc, f, v, &format!("bulk:{}", i + 1))
                                .unwrap(),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    serde_json::to_vec(&PushRequest {
        client_id: "bulk".into(),
        schema_version: 1,
        mutations,
    })
    .unwrap()
}

async fn bulk() {
    let server = Server::start();
    let proxy = Proxy::start(&server.url);
    let a = Device::with_options(SyncOptions::default());
    let code = a
        .cradle
        .sync()
        .register(&proxy.url, "bulk-a", PASSWORD, "a")
        .await
        .unwrap();
    let now = Timestamp::now().as_second();
    for i in 0..READINGS {
        a.cradle
            .records()
            .record(
                Measurement::blood_pressure(90 + (i % 90) as u32, 60, None).unwrap(),
                Some(Timestamp::from_second(now - i as i64).unwrap()),
            )
            .unwrap();
    }
    let (in0, out0) = proxy.bytes();
    let t = Instant::now();
    let report = a.cradle.sync().sync_now().await.unwrap();
    let push = t.elapsed();
    let (in1, out1) = proxy.bytes();
    assert_eq!(report.pushed as usize, READINGS);

    let b = Device::with_options(SyncOptions::default());
    b.cradle
        .sync()
        .login(&proxy.url, "bulk-a", PASSWORD, "b", Some(&code))
        .await
        .unwrap();
    let (in2, out2) = proxy.bytes();
    let t = Instant::now();
    b.cradle.sync().sync_now().await.unwrap();
    let pull = t.elapsed();
    let (in3, out3) = proxy.bytes();
    assert_eq!(
        b.cradle
            .records()
            .list(Some("blood_pressure"))
            .unwrap()
            .len(),
        READINGS
    );

    // The protocol's own cost: the same rows written by the server's
    // database in one transaction, with no HTTP, sealing or batching.
    let account = &server.sql("SELECT id FROM account WHERE login = 'bulk-a'")[0];
    let t = Instant::now();
    server.sql_transaction(&format!(
        "INSERT INTO account (id, login, password_hash, key_check, created_at)
           SELECT 'copy', 'copy', password_hash, key_check, created_at FROM account WHERE id = '{account}';
         INSERT INTO doc (account_id, collection, doc, version, deleted)
           SELECT 'copy', collection, doc, version, deleted FROM doc WHERE account_id = '{account}';
         INSERT INTO field (account_id, collection, doc, name, value, version, client_id)
           SELECT 'copy', collection, doc, name, value, version, client_id FROM field
           WHERE account_id = '{account}';"
    ));
    let in_one_transaction = t.elapsed();
    let count = |table: &str, id: &str| {
        server.count(&format!(
            "SELECT count(*) FROM {table} WHERE account_id = '{id}'"
        ))
    };
    let (docs, fields) = (count("doc", "copy"), count("field", "copy"));
    assert_eq!(
        (docs, fields),
        (count("doc", account), count("field", account))
    );
    assert!(docs >= READINGS as i64 && fields > docs);

    let body = bulk_json(READINGS);
    let (sink_url, _stop) = sink();
    let http = reqwest::Client::new();
    let t = Instant::now();
    let r = http
        .post(&sink_url)
        .header("content-type", "application/json")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let baseline = t.elapsed();

    let push_bytes = (in1 - in0) + (out1 - out0);
    let pull_bytes = (in3 - in2) + (out3 - out2);
    let body_len = body.len() as f64;
    let row = |name: &str, time: Duration, bytes: u64| {
        println!(
            "| {name} | {:.1} | {:.1} | {:.2} | {:.2} |",
            ms(time),
            time.as_secs_f64() / baseline.as_secs_f64(),
            mib(bytes),
            bytes as f64 / body_len
        );
    };
    println!(
        "## {READINGS} readings, one device to another ({} server)\n",
        backend()
    );
    println!(
        "| step | time (ms) | ratio to bulk POST | bytes on the wire (MiB) | ratio to bulk body |"
    );
    println!("|---|---:|---:|---:|---:|");
    row(
        "bulk POST of the same JSON to a sink (baseline)",
        baseline,
        body.len() as u64,
    );
    row(
        &format!(
            "first device: push {} batches of 100, then pull its own changes back",
            READINGS / 100
        ),
        push,
        push_bytes,
    );
    row("pull to a second device (gzip)", pull, pull_bytes);
    println!(
        "\nThe server's database writing the same rows ({docs} documents, {fields} fields) in one \
         transaction: {:.1} ms, {:.1}× the bulk POST. The push and its pull back take {:.1}× that; \
         the second device's pull {:.1}×.\n",
        ms(in_one_transaction),
        in_one_transaction.as_secs_f64() / baseline.as_secs_f64(),
        push.as_secs_f64() / in_one_transaction.as_secs_f64(),
        pull.as_secs_f64() / in_one_transaction.as_secs_f64(),
    );
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// `GET /healthz` from `CLIENTS` tasks at once: the latency floor.
async fn health_run(client: &Arc<Client>) -> (Vec<Duration>, Duration) {
    let t = Instant::now();
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let c = Arc::clone(client);
            tokio::spawn(async move {
                let mut l = Vec::new();
                for _ in 0..ROUNDS * 2 {
                    let t = Instant::now();
                    c.health().await.unwrap();
                    l.push(t.elapsed());
                }
                l
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for t in tasks {
        latencies.extend(t.await.unwrap());
    }
    latencies.sort();
    (latencies, t.elapsed())
}

fn batch(key: &SyncKey, round: usize) -> Vec<Mutation> {
    (0..10)
        .map(|j| {
            let n = round * 10 + j;
            let doc = format!("doc-{n}");
            Mutation {
                id: n as u64 + 1,
                collection: "measurement".into(),
                doc: doc.clone(),
                op: Op::Put,
                base_version: 0,
                fields: [(
                    "systolic".to_owned(),
                    key.seal(
                        "measurement",
                        &doc,
                        "systolic",
                        &json!(120),
                        &format!("c:{}", n + 1),
                    )
                    .unwrap(),
                )]
                .into_iter()
                .collect(),
            }
        })
        .collect()
}

async fn load() {
    let server = Server::start();
    let client = Arc::new(Client::new(&server.url).unwrap());
    // Accounts first (Argon2 is slow on purpose; not part of the figures).
    let mut accounts = Vec::new();
    for i in 0..CLIENTS {
        let key = SyncKey::generate().unwrap();
        let login = format!("load-{i}");
        client
            .register(&Register {
                login: login.clone(),
                password: PASSWORD.into(),
                key_check: key.key_check().unwrap(),
            })
            .await
            .unwrap();
        let s = client
            .login(&Login {
                login,
                password: PASSWORD.into(),
                device: "loadgen".into(),
            })
            .await
            .unwrap();
        accounts.push((s.token, key));
    }
    let (health, health_time) = health_run(&client).await;

    let t = Instant::now();
    let tasks: Vec<_> = accounts
        .into_iter()
        .enumerate()
        .map(|(i, (token, key))| {
            let c = Arc::clone(&client);
            tokio::spawn(async move {
                let (mut push, mut pull) = (Vec::new(), Vec::new());
                let mut cursor: Option<String> = None;
                let client_id = format!("load-client-{i}");
                for round in 0..ROUNDS {
                    let body = PushRequest {
                        client_id: client_id.clone(),
                        schema_version: 1,
                        mutations: batch(&key, round),
                    };
                    let t = Instant::now();
                    c.push(&token, &body).await.unwrap();
                    push.push(t.elapsed());
                    let t = Instant::now();
                    let page = c
                        .pull(&token, &client_id, cursor.as_deref(), 0, 200)
                        .await
                        .unwrap();
                    pull.push(t.elapsed());
                    cursor = Some(page.cursor);
                }
                (push, pull)
            })
        })
        .collect();
    let (mut push, mut pull) = (Vec::new(), Vec::new());
    for task in tasks {
        let (a, b) = task.await.unwrap();
        push.extend(a);
        pull.extend(b);
    }
    let elapsed = t.elapsed();
    push.sort();
    pull.sort();
    let base_p50 = percentile(&health, 0.5);
    let base_p99 = percentile(&health, 0.99);
    println!(
        "## {CLIENTS} concurrent clients, {ROUNDS} rounds of push (10 mutations) + pull each ({} server)\n",
        backend()
    );
    println!("| request | count | p50 (ms) | p99 (ms) | p50 / healthz p50 | p99 / healthz p99 |");
    println!("|---|---:|---:|---:|---:|---:|");
    println!(
        "| GET /healthz (baseline) | {} | {:.2} | {:.2} | 1.0 | 1.0 |",
        health.len(),
        ms(base_p50),
        ms(base_p99)
    );
    for (name, l) in [("push", &push), ("pull", &pull)] {
        let (p50, p99) = (percentile(l, 0.5), percentile(l, 0.99));
        println!(
            "| {name} | {} | {:.2} | {:.2} | {:.1} | {:.1} |",
            l.len(),
            ms(p50),
            ms(p99),
            p50.as_secs_f64() / base_p50.as_secs_f64(),
            p99.as_secs_f64() / base_p99.as_secs_f64()
        );
    }
    println!(
        "\nThroughput: {:.0} sync requests/s ({:.0} mutations/s pushed) over {:.1} s; healthz alone: {:.0} requests/s.\n",
        (push.len() + pull.len()) as f64 / elapsed.as_secs_f64(),
        push.len() as f64 * 10.0 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64(),
        health.len() as f64 / health_time.as_secs_f64()
    );
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        bulk().await;
        load().await;
    });
}
