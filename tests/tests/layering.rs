//! The crates' layering, checked on what Cargo resolves (`cargo tree`),
//! so a convention cannot drift: the server links the protocol and nothing
//! of the device, the protocol has no storage and no HTTP, and the store
//! under every feature knows none of them.

use std::collections::BTreeSet;
use std::process::Command;

/// Every crate `package` links (normal dependencies, direct or not), with
/// the features a build of that package alone turns on.
fn linked(package: &str) -> BTreeSet<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "--offline", "-e", "normal", "--prefix", "none"])
        .args(["--format", "{p}", "-p", package])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != package)
        .map(str::to_owned)
        .collect()
}

fn ours(crates: &BTreeSet<String>) -> BTreeSet<&str> {
    crates
        .iter()
        .map(String::as_str)
        .filter(|c| c.starts_with("cradle-"))
        .collect()
}

#[test]
fn the_server_links_the_protocol_and_nothing_of_the_device() {
    let server = linked("cradle-server");
    assert_eq!(ours(&server), BTreeSet::from(["cradle-protocol"]));
    for device_only in ["reqwest", "rrule", "chrono", "openssl-sys", "uniffi"] {
        assert!(
            !server.contains(device_only),
            "the server links {device_only}"
        );
    }
}

#[test]
fn the_protocol_has_no_storage_no_http_and_no_other_crate_of_ours() {
    let protocol = linked("cradle-protocol");
    assert!(ours(&protocol).is_empty(), "{protocol:?}");
    for forbidden in ["rusqlite", "libsqlite3-sys", "reqwest", "hyper", "tokio"] {
        assert!(
            !protocol.contains(forbidden),
            "cradle-protocol links {forbidden}"
        );
    }
}

#[test]
fn the_client_speaks_the_protocol_over_http_and_stores_nothing() {
    let client = linked("cradle-client");
    assert_eq!(
        ours(&client),
        BTreeSet::from(["cradle-protocol", "cradle-store"])
    );
    assert!(client.contains("reqwest"));
}

#[test]
fn the_store_knows_no_feature_no_http_and_no_facade() {
    let store = linked("cradle-store");
    assert_eq!(ours(&store), BTreeSet::from(["cradle-protocol"]));
    for forbidden in ["reqwest", "hyper", "tokio", "rrule", "chrono"] {
        assert!(!store.contains(forbidden), "cradle-store links {forbidden}");
    }
}

/// Each feature crate and the crates of ours it may link: the store, the
/// protocol, and the timeline (her stage) through its public API. Never
/// the facade, and never another feature's crate unless listed here.
const FEATURES: &[(&str, &[&str])] = &[
    ("cradle-timeline", &["cradle-protocol", "cradle-store"]),
    (
        "cradle-reminders",
        &["cradle-protocol", "cradle-store", "cradle-timeline"],
    ),
    (
        "cradle-records",
        &["cradle-protocol", "cradle-store", "cradle-timeline"],
    ),
    // The shop shows order news in the reminders' notification plan, and
    // reaches sync and her records only through its Account and Her traits.
    (
        "cradle-shop",
        &[
            "cradle-client",
            "cradle-protocol",
            "cradle-reminders",
            "cradle-store",
            "cradle-timeline",
        ],
    ),
    // Sync reads the records' tombstone markers and enumerated codes, the
    // local facts of their synced tables, and reaches the shop only through
    // its OnLink trait.
    (
        "cradle-sync",
        &[
            "cradle-client",
            "cradle-protocol",
            "cradle-records",
            "cradle-store",
            "cradle-timeline",
        ],
    ),
];

#[test]
fn a_feature_links_the_store_and_what_it_is_allowed_never_the_facade() {
    for (feature, allowed) in FEATURES {
        let linked = linked(feature);
        let ours = ours(&linked);
        assert_eq!(
            ours,
            allowed.iter().copied().collect(),
            "{feature} links {ours:?}"
        );
        assert!(!ours.contains("cradle-core"), "{feature} links the facade");
        // Only the shop calls the server, through the client.
        if !ours.contains("cradle-client") {
            for forbidden in ["reqwest", "hyper", "tokio"] {
                assert!(!linked.contains(forbidden), "{feature} links {forbidden}");
            }
        }
    }
}
