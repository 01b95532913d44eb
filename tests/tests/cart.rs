//! One cart on every device, through a real server: an add adds, the last
//! set wins, a removal wins over a concurrent change, signing in keeps the
//! larger quantity, and a lost answer never applies a change twice.

use cradle_core::api::Product;
use cradle_core::events::{ChangeObserver, DataArea};
use cradle_tests::proxy::{Fault, Proxy};
use cradle_tests::{Device, PASSWORD, Server, http_account, pair};
use serde_json::json;
use std::sync::{Arc, Mutex};

/// `(sku, qty)` of each line in the device's cart, sorted.
fn lines(d: &Device) -> Vec<(String, u32)> {
    let mut out: Vec<_> = d
        .cradle
        .shop()
        .cart()
        .unwrap()
        .lines
        .into_iter()
        .map(|l| (l.sku, l.qty))
        .collect();
    out.sort();
    out
}

/// SKUs of `n` products that can be had one at a time, up to five, in stock.
fn skus(server: &Server, n: usize) -> Vec<String> {
    server
        .sql("SELECT body FROM product ORDER BY sku")
        .iter()
        .filter_map(|body| serde_json::from_str::<Product>(body).ok())
        .filter(|p| p.qty_min == 1 && p.qty_step == 1 && p.qty_max >= 5)
        .filter(|p| !p.discontinued && p.stock >= 10)
        .map(|p| p.sku)
        .take(n)
        .collect()
}

async fn both_sync(a: &Device, b: &Device) {
    a.cradle.shop().sync_shop().await.unwrap();
    b.cradle.shop().sync_shop().await.unwrap();
    a.cradle.shop().sync_shop().await.unwrap();
}

#[tokio::test]
async fn her_cart_follows_her_from_phone_to_tablet() {
    let server = Server::start();
    let (phone, pad) = pair(&server.url, &server.url).await;
    for d in [&phone, &pad] {
        d.cradle.shop().update_catalog(None).await.unwrap();
    }
    let sku = skus(&server, 1).remove(0);
    let seen = phone.cradle.shop().cart_add(&sku, 1).unwrap().lines[0].price_seen_minor;
    both_sync(&phone, &pad).await;
    assert_eq!(lines(&pad), vec![(sku.clone(), 1)]);
    assert_eq!(
        pad.cradle.shop().cart().unwrap().lines[0].price_seen_minor,
        seen
    );

    // Both add one while apart: adds add up.
    phone.cradle.shop().cart_add(&sku, 1).unwrap();
    pad.cradle.shop().cart_add(&sku, 1).unwrap();
    both_sync(&phone, &pad).await;
    assert_eq!(lines(&phone), vec![(sku.clone(), 3)]);
    assert_eq!(lines(&pad), lines(&phone));

    // Both set a quantity: the one the server hears last wins.
    phone.cradle.shop().cart_set(&sku, 5).unwrap();
    pad.cradle.shop().cart_set(&sku, 4).unwrap();
    phone.cradle.shop().sync_shop().await.unwrap();
    pad.cradle.shop().sync_shop().await.unwrap();
    phone.cradle.shop().sync_shop().await.unwrap();
    assert_eq!(lines(&phone), vec![(sku.clone(), 4)]);
    assert_eq!(lines(&pad), lines(&phone));

    // The phone removes it while the tablet, not yet told, changes it:
    // the removal wins.
    pad.cradle.shop().cart_set(&sku, 2).unwrap();
    phone.cradle.shop().cart_remove(&sku).unwrap();
    phone.cradle.shop().sync_shop().await.unwrap();
    pad.cradle.shop().sync_shop().await.unwrap();
    assert!(lines(&pad).is_empty(), "{:?}", lines(&pad));

    // Once both have seen it go, adding it again is a new line.
    pad.cradle.shop().cart_add(&sku, 1).unwrap();
    both_sync(&phone, &pad).await;
    assert_eq!(lines(&phone), vec![(sku, 1)]);
}

#[tokio::test]
async fn signing_in_merges_her_cart_keeping_the_larger_quantity() {
    let server = Server::start();
    let phone = Device::new();
    let code = phone.register(&server.url).await;
    phone.cradle.shop().update_catalog(None).await.unwrap();
    let s = skus(&server, 3);
    phone.cradle.shop().cart_set(&s[0], 2).unwrap();
    phone.cradle.shop().cart_set(&s[1], 1).unwrap();
    phone.cradle.shop().sync_shop().await.unwrap();

    // A tablet used signed out: its own cart, built offline.
    let pad = Device::new();
    pad.cradle
        .shop()
        .update_catalog(Some(&server.url))
        .await
        .unwrap();
    pad.cradle.shop().cart_set(&s[0], 3).unwrap();
    pad.cradle.shop().cart_set(&s[1], 1).unwrap();
    pad.cradle.shop().cart_set(&s[2], 1).unwrap();
    pad.cradle
        .sync()
        .login(&server.url, "mama", PASSWORD, "tablet", Some(&code))
        .await
        .unwrap();
    both_sync(&pad, &phone).await;
    let mut want = vec![(s[0].clone(), 3), (s[1].clone(), 1), (s[2].clone(), 1)];
    want.sort();
    assert_eq!(lines(&pad), want);
    assert_eq!(lines(&phone), want);

    // Signed out, the tablet keeps its cart, and its changes stay its own.
    pad.cradle.sync().sign_out().await.unwrap();
    assert_eq!(lines(&pad), want);
    pad.cradle.shop().cart_remove(&s[2]).unwrap();
    phone.cradle.shop().sync_shop().await.unwrap();
    assert_eq!(lines(&phone), want);
}

