//! Where the server keeps accounts, sessions and synced documents. The
//! rules every backend shares (what a valid mutation is, where a pull page
//! starts, how a retry is told from a clone) live here, once.

mod postgres;
mod push;
mod sqlite;
mod sqlite_pool;

pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

use cradle_protocol::cart::CartOps;
use cradle_protocol::cart::SharedCart;
use cradle_protocol::collections;
use cradle_protocol::seal;
use cradle_protocol::wire::{MAX_FIELD_BYTES, Mutation, Op, Product};
use sha2::{Digest, Sha256};

/// How many recent mutation shapes are kept per client.
const DIGEST_WINDOW: i64 = 1000;

#[derive(Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The login is taken.
    Taken,
    /// The backend failed; the request may be retried.
    Unavailable(String),
}

pub struct AccountRow {
    pub id: String,
    pub password_hash: String,
    pub key_check: String,
}

pub struct NewSession {
    pub token_hash: Vec<u8>,
    pub account_id: String,
    pub device: String,
    pub created_at: i64,
    pub expires_at: i64,
}

pub enum PushOutcome {
    Done {
        last_mutation_id: u64,
        results: Vec<cradle_protocol::wire::MutationResult>,
    },
    /// A mutation id this client used before arrived with other content:
    /// a second install shares the client id. Nothing was applied.
    ClientIdConflict,
}

pub enum PullPage {
    Page {
        changes: Vec<cradle_protocol::wire::Change>,
        conflicts: Vec<cradle_protocol::wire::Conflict>,
        to: Position,
        has_more: bool,
        last_mutation_id: u64,
    },
    /// The cursor is not of this account's history as it stands: the
    /// server was restored from an older backup, and the client must
    /// resync in full.
    Gone,
}

/// A place in one account's history: its lineage and a version. A server
/// restored from an older backup reuses versions it had already given out,
/// with other contents; once a pull proves that, the account takes a new
/// lineage, so every cursor of the old one is refused, however far it got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// Empty until the first restore is noticed.
    pub lineage: String,
    pub version: u64,
}

/// What a pull does, given where the device stands and the account's head.
#[derive(Debug, PartialEq, Eq)]
enum PullPlan {
    From(u64),
    /// The cursor belongs to an older lineage: resync in full.
    Gone,
    /// The server has lost history the device saw (its cursor is beyond the
    /// head) or acknowledged (`acked` beyond the server's last mutation id):
    /// start a new lineage, then resync in full.
    Restart,
}

/// Where a pull starts. `acked` is what the device holds as processed for
/// its client id; `last` is what the server holds.
fn plan_pull(from: Option<&Position>, lineage: &str, head: u64, acked: u64, last: u64) -> PullPlan {
    match from {
        Some(p) if p.lineage != lineage => PullPlan::Gone,
        Some(p) if p.version > head => PullPlan::Restart,
        _ if acked > last => PullPlan::Restart,
        Some(p) => PullPlan::From(p.version),
        None => PullPlan::From(0),
    }
}

/// One row of a pull's page query: a document with one of its fields, or
/// with none when it has no fields.
struct PageRow {
    collection: String,
    doc: String,
    version: u64,
    deleted: bool,
    field: Option<(String, String)>,
}

/// Builds a pull page from its query's rows, which come in version order
/// for up to `limit + 1` documents (the extra one tells that more follow).
/// Each version is one document's, so its rows come together. Returns the
/// changes, whether more follow, and the version the page reaches.
fn page(
    rows: impl IntoIterator<Item = PageRow>,
    limit: u32,
    head: u64,
) -> (Vec<cradle_protocol::wire::Change>, bool, u64) {
    let mut changes: Vec<cradle_protocol::wire::Change> = Vec::new();
    for r in rows {
        if changes.last().is_none_or(|c| c.version != r.version) {
            changes.push(cradle_protocol::wire::Change {
                version: r.version,
                collection: r.collection,
                doc: r.doc,
                deleted: r.deleted,
                fields: Default::default(),
            });
        }
        if let (Some((name, value)), Some(change)) = (r.field, changes.last_mut()) {
            change.fields.insert(name, parse(&value));
        }
    }
    let has_more = changes.len() > limit as usize;
    changes.truncate(limit as usize);
    let to = match changes.last() {
        Some(last) if has_more => last.version,
        _ => head,
    };
    (changes, has_more, to)
}

