//! What the end-to-end tests share: a real `cradle-server` process on
//! 127.0.0.1, devices (a core database each), and a fault-injecting proxy.

pub mod proxy;

use cradle_core::clock::SystemClock;
use cradle_core::consent::Purpose;
use cradle_core::records::Measurement;
use cradle_core::storage::DbKey;
use cradle_core::sync::SyncOptions;
use cradle_core::{Config, Cradle};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A binary of this workspace that cargo built beside this test.
pub fn binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test's own path");
    // target/<profile>/deps/<test> → target/<profile>/<name>
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("a target folder");
    let bin = dir.join(name);
    assert!(
        bin.exists(),
        "{} is missing: build the workspace first (cargo build --workspace)",
        bin.display()
    );
    bin
}

/// The PostgreSQL the tests run against instead of SQLite, when set
/// (`scripts/postgres.sh start` prints one).
fn postgres() -> Option<String> {
    std::env::var("CRADLE_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty())
}

fn psql(url: &str, args: &[&str]) -> String {
    let out = Command::new("psql")
        .arg(url)
        .args(["-v", "ON_ERROR_STOP=1", "-qtA"])
        .args(args)
        .output()
        .expect("psql runs");
    assert!(
        out.status.success(),
        "psql: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A stopped server's storage: its folder and, on PostgreSQL, its database.
pub struct Stopped {
    data: tempfile::TempDir,
    database: Option<String>,
}

impl Stopped {
    /// A copy of the storage as it is now, as an operator's backup.
    pub fn snapshot(&self) -> Stopped {
        let data = tempfile::tempdir().expect("a temporary folder");
        let from = self.data.path().join("db");
        if from.exists() {
            std::fs::create_dir_all(data.path().join("db")).expect("a folder");
            for entry in std::fs::read_dir(&from).expect("the data folder") {
                let entry = entry.expect("an entry");
                std::fs::copy(entry.path(), data.path().join("db").join(entry.file_name()))
                    .expect("a copy");
            }
        }
        let database = self.database.as_ref().map(|url| {
            let (base, name) = url.rsplit_once('/').expect("a database URL");
            // A fresh name: a backup of a restored backup stays short.
            let copy = format!("cradle_{}", random_name());
            psql(
                &format!("{base}/postgres"),
                &["-c", &format!("CREATE DATABASE {copy} TEMPLATE {name}")],
            );
            format!("{base}/{copy}")
        });
        Stopped { data, database }
    }
}

fn random_name() -> String {
    let mut b = [0u8; 6];
    getrandom::fill(&mut b).expect("randomness");
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A `cradle-server` process with its own storage: SQLite in a temporary
/// folder, or a fresh PostgreSQL database when `CRADLE_TEST_POSTGRES` is
/// set. Killed on drop.
pub struct Server {
    child: Child,
    pub url: String,
    storage: Option<Stopped>,
}

impl Server {
    pub fn start() -> Server {
        Self::start_with(&[])
    }

    /// Starts with extra arguments; rate limits are high unless given, so
    /// tests that hammer loopback are not throttled by accident.
    pub fn start_with(args: &[&str]) -> Server {
        let data = tempfile::tempdir().expect("a temporary folder");
        let database = postgres().map(|base| {
            let name = format!("cradle_{}", random_name());
            psql(
                &format!("{base}/postgres"),
                &["-c", &format!("CREATE DATABASE {name}")],
            );
            format!("{base}/{name}")
        });
        Self::resume(Stopped { data, database }, "127.0.0.1:0", args)
    }

    /// Starts on existing storage (a restored backup, say), listening on
    /// `listen` ("127.0.0.1:0" for any free port).
    pub fn resume(storage: Stopped, listen: &str, args: &[&str]) -> Server {
        let (child, url) = spawn(&storage, "addr", listen, args);
        Server {
            child,
            url,
            storage: Some(storage),
        }
    }

    /// A second server process on this one's storage, as another machine
    /// behind a load balancer would be. Its storage stays this server's.
    pub fn another_process(&self, args: &[&str]) -> Server {
        let storage = self.storage.as_ref().expect("storage");
        let (child, url) = spawn(
            storage,
            &format!("addr-{}", random_name()),
            "127.0.0.1:0",
            args,
        );
        Server {
            child,
            url,
            storage: None,
        }
    }

    /// The address it listens on ("127.0.0.1:PORT").
    pub fn addr(&self) -> &str {
        self.url.trim_start_matches("http://")
    }

    /// The SQLite file, when the server runs on SQLite.
    pub fn sqlite_file(&self) -> Option<PathBuf> {
        let storage = self.storage.as_ref()?;
        storage
            .database
            .is_none()
            .then(|| storage.data.path().join("db").join("cradle-server.db"))
    }

    /// Runs `script` (statements ending in `;`) on the server's store as
    /// one transaction.
    pub fn sql_transaction(&self, script: &str) {
        let storage = self.storage.as_ref().expect("storage");
        if let Some(url) = &storage.database {
            psql(url, &["--single-transaction", "-c", script]);
            return;
        }
        let conn = rusqlite::Connection::open(self.sqlite_file().expect("a SQLite file"))
            .expect("the server's database opens");
        conn.busy_timeout(Duration::from_secs(5))
            .expect("a timeout");
        conn.execute_batch(&format!("BEGIN IMMEDIATE; {script} COMMIT;"))
            .expect("the script runs");
    }

    /// Runs `query` on the server's store; each row's columns joined by `|`.
    pub fn sql(&self, query: &str) -> Vec<String> {
        let storage = self.storage.as_ref().expect("storage");
        if let Some(url) = &storage.database {
            return psql(url, &["-c", query])
                .lines()
                .map(str::to_owned)
                .collect();
        }
        let conn = rusqlite::Connection::open(self.sqlite_file().expect("a SQLite file"))
            .expect("the server's database opens");
        let mut stmt = conn.prepare(query).expect("a valid query");
        let n = stmt.column_count();
        stmt.query_map([], |r| {
            (0..n)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => String::new(),
                        rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                        rusqlite::types::ValueRef::Real(v) => v.to_string(),
                        rusqlite::types::ValueRef::Text(t) => {
                            String::from_utf8_lossy(t).into_owned()
                        }
                        rusqlite::types::ValueRef::Blob(b) => format!("{b:?}"),
                    })
                })
                .collect::<rusqlite::Result<Vec<_>>>()
                .map(|cols| cols.join("|"))
        })
        .expect("the query runs")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
    }

    /// `SELECT count(*) …` as a number.
    pub fn count(&self, query: &str) -> i64 {
        self.sql(query)[0].trim().parse().expect("a count")
    }

    /// Stops the process and hands back its storage.
    pub fn stop(mut self) -> Stopped {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.storage.take().expect("storage")
    }
}

