//! Encryption at rest on this build's SQLCipher provider: OpenSSL by
//! default, LibTomCrypt with `portable-crypto` (CI runs these tests both
//! ways), each reading files the other one wrote.

use cradle_core::records::Measurement;
use cradle_core::storage::DbKey;
use std::path::Path;

fn config(key: DbKey) -> cradle_core::Config {
    cradle_core::Config::new("Asia/Shanghai", "en", key).unwrap()
}

fn keyed(path: &Path, key: &DbKey) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.to_hex()))
        .unwrap();
    conn
}

#[test]
fn pages_are_encrypted_and_authenticated_by_the_chosen_provider() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let key = DbKey::generate().unwrap();
    let cradle = cradle_core::Cradle::open(&db, config(key.clone())).unwrap();
    cradle
        .records()
        .record(Measurement::blood_pressure(121, 79, None).unwrap(), None)
        .unwrap();
    drop(cradle);

    let conn = keyed(&db, &key);
    let provider: String = conn
        .query_row("PRAGMA cipher_provider", [], |r| r.get(0))
        .unwrap();
    let chosen = if cfg!(feature = "portable-crypto") {
        "libtomcrypt"
    } else {
        "openssl"
    };
    assert_eq!(provider, chosen);
    // Every page's HMAC checks out: no row means no damaged page.
    let damaged: Vec<String> = conn
        .prepare("PRAGMA cipher_integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(damaged.is_empty(), "{damaged:?}");
    drop(conn);

    // One flipped bit in a page is caught by its HMAC, not read as data.
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[4096 + 100] ^= 1;
    std::fs::write(&db, bytes).unwrap();
    let conn = keyed(&db, &key);
    let damaged = conn
        .prepare("PRAGMA cipher_integrity_check")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .count();
    assert!(damaged > 0, "the tampered page is reported");
}

#[test]
fn a_file_either_provider_wrote_opens_with_its_readings() {
    // Written by the OpenSSL build (the CLI) and by the LibTomCrypt one, at
    // schema 19: a phone moved from one provider to the other, either way,
    // or to a newer schema, keeps its data.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for era in ["openssl-era", "libtomcrypt-era"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        std::fs::copy(fixtures.join(format!("{era}.db")), &db).unwrap();
        let hex = std::fs::read_to_string(fixtures.join(format!("{era}.key"))).unwrap();
        let cradle =
            cradle_core::Cradle::open(&db, config(DbKey::from_hex(&hex).unwrap())).unwrap();
        let records = cradle.records().list(None).unwrap();
        assert_eq!(records.len(), 1, "{era}");
        assert_eq!(
            records[0].measurement,
            Measurement::BloodPressure {
                systolic: 118,
                diastolic: 76,
                pulse: None
            },
            "{era}"
        );
        let profile = cradle.profile().unwrap().unwrap();
        assert_eq!(profile.display_name.as_deref(), Some("Lin"), "{era}");
    }
}
