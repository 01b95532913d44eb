//! A fault-injecting HTTP proxy for loopback tests. It serves one request
//! per connection (answering `Connection: close`) and, for each request,
//! applies the next scripted fault, or a seeded random one, or passes it on.

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    Pass,
    /// Close the connection without forwarding: the server never sees it.
    DropRequest,
    /// Forward, let the server commit, then close without answering.
    DropResponse,
    /// Wait this long, then forward (longer than the client's timeout).
    Delay(Duration),
    /// Answer this status with a JSON error body and, if given, `Retry-After`.
    Status(u16, Option<u64>),
    /// Answer 200 with an HTML sign-in page, as a captive portal does.
    CaptivePortal,
    /// Forward the request twice; answer with the second response.
    Duplicate,
}

struct Plan {
    queue: VecDeque<Fault>,
    /// The generator, the rate, and how long a random delay lasts.
    random: Option<(SmallRng, f64, Duration)>,
    offline: bool,
}

pub struct Proxy {
    pub url: String,
    plan: Arc<Mutex<Plan>>,
    requests: Arc<AtomicU64>,
    /// Bytes in from clients and out to them, as on the wire.
    bytes: Arc<[AtomicU64; 2]>,
    /// Dropping it stops the proxy's thread.
    _stop: tokio::sync::oneshot::Sender<()>,
}

/// The random faults: the harmful ones, in equal measure.
fn random_fault(rng: &mut SmallRng, delay: Duration) -> Fault {
    match rng.random_range(0..9) {
        0 => Fault::DropRequest,
        1 => Fault::DropResponse,
        2 => Fault::Delay(delay),
        3 => Fault::Status(500, None),
        4 => Fault::Status(503, Some(0)),
        5 => Fault::CaptivePortal,
        6 => Fault::Duplicate,
        // A body over the limit: a batch splits, a single change waits.
        7 => Fault::Status(413, None),
        _ => Fault::Status(429, Some(0)),
    }
}

impl Proxy {
    /// A proxy in front of `upstream` ("http://127.0.0.1:PORT").
    pub fn start(upstream: &str) -> Proxy {
        let upstream = upstream
            .strip_prefix("http://")
            .expect("an http:// upstream")
            .trim_end_matches('/')
            .to_owned();
        // Its own thread and runtime, so it runs whatever runtime (if any) the test uses.
        let std_listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        std_listener.set_nonblocking(true).expect("non-blocking");
        let url = format!("http://{}", std_listener.local_addr().expect("an address"));
        let plan = Arc::new(Mutex::new(Plan {
            queue: VecDeque::new(),
            random: None,
            offline: false,
        }));
        let requests = Arc::new(AtomicU64::new(0));
        let bytes = Arc::new([AtomicU64::new(0), AtomicU64::new(0)]);
        let (p, r, b) = (Arc::clone(&plan), Arc::clone(&requests), Arc::clone(&bytes));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a runtime for the proxy");
            runtime.block_on(async move {
                let listener = TcpListener::from_std(std_listener).expect("a tokio listener");
                tokio::select! {
                    () = accept_loop(listener, upstream, p, r, b) => {}
                    _ = stopped => {}
                }
            });
            runtime.shutdown_background();
        });
        Proxy {
            url,
            plan,
            requests,
            bytes,
            _stop: stop,
        }
    }

    /// The next requests meet these faults, in order; then the policy resumes.
    pub fn script(&self, faults: impl IntoIterator<Item = Fault>) {
        self.plan
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .queue
            .extend(faults);
    }

    /// After the script, each request meets a random fault with probability
    /// `rate`; a random delay lasts `delay` (longer than the client's timeout).
    pub fn randomize(&self, seed: u64, rate: f64, delay: Duration) {
        self.plan.lock().unwrap_or_else(|e| e.into_inner()).random =
            Some((SmallRng::seed_from_u64(seed), rate, delay));
    }

    /// Everything passes from now on.
    pub fn heal(&self) {
        let mut plan = self.plan.lock().unwrap_or_else(|e| e.into_inner());
        plan.queue.clear();
        plan.random = None;
        plan.offline = false;
    }

    /// Offline: every connection is closed at once.
    pub fn set_offline(&self, offline: bool) {
        self.plan.lock().unwrap_or_else(|e| e.into_inner()).offline = offline;
    }

    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// Bytes received from clients and sent back to them so far.
    pub fn bytes(&self) -> (u64, u64) {
        (
            self.bytes[0].load(Ordering::Relaxed),
            self.bytes[1].load(Ordering::Relaxed),
        )
    }
}