/// A stored JSON value; what no longer parses reads as null.
fn parse(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or(serde_json::Value::Null)
}

/// What placing an order came to.
pub enum PlaceOutcome {
    Placed(Box<cradle_protocol::wire::Order>),
    /// The key placed this same order before: that order.
    Existing(Box<cradle_protocol::wire::Order>),
    /// The key placed a different order.
    Mismatch,
    /// The cart or a price changed since the quote.
    Stale,
    OutOfStock(String),
}

/// The backend, chosen at start: SQLite on one machine, PostgreSQL for several.
#[derive(Clone)]
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

/// Calls the same method on whichever backend runs.
macro_rules! dispatch {
    ($self:ident . $method:ident ( $($arg:expr),* )) => {
        match $self {
            Store::Sqlite(s) => s.$method($($arg),*).await,
            Store::Postgres(s) => s.$method($($arg),*).await,
        }
    };
}

impl Store {
    /// The highest product version: the catalogue's version.
    pub async fn catalog_version(&self) -> Result<u64, StoreError> {
        dispatch!(self.catalog_version())
    }

    /// Up to `limit` products changed after `since`, in version order.
    pub async fn catalog_page(&self, since: u64, limit: u32) -> Result<Vec<Product>, StoreError> {
        dispatch!(self.catalog_page(since, limit))
    }

    /// Changes a product; each change takes the next catalogue version, so
    /// devices fetch it in their next delta. `None` for an unknown SKU.
    pub async fn change_product(
        &self,
        sku: String,
        price_minor: Option<i64>,
        stock: Option<i64>,
        discontinued: Option<bool>,
    ) -> Result<Option<Product>, StoreError> {
        dispatch!(self.change_product(sku, price_minor, stock, discontinued))
    }

    /// The products with these SKUs that exist, by SKU.
    pub async fn products(
        &self,
        skus: Vec<String>,
    ) -> Result<std::collections::HashMap<String, Product>, StoreError> {
        dispatch!(self.products(skus))
    }

    /// Places the order `key` in one transaction: a retry finds it, the
    /// quote is checked against current prices, and stock is taken.
    pub async fn place_order(
        &self,
        account_id: String,
        key: String,
        body: cradle_protocol::wire::PlaceOrder,
        now: i64,
    ) -> Result<PlaceOutcome, StoreError> {
        dispatch!(self.place_order(account_id, key, body, now))
    }

    /// Applies `change` to her order `id` in one transaction.
    pub async fn change_order(
        &self,
        account_id: String,
        id: String,
        change: crate::shop::OrderChange,
        now: i64,
    ) -> Result<Result<cradle_protocol::wire::Order, crate::shop::Refusal>, StoreError> {
        dispatch!(self.change_order(account_id, id, change, now))
    }

    /// Her cart across her devices; empty before her first change.
    pub async fn cart(&self, account_id: String) -> Result<SharedCart, StoreError> {
        dispatch!(self.cart(account_id))
    }

    /// Applies her devices' cart changes, in order, in one transaction.
    pub async fn change_cart(
        &self,
        account_id: String,
        ops: CartOps,
        products: std::collections::HashMap<String, Product>,
    ) -> Result<SharedCart, StoreError> {
        dispatch!(self.change_cart(account_id, ops, products))
    }

    /// Her orders, newest first.
    pub async fn orders(
        &self,
        account_id: String,
    ) -> Result<Vec<cradle_protocol::wire::Order>, StoreError> {
        dispatch!(self.orders(account_id))
    }

    /// This database's epoch: new for every fresh database.
    pub fn epoch(&self) -> &str {
        match self {
            Store::Sqlite(s) => s.epoch(),
            Store::Postgres(s) => s.epoch(),
        }
    }

    pub async fn create_account(
        &self,
        id: String,
        login: String,
        password_hash: String,
        key_check: String,
        now: i64,
    ) -> Result<(), StoreError> {
        dispatch!(self.create_account(id, login, password_hash, key_check, now))
    }

    pub async fn account_by_login(&self, login: String) -> Result<Option<AccountRow>, StoreError> {
        dispatch!(self.account_by_login(login))
    }

    pub async fn account_by_id(&self, id: String) -> Result<Option<AccountRow>, StoreError> {
        dispatch!(self.account_by_id(id))
    }