/// Starts a `cradle-server` process on `storage`; its address and URL.
fn spawn(storage: &Stopped, addr_name: &str, listen: &str, args: &[&str]) -> (Child, String) {
    let addr_file = storage.data.path().join(addr_name);
    let _ = std::fs::remove_file(&addr_file);
    let mut cmd = Command::new(binary("cradle-server"));
    cmd.args(["--listen", listen, "--addr-file"])
        .arg(&addr_file)
        .arg("--data-dir")
        .arg(storage.data.path().join("db"));
    if let Some(url) = &storage.database {
        cmd.args(["--database-url", url]);
    }
    if !args.contains(&"--rate-per-ip") {
        cmd.args(["--rate-per-ip", "100000", "--rate-per-account", "100000"]);
    }
    let child = cmd
        .args(args)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("cradle-server starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    let addr = loop {
        if let Ok(a) = std::fs::read_to_string(&addr_file)
            && !a.is_empty()
        {
            break a;
        }
        assert!(Instant::now() < deadline, "cradle-server did not start");
        std::thread::sleep(Duration::from_millis(20));
    };
    (child, format!("http://{addr}"))
}

impl Drop for Server {
    fn drop(&mut self) {
        // Before its storage goes (see `Stopped`'s drop).
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Stopped {
    fn drop(&mut self) {
        // A test database goes with its storage; the cluster stays small.
        if let Some(url) = &self.database
            && let Some((base, name)) = url.rsplit_once('/')
        {
            let _ = Command::new("psql")
                .arg(format!("{base}/postgres"))
                .args([
                    "-qc",
                    &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                ])
                .output();
        }
    }
}

/// Sync options for tests: short timeouts and back-off, so fault tests
/// finish quickly; correctness never depends on these numbers.
pub fn quick_sync() -> SyncOptions {
    SyncOptions {
        request_timeout: Duration::from_secs(2),
        attempts: 6,
        backoff_base: Duration::from_millis(20),
        backoff_cap: Duration::from_millis(200),
        pull_limit: 50,
    }
}

/// A device: one encrypted core database in its own folder.
pub struct Device {
    pub cradle: Cradle,
    pub dir: tempfile::TempDir,
    pub key: DbKey,
}

impl Device {
    pub fn new() -> Device {
        Self::with_options(quick_sync())
    }

    /// A new device whose user agreed to sync and the shop at onboarding,
    /// as every test here needs; tests of refusal withdraw them.
    pub fn with_options(sync: SyncOptions) -> Device {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let key = DbKey::generate().expect("a key");
        let cradle = Self::open(dir.path(), &key, sync);
        for purpose in [Purpose::Sync, Purpose::Shop] {
            cradle.set_consent(purpose, true).expect("consent recorded");
        }
        Device { cradle, dir, key }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("cradle.db")
    }

    fn open(dir: &Path, key: &DbKey, sync: SyncOptions) -> Cradle {
        let mut config = Config::new("Asia/Shanghai", "zh-CN", key.clone())
            .expect("a valid config")
            .with_clock(Arc::new(SystemClock));
        config.sync = sync;
        Cradle::open(dir.join("cradle.db"), config).expect("the database opens")
    }

    /// Opens the database already in `dir` (a copied backup, say).
    pub fn at(dir: tempfile::TempDir, key: DbKey, sync: SyncOptions) -> Device {
        let cradle = Self::open(dir.path(), &key, sync);
        Device { cradle, dir, key }
    }

    /// Closes and reopens the database, as an app restart does, with `sync` options.
    pub fn reopen(self, sync: SyncOptions) -> Device {
        let Device { cradle, dir, key } = self;
        drop(cradle);
        Self::at(dir, key, sync)
    }

    /// Closes the database and copies its folder, as a device backup does;
    /// returns this device reopened and the copy.
    pub fn clone_by_backup(self) -> (Device, Device) {
        let Device { cradle, dir, key } = self;
        // Closing the last connection checkpoints the WAL into the file.
        drop(cradle);
        let copy = tempfile::tempdir().expect("a temporary folder");
        std::fs::copy(dir.path().join("cradle.db"), copy.path().join("cradle.db"))
            .expect("the database copies");
        (
            Self::at(dir, key.clone(), quick_sync()),
            Self::at(copy, key, quick_sync()),
        )
    }
}

impl Default for Device {
    fn default() -> Self {
        Self::new()
    }
}

/// Records a blood pressure reading now; returns its local id.
pub fn record_bp(c: &Cradle, systolic: u32, diastolic: u32) -> i64 {
    c.records()
        .record(
            Measurement::blood_pressure(systolic, diastolic, None).expect("a valid reading"),
            None,
        )
        .expect("recorded")
}

/// The device's live blood pressure readings, sorted.
pub fn blood_pressures(c: &Cradle) -> Vec<(u32, u32)> {
    let mut v: Vec<(u32, u32)> = c
        .records()
        .list(Some("blood_pressure"))
        .expect("records")
        .into_iter()
        .map(|r| match r.measurement {
            Measurement::BloodPressure {
                systolic,
                diastolic,
                ..
            } => (systolic, diastolic),
            other => panic!("not a blood pressure: {other:?}"),
        })
        .collect();
    v.sort_unstable();
    v
}

/// Just the systolic values of [`blood_pressures`].
pub fn systolics(c: &Cradle) -> Vec<u32> {
    blood_pressures(c).into_iter().map(|(s, _)| s).collect()
}

/// The password the test accounts use.
pub const PASSWORD: &str = "correct horse battery";

impl Device {
    /// This device's bearer token, read from its database, for calls a
    /// test makes as her over plain HTTP.
    pub fn session_token(&self) -> String {
        let db = rusqlite::Connection::open(self.path()).expect("the database opens");
        db.execute_batch(&format!("PRAGMA key = \"x'{}'\";", self.key.to_hex()))
            .expect("keyed");
        db.query_row("SELECT token FROM sync_state", [], |r| r.get(0))
            .expect("a signed-in device")
    }

    /// Saves a delivery address (her default), which ordering needs.
    pub fn add_address(&self) {
        self.cradle
            .shop()
            .save_address(
                None,
                cradle_core::api::ShipTo {
                    name: "小雨".into(),
                    phone: "138 0013 8000".into(),
                    province: "上海市".into(),
                    city: "上海市".into(),
                    district: "浦东新区".into(),
                    detail: "世纪大道 100 号 2 号楼 301".into(),
                    postal_code: None,
                },
            )
            .expect("a valid address");
    }

    /// Registers the test account ("mama") from this device; returns the recovery code.
    pub async fn register(&self, url: &str) -> String {
        self.cradle
            .sync()
            .register(url, "mama", PASSWORD, "phone")
            .await
            .expect("registered")
    }
}

/// One account on two devices: the first registers through `a_url`, the
/// second signs in through `b_url` with the recovery code.
pub async fn pair(a_url: &str, b_url: &str) -> (Device, Device) {
    let a = Device::new();
    let code = a.register(a_url).await;
    let b = Device::new();
    b.cradle
        .sync()
        .login(b_url, "mama", PASSWORD, "tablet", Some(&code))
        .await
        .expect("signed in");
    (a, b)
}

/// An account made straight over HTTP, as a shell would: its sync key
/// and a session token, for tests of the REST contract.
pub async fn http_account(
    http: &reqwest::Client,
    server: &Server,
    login: &str,
) -> (String, cradle_core::sync::crypto::SyncKey) {
    let key = cradle_core::sync::crypto::SyncKey::generate().expect("a key");
    let r = http
        .post(format!("{}/v1/accounts", server.url))
        .json(&serde_json::json!({"login": login, "password": PASSWORD,
                                  "key_check": key.key_check().expect("a key check")}))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(r.status().as_u16(), 201, "registered");
    (http_login(http, server, login).await, key)
}

/// A new session token for `login` over HTTP.
pub async fn http_login(http: &reqwest::Client, server: &Server, login: &str) -> String {
    let r: serde_json::Value = http
        .post(format!("{}/v1/sessions", server.url))
        .json(&serde_json::json!({"login": login, "password": PASSWORD, "device": "test"}))
        .send()
        .await
        .expect("the server answers")
        .json()
        .await
        .expect("a JSON session");
    r["token"].as_str().expect("a token").to_owned()
}
