//! Crashes and restores: the `cradle` CLI killed (SIGKILL) mid-sync, a
//! device restored from a backup onto a second phone (a cloned client id),
//! and a server restored from an older backup.

use cradle_tests::proxy::{Fault, Proxy};
use cradle_tests::{Device, PASSWORD, Server, binary, pair, record_bp, systolics};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn cradle(db: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(binary("cradle"));
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env("CRADLE_PASSWORD", PASSWORD)
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null());
    cmd
}

fn ok(db: &Path, args: &[&str]) -> Output {
    let out = cradle(db, args).output().unwrap();
    assert!(
        out.status.success(),
        "cradle {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_slice(&ok(db, &all).stdout).unwrap()
}

/// Two CLI databases whose user agreed to sync.
fn devices(dir: &tempfile::TempDir) -> (PathBuf, PathBuf) {
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    for db in [&a, &b] {
        ok(db, &["consent", "grant", "sync"]);
    }
    (a, b)
}

/// `PRAGMA integrity_check` on the CLI's encrypted database.
fn integrity(db: &Path) -> String {
    let key = std::fs::read_to_string(db.with_extension("key")).unwrap();
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.trim()))
        .unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn readings(db: &Path) -> usize {
    json(db, &["records", "list", "--kind", "blood_pressure"])
        .as_array()
        .unwrap()
        .len()
}

/// Waits until the proxy has accepted `n` requests in all.
fn wait_for_requests(proxy: &Proxy, n: u64) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while proxy.requests() < n {
        assert!(Instant::now() < deadline, "the request never came");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn the_cli_contract_register_sync_status_and_login_elsewhere() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = devices(&dir);
    let status = json(&a, &["sync", "status"]);
    assert_eq!(status["state"], "signed_out");
    let code = json(
        &a,
        &[
            "account",
            "register",
            "--server",
            &server.url,
            "--login",
            "mama",
        ],
    );
    let code = code["recovery_code"].as_str().unwrap().to_owned();
    ok(&a, &["record", "bp", "--sys", "118", "--dia", "76"]);
    assert_eq!(json(&a, &["sync", "status"])["state"], "waiting");
    let synced = json(&a, &["sync"]);
    assert_eq!(synced["state"], "up_to_date");
    ok(
        &b,
        &[
            "account",
            "login",
            "--server",
            &server.url,
            "--login",
            "mama",
            "--recovery-code",
            &code,
        ],
    );
    ok(&b, &["sync"]);
    assert_eq!(readings(&b), 1);
    // The wrong password is a refused input: exit 2, nothing on stdout.
    let out = cradle(&b, &["account", "delete"])
        .env("CRADLE_PASSWORD", "not the password")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        json(&a, &["account", "recovery-code"])["recovery_code"],
        code.as_str()
    );
}

