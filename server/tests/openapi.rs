//! `server/openapi.json` is the shells' contract: it must match the code.

#[test]
fn the_committed_openapi_document_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let generated = cradle_server::openapi_json();
    assert!(
        committed == generated,
        "server/openapi.json is stale; regenerate it with\n  \
         cargo run -p cradle-server -- --print-openapi > server/openapi.json"
    );
    let doc: serde_json::Value = serde_json::from_str(&generated).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/v1/sync/push",
        "/v1/sync/pull",
        "/v1/accounts",
        "/v1/sessions",
        "/v1/account",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is documented");
    }
}
