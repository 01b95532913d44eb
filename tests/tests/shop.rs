//! The shop against a real server process: the catalogue reaches the
//! device by delta (and 304 when nothing changed), works offline, and a
//! price change shows in the cart against the price she saw.

use cradle_core::Error;
use cradle_core::api::{OrderStatus, ReturnStatus, ShipTo};
use cradle_core::consent::Purpose;
use cradle_core::shop::checkout::ReturnItem;
use cradle_core::shop::status;
use cradle_core::timeline::dating::DatingInput;
use cradle_tests::proxy::{Fault, Proxy};
use cradle_tests::{Device, Server, http_account};
use serde_json::json;

const ADMIN: &str = "operator-secret-token";

/// A signed-in device with a delivery address and the catalogue, ready to
/// order through `url`.
async fn shopper(url: &str) -> Device {
    let d = Device::new();
    d.register(url).await;
    d.add_address();
    d.cradle.shop().update_catalog(None).await.unwrap();
    d
}

/// The SKU of the best match for `query` in the device's catalogue.
fn best_match(d: &Device, query: &str) -> String {
    d.cradle.shop().search_products(query, 1).unwrap()[0]
        .sku
        .clone()
}

/// A delivery address the server accepts, as raw JSON.
fn ship_to() -> serde_json::Value {
    json!({"name": "小雨", "phone": "13800138000", "province": "上海市", "city": "上海市",
           "district": "浦东新区", "detail": "世纪大道 100 号 2 号楼 301", "postal_code": null})
}

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
    let first = d
        .cradle
        .shop()
        .update_catalog(Some(&server.url))
        .await
        .unwrap();
    assert!((280..=340).contains(&first.changed), "{first:?}");
    let again = d.cradle.shop().update_catalog(None).await.unwrap();
    assert!(again.unchanged && again.changed == 0, "304: {again:?}");

    // Offline from here on: search works from the device's copy.
    let hits = d.cradle.shop().search_products("叶酸", 20).unwrap();
    // Names first (this device reads Chinese), then descriptions that mention it.
    assert!(hits[0].name.contains("叶酸"), "{:?}", hits[0]);
    let sku = hits[0].sku.clone();
    let by_initials = d.cradle.shop().search_products("ys", 50).unwrap();
    assert!(
        by_initials.iter().any(|h| h.sku == sku),
        "pinyin initials find it"
    );
    let view = d.cradle.shop().cart_add(&sku, 2).unwrap();
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
    let delta = d.cradle.shop().update_catalog(None).await.unwrap();
    assert_eq!((delta.changed, delta.unchanged), (1, false));
    let line = d.cradle.shop().cart().unwrap().lines[0].clone();
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
    d.cradle.shop().update_catalog(None).await.unwrap();
    let view = d.cradle.shop().cart().unwrap();
    assert!(view.lines[0].unavailable);
    assert_eq!(view.total_minor, 0);
    assert!(matches!(
        d.cradle.shop().cart_add(&sku, 1),
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
    d.cradle
        .shop()
        .update_catalog(Some(&server.url))
        .await
        .unwrap();
    let before = d
        .cradle
        .shop()
        .search_products("diapers", 200)
        .unwrap()
        .len();
    // Another server (another epoch) replaces the copy rather than mixing.
    let other = Server::start();
    let update = d
        .cradle
        .shop()
        .update_catalog(Some(&other.url))
        .await
        .unwrap();
    assert!(update.changed > 0);
    assert_eq!(
        d.cradle
            .shop()
            .search_products("diapers", 200)
            .unwrap()
            .len(),
        before
    );
}

async fn validate(
    http: &reqwest::Client,
    server: &Server,
    token: &str,
    lines: serde_json::Value,
) -> serde_json::Value {
    http.post(format!("{}/v1/carts/validate", server.url))
        .bearer_auth(token)
        .json(&json!({ "lines": lines }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn order(
    http: &reqwest::Client,
    server: &Server,
    token: &str,
    key: Option<&str>,
    body: &serde_json::Value,
) -> (u16, serde_json::Value) {
    let mut req = http
        .post(format!("{}/v1/orders", server.url))
        .bearer_auth(token)
        .json(body);
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(serde_json::Value::Null))
}

#[tokio::test]
async fn checkout_orders_once_at_the_confirmed_price_and_keeps_history_offline() {
    let server = Server::start_with(&["--admin-token", ADMIN]);
    let d = Device::new();
    d.register(&server.url).await;
    d.add_address();
    assert!(
        matches!(
            d.cradle.shop().review_checkout().await,
            Err(Error::Invalid { field: "cart", .. })
        ),
        "an empty cart is refused"
    );
    d.cradle.shop().update_catalog(None).await.unwrap();
    let sku = best_match(&d, "纸尿裤");
    d.cradle.shop().cart_add(&sku, 2).unwrap();
    let review = d.cradle.shop().review_checkout().await.unwrap();
    assert!(review.warnings.is_empty(), "{review:?}");

    // The price changes after she reviewed: the old quote orders nothing.
    let price = d.cradle.shop().cart().unwrap().lines[0].price_seen_minor;
    assert_eq!(
        change(&server, &sku, json!({"price_minor": price + 500}), ADMIN).await,
        200
    );
    assert!(matches!(
        d.cradle.shop().place_order(&review.quote).await,
        Err(Error::Invalid { field: "cart", .. })
    ));
    assert_eq!(server.count("SELECT count(*) FROM orders"), 0);
    let review = d.cradle.shop().review_checkout().await.unwrap();
    assert_eq!(review.warnings.len(), 1);
    assert_eq!(review.warnings[0].code, "PRICE_CHANGED");
    assert!(
        review.warnings[0].message.contains("¥"),
        "{:?}",
        review.warnings[0]
    );
    assert_eq!(
        d.cradle.shop().cart().unwrap().lines[0].price_seen_minor,
        price + 500,
        "now seen"
    );
    assert!(
        d.cradle
            .shop()
            .review_checkout()
            .await
            .unwrap()
            .warnings
            .is_empty(),
        "warned once"
    );

    // Confirmed at the new price: one order, the cart gives up its lines.
    let placed = d.cradle.shop().place_order(&review.quote).await.unwrap();
    assert_eq!(placed.status, "pending_payment");
    assert_eq!(placed.lines[0].qty, 2);
    assert!(d.cradle.shop().cart().unwrap().lines.is_empty());
    assert_eq!(server.count("SELECT count(*) FROM orders"), 1);
    let history = d.cradle.shop().orders().unwrap();
    assert_eq!(history, vec![placed.clone()], "history works offline");
    assert!(history[0].lines[0].batch.starts_with("B2026"));
    assert_eq!(d.cradle.shop().refresh_orders().await.unwrap(), history);

    // Buy again: one tap refills the cart; what is no longer sold is named.
    let refill = d.cradle.shop().buy_again(&placed.id).unwrap();
    assert_eq!(refill.cart.lines[0].qty, 2);
    assert!(refill.skipped.is_empty());
    d.cradle.shop().cart_remove(&sku).unwrap();
    assert_eq!(
        change(&server, &sku, json!({"discontinued": true}), ADMIN).await,
        200
    );
    d.cradle.shop().update_catalog(None).await.unwrap();
    let refill = d.cradle.shop().buy_again(&placed.id).unwrap();
    assert!(refill.cart.lines.is_empty());
    assert_eq!(refill.skipped, vec![placed.lines[0].name.clone()]);
    assert!(matches!(
        d.cradle.shop().buy_again("no-such-order"),
        Err(Error::NotFound(_))
    ));
}

#[tokio::test]
async fn an_idempotency_key_yields_one_order_and_bad_orders_are_4xx() {
    let server = Server::start();
    let http = reqwest::Client::new();
    let (t, _) = http_account(&http, &server, "buyer").await;
    let sku = "diapers-2100";
    let v = validate(
        &http,
        &server,
        &t,
        json!([{"sku": sku, "qty": 1, "price_seen_minor": 1}]),
    )
    .await;
    assert_eq!(v["warnings"][0]["code"], "PRICE_CHANGED");
    let body =
        json!({"lines": [{"sku": sku, "qty": 1}], "quote": v["quote"], "ship_to": ship_to()});
    let (s1, first) = order(&http, &server, &t, Some("order-1"), &body).await;
    assert_eq!(s1, 201);
    let (s2, again) = order(&http, &server, &t, Some("order-1"), &body).await;
    assert_eq!((s2, &again), (200, &first), "a retry is the same order");
    let other =
        json!({"lines": [{"sku": sku, "qty": 2}], "quote": v["quote"], "ship_to": ship_to()});
    assert_eq!(
        order(&http, &server, &t, Some("order-1"), &other).await.0,
        422
    );
    assert_eq!(
        order(&http, &server, &t, None, &body).await.0,
        400,
        "no key"
    );
    assert_eq!(
        order(&http, &server, &t, Some("BAD KEY"), &body).await.0,
        400
    );
    let mut elsewhere = body.clone();
    elsewhere["ship_to"]["detail"] = json!("世纪大道 200 号");
    assert_eq!(
        order(&http, &server, &t, Some("order-1"), &elsewhere)
            .await
            .0,
        422,
        "the address is part of the order"
    );
    let mut bad_phone = body.clone();
    bad_phone["ship_to"]["phone"] = json!("12345678901");
    let (status, refused) = order(&http, &server, &t, Some("order-5"), &bad_phone).await;
    assert_eq!(
        (status, refused["error"].as_str()),
        (422, Some("invalid_address"))
    );
    let mut no_address = body.clone();
    no_address.as_object_mut().unwrap().remove("ship_to");
    assert_eq!(
        order(&http, &server, &t, Some("order-6"), &no_address)
            .await
            .0,
        400
    );
    let empty = json!({"lines": [], "quote": v["quote"], "ship_to": ship_to()});
    assert_eq!(
        order(&http, &server, &t, Some("order-2"), &empty).await.0,
        400
    );
    let zero =
        json!({"lines": [{"sku": sku, "qty": 0}], "quote": v["quote"], "ship_to": ship_to()});
    assert_eq!(
        order(&http, &server, &t, Some("order-3"), &zero).await.0,
        400
    );
    let unknown =
        json!({"lines": [{"sku": "nope", "qty": 1}], "quote": v["quote"], "ship_to": ship_to()});
    assert_eq!(
        order(&http, &server, &t, Some("order-4"), &unknown).await.0,
        412
    );
    assert_eq!(server.count("SELECT count(*) FROM orders"), 1);
    // Another account never sees her order, even by its key.
    let (other_user, _) = http_account(&http, &server, "neighbour").await;
    let theirs: serde_json::Value = http
        .get(format!("{}/v1/orders", server.url))
        .bearer_auth(&other_user)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(theirs["orders"], json!([]));
}

#[tokio::test]
async fn a_hundred_concurrent_orders_for_ten_in_stock_sell_exactly_ten() {
    let server = Server::start_with(&["--admin-token", ADMIN]);
    let http = reqwest::Client::new();
    let (t, _) = http_account(&http, &server, "rush").await;
    let sku = "toys-2700";
    assert_eq!(change(&server, sku, json!({"stock": 10}), ADMIN).await, 200);
    let v = validate(
        &http,
        &server,
        &t,
        json!([{"sku": sku, "qty": 1, "price_seen_minor": 0}]),
    )
    .await;
    let body =
        json!({"lines": [{"sku": sku, "qty": 1}], "quote": v["quote"], "ship_to": ship_to()});
    let mut tasks = Vec::new();
    for i in 0..100 {
        let (http, server_url, t, body) =
            (http.clone(), server.url.clone(), t.clone(), body.clone());
        tasks.push(tokio::spawn(async move {
            http.post(format!("{server_url}/v1/orders"))
                .bearer_auth(&t)
                .header("Idempotency-Key", format!("rush-{i}"))
                .json(&body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap());
    }
    let sold = statuses.iter().filter(|s| **s == 201).count();
    assert_eq!(sold, 10, "{statuses:?}");
    assert!(
        statuses.iter().all(|s| *s == 201 || *s == 409),
        "{statuses:?}"
    );
    assert_eq!(server.count("SELECT count(*) FROM orders"), 10);
    assert_eq!(
        server.count(&format!("SELECT stock FROM product WHERE sku = '{sku}'")),
        0
    );
}

/// A retry sent while the first request is still in flight is what an
/// Idempotency-Key is for: 20 at once, spread over two server processes on
/// one database, make one order; every other answer is that order or 409,
/// and the server keeps answering everyone meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_concurrent_retries_of_one_key_on_two_processes_make_one_order() {
    let server = Server::start();
    let second = server.another_process(&[]);
    let http = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(20))
        .build()
        .unwrap();
    let (t, _) = http_account(&http, &server, "retrier").await;
    let sku = "diapers-2100";
    let v = validate(
        &http,
        &server,
        &t,
        json!([{"sku": sku, "qty": 1, "price_seen_minor": 0}]),
    )
    .await;
    let body =
        json!({"lines": [{"sku": sku, "qty": 1}], "quote": v["quote"], "ship_to": ship_to()});
    for round in 0..3 {
        let key = format!("same-key-{round}");
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let health = {
            let (http, urls, done) = (
                http.clone(),
                [server.url.clone(), second.url.clone()],
                done.clone(),
            );
            tokio::spawn(async move {
                let mut answered = 0;
                while !done.load(std::sync::atomic::Ordering::SeqCst) {
                    for url in &urls {
                        let r = http
                            .get(format!("{url}/healthz"))
                            .timeout(std::time::Duration::from_secs(2))
                            .send()
                            .await;
                        assert!(
                            r.is_ok_and(|r| r.status() == 200),
                            "/healthz stopped answering"
                        );
                        answered += 1;
                    }
                }
                answered
            })
        };
        let mut tasks = Vec::new();
        for i in 0..20 {
            let url = if i % 2 == 0 { &server.url } else { &second.url };
            let req = http
                .post(format!("{url}/v1/orders"))
                .bearer_auth(&t)
                .header("Idempotency-Key", &key)
                .json(&body);
            tasks.push(tokio::spawn(async move {
                let r = req.send().await.expect("the server answers");
                let status = r.status().as_u16();
                (status, r.json::<serde_json::Value>().await.unwrap())
            }));
        }
        let mut answers = Vec::new();
        for task in tasks {
            answers.push(task.await.unwrap());
        }
        done.store(true, std::sync::atomic::Ordering::SeqCst);
        assert!(health.await.unwrap() > 0);
        let placed: Vec<_> = answers.iter().filter(|(s, _)| *s == 201).collect();
        assert_eq!(placed.len(), 1, "{answers:?}");
        let order = &placed[0].1;
        for (status, answer) in &answers {
            assert!(
                *status == 201 || (*status == 200 && answer == order) || *status == 409,
                "{status} {answer}"
            );
        }
    }
    assert_eq!(server.count("SELECT count(*) FROM orders"), 3);
}

#[tokio::test]
async fn an_order_whose_answer_was_lost_is_placed_once_and_duplicates_are_one() {
    let server = Server::start();
    let proxy = Proxy::start(&server.url);
    let d = shopper(&proxy.url).await;
    let sku = best_match(&d, "湿巾");
    d.cradle.shop().cart_add(&sku, 3).unwrap();
    let review = d.cradle.shop().review_checkout().await.unwrap();

    // The server places it, and the answer never arrives.
    proxy.script([Fault::DropResponse]);
    assert!(d.cradle.shop().place_order(&review.quote).await.is_err());
    assert_eq!(server.count("SELECT count(*) FROM orders"), 1);
    assert_eq!(
        d.cradle.shop().cart().unwrap().lines.len(),
        1,
        "not known to be placed yet"
    );

    // She taps again: the same order id is sent, and it is still one order.
    proxy.script([Fault::Duplicate]);
    let placed = d.cradle.shop().place_order(&review.quote).await.unwrap();
    assert_eq!(server.count("SELECT count(*) FROM orders"), 1);
    assert_eq!(placed.lines[0].qty, 3);
    assert!(d.cradle.shop().cart().unwrap().lines.is_empty());
    assert_eq!(d.cradle.shop().orders().unwrap().len(), 1);
}

#[tokio::test]
async fn pay_deliver_and_return_within_the_window_even_offline() {
    let server = Server::start_with(&["--sandbox"]);
    let proxy = Proxy::start(&server.url);
    let d = shopper(&proxy.url).await;
    let wipes = best_match(&d, "湿巾");
    let puree = best_match(&d, "果泥");
    d.cradle.shop().cart_add(&wipes, 2).unwrap();
    d.cradle.shop().cart_add(&puree, 1).unwrap();
    let review = d.cradle.shop().review_checkout().await.unwrap();
    let order = d.cradle.shop().place_order(&review.quote).await.unwrap();
    let words = |s: OrderStatus| status::order_status(s, d.cradle.language().unwrap());
    assert_eq!(order.status_text, words(OrderStatus::PendingPayment));
    assert!(order.can_pay && !order.can_return);
    let item = |sku: &str, qty| ReturnItem {
        sku: sku.into(),
        qty,
    };
    assert!(
        matches!(
            d.cradle
                .shop()
                .request_return(
                    &order.id,
                    "return",
                    &[item(&wipes, 1)],
                    "changed_mind",
                    None
                )
                .await,
            Err(Error::Invalid { field: "order", .. })
        ),
        "not delivered yet"
    );

    let paid = d.cradle.shop().pay_order(&order.id).await.unwrap();
    assert_eq!(paid.status, "paid");
    assert!(!paid.can_pay && !paid.can_return);
    assert_eq!(
        d.cradle.shop().pay_order(&order.id).await.unwrap().history,
        paid.history,
        "paying twice is once"
    );
    let http = reqwest::Client::new();
    let t = d.session_token();
    for _ in 0..2 {
        let s = http
            .post(format!(
                "{}/v1/sandbox/orders/{}/advance",
                server.url, order.id
            ))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .status();
        assert!(s.is_success());
    }
    let delivered = d.cradle.shop().refresh_orders().await.unwrap().remove(0);
    assert_eq!(delivered.status, "delivered");
    let steps: Vec<&str> = delivered
        .history
        .iter()
        .map(|h| h.status.as_str())
        .collect();
    assert_eq!(steps, ["pending_payment", "paid", "shipped", "delivered"]);
    assert_eq!(delivered.history[2].text, words(OrderStatus::Shipped));
    // The screen offers a return only for the line still in its window.
    assert!(delivered.can_return);
    let returnable: Vec<bool> = delivered.lines.iter().map(|l| l.returnable).collect();
    let skus: Vec<&str> = delivered.lines.iter().map(|l| l.sku.as_str()).collect();
    assert_eq!(
        returnable,
        skus.iter().map(|s| *s == wipes).collect::<Vec<_>>()
    );
    let deadline = delivered.return_deadline.expect("a window");
    let delivered_at = delivered.history[3].at;
    assert_eq!(deadline - delivered_at, 7 * 86_400, "7 days for wipes");

    // Bad requests are typed and change nothing.
    for (items, reason) in [
        (vec![item(&wipes, 3)], "changed_mind"),
        (vec![item("nope", 1)], "changed_mind"),
        (vec![], "changed_mind"),
        (vec![item(&wipes, 1)], "because"),
    ] {
        assert!(matches!(
            d.cradle
                .shop()
                .request_return(&order.id, "return", &items, reason, None)
                .await,
            Err(Error::Invalid { .. })
        ));
    }
    // Food for babies is not returnable without a reason (0 days): the
    // device says so, and so does the server.
    assert!(matches!(
        d.cradle
            .shop()
            .request_return(
                &order.id,
                "return",
                &[item(&puree, 1)],
                "changed_mind",
                None
            )
            .await,
        Err(Error::Invalid { field: "lines", .. })
    ));
    let r = http
        .post(format!("{}/v1/orders/{}/returns", server.url, order.id))
        .bearer_auth(&t)
        .json(&json!({"id": "r-food", "lines": [{"sku": puree, "qty": 1}], "reason": "changed_mind", "note": null}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);

    // Offline: the return waits, shown as queued, and goes on reconnect.
    proxy.set_offline(true);
    let queued = d
        .cradle
        .shop()
        .request_return(
            &order.id,
            "return",
            &[item(&wipes, 1)],
            "changed_mind",
            Some("too many"),
        )
        .await
        .unwrap();
    assert_eq!(queued.returns.len(), 1);
    assert_eq!(queued.returns[0].status, "queued");
    let language = d.cradle.language().unwrap();
    assert_eq!(
        queued.returns[0].status_text,
        status::queued_request(language)
    );
    assert_eq!(
        queued.returns[0].reason_text,
        status::return_reason("changed_mind", language)
    );
    proxy.set_offline(false);
    let sent = d.cradle.shop().refresh_orders().await.unwrap().remove(0);
    assert_eq!(sent.returns.len(), 1);
    assert_eq!(sent.returns[0].status, "requested");
    let line = |o: &cradle_core::shop::checkout::OrderView| {
        o.lines.iter().find(|l| l.sku == wipes).unwrap().returnable
    };
    assert!(line(&sent), "one of the two wipes is still hers to return");
    let all = d
        .cradle
        .shop()
        .request_return(
            &order.id,
            "return",
            &[item(&wipes, 1)],
            "changed_mind",
            None,
        )
        .await
        .unwrap();
    assert!(!line(&all) && !all.can_return, "both wipes are asked back");
    assert!(matches!(
        d.cradle
            .shop()
            .request_return(
                &order.id,
                "return",
                &[item(&wipes, 1)],
                "changed_mind",
                None
            )
            .await,
        Err(Error::Invalid { field: "lines", .. })
    ));
    http.post(format!(
        "{}/v1/sandbox/orders/{}/advance",
        server.url, order.id
    ))
    .bearer_auth(&t)
    .send()
    .await
    .unwrap();
    let approved = d.cradle.shop().refresh_orders().await.unwrap().remove(0);
    let steps: Vec<&str> = approved.returns[0]
        .history
        .iter()
        .map(|h| h.status.as_str())
        .collect();
    assert_eq!(steps, ["requested", "approved"]);

    // The shop declines the second, saying why; she sees its words.
    let reject = |ret: &str, reason: &str| {
        http.post(format!(
            "{}/v1/sandbox/orders/{}/returns/{ret}/reject",
            server.url, order.id
        ))
        .bearer_auth(&t)
        .json(&json!({ "reason": reason }))
        .send()
    };
    let second = approved.returns[1].id.clone();
    assert_eq!(reject(&second, " ").await.unwrap().status().as_u16(), 422);
    let why = "Opened packs cannot be taken back";
    assert_eq!(reject(&second, why).await.unwrap().status().as_u16(), 200);
    assert_eq!(
        reject(&second, why).await.unwrap().status().as_u16(),
        200,
        "again is once"
    );
    let first = approved.returns[0].id.clone();
    assert_eq!(
        reject(&first, why).await.unwrap().status().as_u16(),
        409,
        "an approved return stays approved"
    );
    let declined = d.cradle.shop().refresh_orders().await.unwrap().remove(0);
    let r = &declined.returns[1];
    assert_eq!(r.status, "rejected");
    assert_eq!(
        r.status_text,
        status::return_status(ReturnStatus::Rejected, language)
    );
    assert_eq!(r.rejection.as_deref(), Some(why));
    assert_eq!(r.history.len(), 2);
    assert_eq!(declined.returns[0].rejection, None);
}

#[tokio::test]
async fn a_complaint_is_queued_offline_and_shows_the_shops_service_targets() {
    let server = Server::start_with(&["--sandbox"]);
    let proxy = Proxy::start(&server.url);
    let d = shopper(&proxy.url).await;
    let wipes = best_match(&d, "湿巾");
    d.cradle.shop().cart_add(&wipes, 1).unwrap();
    let review = d.cradle.shop().review_checkout().await.unwrap();
    let order = d.cradle.shop().place_order(&review.quote).await.unwrap();
    let language = d.cradle.language().unwrap();

    // Bad input is typed, names the field, and queues nothing.
    for (topic, note, field) in [
        ("rudeness", "late", "topic"),
        ("late_delivery", "   ", "note"),
        ("late_delivery", &"长".repeat(501), "note"),
    ] {
        match d.cradle.shop().file_complaint(&order.id, topic, note).await {
            Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{topic}: {other:?}"),
        }
    }
    assert!(matches!(
        d.cradle
            .shop()
            .file_complaint("no-such-order", "other", "x")
            .await,
        Err(Error::NotFound("order"))
    ));
    assert!(d.cradle.shop().orders().unwrap()[0].complaints.is_empty());

    // Offline it waits, shown as queued with no target yet.
    proxy.set_offline(true);
    let queued = d
        .cradle
        .shop()
        .file_complaint(&order.id, "late_delivery", "  The courier has not come.  ")
        .await
        .unwrap();
    let k = &queued.complaints[0];
    assert_eq!(
        (k.status.as_str(), k.note.as_str()),
        ("queued", "The courier has not come.")
    );
    assert_eq!(k.status_text, status::queued_request(language));
    assert_eq!(k.target_text, None);

    // Back online, the refresh sends it: the shop now owes a reply within 48 h.
    proxy.set_offline(false);
    let sent = d.cradle.shop().refresh_orders().await.unwrap().remove(0);
    let k = &sent.complaints[0];
    assert_eq!(k.status, "open");
    assert_eq!(
        k.topic_text,
        status::complaint_topic("late_delivery", language)
    );
    assert!(!k.overdue);
    assert!(
        k.target_text.as_deref().unwrap().contains("48"),
        "{:?}",
        k.target_text
    );
    assert_eq!(sent.complaints.len(), 1, "sent once");

    // The sandbox answers, then resolves: the target moves to the resolution, then goes.
    let http = reqwest::Client::new();
    let t = d.session_token();
    let answer = |id: String| {
        let url = format!(
            "{}/v1/sandbox/orders/{}/complaints/{id}/advance",
            server.url, order.id
        );
        let req = http.post(url).bearer_auth(&t);
        async move { req.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(answer(k.id.clone()).await, 200);
    let answered = d.cradle.shop().refresh_orders().await.unwrap().remove(0);
    assert_eq!(answered.complaints[0].status, "responded");
    assert!(
        answered.complaints[0]
            .target_text
            .as_deref()
            .unwrap()
            .contains("72")
    );
    assert_eq!(answer(k.id.clone()).await, 200);
    assert_eq!(answer("nope".into()).await, 404);
    let resolved = d.cradle.shop().refresh_orders().await.unwrap().remove(0);
    let steps: Vec<&str> = resolved.complaints[0]
        .history
        .iter()
        .map(|h| h.status.as_str())
        .collect();
    assert_eq!(steps, ["open", "responded", "resolved"]);
    assert_eq!(resolved.complaints[0].target_text, None);

    // The server refuses a bad complaint with 422, never 500.
    let r = http
        .post(format!("{}/v1/orders/{}/complaints", server.url, order.id))
        .bearer_auth(&t)
        .json(&json!({"id": "k-bad", "topic": "other", "note": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
}

/// The notification the plan holds for an order, if any.
fn order_notice(
    d: &Device,
    order_id: &str,
) -> Option<cradle_core::reminders::notify::Notification> {
    d.cradle
        .reminders()
        .notification_plan(None, 64)
        .unwrap()
        .into_iter()
        .find(|n| n.id == format!("order:{order_id}"))
}

#[tokio::test]
async fn an_order_queued_offline_is_placed_once_on_reconnect_when_nothing_changed() {
    let server = Server::start();
    let proxy = Proxy::start(&server.url);
    let d = shopper(&proxy.url).await;
    d.cradle.set_consent(Purpose::Notifications, true).unwrap();
    let sku = best_match(&d, "湿巾");
    assert!(
        matches!(
            d.cradle.shop().queue_order(),
            Err(Error::Invalid { field: "cart", .. })
        ),
        "an empty cart is refused"
    );
    d.cradle.shop().cart_add(&sku, 3).unwrap();
    let shown = d.cradle.shop().cart().unwrap().total_text;

    // Offline, checkout cannot reach the shop; she queues the order instead.
    proxy.set_offline(true);
    assert!(matches!(
        d.cradle.shop().review_checkout().await,
        Err(Error::Network(_))
    ));
    let cart = d.cradle.shop().queue_order().unwrap();
    assert!(cart.lines.is_empty(), "the cart went into the queued order");
    let queued = cart.queued.expect("an order waits");
    assert_eq!(queued.status, "waiting");
    assert_eq!(queued.total_text, shown, "at the price the cart showed");
    assert_eq!(queued.lines[0].qty, 3);
    d.cradle.shop().cart_add(&sku, 3).unwrap();
    assert!(
        matches!(
            d.cradle.shop().queue_order(),
            Err(Error::Invalid { field: "cart", .. })
        ),
        "one order waits at a time"
    );
    d.cradle.shop().cart_remove(&sku).unwrap();
    assert!(d.cradle.shop().sync_shop().await.is_err(), "still offline");

    // It survives a restart, and goes on reconnect: one order, this id.
    let d = d.reopen(cradle_tests::quick_sync());
    assert_eq!(
        d.cradle.shop().cart().unwrap().queued.unwrap().id,
        queued.id
    );
    proxy.set_offline(false);
    d.cradle.shop().sync_shop().await.unwrap();
    d.cradle.shop().sync_shop().await.unwrap();
    assert_eq!(server.count("SELECT count(*) FROM orders"), 1);
    assert!(d.cradle.shop().cart().unwrap().queued.is_none());
    let notice = order_notice(&d, &queued.id).expect("she is told it went through");
    assert_eq!(notice.deep_link, format!("cradle://orders/{}", queued.id));
    let name = &queued.lines[0].name;
    assert!(
        !notice.title.contains(name.as_str()) && !notice.body.contains(name.as_str()),
        "nothing bought is named on the lock screen: {notice:?}"
    );
    let orders = d.cradle.shop().orders().unwrap();
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].id, queued.id);
    assert_eq!(orders[0].lines[0].qty, 3);
    assert_eq!(
        orders[0].summary_text,
        format!("共 3 件 · {shown}"),
        "she tells orders apart by what is in them, not by an id"
    );
    assert!(
        order_notice(&d, &queued.id).is_none(),
        "read once she opens her orders"
    );
}

#[tokio::test]
async fn a_queued_order_whose_price_changed_waits_for_her_review() {
    let server = Server::start_with(&["--admin-token", ADMIN]);
    let proxy = Proxy::start(&server.url);
    let d = shopper(&proxy.url).await;
    d.cradle.set_consent(Purpose::Notifications, true).unwrap();
    let sku = best_match(&d, "纸尿裤");
    d.cradle.shop().cart_add(&sku, 2).unwrap();
    let price = d.cradle.shop().cart().unwrap().lines[0].price_now_minor;
    proxy.set_offline(true);
    let queued = d.cradle.shop().queue_order().unwrap().queued.unwrap();
    assert_eq!(
        change(&server, &sku, json!({"price_minor": price + 300}), ADMIN).await,
        200
    );

    proxy.set_offline(false);
    d.cradle.shop().sync_shop().await.unwrap();
    assert_eq!(server.count("SELECT count(*) FROM orders"), 0, "not placed");
    let waiting = d.cradle.shop().cart().unwrap().queued.unwrap();
    assert_eq!(waiting.status, "needs_review");
    assert_eq!(waiting.warnings.len(), 1);
    assert_eq!(waiting.warnings[0].code, "PRICE_CHANGED");
    let notice = order_notice(&d, &queued.id).expect("she is asked to review");
    assert_eq!(notice.deep_link, "cradle://cart");
    d.cradle.shop().sync_shop().await.unwrap();
    assert_eq!(
        server.count("SELECT count(*) FROM orders"),
        0,
        "it waits for her, however often the app reconnects"
    );

    // She takes it back: the cart has it again, and checkout shows the change.
    let cart = d.cradle.shop().cancel_queued_order().await.unwrap();
    assert!(cart.queued.is_none());
    assert_eq!(cart.lines[0].qty, 2);
    assert!(order_notice(&d, &queued.id).is_none());
    let review = d.cradle.shop().review_checkout().await.unwrap();
    assert_eq!(review.warnings[0].code, "PRICE_CHANGED");
    d.cradle.shop().place_order(&review.quote).await.unwrap();
    assert_eq!(server.count("SELECT count(*) FROM orders"), 1);
    assert!(matches!(
        d.cradle.shop().cancel_queued_order().await,
        Err(Error::NotFound(_))
    ));
}

#[tokio::test]
async fn a_queued_order_whose_answer_was_lost_is_one_order_and_cannot_be_taken_back() {
    let server = Server::start();
    let proxy = Proxy::start(&server.url);
    let d = shopper(&proxy.url).await;
    let sku = best_match(&d, "湿巾");
    d.cradle.shop().cart_add(&sku, 2).unwrap();
    let queued = d.cradle.shop().queue_order().unwrap().queued.unwrap();

    // The cart synced, checked, placed, and the answer never arrives:
    // still queued here.
    proxy.script([
        Fault::Pass,
        Fault::Pass,
        Fault::DropResponse,
        Fault::DropRequest,
    ]);
    assert!(d.cradle.shop().sync_shop().await.is_err());
    assert_eq!(server.count("SELECT count(*) FROM orders"), 1);
    assert_eq!(
        d.cradle.shop().cart().unwrap().queued.unwrap().status,
        "waiting"
    );

    // Taking it back asks the shop first: it went through, so it is an
    // order, not a cart again.
    assert!(matches!(
        d.cradle.shop().cancel_queued_order().await,
        Err(Error::Invalid { field: "order", .. })
    ));
    let cart = d.cradle.shop().cart().unwrap();
    assert!(cart.queued.is_none() && cart.lines.is_empty());
    assert_eq!(d.cradle.shop().orders().unwrap()[0].id, queued.id);

    // The same, left to reconnect: the very request is sent again, and it
    // is still one order.
    d.cradle.shop().cart_add(&sku, 2).unwrap();
    let again = d.cradle.shop().queue_order().unwrap().queued.unwrap();
    proxy.script([
        Fault::Pass,
        Fault::Pass,
        Fault::DropResponse,
        Fault::DropRequest,
    ]);
    assert!(d.cradle.shop().sync_shop().await.is_err());
    proxy.script([Fault::Pass, Fault::Pass, Fault::Duplicate]);
    d.cradle.shop().sync_shop().await.unwrap();
    assert_eq!(server.count("SELECT count(*) FROM orders"), 2);
    assert!(d.cradle.shop().cart().unwrap().queued.is_none());
    assert!(
        d.cradle
            .shop()
            .orders()
            .unwrap()
            .iter()
            .any(|o| o.id == again.id)
    );
}

#[tokio::test]
async fn an_order_that_moves_on_is_news_without_its_contents() {
    let server = Server::start_with(&["--sandbox"]);
    let d = shopper(&server.url).await;
    d.cradle.set_consent(Purpose::Notifications, true).unwrap();
    let sku = best_match(&d, "湿巾");
    d.cradle.shop().cart_add(&sku, 1).unwrap();
    let review = d.cradle.shop().review_checkout().await.unwrap();
    let order = d.cradle.shop().place_order(&review.quote).await.unwrap();
    d.cradle.shop().pay_order(&order.id).await.unwrap();
    d.cradle.shop().sync_shop().await.unwrap();
    assert!(
        order_notice(&d, &order.id).is_none(),
        "her own steps are not news"
    );

    let s = reqwest::Client::new()
        .post(format!(
            "{}/v1/sandbox/orders/{}/advance",
            server.url, order.id
        ))
        .bearer_auth(d.session_token())
        .send()
        .await
        .unwrap()
        .status();
    assert!(s.is_success());
    d.cradle.shop().sync_shop().await.unwrap();
    let notice = order_notice(&d, &order.id).expect("shipped is news");
    assert_eq!(notice.title, "订单有更新");
    assert!(!notice.body.contains(&order.lines[0].name));
    d.cradle.set_consent(Purpose::Notifications, false).unwrap();
    assert!(
        order_notice(&d, &order.id).is_none(),
        "no consent, no notification"
    );
    d.cradle.set_consent(Purpose::Notifications, true).unwrap();
    assert_eq!(d.cradle.shop().orders().unwrap()[0].status, "shipped");
    assert!(order_notice(&d, &order.id).is_none(), "read");
}

#[tokio::test]
async fn an_order_cancelled_before_it_ships_puts_the_stock_back_once() {
    let server = Server::start_with(&["--sandbox"]);
    let d = shopper(&server.url).await;
    let sku = best_match(&d, "湿巾");
    let stock = || server.count(&format!("SELECT stock FROM product WHERE sku = '{sku}'"));
    let before = stock();
    let place = || async {
        d.cradle.shop().cart_add(&sku, 2).unwrap();
        let review = d.cradle.shop().review_checkout().await.unwrap();
        d.cradle.shop().place_order(&review.quote).await.unwrap()
    };

    // Unpaid: cancelled, and the two go back on the shelf, once.
    let unpaid = place().await;
    assert!(unpaid.can_cancel);
    assert_eq!(stock(), before - 2);
    let cancelled = d.cradle.shop().cancel_order(&unpaid.id).await.unwrap();
    assert_eq!(cancelled.status, "cancelled");
    assert!(!cancelled.can_cancel && !cancelled.can_pay);
    assert_eq!(stock(), before);
    assert_eq!(
        d.cradle.shop().cancel_order(&unpaid.id).await.unwrap(),
        cancelled
    );
    assert_eq!(stock(), before, "cancelling twice is once");
    assert!(matches!(
        d.cradle.shop().pay_order(&unpaid.id).await,
        Err(Error::Invalid { field: "order", .. })
    ));

    // Paid: refunded by the sandbox provider and cancelled.
    let paid = place().await;
    d.cradle.shop().pay_order(&paid.id).await.unwrap();
    let cancelled = d.cradle.shop().cancel_order(&paid.id).await.unwrap();
    let steps: Vec<&str> = cancelled
        .history
        .iter()
        .map(|h| h.status.as_str())
        .collect();
    assert_eq!(steps, ["pending_payment", "paid", "cancelled"]);
    assert_eq!(stock(), before);

    // Shipped: returned, not cancelled; the server says so too.
    let shipped = place().await;
    d.cradle.shop().pay_order(&shipped.id).await.unwrap();
    let http = reqwest::Client::new();
    let t = d.session_token();
    let post = |path: String| {
        let (http, t) = (http.clone(), t.clone());
        async move {
            http.post(path)
                .bearer_auth(&t)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    let advance = format!("{}/v1/sandbox/orders/{}/advance", server.url, shipped.id);
    assert_eq!(post(advance).await, 200);
    let cancel = format!("{}/v1/orders/{}/cancel", server.url, shipped.id);
    assert_eq!(post(cancel).await, 409);
    d.cradle.shop().refresh_orders().await.unwrap();
    assert!(matches!(
        d.cradle.shop().cancel_order(&shipped.id).await,
        Err(Error::Invalid { field: "order", .. })
    ));
    assert_eq!(stock(), before - 2);
    assert!(matches!(
        d.cradle.shop().cancel_order("no-such-order").await,
        Err(Error::NotFound(_))
    ));
}

#[tokio::test]
async fn the_address_book_checks_every_field_keeps_one_default_and_orders_carry_it() {
    let server = Server::start();
    let d = Device::new();
    let home = ShipTo {
        name: " 小雨 ".into(),
        phone: "+86 138-0013-8000".into(),
        province: "北京市".into(),
        city: "北京市".into(),
        district: "朝阳区".into(),
        detail: "建国路 88 号 1 号楼 101".into(),
        postal_code: Some("100022".into()),
    };
    // Each wrong field is named, and nothing is saved.
    type Spoil = fn(&mut ShipTo);
    let wrong: [(&str, Spoil); 7] = [
        ("name", |a| a.name = " ".into()),
        ("phone", |a| a.phone = "1380013800".into()),
        ("phone", |a| a.phone = "12800138000".into()),
        ("province", |a| a.province = "香港特别行政区".into()),
        ("district", |a| a.district = String::new()),
        ("detail", |a| a.detail = "1号".into()),
        ("postal_code", |a| a.postal_code = Some("10002".into())),
    ];
    for (field, spoil) in wrong {
        let mut a = home.clone();
        spoil(&mut a);
        match d.cradle.shop().save_address(None, a) {
            Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{field}: {other:?}"),
        }
    }
    assert!(d.cradle.shop().addresses().unwrap().is_empty());

    // Tidied and saved; the first is the default.
    let book = d.cradle.shop().save_address(None, home.clone()).unwrap();
    assert_eq!(book.len(), 1);
    assert!(book[0].is_default);
    assert_eq!(book[0].ship_to.phone, "13800138000");
    assert_eq!(book[0].ship_to.name, "小雨");
    assert_eq!(
        book[0].label,
        "小雨 13800138000 北京市朝阳区建国路 88 号 1 号楼 101"
    );
    let office = ShipTo {
        province: "上海市".into(),
        city: "上海市".into(),
        district: "黄浦区".into(),
        detail: "南京东路 1 号".into(),
        postal_code: None,
        ..home.clone()
    };
    let book = d.cradle.shop().save_address(None, office).unwrap();
    assert_eq!(book.len(), 2);
    assert!(
        book[0].is_default && book[0].ship_to.province == "北京市",
        "still the first"
    );
    let office_id = book[1].id.clone();
    let book = d.cradle.shop().set_default_address(&office_id).unwrap();
    assert_eq!(book.iter().filter(|a| a.is_default).count(), 1);
    assert_eq!(book[0].id, office_id);
    assert!(matches!(
        d.cradle.shop().set_default_address("nope"),
        Err(Error::NotFound(_))
    ));

    // Ordering needs an address, and the order carries the default one.
    d.register(&server.url).await;
    d.cradle.shop().update_catalog(None).await.unwrap();
    let sku = best_match(&d, "湿巾");
    d.cradle.shop().cart_add(&sku, 1).unwrap();
    let review = d.cradle.shop().review_checkout().await.unwrap();
    assert_eq!(review.ship_to.as_deref(), Some(book[0].label.as_str()));
    let order = d.cradle.shop().place_order(&review.quote).await.unwrap();
    assert_eq!(order.ship_to.as_deref(), Some(book[0].label.as_str()));
    assert_eq!(
        server.count("SELECT count(*) FROM orders"),
        1,
        "placed with the address"
    );

    // Removing the default hands it on; with none left, ordering says why.
    let book = d.cradle.shop().remove_address(&office_id).unwrap();
    assert_eq!(book.len(), 1);
    assert!(book[0].is_default);
    let last = book[0].id.clone();
    assert!(d.cradle.shop().remove_address(&last).unwrap().is_empty());
    d.cradle.shop().cart_add(&sku, 1).unwrap();
    let review = d.cradle.shop().review_checkout().await.unwrap();
    assert_eq!(review.ship_to, None);
    assert!(matches!(
        d.cradle.shop().place_order(&review.quote).await,
        Err(Error::Invalid {
            field: "address",
            ..
        })
    ));
    assert!(matches!(
        d.cradle.shop().queue_order(),
        Err(Error::Invalid {
            field: "address",
            ..
        })
    ));
    assert_eq!(
        d.cradle.shop().cart().unwrap().lines.len(),
        1,
        "the cart is untouched"
    );
}

/// A device whose pregnancy is `weeks` along today.
fn pregnant(d: &Device, weeks: i64) {
    let today = d.cradle.today().unwrap().date;
    let lmp = today
        .checked_sub(jiff::Span::new().days(weeks * 7))
        .unwrap();
    d.cradle
        .timeline()
        .record_dating(DatingInput::Lmp {
            lmp,
            cycle_days: 28,
        })
        .unwrap();
}

#[tokio::test]
async fn the_hospital_bag_opens_at_28_weeks_and_follows_the_cart_and_her_orders() {
    let server = Server::start();
    let early = Device::new();
    pregnant(&early, 20);
    let closed = early.cradle.shop().hospital_bag().unwrap();
    assert!(!closed.open && closed.groups.is_empty());
    let today = early.cradle.today().unwrap().date;
    let opens = today.checked_add(jiff::Span::new().days(8 * 7)).unwrap();
    assert_eq!(closed.opens_on, Some(opens.to_string()));
    assert!(matches!(
        early.cradle.shop().pack_bag_item("maternity_pads", true),
        Err(Error::Invalid {
            field: "hospital_bag",
            ..
        })
    ));

    let d = shopper(&server.url).await;
    pregnant(&d, 30);
    let bag = d.cradle.shop().hospital_bag().unwrap();
    assert!(bag.open && bag.opens_on.is_none());
    let codes: Vec<&str> = bag.groups.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(codes, ["documents", "mother", "baby"]);
    assert_eq!((bag.packed, bag.total), (0, 17));
    let item = |bag: &cradle_core::shop::bag::HospitalBag, id: &str| {
        bag.groups
            .iter()
            .flat_map(|g| &g.items)
            .find(|i| i.id == id)
            .cloned()
            .unwrap()
    };
    assert!(item(&bag, "id_cards").products.is_empty(), "not for sale");
    let pads = item(&bag, "maternity_pads");
    assert!(
        !pads.products.is_empty() && pads.products.iter().all(|p| p.name.contains("产妇卫生巾"))
    );
    assert!(pads.source.contains("NHS"));

    // Packed, then not.
    let bag = d.cradle.shop().pack_bag_item("breast_pads", true).unwrap();
    assert!(item(&bag, "breast_pads").packed);
    assert!(
        item(&bag, "breast_pads").products.is_empty(),
        "packed: nothing to buy"
    );
    assert_eq!(bag.packed, 1);
    let unpacked = d.cradle.shop().pack_bag_item("breast_pads", false).unwrap();
    assert!(
        !item(&unpacked, "breast_pads").products.is_empty(),
        "offered again"
    );
    let bag = d.cradle.shop().pack_bag_item("id_cards", true).unwrap();
    assert!(item(&bag, "id_cards").packed);
    assert_eq!(bag.packed, 1);
    assert_eq!(
        d.cradle
            .shop()
            .pack_bag_item("id_cards", false)
            .unwrap()
            .packed,
        0
    );
    assert!(matches!(
        d.cradle.shop().pack_bag_item("a-tiara", true),
        Err(Error::NotFound(_))
    ));

    // In the cart, then bought.
    d.cradle.shop().cart_add(&pads.products[0].sku, 1).unwrap();
    let bag = d.cradle.shop().hospital_bag().unwrap();
    assert_eq!(item(&bag, "maternity_pads").shop, "in_cart");
    assert_eq!(item(&bag, "maternity_pads").shop_text, "已在购物车");
    assert!(
        item(&bag, "maternity_pads").products.is_empty(),
        "nothing more is offered for an item on its way"
    );
    assert_eq!(item(&bag, "breast_pads").shop, "");
    let review = d.cradle.shop().review_checkout().await.unwrap();
    d.cradle.shop().place_order(&review.quote).await.unwrap();
    assert_eq!(
        item(&d.cradle.shop().hospital_bag().unwrap(), "maternity_pads").shop,
        "bought"
    );
}

#[tokio::test]
async fn an_exchange_and_a_refund_only_follow_their_own_steps() {
    let server = Server::start_with(&["--sandbox"]);
    let d = shopper(&server.url).await;
    let wipes = best_match(&d, "湿巾");
    d.cradle.shop().cart_add(&wipes, 2).unwrap();
    let review = d.cradle.shop().review_checkout().await.unwrap();
    let order = d.cradle.shop().place_order(&review.quote).await.unwrap();
    d.cradle.shop().pay_order(&order.id).await.unwrap();
    let http = reqwest::Client::new();
    let t = d.session_token();
    let advance = || {
        http.post(format!(
            "{}/v1/sandbox/orders/{}/advance",
            server.url, order.id
        ))
        .bearer_auth(&t)
        .send()
    };
    for _ in 0..2 {
        advance().await.unwrap();
    }
    d.cradle.shop().refresh_orders().await.unwrap();
    let one = || {
        vec![ReturnItem {
            sku: wipes.clone(),
            qty: 1,
        }]
    };

    // Money back for goods she keeps needs something wrong with them, on
    // the phone and on the server alike.
    assert!(matches!(
        d.cradle
            .shop()
            .request_return(&order.id, "refund_only", &one(), "changed_mind", None)
            .await,
        Err(Error::Invalid { field: "kind", .. })
    ));
    assert!(matches!(
        d.cradle
            .shop()
            .request_return(&order.id, "swap", &one(), "damaged", None)
            .await,
        Err(Error::Invalid { field: "kind", .. })
    ));
    let raw = http
        .post(format!("{}/v1/orders/{}/returns", server.url, order.id))
        .bearer_auth(&t)
        .json(&json!({"id": "r-raw", "lines": [{"sku": wipes, "qty": 1}],
                      "reason": "changed_mind", "note": null, "kind": "refund_only"}))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status().as_u16(), 422);
    assert_eq!(
        raw.json::<serde_json::Value>().await.unwrap()["error"],
        "invalid_kind"
    );

    let view = d
        .cradle
        .shop()
        .request_return(&order.id, "exchange", &one(), "quality", None)
        .await
        .unwrap();
    assert_eq!(view.returns[0].kind, "exchange");
    assert_eq!(view.returns[0].kind_text, "换货");
    d.cradle
        .shop()
        .request_return(&order.id, "refund_only", &one(), "damaged", Some("crushed"))
        .await
        .unwrap();
    // The sandbox moves the first open request on until it ends, then the next.
    for _ in 0..6 {
        assert_eq!(advance().await.unwrap().status().as_u16(), 200);
    }
    let done = d.cradle.shop().refresh_orders().await.unwrap().remove(0);
    let steps = |i: usize| -> Vec<String> {
        done.returns[i]
            .history
            .iter()
            .map(|h| h.status.clone())
            .collect()
    };
    assert_eq!(
        steps(0),
        [
            "requested",
            "approved",
            "return_shipped",
            "received",
            "exchange_shipped"
        ]
    );
    assert_eq!(done.returns[0].status_text, "换货已发出");
    assert_eq!(steps(1), ["requested", "approved", "refunded"]);
    assert_eq!(done.returns[1].kind_text, "仅退款");
}
