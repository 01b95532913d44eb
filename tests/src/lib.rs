//! What the end-to-end tests share: a real `cradle-server` process on
//! 127.0.0.1, devices (a core database each), and a fault-injecting proxy.

pub mod proxy;

use cradle_core::clock::SystemClock;
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

/// A `cradle-server` process with its own data folder; killed on drop.
pub struct Server {
    child: Child,
    pub url: String,
    pub data: tempfile::TempDir,
}

impl Server {
    pub fn start() -> Server {
        Self::start_with(&[])
    }

    /// Starts with extra arguments; rate limits are high unless given, so
    /// tests that hammer loopback are not throttled by accident.
    pub fn start_with(args: &[&str]) -> Server {
        let data = tempfile::tempdir().expect("a temporary folder");
        Self::start_in(data, "127.0.0.1:0", args)
    }

    /// Starts on an existing data folder (a restored backup, say),
    /// listening on `listen` ("127.0.0.1:0" for any free port).
    pub fn start_in(data: tempfile::TempDir, listen: &str, args: &[&str]) -> Server {
        let addr_file = data.path().join("addr");
        let _ = std::fs::remove_file(&addr_file);
        let mut cmd = Command::new(binary("cradle-server"));
        cmd.args(["--listen", listen, "--addr-file"])
            .arg(&addr_file)
            .arg("--data-dir")
            .arg(data.path().join("db"));
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
            if let Ok(a) = std::fs::read_to_string(&addr_file) {
                break a;
            }
            assert!(Instant::now() < deadline, "cradle-server did not start");
            std::thread::sleep(Duration::from_millis(20));
        };
        Server {
            child,
            url: format!("http://{addr}"),
            data,
        }
    }

    /// The address it listens on ("127.0.0.1:PORT").
    pub fn addr(&self) -> &str {
        self.url.trim_start_matches("http://")
    }

    /// The server's SQLite file, for inspecting what it stores.
    pub fn database(&self) -> PathBuf {
        self.data.path().join("db").join("cradle-server.db")
    }

    /// Stops the process and hands back its data folder.
    pub fn stop(mut self) -> tempfile::TempDir {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let data = std::mem::replace(&mut self.data, tempfile::tempdir().expect("a folder"));
        std::mem::forget(self);
        data
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
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

    pub fn with_options(sync: SyncOptions) -> Device {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let key = DbKey::generate().expect("a key");
        let cradle = Self::open(dir.path(), &key, sync);
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