async fn accept_loop(
    listener: TcpListener,
    upstream: String,
    plan: Arc<Mutex<Plan>>,
    requests: Arc<AtomicU64>,
    bytes: Arc<[AtomicU64; 2]>,
) {
    while let Ok((conn, _)) = listener.accept().await {
        let fault = {
            let mut plan = plan.lock().unwrap_or_else(|e| e.into_inner());
            if plan.offline {
                None
            } else {
                Some(match plan.queue.pop_front() {
                    Some(f) => f,
                    None => match &mut plan.random {
                        Some((rng, rate, delay)) => {
                            if rng.random_bool(*rate) {
                                random_fault(rng, *delay)
                            } else {
                                Fault::Pass
                            }
                        }
                        None => Fault::Pass,
                    },
                })
            }
        };
        requests.fetch_add(1, Ordering::Relaxed);
        let upstream = upstream.clone();
        let bytes = Arc::clone(&bytes);
        tokio::spawn(async move {
            // A refused or broken exchange is the point of some faults.
            let _ = serve(conn, &upstream, fault, &bytes).await;
        });
    }
}

/// Reads one request: its head (re-written to close after the response)
/// and its body.
async fn read_request(conn: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        let n = conn.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut headers);
    req.parse(&buf[..head_end])
        .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidData))?;
    let mut length = 0usize;
    let mut head = format!(
        "{} {} HTTP/1.1\r\n",
        req.method.unwrap_or("GET"),
        req.path.unwrap_or("/")
    );
    for h in req.headers.iter() {
        if h.name.eq_ignore_ascii_case("content-length") {
            length = std::str::from_utf8(h.value)
                .ok()
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
        }
        if h.name.eq_ignore_ascii_case("connection") {
            continue;
        }
        head.push_str(h.name);
        head.push_str(": ");
        head.push_str(&String::from_utf8_lossy(h.value));
        head.push_str("\r\n");
    }
    head.push_str("Connection: close\r\n\r\n");
    let mut body = buf[head_end..].to_vec();
    while body.len() < length {
        let n = conn.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        body.extend_from_slice(&chunk[..n]);
    }
    let mut out = head.into_bytes();
    out.extend_from_slice(&body);
    Ok(out)
}

async fn forward(upstream: &str, request: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut server = TcpStream::connect(upstream).await?;
    server.write_all(request).await?;
    let mut response = Vec::new();
    server.read_to_end(&mut response).await?;
    Ok(response)
}

fn canned(status: u16, retry_after: Option<u64>) -> Vec<u8> {
    let body = format!(
        "{{\"error\":\"injected\",\"message\":\"fault injected by the test proxy ({status})\"}}"
    );
    let retry = retry_after.map_or(String::new(), |s| format!("Retry-After: {s}\r\n"));
    format!(
        "HTTP/1.1 {status} Injected\r\nContent-Type: application/json\r\n{retry}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn captive_portal() -> Vec<u8> {
    let body = "<!doctype html><html><body><h1>Welcome to Clinic Wi-Fi</h1><form>Sign in</form></body></html>";
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

async fn serve(
    mut conn: TcpStream,
    upstream: &str,
    fault: Option<Fault>,
    bytes: &[AtomicU64; 2],
) -> std::io::Result<()> {
    let Some(fault) = fault else {
        return Ok(()); // offline: close at once
    };
    let request = read_request(&mut conn).await?;
    bytes[0].fetch_add(request.len() as u64, Ordering::Relaxed);
    let response = match fault {
        Fault::Pass => forward(upstream, &request).await?,
        Fault::DropRequest => return Ok(()),
        Fault::DropResponse => {
            forward(upstream, &request).await?;
            return Ok(());
        }
        Fault::Delay(d) => {
            tokio::time::sleep(d).await;
            forward(upstream, &request).await?
        }
        Fault::Status(status, retry) => canned(status, retry),
        Fault::CaptivePortal => captive_portal(),
        Fault::Duplicate => {
            forward(upstream, &request).await?;
            forward(upstream, &request).await?
        }
    };
    bytes[1].fetch_add(response.len() as u64, Ordering::Relaxed);
    conn.write_all(&response).await?;
    conn.shutdown().await
}

/// A server that reads one request per connection and answers 200: the
/// baseline a bulk upload is measured against.
pub fn sink() -> (String, tokio::sync::oneshot::Sender<()>) {
    let std_listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    std_listener.set_nonblocking(true).expect("non-blocking");
    let url = format!("http://{}", std_listener.local_addr().expect("an address"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime for the sink");
        runtime.block_on(async move {
            let listener = TcpListener::from_std(std_listener).expect("a tokio listener");
            let serve = async {
                while let Ok((mut conn, _)) = listener.accept().await {
                    tokio::spawn(async move {
                        if read_request(&mut conn).await.is_ok() {
                            let _ = conn
                                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                                .await;
                        }
                    });
                }
            };
            tokio::select! { () = serve => {}, _ = stopped => {} }
        });
    });
    (url, stop)
}
