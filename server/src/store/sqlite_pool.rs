//! The SQLite backend's connections: one writer that commits in groups, and
//! read-only connections beside it (WAL gives each reader its own snapshot
//! while the writer commits).

use super::StoreError;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// At most this many writes share one commit.
const GROUP: usize = 64;

/// A write, run on the writer thread inside the group's transaction; what it
/// returns is told to its caller once the group's commit has decided.
type Job = Box<dyn FnOnce(&mut Connection) -> Reply + Send>;
/// Tells the caller; `true` when what the job wrote is durable.
type Reply = Box<dyn FnOnce(bool) + Send>;

/// The one writer, on a thread of its own. It takes every write waiting,
/// runs each in turn, and commits them together: a hundred concurrent pushes
/// cost a few fsyncs, not a hundred. Nobody hears of a write before the
/// commit that makes it durable. A write that must be undone on its own
/// runs in a savepoint (`Connection::savepoint`), which also makes it its
/// own transaction when it runs outside a group.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    pub fn start(conn: Connection) -> Self {
        let (jobs, queue) = mpsc::channel();
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(conn, queue))
            .expect("the writer thread starts");
        Self { jobs }
    }

    pub async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (tell, told) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |conn| {
            let out = f(conn);
            Box::new(move |saved| {
                let out = match out {
                    Ok(_) if !saved => Err(StoreError::Unavailable(
                        "the write could not be saved".into(),
                    )),
                    out => out,
                };
                let _ = tell.send(out);
            })
        });
        self.jobs
            .send(job)
            .map_err(|_| StoreError::Unavailable("the writer has stopped".into()))?;
        told.await
            .map_err(|_| StoreError::Unavailable("a write was lost".into()))?
    }
}

fn run(mut conn: Connection, queue: mpsc::Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut group = vec![first];
        group.extend(queue.try_iter().take(GROUP - 1));
        // Without the lock (another process holding it past the busy
        // timeout), each write runs as its own transaction instead.
        let mut grouped = conn.execute_batch("BEGIN IMMEDIATE").is_ok();
        let mut waiting = Vec::with_capacity(group.len());
        for job in group {
            // A write that panics is lost to its caller alone.
            let run = std::panic::AssertUnwindSafe(|| job(&mut conn));
            let Ok(reply) = std::panic::catch_unwind(run) else {
                continue;
            };
            if !grouped {
                reply(true);
                continue;
            }
            waiting.push(reply);
            if conn.is_autocommit() {
                // An I/O error ended the group's transaction: what it
                // held is gone. The rest run on their own.
                waiting.drain(..).for_each(|r| r(false));
                grouped = false;
            }
        }
        if grouped {
            let saved = conn.execute_batch("COMMIT").is_ok();
            if !saved {
                let _ = conn.execute_batch("ROLLBACK");
            }
            waiting.into_iter().for_each(|r| r(saved));
        }
    }
}

/// Read-only connections. A permit guarantees an idle one in the list.
pub struct Readers {
    idle: Mutex<Vec<Connection>>,
    permits: Arc<tokio::sync::Semaphore>,
}

impl Readers {
    /// Twice the cores, 2 to 16.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let count = std::thread::available_parallelism().map_or(2, |n| n.get() * 2);
        let idle = (0..count.clamp(2, 16))
            .map(|_| {
                let c = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                c.busy_timeout(Duration::from_secs(5))?;
                Ok(c)
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Self {
            permits: Arc::new(tokio::sync::Semaphore::new(idle.len())),
            idle: Mutex::new(idle),
        })
    }

    /// Runs `f` on an idle reader, on tokio's blocking pool; it cannot write.
    pub async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let readers = Arc::clone(self);
        // Owned, so a request that is dropped midway keeps its connection
        // counted as busy until the blocking task hands it back.
        let permit = Arc::clone(&readers.permits)
            .acquire_owned()
            .await
            .map_err(|_| StoreError::Unavailable("the store is closing".into()))?;
        tokio::task::spawn_blocking(move || {
            let idle = || readers.idle.lock().unwrap_or_else(|e| e.into_inner());
            let mut conn = idle()
                .pop()
                .ok_or_else(|| StoreError::Unavailable("no idle reader".into()))?;
            let out = f(&mut conn);
            idle().push(conn);
            drop(permit);
            out
        })
        .await
        .map_err(|_| StoreError::Unavailable("a storage task failed".into()))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sixty writes at once, so they share commits: a write undone in its
    /// savepoint, or one that panics, takes nothing of the others with it,
    /// and the writer goes on.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn writes_in_one_group_fail_alone() {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join("w.db")).unwrap();
        conn.execute_batch("PRAGMA journal_mode = wal; CREATE TABLE t (n INTEGER PRIMARY KEY);")
            .unwrap();
        let writer = Writer::start(conn);
        let tasks: Vec<_> = (0..60)
            .map(|n: i64| {
                let writer = writer.clone();
                tokio::spawn(async move {
                    writer
                        .write(move |c| {
                            let sp = c.savepoint()?;
                            sp.execute("INSERT INTO t (n) VALUES (?1)", [n])?;
                            match n % 10 {
                                // Dropping the savepoint undoes this write only.
                                3 => return Err(StoreError::Taken),
                                7 => panic!("a bug in one write"),
                                _ => {}
                            }
                            sp.commit()?;
                            Ok(n)
                        })
                        .await
                })
            })
            .collect();
        let mut answers = Vec::new();
        for task in tasks {
            answers.push(task.await.unwrap());
        }
        for (n, answer) in answers.iter().enumerate() {
            match (n % 10, answer) {
                (3, Err(StoreError::Taken)) | (7, Err(StoreError::Unavailable(_))) => {}
                (_, Ok(got)) => assert_eq!(*got, n as i64),
                (_, other) => panic!("write {n}: {other:?}"),
            }
        }
        let count = writer
            .write(|c| Ok(c.query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0))?))
            .await
            .unwrap();
        assert_eq!(count, 48);
    }
}