    pub async fn create_session(&self, session: NewSession) -> Result<(), StoreError> {
        dispatch!(self.create_session(session))
    }

    /// The account behind a live session.
    pub async fn session_account(
        &self,
        token_hash: Vec<u8>,
        now: i64,
    ) -> Result<Option<String>, StoreError> {
        dispatch!(self.session_account(token_hash, now))
    }

    pub async fn delete_session(&self, token_hash: Vec<u8>) -> Result<(), StoreError> {
        dispatch!(self.delete_session(token_hash))
    }

    pub async fn delete_sessions(&self, account_id: String) -> Result<(), StoreError> {
        dispatch!(self.delete_sessions(account_id))
    }

    /// Erases the account and, by cascade, everything it owns.
    pub async fn delete_account(&self, account_id: String) -> Result<(), StoreError> {
        dispatch!(self.delete_account(account_id))
    }

    /// Applies a batch in one transaction (docs/sync.md, "Push").
    pub async fn push(
        &self,
        account_id: String,
        client_id: String,
        mutations: Vec<Mutation>,
    ) -> Result<PushOutcome, StoreError> {
        dispatch!(self.push(account_id, client_id, mutations))
    }

    /// One page after `from` (docs/sync.md, "Pull"); `acked` is the
    /// device's last acknowledged mutation id.
    pub async fn pull(
        &self,
        account_id: String,
        client_id: String,
        from: Option<Position>,
        acked: u64,
        limit: u32,
    ) -> Result<PullPage, StoreError> {
        dispatch!(self.pull(account_id, client_id, from, acked, limit))
    }
}

/// A document id: 1 to 64 of [0-9a-z-].
pub fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase() || b == b'-')
}

/// Why a mutation can never apply, as its rejection code.
fn validate_mutation(m: &Mutation) -> Result<(), String> {
    let Some(c) = collections::find(&m.collection) else {
        return Err("unknown_collection".into());
    };
    if !valid_id(&m.doc) {
        return Err("bad_doc_id".into());
    }
    if m.op == Op::Delete {
        // A singleton is cleared with nulls; its fixed id must stay usable.
        return if c.deletable {
            Ok(())
        } else {
            Err("not_deletable".into())
        };
    }
    for (name, value) in &m.fields {
        if !c.has_field(name) {
            return Err("unknown_field".into());
        }
        if c.health && !seal::is_sealed(value) {
            // Health data must never rest here readable.
            return Err("not_sealed".into());
        }
        if value.to_string().len() > MAX_FIELD_BYTES {
            return Err("too_large".into());
        }
    }
    Ok(())
}

/// What a push does with one mutation, given the client's last processed id.
enum Step {
    /// Processed before: skip it, after checking it is the same mutation.
    Retry,
    /// An id is missing before this one: stop here.
    Gap,
    Reject(String),
    Apply,
}

fn step(m: &Mutation, last: u64) -> Step {
    if m.id <= last {
        Step::Retry
    } else if m.id != last + 1 {
        Step::Gap
    } else {
        match validate_mutation(m) {
            Err(code) => Step::Reject(code),
            Ok(()) => Step::Apply,
        }
    }
}

/// A field's last write, as stored.
struct FieldWrite {
    value: String,
    version: u64,
    client: String,
}

/// Whether overwriting `before` with `new` from `client` loses a concurrent
/// edit: another device wrote it after this one last pulled (`base_version`),
/// and the values differ.
fn loses_concurrent_edit(before: &FieldWrite, m: &Mutation, client: &str, new: &str) -> bool {
    before.version > m.base_version && before.client != client && before.value != new
}

/// A mutation's whole content: document, op, base version, and each field
/// with its value. A device seals a mutation to the same bytes every time
/// it sends it, so a retry has the same digest, and a cloned install's other
/// edit under the same id does not.
fn digest(m: &Mutation) -> Vec<u8> {
    let mut h = Sha256::new();
    let mut part = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    part(m.collection.as_bytes());
    part(m.doc.as_bytes());
    part(&[u8::from(m.op == Op::Delete)]);
    part(&m.base_version.to_le_bytes());
    for (name, value) in &m.fields {
        part(name.as_bytes());
        part(value.to_string().as_bytes());
    }
    h.finalize().to_vec()
}