/// Three `cradle sync` processes at once on one database, eight times over,
/// each with changes of its own to queue: every one succeeds (a second sync
/// waits for the first), and everything reaches the other device once.
#[test]
fn concurrent_syncs_of_one_database_wait_their_turn() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = devices(&dir);
    let code = json(
        &a,
        &[
            "account",
            "register",
            "--server",
            &server.url,
            "--login",
            "mama",
        ],
    )["recovery_code"]
        .as_str()
        .unwrap()
        .to_owned();
    for round in 0..8 {
        let children: Vec<_> = (0..3)
            .map(|i| {
                let sys = (100 + round * 3 + i).to_string();
                ok(&a, &["record", "bp", "--sys", &sys, "--dia", "70"]);
                cradle(&a, &["sync"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    // Never interleaved: no sync took another's acknowledgement for a clone.
    assert_eq!(server.count("SELECT count(*) FROM client"), 1);
    ok(
        &b,
        &[
            "account",
            "login",
            "--server",
            &server.url,
            "--login",
            "mama",
            "--recovery-code",
            &code,
        ],
    );
    ok(&b, &["sync"]);
    assert_eq!(readings(&b), 24);
    assert_eq!(
        server.count("SELECT count(*) FROM doc WHERE collection = 'measurement'"),
        24
    );
    assert_eq!(integrity(&a), "ok");
}

#[test]
fn killed_while_pushing_then_the_next_sync_converges() {
    let server = Server::start();
    let proxy = Proxy::start(&server.url);
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = devices(&dir);
    let code = json(
        &a,
        &[
            "account", "register", "--server", &proxy.url, "--login", "mama",
        ],
    );
    ok(
        &b,
        &[
            "account",
            "login",
            "--server",
            &server.url,
            "--login",
            "mama",
            "--recovery-code",
            code["recovery_code"].as_str().unwrap(),
        ],
    );
    for s in [111, 112, 113] {
        ok(
            &a,
            &["record", "bp", "--sys", &s.to_string(), "--dia", "70"],
        );
    }
    // Committed locally; the push is held at the proxy, and the process dies.
    let before = proxy.requests();
    proxy.script([Fault::Delay(Duration::from_secs(60))]);
    let mut child = cradle(&a, &["sync"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_requests(&proxy, before + 1);
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(integrity(&a), "ok");
    assert_eq!(readings(&a), 3);

    proxy.heal();
    ok(&a, &["sync"]);
    ok(&b, &["sync"]);
    assert_eq!(readings(&b), 3);
    assert_eq!(json(&a, &["sync", "status"])["state"], "up_to_date");
}

#[test]
fn killed_between_pulled_pages_then_the_next_sync_converges() {
    let server = Server::start();
    let proxy = Proxy::start(&server.url);
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = devices(&dir);
    let code = json(
        &a,
        &[
            "account",
            "register",
            "--server",
            &server.url,
            "--login",
            "mama",
        ],
    );
    for s in 0..450 {
        ok(
            &a,
            &[
                "record",
                "bp",
                "--sys",
                &(90 + s % 90).to_string(),
                "--dia",
                "60",
            ],
        );
    }
    ok(&a, &["sync"]);
    ok(
        &b,
        &[
            "account",
            "login",
            "--server",
            &proxy.url,
            "--login",
            "mama",
            "--recovery-code",
            code["recovery_code"].as_str().unwrap(),
        ],
    );
    // Page one (200) is applied with its cursor; page two is held, and the process dies.
    let before = proxy.requests();
    proxy.script([Fault::Pass, Fault::Delay(Duration::from_secs(60))]);
    let mut child = cradle(&b, &["sync"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_requests(&proxy, before + 2);
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(integrity(&b), "ok");
    assert_eq!(readings(&b), 200, "exactly the first page, with its cursor");

    proxy.heal();
    ok(&b, &["sync"]);
    assert_eq!(readings(&b), 450);
    assert_eq!(integrity(&b), "ok");
}

#[tokio::test]
async fn a_backup_restored_onto_a_second_phone_gets_its_own_client_id() {
    let server = Server::start();
    let a = Device::new();
    a.register(&server.url).await;
    record_bp(&a.cradle, 100, 70);
    a.cradle.sync().sync_now().await.unwrap();
    record_bp(&a.cradle, 101, 70); // queued, not yet pushed, when the backup is taken
    let (a, restored) = a.clone_by_backup();

    // Both now push under one client id, with different changes.
    record_bp(&a.cradle, 102, 70);
    record_bp(&restored.cradle, 200, 70);
    record_bp(&restored.cradle, 201, 70);
    a.cradle.sync().sync_now().await.unwrap();
    restored.cradle.sync().sync_now().await.unwrap();
    a.cradle.sync().sync_now().await.unwrap();
    assert_eq!(systolics(&a.cradle), vec![100, 101, 102, 200, 201]);
    assert_eq!(systolics(&restored.cradle), systolics(&a.cradle));
}

/// The same singleton field, the same mutation id and base version, other
/// values: once taken for a retry and dropped. Now the server compares whole
/// mutations, so the second install takes a new client id, its edit lands,
/// and the edit it overwrote is in the conflict log, never lost silently.
#[tokio::test]
async fn a_clones_other_health_edit_under_the_same_mutation_id_is_not_dropped() {
    use cradle_core::records::gain::Baseline;
    let server = Server::start();
    let a = Device::new();
    a.register(&server.url).await;
    a.cradle
        .records()
        .set_baseline(Some(Baseline::new(160.0, 50.0).unwrap()))
        .unwrap();
    a.cradle.sync().sync_now().await.unwrap();
    let (a, clone) = a.clone_by_backup();

    // One edit each, of the same fields, as the same next mutation.
    a.cradle
        .records()
        .set_baseline(Some(Baseline::new(165.0, 52.0).unwrap()))
        .unwrap();
    clone
        .cradle
        .records()
        .set_baseline(Some(Baseline::new(170.0, 55.0).unwrap()))
        .unwrap();
    a.cradle.sync().sync_now().await.unwrap();
    clone.cradle.sync().sync_now().await.unwrap();
    a.cradle.sync().sync_now().await.unwrap();

    let height = |d: &Device| d.cradle.records().baseline().unwrap().unwrap().height_cm;
    assert_eq!(height(&a), 170.0, "the later push wins, as any edit would");
    assert_eq!(height(&clone), 170.0);
    for d in [&a, &clone] {
        let lost: Vec<_> = d
            .cradle
            .sync()
            .sync_conflicts()
            .unwrap()
            .into_iter()
            .filter(|c| c.collection == "body_baseline")
            .map(|c| (c.field, c.lost_value))
            .collect();
        assert!(
            lost.contains(&("height_mm".to_owned(), "1650".to_owned())),
            "the overwritten edit is logged: {lost:?}"
        );
    }
}

#[tokio::test]
async fn a_server_restored_from_an_older_backup_is_rebuilt_from_the_devices() {
    let server = Server::start();
    let addr = server.addr().to_owned();
    let (a, b) = pair(&server.url, &server.url).await;
    record_bp(&a.cradle, 100, 70);
    a.cradle.sync().sync_now().await.unwrap();
    b.cradle.sync().sync_now().await.unwrap();

    // Back the server up, then go on without it.
    let storage = server.stop();
    let backup = storage.snapshot();
    let server = Server::resume(storage, &addr, &[]);
    record_bp(&a.cradle, 101, 70);
    a.cradle.sync().sync_now().await.unwrap();
    b.cradle.sync().sync_now().await.unwrap();
    drop(server);

    // The operator restores the old backup: reading 101 is gone from it.
    let server = Server::resume(backup, &addr, &[]);
    record_bp(&a.cradle, 102, 70);
    a.cradle.sync().sync_now().await.unwrap();
    b.cradle.sync().sync_now().await.unwrap();
    a.cradle.sync().sync_now().await.unwrap();
    assert_eq!(systolics(&a.cradle), vec![100, 101, 102]);
    assert_eq!(systolics(&b.cradle), vec![100, 101, 102]);
    drop(server);
}

/// Three devices on one account; a backup is taken; A and B add readings
/// and sync, C only pulls; the backup is restored; A deletes a reading
/// offline. Then the devices sync in `order`, twice round: every device
/// ends with the same readings, everything recorded is there, and the
/// deleted reading never comes back.
async fn restore_then_sync_in(order: [usize; 3]) {
    let server = Server::start();
    let addr = server.addr().to_owned();
    let (a, b) = pair(&server.url, &server.url).await;
    let c = Device::new();
    c.cradle
        .sync()
        .login(
            &server.url,
            "mama",
            PASSWORD,
            "grandma",
            a.cradle.sync().recovery_code().unwrap().as_deref(),
        )
        .await
        .unwrap();
    let doomed = record_bp(&a.cradle, 100, 70);
    record_bp(&b.cradle, 110, 70);
    for d in [&a, &b, &c, &a] {
        d.cradle.sync().sync_now().await.unwrap();
    }
    let storage = server.stop();
    let backup = storage.snapshot();
    let server = Server::resume(storage, &addr, &[]);
    record_bp(&a.cradle, 101, 70);
    record_bp(&b.cradle, 111, 70);
    record_bp(&b.cradle, 112, 70);
    for d in [&a, &b, &c] {
        d.cradle.sync().sync_now().await.unwrap();
    }
    assert_eq!(systolics(&c.cradle), vec![100, 101, 110, 111, 112]);
    drop(server);

    let _server = Server::resume(backup, &addr, &[]);
    a.cradle.records().delete_record(doomed).unwrap();
    let devices = [&a, &b, &c];
    for _ in 0..2 {
        for i in order {
            devices[i].cradle.sync().sync_now().await.unwrap();
        }
    }
    for (i, d) in devices.iter().enumerate() {
        assert_eq!(
            systolics(&d.cradle),
            vec![101, 110, 111, 112],
            "device {i} after syncing in the order {order:?}"
        );
    }
}

#[tokio::test]
async fn after_a_server_restore_every_order_of_three_devices_converges() {
    for order in [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ] {
        restore_then_sync_in(order).await;
    }
}
