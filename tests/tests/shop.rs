//! The shop against a real server process: the catalogue reaches the
//! device by delta (and 304 when nothing changed), works offline, and a
//! price change shows in the cart against the price she saw.

use cradle_core::Error;
use cradle_tests::{Device, Server};
use serde_json::json;

const ADMIN: &str = "operator-secret-token";

async fn change(server: &Server, sku: &str, body: serde_json::Value, token: &str) -> u16 {
    reqwest::Client::new()
        .put(format!("{}/v1/admin/products/{sku}", server.url))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn the_catalogue_arrives_by_delta_and_the_cart_shows_a_price_change() {
    let server = Server::start_with(&["--admin-token", ADMIN]);
    let d = Device::new();
    let first = d.cradle.update_catalog(Some(&server.url)).await.unwrap();
    assert!((280..=340).contains(&first.changed), "{first:?}");
    let again = d.cradle.update_catalog(None).await.unwrap();
    assert!(again.unchanged && again.changed == 0, "304: {again:?}");

    // Offline from here on: search works from the device's copy.
    let hits = d.cradle.search_products("叶酸", 20).unwrap();
    // Names first (this device reads Chinese), then descriptions that mention it.
    assert!(hits[0].name.contains("叶酸"), "{:?}", hits[0]);
    let sku = hits[0].sku.clone();
    let by_initials = d.cradle.search_products("ys", 50).unwrap();
    assert!(
        by_initials.iter().any(|h| h.sku == sku),
        "pinyin initials find it"
    );
    let view = d.cradle.cart_add(&sku, 2).unwrap();
    let seen = view.lines[0].price_seen_minor;

    // Operators change one price: only that product travels.
    assert_eq!(
        change(&server, &sku, json!({"price_minor": seen + 1000}), "wrong").await,
        401
    );
    assert_eq!(
        change(&server, &sku, json!({"price_minor": seen + 1000}), ADMIN).await,
        200
    );
    assert_eq!(
        change(&server, &sku, json!({"price_minor": -1}), ADMIN).await,
        400
    );
    assert_eq!(
        change(&server, "no-such-sku", json!({"stock": 1}), ADMIN).await,
        404
    );
    let delta = d.cradle.update_catalog(None).await.unwrap();
    assert_eq!((delta.changed, delta.unchanged), (1, false));
    let line = d.cradle.cart().unwrap().lines[0].clone();
    assert!(line.price_changed);
    assert_eq!(
        (line.price_seen_minor, line.price_now_minor),
        (seen, seen + 1000)
    );
    assert_eq!(line.line_total_minor, 2 * (seen + 1000));

    // Discontinued: the line stays, marked, and out of the total; no new adds.
    assert_eq!(
        change(&server, &sku, json!({"discontinued": true}), ADMIN).await,
        200
    );
    d.cradle.update_catalog(None).await.unwrap();
    let view = d.cradle.cart().unwrap();
    assert!(view.lines[0].unavailable);
    assert_eq!(view.total_minor, 0);
    assert!(matches!(
        d.cradle.cart_add(&sku, 1),
        Err(Error::Invalid { field: "sku", .. })
    ));
}

#[tokio::test]
async fn bad_catalogue_requests_are_4xx_and_a_new_server_database_resets_the_copy() {
    let server = Server::start();
    let http = reqwest::Client::new();
    for query in ["limit=0", "limit=5000", "since=-1", "bogus=1"] {
        let status = http
            .get(format!("{}/v1/catalog?{query}", server.url))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status.as_u16(), 400, "{query}");
    }
    let d = Device::new();
    d.cradle.update_catalog(Some(&server.url)).await.unwrap();
    let before = d.cradle.search_products("diapers", 200).unwrap().len();
    // Another server (another epoch) replaces the copy rather than mixing.
    let other = Server::start();
    let update = d.cradle.update_catalog(Some(&other.url)).await.unwrap();
    assert!(update.changed > 0);
    assert_eq!(
        d.cradle.search_products("diapers", 200).unwrap().len(),
        before
    );
}