/// A product as stored: its JSON body, with the columns that change (and
/// win over the body) set from the row.
fn product_from_row(
    body: &str,
    price_minor: i64,
    stock: i64,
    discontinued: bool,
    version: i64,
) -> Result<Product, StoreError> {
    let mut p: Product = serde_json::from_str(body)
        .map_err(|_| StoreError::Unavailable("a stored product is unreadable".into()))?;
    p.price_minor = price_minor;
    p.stock = stock;
    p.discontinued = discontinued;
    p.version = version as u64;
    Ok(p)
}

fn parse_order(body: &str) -> Result<cradle_protocol::wire::Order, StoreError> {
    serde_json::from_str(body)
        .map_err(|_| StoreError::Unavailable("a stored order is unreadable".into()))
}

/// A stored cart; none yet is the empty cart.
fn parse_cart(body: Option<&str>) -> Result<SharedCart, StoreError> {
    match body {
        None => Ok(SharedCart::default()),
        Some(b) => serde_json::from_str(b)
            .map_err(|_| StoreError::Unavailable("a stored cart does not parse".into())),
    }
}

fn cart_body(cart: &SharedCart) -> String {
    serde_json::to_string(cart).unwrap_or_default()
}

fn product_body(p: &Product) -> String {
    serde_json::to_string(p).unwrap_or_default()
}

/// The demo catalogue (`count` products), numbered from version 1, for a
/// store with no products.
fn seed_products(count: usize) -> Vec<Product> {
    let mut all = crate::catalog::demo::products_n(count);
    for (i, p) in all.iter_mut().enumerate() {
        p.version = i as u64 + 1;
    }
    all
}