#[tokio::test]
async fn a_lost_answer_or_a_dead_network_loses_nothing_and_adds_nothing_twice() {
    let server = Server::start();
    let proxy = Proxy::start(&server.url);
    let (phone, pad) = pair(&proxy.url, &server.url).await;
    for d in [&phone, &pad] {
        d.cradle.shop().update_catalog(None).await.unwrap();
    }
    let sku = skus(&server, 1).remove(0);

    // Offline: the change waits on the device.
    proxy.set_offline(true);
    phone.cradle.shop().cart_add(&sku, 1).unwrap();
    assert!(phone.cradle.shop().sync_shop().await.is_err());
    proxy.set_offline(false);

    // The server applies it but the answer is lost; the retry is the same change.
    proxy.script([Fault::DropResponse]);
    assert!(phone.cradle.shop().sync_shop().await.is_err());
    phone.cradle.shop().sync_shop().await.unwrap();
    pad.cradle.shop().sync_shop().await.unwrap();
    assert_eq!(lines(&pad), vec![(sku.clone(), 1)]);
    assert_eq!(lines(&phone), vec![(sku, 1)]);
}

#[tokio::test]
async fn the_cart_endpoint_refuses_bad_changes_and_ignores_unknown_products() {
    let server = Server::start();
    let http = reqwest::Client::new();
    let (token, _) = http_account(&http, &server, "mama").await;
    let send = |body: serde_json::Value| {
        let http = http.clone();
        let url = format!("{}/v1/cart", server.url);
        let token = token.clone();
        async move {
            let r = http
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            (status, r.json::<serde_json::Value>().await.unwrap())
        }
    };
    let op = |id: &str, sku: &str, change: serde_json::Value| {
        json!({"id": id, "sku": sku, "change": change, "base": 0,
               "price_seen_minor": 100, "currency": "CNY"})
    };
    let (status, body) = send(json!({"client": "phone", "ops": [
        op("1", "P00001", json!({"kind": "add", "qty": 0}))]}))
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_cart_op"))
    );
    let (status, _) = send(json!({"client": "phone", "ops": []})).await;
    assert_eq!(status, 400);
    let (status, body) = send(json!({"client": "phone", "ops": [
        op("2", "NO-SUCH-SKU", json!({"kind": "add", "qty": 1}))]}))
    .await;
    assert_eq!(status, 200);
    assert_eq!(body, json!({"version": 0, "lines": []}));

    // A retry of the same id is applied once.
    let sku = server
        .sql("SELECT sku FROM product ORDER BY sku LIMIT 1")
        .remove(0);
    let add = json!({"client": "phone", "ops": [op("3", &sku, json!({"kind": "add", "qty": 1}))]});
    send(add.clone()).await;
    let (_, body) = send(add).await;
    assert_eq!(body["lines"][0]["qty"], 1);
    let got: serde_json::Value = http
        .get(format!("{}/v1/cart", server.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(got, body);
}

#[tokio::test]
async fn a_sync_with_nothing_new_refreshes_no_screen() {
    struct Seen(Mutex<Vec<DataArea>>);
    impl ChangeObserver for Seen {
        fn data_changed(&self, area: DataArea) {
            self.0.lock().unwrap().push(area);
        }
    }
    let server = Server::start();
    let (phone, pad) = pair(&server.url, &server.url).await;
    for d in [&phone, &pad] {
        d.cradle.shop().update_catalog(None).await.unwrap();
    }
    let sku = skus(&server, 1).remove(0);
    phone.cradle.shop().cart_add(&sku, 1).unwrap();
    both_sync(&phone, &pad).await;
    let seen = Arc::new(Seen(Mutex::new(Vec::new())));
    pad.cradle.subscribe(seen.clone());

    pad.cradle.shop().sync_shop().await.unwrap();
    assert!(seen.0.lock().unwrap().is_empty(), "nothing changed");
    phone.cradle.shop().cart_add(&sku, 1).unwrap();
    phone.cradle.shop().sync_shop().await.unwrap();
    pad.cradle.shop().sync_shop().await.unwrap();
    assert_eq!(*seen.0.lock().unwrap(), [DataArea::Shop]);
}
