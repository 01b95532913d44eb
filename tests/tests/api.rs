//! The REST contract of a real `cradle-server` process, over real HTTP.

use cradle_core::api::{Mutation, Op, PushRequest};
use cradle_core::sync::crypto::SyncKey;
use cradle_tests::{PASSWORD, Server, http_account, http_login};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

struct User {
    token: String,
    key: SyncKey,
}

async fn user(http: &Client, server: &Server, login: &str) -> User {
    let (token, key) = http_account(http, server, login).await;
    User { token, key }
}

fn put(u: &User, id: u64, doc: &str, systolic: u32) -> Mutation {
    Mutation {
        id,
        collection: "measurement".into(),
        doc: doc.into(),
        op: Op::Put,
        base_version: 0,
        fields: [(
            "systolic".to_owned(),
            u.key
                .seal(
                    "measurement",
                    doc,
                    "systolic",
                    &json!(systolic),
                    &format!("c:{id}"),
                )
                .unwrap(),
        )]
        .into_iter()
        .collect(),
    }
}

async fn push(
    http: &Client,
    server: &Server,
    token: &str,
    body: &PushRequest,
) -> reqwest::Response {
    http.post(format!("{}/v1/sync/push", server.url))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn pull(http: &Client, server: &Server, token: &str, client: &str) -> reqwest::Response {
    http.get(format!("{}/v1/sync/pull?client_id={client}", server.url))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn error_code(r: reqwest::Response) -> String {
    let body: Value = r.json().await.unwrap();
    body["error"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn bad_bodies_get_clear_4xx_answers() {
    let server = Server::start();
    let http = Client::new();
    let u = user(&http, &server, "mama").await;
    let url = format!("{}/v1/sync/push", server.url);

    let r = http
        .post(&url)
        .bearer_auth(&u.token)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(r).await, "malformed_json");

    let r = http
        .post(&url)
        .bearer_auth(&u.token)
        .json(&json!({"client_id": "c1", "schema_version": 1, "mutations": [], "extra": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "invalid_body");
    assert!(
        body["message"].as_str().unwrap().contains("extra"),
        "{body}"
    );

    let r = http
        .post(&url)
        .bearer_auth(&u.token)
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let huge = json!({"client_id": "c1", "schema_version": 1, "mutations": [], "pad": "x".repeat(2 * 1024 * 1024)});
    let r = http
        .post(&url)
        .bearer_auth(&u.token)
        .json(&huge)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);

    let old = PushRequest {
        client_id: "c1".into(),
        schema_version: 0,
        mutations: vec![],
    };
    let r = push(&http, &server, &u.token, &old).await;
    assert_eq!(r.status(), StatusCode::UPGRADE_REQUIRED);

    let too_many = PushRequest {
        client_id: "c1".into(),
        schema_version: 1,
        mutations: (1..=101)
            .map(|i| put(&u, i, &format!("d{i}"), 120))
            .collect(),
    };
    let r = push(&http, &server, &u.token, &too_many).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(r).await, "batch_too_large");

    for query in [
        "",
        "?client_id=BAD!",
        "?client_id=c1&limit=0",
        "?client_id=c1&limit=x",
        "?client_id=c1&bogus=1",
    ] {
        let r = http
            .get(format!("{}/v1/sync/pull{query}", server.url))
            .bearer_auth(&u.token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{query}");
    }
    for cursor in ["nonsense", "deadbeef.1", ".5"] {
        let r = http
            .get(format!(
                "{}/v1/sync/pull?client_id=c1&cursor={cursor}",
                server.url
            ))
            .bearer_auth(&u.token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::GONE, "{cursor}");
    }
}

#[tokio::test]
async fn push_applies_in_order_skips_retries_stops_at_gaps_and_rejects_for_good() {
    let server = Server::start();
    let http = Client::new();
    let u = user(&http, &server, "mama").await;
    let batch = |ms: Vec<Mutation>| PushRequest {
        client_id: "c1".into(),
        schema_version: 1,
        mutations: ms,
    };
    let r: Value = push(
        &http,
        &server,
        &u.token,
        &batch(vec![put(&u, 1, "d1", 120), put(&u, 2, "d2", 121)]),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(r["last_mutation_id"], 2);
    // A retry of 2 is skipped; 4 after a gap is not applied.
    let r: Value = push(
        &http,
        &server,
        &u.token,
        &batch(vec![put(&u, 2, "d2", 121), put(&u, 4, "d4", 124)]),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(r["last_mutation_id"], 2);
    assert_eq!(r["results"], json!([{"id": 2, "status": "duplicate"}]));
    // A plaintext health value is rejected and counts as processed.
    let mut plain = put(&u, 3, "d3", 0);
    plain.fields.insert("systolic".into(), json!(150));
    let r: Value = push(
        &http,
        &server,
        &u.token,
        &batch(vec![plain, put(&u, 4, "d4", 124)]),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(r["last_mutation_id"], 4);
    assert_eq!(
        r["results"][0],
        json!({"id": 3, "status": "rejected", "code": "not_sealed"})
    );
    // The same id with other content is a second install on one client id.
    let r = push(
        &http,
        &server,
        &u.token,
        &batch(vec![put(&u, 4, "another-doc", 1)]),
    )
    .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(r).await, "client_id_conflict");

    let page: Value = pull(&http, &server, &u.token, "c1")
        .await
        .json()
        .await
        .unwrap();
    let docs: Vec<&str> = page["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["doc"].as_str().unwrap())
        .collect();
    assert_eq!(docs, vec!["d1", "d2", "d4"]);
    assert_eq!(page["last_mutation_id"], 4);
    assert_eq!(page["has_more"], false);
}

#[tokio::test]
async fn pages_never_split_a_version_and_cover_every_change_once() {
    let server = Server::start();
    let http = Client::new();
    let u = user(&http, &server, "mama").await;
    let ms: Vec<Mutation> = (1..=37)
        .map(|i| put(&u, i, &format!("d{}", i % 23), 100 + i as u32))
        .collect();
    let r = push(
        &http,
        &server,
        &u.token,
        &PushRequest {
            client_id: "c1".into(),
            schema_version: 1,
            mutations: ms,
        },
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut url = format!("{}/v1/sync/pull?client_id=c1&limit=5", server.url);
        if let Some(c) = &cursor {
            url.push_str(&format!("&cursor={c}"));
        }
        let page: Value = http
            .get(url)
            .bearer_auth(&u.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let versions: Vec<u64> = page["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["version"].as_u64().unwrap())
            .collect();
        assert!(versions.len() <= 5);
        assert!(versions.windows(2).all(|w| w[0] < w[1]));
        if let (Some(last), Some(&prev)) = (versions.first(), seen.last()) {
            assert!(*last > prev, "no version repeats across pages");
        }
        seen.extend(versions);
        cursor = Some(page["cursor"].as_str().unwrap().to_owned());
        if page["has_more"] == false {
            break;
        }
    }
    assert_eq!(seen.len(), 23, "every document once, at its latest version");
}

#[tokio::test]
async fn sessions_end_on_logout_everywhere_and_at_expiry() {
    let server = Server::start();
    let http = Client::new();
    let u = user(&http, &server, "mama").await;
    let second = http_login(&http, &server, "mama").await;
    assert_eq!(
        pull(&http, &server, &second, "c1").await.status(),
        StatusCode::OK
    );
    let r = http
        .delete(format!("{}/v1/sessions/current", server.url))
        .bearer_auth(&second)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        pull(&http, &server, &second, "c1").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        pull(&http, &server, &u.token, "c1").await.status(),
        StatusCode::OK
    );

    let third = http_login(&http, &server, "mama").await;
    let r = http
        .delete(format!("{}/v1/sessions", server.url))
        .bearer_auth(&third)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    for t in [&u.token, &third] {
        assert_eq!(
            pull(&http, &server, t, "c1").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }
    for bad in ["", "Bearer", "Bearer nope", "Basic abc"] {
        let r = http
            .get(format!("{}/v1/sync/pull?client_id=c1", server.url))
            .header("authorization", bad)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{bad}");
    }

    let expiring = Server::start_with(&["--session-days", "0"]);
    let e = user(&http, &expiring, "mama").await;
    assert_eq!(
        pull(&http, &expiring, &e.token, "c1").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn no_user_can_read_or_change_another_users_data() {
    let server = Server::start();
    let http = Client::new();
    let a = user(&http, &server, "alice").await;
    let b = user(&http, &server, "bella").await;
    let r = push(
        &http,
        &server,
        &a.token,
        &PushRequest {
            client_id: "a-phone".into(),
            schema_version: 1,
            mutations: vec![put(&a, 1, "a-doc", 120)],
        },
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);

    // Every endpoint, with B's session and A's identifiers.
    let r = push(
        &http,
        &server,
        &b.token,
        &PushRequest {
            client_id: "a-phone".into(),
            schema_version: 1,
            mutations: vec![
                put(&b, 1, "a-doc", 999),
                Mutation {
                    op: Op::Delete,
                    fields: Default::default(),
                    ..put(&b, 2, "a-doc", 0)
                },
            ],
        },
    )
    .await;
    let r: Value = r.json().await.unwrap();
    assert_eq!(
        r["last_mutation_id"], 2,
        "B's own client namespace starts empty"
    );
    let page: Value = pull(&http, &server, &b.token, "a-phone")
        .await
        .json()
        .await
        .unwrap();
    assert!(
        page["changes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["deleted"] == true),
        "B sees only B's tombstone"
    );
    let r = http
        .delete(format!("{}/v1/account", server.url))
        .bearer_auth(&b.token)
        .json(&json!({"password": "alice's password is not this"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = http
        .post(format!("{}/v1/sessions", server.url))
        .json(&json!({"login": "alice", "password": "bella's guess 123", "device": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    // A's document is untouched and A sees nothing of B.
    let page: Value = pull(&http, &server, &a.token, "a-phone")
        .await
        .json()
        .await
        .unwrap();
    let changes = page["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["deleted"], false);
    let sealed = &changes[0]["fields"]["systolic"];
    assert_eq!(
        a.key
            .open("measurement", "a-doc", "systolic", sealed)
            .unwrap(),
        json!(120)
    );
    assert_eq!(page["last_mutation_id"], 1);
}

#[tokio::test]
async fn deleting_the_account_erases_everything_the_server_held() {
    let server = Server::start();
    let http = Client::new();
    let a = user(&http, &server, "alice").await;
    let _b = user(&http, &server, "bella").await;
    push(
        &http,
        &server,
        &a.token,
        &PushRequest {
            client_id: "c1".into(),
            schema_version: 1,
            mutations: (1..=5).map(|i| put(&a, i, &format!("d{i}"), 120)).collect(),
        },
    )
    .await;
    let r = http
        .delete(format!("{}/v1/account", server.url))
        .bearer_auth(&a.token)
        .json(&json!({"password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        pull(&http, &server, &a.token, "c1").await.status(),
        StatusCode::UNAUTHORIZED
    );
    for table in [
        "session",
        "client",
        "client_mutation",
        "doc",
        "field",
        "conflict",
    ] {
        let left = server.count(&format!(
            "SELECT count(*) FROM {table} WHERE account_id NOT IN (SELECT id FROM account)"
        ));
        assert_eq!(left, 0, "{table}");
    }
    let accounts = server.count("SELECT count(*) FROM account");
    assert_eq!(accounts, 1, "only bella remains");
    // The login is free again.
    let r = http
        .post(format!("{}/v1/accounts", server.url))
        .json(&json!({"login": "alice", "password": PASSWORD, "key_check": a.key.key_check().unwrap()}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn over_the_rate_limit_is_429_with_retry_after() {
    let server = Server::start_with(&["--rate-per-ip", "1", "--rate-per-account", "1"]);
    let http = Client::new();
    let mut statuses = Vec::new();
    for _ in 0..6 {
        let r = http
            .get(format!("{}/healthz", server.url))
            .send()
            .await
            .unwrap();
        if r.status() == StatusCode::TOO_MANY_REQUESTS {
            let after: u64 = r.headers()["retry-after"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!(after >= 1);
        }
        statuses.push(r.status().as_u16());
    }
    assert_eq!(&statuses[..2], &[200, 200], "a burst of two passes");
    assert!(statuses.contains(&429), "{statuses:?}");
}

#[tokio::test]
async fn responses_are_gzipped_when_asked() {
    let server = Server::start();
    let http = Client::builder().no_gzip().build().unwrap();
    let u = user(&http, &server, "mama").await;
    push(
        &http,
        &server,
        &u.token,
        &PushRequest {
            client_id: "c1".into(),
            schema_version: 1,
            mutations: (1..=50)
                .map(|i| put(&u, i, &format!("d{i}"), 120))
                .collect(),
        },
    )
    .await;
    let r = http
        .get(format!("{}/v1/sync/pull?client_id=c1", server.url))
        .bearer_auth(&u.token)
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-encoding"], "gzip");
}

#[tokio::test]
async fn no_input_yields_a_server_error() {
    let server = Server::start();
    let http = Client::new();
    let u = user(&http, &server, "mama").await;
    let bodies = [
        "",
        "null",
        "[]",
        "{}",
        "0",
        "\"x\"",
        "{\"login\":1}",
        "{\"mutations\":null}",
        "{\"client_id\":\"c\",\"schema_version\":1,\"mutations\":[{\"id\":1,\"collection\":\"entry\",\"doc\":\"d\",\"op\":\"put\",\"base_version\":0,\"fields\":{\"data\":{\"deep\":[1,2,{\"x\":null}]}}}]}",
        "{\"client_id\":\"c\",\"schema_version\":1,\"mutations\":[{\"id\":18446744073709551615,\"collection\":\"entry\",\"doc\":\"d\",\"op\":\"delete\",\"base_version\":18446744073709551615}]}",
        "{\"login\":\"\\u0000\",\"password\":\"\\ud800\",\"device\":\"\"}",
    ];
    // The routes that end the session come last, so the others meet a live one.
    let routes = [
        ("POST", "/v1/accounts"),
        ("POST", "/v1/sessions"),
        ("POST", "/v1/sync/push"),
        ("GET", "/v1/sync/pull?client_id=c&cursor=%00&limit=500"),
        ("GET", "/nowhere"),
        ("DELETE", "/v1/account"),
        ("DELETE", "/v1/sessions/current"),
        ("DELETE", "/v1/sessions"),
    ];
    for (method, path) in routes {
        for body in bodies {
            for token in [None, Some(u.token.as_str())] {
                let mut req = http
                    .request(method.parse().unwrap(), format!("{}{path}", server.url))
                    .header("content-type", "application/json")
                    .body(body);
                if let Some(t) = token {
                    req = req.bearer_auth(t);
                }
                let status = req.send().await.unwrap().status();
                assert!(status.as_u16() < 500, "{method} {path} {body:?}: {status}");
            }
        }
    }
}