pub fn random_hex(bytes: usize) -> String {
    let mut b = vec![0u8; bytes];
    getrandom::fill(&mut b).expect("the OS random source is available");
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Pull cursors: the database's epoch (new for every fresh database, so a
/// cursor from a replaced server is refused), the account's lineage where
/// it has one, and a version: `<epoch>[.<lineage>].<version>`.
pub fn cursor(epoch: &str, at: &Position) -> String {
    if at.lineage.is_empty() {
        format!("{epoch}.{}", at.version)
    } else {
        format!("{epoch}.{}.{}", at.lineage, at.version)
    }
}

/// The place a cursor stands for; `None` when it is not one of this
/// database's cursors.
pub fn parse_cursor(epoch: &str, text: &str) -> Option<Position> {
    let mut parts = text.split('.');
    if parts.next()? != epoch {
        return None;
    }
    let (lineage, version) = match (parts.next()?, parts.next(), parts.next()) {
        (v, None, None) => ("", v),
        (l, Some(v), None) if !l.is_empty() && l.bytes().all(|b| b.is_ascii_hexdigit()) => (l, v),
        _ => return None,
    };
    let version: u64 = version.parse().ok()?;
    (version <= cradle_protocol::wire::MAX_COUNTER).then(|| Position {
        lineage: lineage.to_owned(),
        version,
    })
}

/// A new lineage for an account whose history was found lost.
fn new_lineage() -> String {
    random_hex(8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::BTreeMap;

    /// SQLite here; PostgreSQL too when `CRADLE_TEST_POSTGRES` names one.
    async fn stores(dir: &std::path::Path) -> Vec<Store> {
        let mut stores = vec![Store::Sqlite(
            SqliteStore::open(&dir.join("server.db"), 0).unwrap(),
        )];
        if let Some(url) = std::env::var("CRADLE_TEST_POSTGRES")
            .ok()
            .filter(|v| !v.is_empty())
        {
            stores.push(Store::Postgres(PostgresStore::open(&url, 0).await.unwrap()));
        }
        stores
    }

    #[tokio::test]
    async fn only_a_second_use_of_a_login_is_taken_on_either_backend() {
        let dir = tempfile::tempdir().unwrap();
        for store in stores(dir.path()).await {
            let id = random_hex(16);
            let login = format!("mum-{}", random_hex(6));
            let create = |id: &str, login: &str| {
                store.create_account(id.into(), login.into(), "h".into(), "k".into(), 1)
            };
            create(&id, &login).await.unwrap();
            assert_eq!(
                create(&random_hex(16), &login).await,
                Err(StoreError::Taken)
            );
            // Another uniqueness (here the account's id) is not about her
            // login: the client may retry.
            let other = create(&id, &format!("{login}-2")).await;
            assert!(
                matches!(other, Err(StoreError::Unavailable(_))),
                "{other:?}"
            );
        }
    }

    fn put(fields: &[(&str, serde_json::Value)]) -> Mutation {
        Mutation {
            id: 1,
            collection: "measurement".into(),
            doc: "d1".into(),
            op: Op::Put,
            base_version: 0,
            fields: fields
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect::<BTreeMap<_, _>>(),
        }
    }

    #[test]
    fn plaintext_health_values_and_unknown_fields_are_rejected() {
        let key = seal::SyncKey::generate().unwrap();
        let sealed = key
            .seal("measurement", "d1", "systolic", &json!(120), "c:1")
            .unwrap();
        assert_eq!(
            validate_mutation(&put(&[("systolic", sealed.clone())])),
            Ok(())
        );
        assert_eq!(
            validate_mutation(&put(&[("systolic", json!(120))])),
            Err("not_sealed".into())
        );
        assert_eq!(
            validate_mutation(&put(&[("secret", sealed)])),
            Err("unknown_field".into())
        );
        let mut m = put(&[]);
        m.collection = "passwords".into();
        assert_eq!(validate_mutation(&m), Err("unknown_collection".into()));
        m.collection = "measurement".into();
        m.doc = "../etc".into();
        assert_eq!(validate_mutation(&m), Err("bad_doc_id".into()));
    }

    fn at(lineage: &str, version: u64) -> Position {
        Position {
            lineage: lineage.into(),
            version,
        }
    }

    #[test]
    fn cursors_belong_to_one_database_and_one_lineage() {
        for p in [at("", 42), at("9f2c", 42), at("", 0)] {
            assert_eq!(parse_cursor("abc", &cursor("abc", &p)), Some(p.clone()));
            assert_eq!(parse_cursor("xyz", &cursor("abc", &p)), None);
        }
        for bad in [
            "abc.-1",
            "garbage",
            "abc.",
            "abc..1",
            "abc.zz.1",
            "abc.1.2.3",
            "abc.9223372036854775808",
        ] {
            assert_eq!(parse_cursor("abc", bad), None, "{bad}");
        }
    }

    #[test]
    fn a_pull_restarts_the_lineage_only_on_proof_of_lost_history() {
        // In step: from where the device stands.
        assert_eq!(
            plan_pull(Some(&at("", 42)), "", 42, 5, 5),
            PullPlan::From(42)
        );
        assert_eq!(plan_pull(None, "", 0, 0, 0), PullPlan::From(0));
        // Beyond the head, or acknowledged more than the server holds.
        assert_eq!(
            plan_pull(Some(&at("", 43)), "", 42, 5, 5),
            PullPlan::Restart
        );
        assert_eq!(
            plan_pull(Some(&at("", 40)), "", 42, 6, 5),
            PullPlan::Restart
        );
        assert_eq!(plan_pull(None, "", 42, 6, 5), PullPlan::Restart);
        // A cursor of an older lineage resyncs without restarting again, so
        // devices noticing one restore never restart each other in turn.
        assert_eq!(plan_pull(Some(&at("", 40)), "77", 42, 6, 5), PullPlan::Gone);
        assert_eq!(
            plan_pull(Some(&at("66", 50)), "77", 42, 0, 0),
            PullPlan::Gone
        );
    }

    #[test]
    fn a_retry_has_the_same_digest_and_a_clones_other_edit_does_not() {
        let key = seal::SyncKey::generate().unwrap();
        let height = |mm: i64| {
            let mut m = put(&[(
                "height_mm",
                key.seal("body_baseline", "d1", "height_mm", &json!(mm), "c:1")
                    .unwrap(),
            )]);
            m.collection = "body_baseline".into();
            m
        };
        assert_eq!(digest(&height(1650)), digest(&height(1650)), "a retry");
        // The same id, field and base version with another value: a clone.
        assert_ne!(digest(&height(1650)), digest(&height(1660)));
        let mut other = height(1650);
        other.doc = "d2".into();
        assert_ne!(digest(&height(1650)), digest(&other));
        let mut plain = put(&[("taken_at", json!("2026-01-01"))]);
        let before = digest(&plain);
        plain.fields.insert("taken_at".into(), json!("2026-01-02"));
        assert_ne!(before, digest(&plain), "plain values count too");
    }
}
