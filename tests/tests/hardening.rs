//! What an independent adversarial test campaign broke, each kept as a test
//! against a real `cradle-server` process (on SQLite, and on PostgreSQL when
//! `CRADLE_TEST_POSTGRES` is set): numbers at their limits, NUL bytes,
//! unknown fields, a 413 on a kept-alive connection, and the order and
//! format of refusals.

use cradle_tests::{Server, http_account};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

const ADMIN: &str = "operator-secret-token";

async fn admin_put(http: &Client, server: &Server, sku: &str, body: Value) -> (u16, Value) {
    let r = http
        .put(format!("{}/v1/admin/products/{sku}", server.url))
        .bearer_auth(ADMIN)
        .json(&body)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

fn ship_to() -> Value {
    json!({"name": "小雨", "phone": "13800138000", "province": "上海市", "city": "上海市",
           "district": "浦东新区", "detail": "世纪大道 100 号 2 号楼 301", "postal_code": null})
}

/// Validates `lines` and orders them under `key`: the order's status and body.
async fn validate_and_order(
    http: &Client,
    server: &Server,
    token: &str,
    sku: &str,
    qty: u32,
    key: &str,
) -> (u16, Value) {
    let v: Value = http
        .post(format!("{}/v1/carts/validate", server.url))
        .bearer_auth(token)
        .json(&json!({"lines": [{"sku": sku, "qty": qty, "price_seen_minor": 0}]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(v["total_minor"].as_i64().unwrap() >= 0, "{v}");
    let r = http
        .post(format!("{}/v1/orders", server.url))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&json!({"lines": [{"sku": sku, "qty": qty}], "quote": v["quote"], "ship_to": ship_to()}))
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn prices_and_stock_are_bounded_and_totals_never_wrap() {
    let server = Server::start_with(&["--admin-token", ADMIN]);
    let http = Client::new();
    let (t, _) = http_account(&http, &server, "bounds").await;
    let sku = "diapers-2100";
    for body in [
        json!({"price_minor": i64::MAX}),
        json!({"price_minor": 100_000_001}),
        json!({"price_minor": 0}),
        json!({"price_minor": -2}),
        json!({"stock": i64::MAX}),
        json!({"stock": 1_000_000_001}),
        json!({"stock": -1}),
    ] {
        let (status, answer) = admin_put(&http, &server, sku, body.clone()).await;
        assert_eq!(
            (status, answer["error"].as_str()),
            (400, Some("invalid_change")),
            "{body}"
        );
    }
    // At the bounds themselves: accepted, and an order's total is exact.
    assert_eq!(
        admin_put(
            &http,
            &server,
            sku,
            json!({"price_minor": 100_000_000, "stock": 1_000_000_000})
        )
        .await
        .0,
        200
    );
    let (status, order) = validate_and_order(&http, &server, &t, sku, 1, "at-the-limit").await;
    assert_eq!(status, 201, "{order}");
    assert_eq!(order["total_minor"], 100_000_000);
    // Cancelling puts the stock back without passing its bound's type.
    let r = http
        .post(format!("{}/v1/orders/at-the-limit/cancel", server.url))
        .bearer_auth(&t)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    assert_eq!(
        server.count(&format!("SELECT stock FROM product WHERE sku = '{sku}'")),
        1_000_000_000
    );
    assert_eq!(
        server.count("SELECT count(*) FROM orders WHERE body LIKE '%\"total_minor\":-%'"),
        0
    );
}

#[tokio::test]
async fn a_nul_character_is_a_400_on_every_backend_and_changes_nothing() {
    let server = Server::start();
    let http = Client::new();
    let (t, _) = http_account(&http, &server, "nul").await;
    let sessions = server.count("SELECT count(*) FROM session");
    let cases = [
        (
            "POST",
            "/v1/sessions".to_owned(),
            r#"{"login":"nul","password":"correct horse battery","device":"ph\u0000one"}"#,
        ),
        (
            "POST",
            "/v1/carts/validate".to_owned(),
            r#"{"lines":[{"sku":"a\u0000b","qty":1,"price_seen_minor":1}]}"#,
        ),
        ("POST", "/v1/orders/a%00b/pay".to_owned(), "{}"),
        ("GET", "/v1/sync/pull?client_id=a%00b".to_owned(), ""),
        (
            "POST",
            "/v1/sync/push".to_owned(),
            r#"{"client_id":"c","schema_version":1,"mutations":[{"id":1,"collection":"profile","doc":"profile","op":"put","base_version":0,"fields":{"display_name":"a\u0000"}}]}"#,
        ),
    ];
    for (method, path, body) in cases {
        let r = http
            .request(method.parse().unwrap(), format!("{}{path}", server.url))
            .bearer_auth(&t)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{method} {path}");
        assert!(r.headers().get("retry-after").is_none());
        let answer: Value = r.json().await.unwrap();
        assert_eq!(answer["error"], "invalid_text", "{method} {path}");
    }
    assert_eq!(server.count("SELECT count(*) FROM session"), sessions);
    assert_eq!(server.count("SELECT count(*) FROM doc"), 0);
    // An escaped backslash before "u0000" is text, not a NUL.
    let r = http
        .post(format!("{}/v1/carts/validate", server.url))
        .bearer_auth(&t)
        .header("content-type", "application/json")
        .body(r#"{"lines":[{"sku":"a\\u0000b","qty":1,"price_seen_minor":1}]}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn counters_out_of_range_are_400_never_wrapped() {
    let server = Server::start();
    let http = Client::new();
    let (t, _) = http_account(&http, &server, "ranges").await;
    let too_big = "9223372036854775808";
    for path in [
        format!("/v1/catalog?since={too_big}&limit=1"),
        "/v1/catalog?since=18446744073709551615".to_owned(),
        "/v1/catalog?limit=0".to_owned(),
        "/v1/catalog?limit=2001".to_owned(),
        "/v1/catalog?since=-1".to_owned(),
        format!("/v1/sync/pull?client_id=c&acked={too_big}"),
        "/v1/sync/pull?client_id=c&limit=0".to_owned(),
        "/v1/sync/pull?client_id=c&limit=4294967296".to_owned(),
    ] {
        let r = http
            .get(format!("{}{path}", server.url))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{path}");
        assert!(r.json::<Value>().await.unwrap()["error"].is_string());
    }
    // At the top of the range the catalogue answers, from where it was asked.
    let r: Value = http
        .get(format!(
            "{}/v1/catalog?since=9223372036854775807&limit=1",
            server.url
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["products"], json!([]));
    for (id, base) in [(too_big, "0"), ("1", too_big)] {
        let body = format!(
            r#"{{"client_id":"c","schema_version":1,"mutations":[{{"id":{id},"collection":"measurement","doc":"d","op":"delete","base_version":{base}}}]}}"#
        );
        let r = http
            .post(format!("{}/v1/sync/push", server.url))
            .bearer_auth(&t)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn every_cart_change_refuses_unknown_fields() {
    let server = Server::start();
    let http = Client::new();
    let (t, _) = http_account(&http, &server, "fields").await;
    for change in [
        json!({"kind": "remove", "bogus": true}),
        json!({"kind": "add", "qty": 1, "bogus": true}),
        json!({"kind": "set", "qty": 1, "bogus": true}),
        json!({"kind": "merge", "qty": 1, "bogus": true}),
    ] {
        let r = http
            .post(format!("{}/v1/cart", server.url))
            .bearer_auth(&t)
            .json(&json!({"client": "c", "ops": [{"id": "op-1", "sku": "diapers-2100", "change": change,
                                                  "base": 0, "price_seen_minor": 1, "currency": "CNY"}]}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{change}");
    }
    assert_eq!(server.count("SELECT count(*) FROM cart"), 0);
}

#[tokio::test]
async fn a_413_leaves_the_clients_next_request_working() {
    let server = Server::start();
    let http = Client::new();
    let (t, _) = http_account(&http, &server, "big").await;
    for _ in 0..3 {
        let r = http
            .post(format!("{}/v1/sync/push", server.url))
            .bearer_auth(&t)
            .header("content-type", "application/json")
            .body(format!(r#"{{"client_id":"{}"}}"#, "x".repeat(2 << 20)))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(r.headers()["connection"], "close");
        assert_eq!(r.json::<Value>().await.unwrap()["error"], "too_large");
        // The same pooled client asks again at once.
        let r = http
            .get(format!("{}/healthz", server.url))
            .send()
            .await
            .expect("the next request on the same client goes through");
        assert_eq!(r.status(), 200);
    }
}

#[tokio::test]
async fn refusals_come_in_order_and_always_as_json() {
    let server = Server::start_with(&["--admin-token", ADMIN]);
    let http = Client::new();
    let url = format!("{}/v1/admin/products/diapers-2100", server.url);
    // No admin token: 401, whatever the body.
    for (content_type, body) in [
        ("application/json", "{not json"),
        ("text/plain", "hello"),
        ("application/json", r#"{"bogus":1}"#),
    ] {
        let r = http
            .put(&url)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::UNAUTHORIZED,
            "{content_type} {body}"
        );
        assert_eq!(r.json::<Value>().await.unwrap()["error"], "unauthorized");
    }
    // With it, the body's own refusals.
    let r = http
        .put(&url)
        .bearer_auth(ADMIN)
        .header("content-type", "text/plain")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let (t, _) = http_account(&http, &server, "formats").await;
    // A path id that is not UTF-8, and a method a route does not take: JSON too.
    for (method, path, status) in [
        ("POST", "/v1/orders/%FF%FE/pay", StatusCode::BAD_REQUEST),
        ("DELETE", "/v1/orders", StatusCode::METHOD_NOT_ALLOWED),
        ("PUT", "/v1/sync/pull", StatusCode::METHOD_NOT_ALLOWED),
    ] {
        let r = http
            .request(method.parse().unwrap(), format!("{}{path}", server.url))
            .bearer_auth(&t)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), status, "{method} {path}");
        assert_eq!(
            r.headers()["content-type"],
            "application/json",
            "{method} {path}"
        );
        assert!(r.json::<Value>().await.unwrap()["error"].is_string());
    }
}

/// The contract's split: against the schema is 400, a rule the schema
/// cannot state is 422; and 3.0 is an integer, as JSON Schema counts it.
#[tokio::test]
async fn schema_violations_are_400_rules_beyond_the_schema_are_422() {
    let server = Server::start();
    let http = Client::new();
    let (t, _) = http_account(&http, &server, "contract").await;
    let validate = |body: &'static str| {
        http.post(format!("{}/v1/carts/validate", server.url))
            .bearer_auth(&t)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    for (body, status) in [
        (
            r#"{"lines":[{"sku":"diapers-2100","qty":2.0,"price_seen_minor":1.0}]}"#,
            200,
        ),
        (
            r#"{"lines":[{"sku":"diapers-2100","qty":2.5,"price_seen_minor":1}]}"#,
            400,
        ),
        (
            r#"{"lines":[{"sku":"diapers-2100","qty":1000,"price_seen_minor":1}]}"#,
            400,
        ),
        (r#"{"lines":[]}"#, 400),
        (
            r#"{"lines":[{"sku":"a","qty":1,"price_seen_minor":1},{"sku":"a","qty":2,"price_seen_minor":1}]}"#,
            422,
        ),
    ] {
        assert_eq!(
            validate(body).await.unwrap().status().as_u16(),
            status,
            "{body}"
        );
    }
    let push = |body: String| {
        http.post(format!("{}/v1/sync/push", server.url))
            .bearer_auth(&t)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let m = |id: &str| {
        format!(
            r#"{{"id":{id},"collection":"measurement","doc":"d{id}","op":"delete","base_version":0}}"#
        )
    };
    for (mutations, status) in [
        (format!("[{},{}]", m("2"), m("1")), 422),
        (format!("[{}]", m("0")), 400),
        (format!("[{}]", m("1.0")), 200),
    ] {
        let body = format!(r#"{{"client_id":"c","schema_version":1,"mutations":{mutations}}}"#);
        assert_eq!(
            push(body).await.unwrap().status().as_u16(),
            status,
            "{mutations}"
        );
    }
}
