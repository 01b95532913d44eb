//! Where the server keeps accounts, sessions and synced documents. The
//! rules every backend shares (what a valid mutation is, where a pull page
//! starts, how a retry is told from a clone) live here, once.

mod postgres;
mod sqlite;

pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

use cradle_core::api::cart::SharedCart;
use cradle_core::api::{CartOps, Mutation, Op, Product};
use cradle_core::sync::collections::{self, Deletion};
use cradle_core::sync::crypto;
use sha2::{Digest, Sha256};

/// How many recent mutation shapes are kept per client.
const DIGEST_WINDOW: i64 = 1000;
/// The largest field value accepted, serialized.
pub const MAX_FIELD_BYTES: usize = 16 * 1024;

#[derive(Debug)]
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
        results: Vec<cradle_core::api::MutationResult>,
    },
    /// A mutation id this client used before arrived with other content:
    /// a second install shares the client id. Nothing was applied.
    ClientIdConflict,
}

pub enum PullPage {
    Page {
        changes: Vec<cradle_core::api::Change>,
        conflicts: Vec<cradle_core::api::Conflict>,
        to: u64,
        has_more: bool,
        last_mutation_id: u64,
    },
    /// The cursor is ahead of the server: the server was restored from an
    /// older backup, and the client must resync in full.
    Gone,
}

/// What placing an order came to.
pub enum PlaceOutcome {
    Placed(Box<cradle_core::api::Order>),
    /// The key placed this same order before: that order.
    Existing(Box<cradle_core::api::Order>),
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
        body: cradle_core::api::PlaceOrder,
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
    ) -> Result<Result<cradle_core::api::Order, crate::shop::Refusal>, StoreError> {
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
    ) -> Result<Vec<cradle_core::api::Order>, StoreError> {
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

    /// One page after version `from` (docs/sync.md, "Pull").
    pub async fn pull(
        &self,
        account_id: String,
        client_id: String,
        from: Option<u64>,
        limit: u32,
    ) -> Result<PullPage, StoreError> {
        dispatch!(self.pull(account_id, client_id, from, limit))
    }
}

/// Where a pull starts: `None` when the cursor is beyond the head.
fn plan_pull(from: Option<u64>, head: u64) -> Option<u64> {
    match from {
        None => Some(0),
        Some(v) if v > head => None,
        Some(v) => Some(v),
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
        return match c.deletion {
            // A singleton is cleared with nulls; its fixed id must stay usable.
            Deletion::Clear | Deletion::Never => Err("not_deletable".into()),
            Deletion::Tombstone(_) | Deletion::Row => Ok(()),
        };
    }
    for (name, value) in &m.fields {
        if !c.has_field(name) {
            return Err("unknown_field".into());
        }
        if c.health && !crypto::is_sealed(value) {
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

/// The shape of a mutation, independent of its sealed values (sealing is
/// randomized, and a retry re-seals): which document, which op, which fields.
fn digest(m: &Mutation) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(m.collection.as_bytes());
    h.update([0]);
    h.update(m.doc.as_bytes());
    h.update([0, u8::from(m.op == Op::Delete)]);
    for name in m.fields.keys() {
        h.update(name.as_bytes());
        h.update([0]);
    }
    h.update(m.base_version.to_le_bytes());
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

fn parse_order(body: &str) -> Result<cradle_core::api::Order, StoreError> {
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
/// cursor from a replaced server is refused) and a version.
pub fn cursor(epoch: &str, version: u64) -> String {
    format!("{epoch}.{version}")
}

/// The version a cursor stands for; `None` when it is not one of this
/// database's cursors.
pub fn parse_cursor(epoch: &str, text: &str) -> Option<u64> {
    let (e, v) = text.split_once('.')?;
    if e != epoch {
        return None;
    }
    v.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::BTreeMap;

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
        let key = crypto::SyncKey::generate().unwrap();
        let sealed = key
            .seal("measurement", "d1", "systolic", &json!(120))
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

    #[test]
    fn cursors_belong_to_one_database() {
        let c = cursor("abc", 42);
        assert_eq!(parse_cursor("abc", &c), Some(42));
        assert_eq!(parse_cursor("xyz", &c), None);
        assert_eq!(parse_cursor("abc", "abc.-1"), None);
        assert_eq!(parse_cursor("abc", "garbage"), None);
        assert_eq!(plan_pull(Some(43), 42), None);
        assert_eq!(plan_pull(Some(42), 42), Some(42));
        assert_eq!(plan_pull(None, 0), Some(0));
    }

    #[test]
    fn a_retry_has_the_same_shape_and_another_change_does_not() {
        let key = crypto::SyncKey::generate().unwrap();
        let a = put(&[(
            "grams",
            key.seal("measurement", "d1", "grams", &json!(1)).unwrap(),
        )]);
        let retry = put(&[(
            "grams",
            key.seal("measurement", "d1", "grams", &json!(1)).unwrap(),
        )]);
        assert_eq!(digest(&a), digest(&retry));
        let mut other = a.clone();
        other.doc = "d2".into();
        assert_ne!(digest(&a), digest(&other));
    }
}
