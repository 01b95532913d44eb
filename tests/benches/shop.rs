//! Shop figures against a real `cradle-server` (release build), each with a
//! baseline measured in the same run:
//!
//! 1. Offline search over 20,000 cached products; baseline: a plain scan
//!    (`LIKE` over both names, every row read, no ranking) of the same rows
//!    in the same database.
//! 2. Cart operations (add, set, view); baseline: one `SELECT 1` through
//!    the same facade lock and connection (the cost of any call at all).
//! 3. Catalogue delta: bytes on the wire for the first download, and for
//!    the update after one price changed; baseline: the first download.
//!
//! Run: `scripts/bench-shop` (builds the release server first).

use cradle_core::sync::SyncOptions;
use cradle_tests::proxy::Proxy;
use cradle_tests::{Device, Server};
use std::time::{Duration, Instant};

const PRODUCTS: usize = 20_000;
const ADMIN: &str = "bench-admin-token";

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// The median time of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

#[tokio::main]
async fn main() {
    let count = PRODUCTS.to_string();
    let server = Server::start_with(&["--demo-products", &count, "--admin-token", ADMIN]);
    let proxy = Proxy::start(&server.url);
    let d = Device::with_options(SyncOptions::default());

    let t = Instant::now();
    let first = d
        .cradle
        .shop()
        .update_catalog(Some(&proxy.url))
        .await
        .unwrap();
    let download = t.elapsed();
    let (_, full_bytes) = proxy.bytes();
    assert_eq!(first.changed as usize, PRODUCTS);

    // 1. Search, against a plain scan of the same rows.
    let db = rusqlite::Connection::open(d.path()).unwrap();
    db.execute_batch(&format!("PRAGMA key = \"x'{}'\";", d.key.to_hex()))
        .unwrap();
    let queries = ["叶酸", "奶粉", "diapers", "folic", "ys", "纸尿裤 XL"];
    println!("Offline search over {PRODUCTS} products (median of 50 runs each):");
    for q in queries {
        let hits = d.cradle.shop().search_products(q, 20).unwrap().len();
        assert!(hits > 0, "{q} finds products");
        let fts = median(50, || {
            assert_eq!(d.cradle.shop().search_products(q, 20).unwrap().len(), hits);
        });
        let pattern = format!("%{}%", q.split_whitespace().next().unwrap());
        let scan = median(50, || {
            let mut stmt = db
                .prepare_cached("SELECT sku FROM product WHERE name_zh LIKE ?1 OR name_en LIKE ?1")
                .unwrap();
            let _: Vec<String> = stmt
                .query_map([&pattern], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
        });
        println!(
            "  {q:<10} {hits:>3} hits  search {:>8.0} µs   plain scan {:>8.0} µs   ratio {:.2}",
            us(fts),
            us(scan),
            fts.as_secs_f64() / scan.as_secs_f64()
        );
    }

    // 2. Cart operations, against the cheapest call through the facade.
    let sku = d.cradle.shop().search_products("叶酸", 1).unwrap()[0]
        .sku
        .clone();
    let baseline = median(200, || {
        d.cradle.sync().sync_account().unwrap();
    });
    let add = median(200, || {
        d.cradle.shop().cart_set(&sku, 1).unwrap();
        d.cradle.shop().cart_add(&sku, 1).unwrap();
    }) / 2;
    let view = median(200, || {
        assert_eq!(
            d.cradle.shop().cart().unwrap().lines.len(),
            1,
            "the cart holds its one line"
        );
    });
    println!(
        "Cart (median of 200; baseline: a call that reads one row, {:.0} µs):",
        us(baseline)
    );
    println!(
        "  add or set {:>6.0} µs ({:.1}×)   view {:>6.0} µs ({:.1}×)",
        us(add),
        add.as_secs_f64() / baseline.as_secs_f64(),
        us(view),
        view.as_secs_f64() / baseline.as_secs_f64()
    );

    // Order when back online: queuing the cart and taking it back are
    // local, so they cost what cart changes cost.
    d.register(&server.url).await;
    d.add_address();
    let mut runs = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        d.cradle.shop().queue_order().unwrap();
        d.cradle.shop().cancel_queued_order().await.unwrap();
        runs.push(t.elapsed());
    }
    runs.sort();
    let round = runs[runs.len() / 2];
    println!(
        "  queue the cart as an order and take it back {:>6.0} µs ({:.1}×)",
        us(round),
        round.as_secs_f64() / baseline.as_secs_f64()
    );

    // 3. The delta after one price change.
    let status = reqwest::Client::new()
        .put(format!("{}/v1/admin/products/{sku}", server.url))
        .bearer_auth(ADMIN)
        .json(&serde_json::json!({"price_minor": 9900}))
        .send()
        .await
        .unwrap()
        .status();
    assert!(status.is_success());
    let (_, before) = proxy.bytes();
    let delta = d.cradle.shop().update_catalog(None).await.unwrap();
    let (_, after) = proxy.bytes();
    let (_, before_304) = proxy.bytes();
    let unchanged = d.cradle.shop().update_catalog(None).await.unwrap();
    let (_, after_304) = proxy.bytes();
    assert_eq!(delta.changed, 1);
    assert!(unchanged.unchanged);
    println!("Catalogue on the wire (server to device, gzip):");
    println!(
        "  first download  {:>9} bytes  {:.1} s  (baseline)",
        full_bytes,
        download.as_secs_f64()
    );
    println!(
        "  one price change {:>8} bytes  ratio {:.5}",
        after - before,
        (after - before) as f64 / full_bytes as f64
    );
    println!(
        "  nothing changed {:>9} bytes  (304)",
        after_304 - before_304
    );
}
