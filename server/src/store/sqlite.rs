//! The embedded backend: one SQLite file (WAL), one writer. Calls run on
//! tokio's blocking pool so a slow disk never stalls the async workers.

use super::{
    AccountRow, FieldWrite, NewSession, PlaceOutcome, Position, PullPage, PullPlan, PushOutcome,
    Step, StoreError, cart_body, digest, loses_concurrent_edit, parse_cart, parse_order, plan_pull,
    product_body, product_from_row, seed_products, step,
};
use cradle_core::api::cart::{SharedCart, apply_all};
use cradle_core::api::{CartOps, Order, PlaceOrder, Product};
use cradle_core::api::{Change, Conflict, Mutation, MutationResult, MutationStatus, Op};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde_json::Value;
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const SCHEMA: &str = include_str!("sqlite.sql");
const CATALOG: &str = include_str!("sqlite_catalog.sql");
const ORDERS: &str = include_str!("sqlite_orders.sql");
const CART: &str = include_str!("sqlite_cart.sql");
const LINEAGE: &str = include_str!("sqlite_lineage.sql");

#[derive(Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
    epoch: String,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Unavailable(e.to_string())
    }
}

impl SqliteStore {
    /// Opens the database, creating its schema and, when it is new, the demo
    /// catalogue of `demo_products` products.
    pub fn open(path: &Path, demo_products: usize) -> Result<Self, StoreError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "wal")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Created under the write lock, so two processes starting on one
        // new folder do not both create it.
        let mut conn = conn;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version == 0 {
            tx.execute_batch(SCHEMA)?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('epoch', ?1)",
                [super::random_hex(8)],
            )?;
            tx.pragma_update(None, "user_version", 1)?;
        }
        if version < 2 {
            tx.execute_batch(CATALOG)?;
            let mut insert = tx.prepare(
                "INSERT INTO product (sku, body, price_minor, stock, discontinued, version)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for p in seed_products(demo_products) {
                insert.execute(params![
                    p.sku,
                    product_body(&p),
                    p.price_minor,
                    p.stock,
                    p.discontinued,
                    p.version as i64
                ])?;
            }
            drop(insert);
            tx.pragma_update(None, "user_version", 2)?;
        }
        if version < 3 {
            tx.execute_batch(ORDERS)?;
            tx.pragma_update(None, "user_version", 3)?;
        }
        if version < 4 {
            tx.execute_batch(CART)?;
            tx.pragma_update(None, "user_version", 4)?;
        }
        if version < 5 {
            tx.execute_batch(LINEAGE)?;
            tx.pragma_update(None, "user_version", 5)?;
        }
        let epoch = tx.query_row("SELECT value FROM meta WHERE key = 'epoch'", [], |r| {
            r.get(0)
        })?;
        tx.commit()?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            epoch,
        })
    }

    pub fn epoch(&self) -> &str {
        &self.epoch
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            let mut conn = conn.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut conn)
        })
        .await
        .map_err(|_| StoreError::Unavailable("a storage task failed".into()))?
    }

    pub async fn catalog_version(&self) -> Result<u64, StoreError> {
        self.run(|c| {
            Ok(
                c.query_row("SELECT coalesce(max(version), 0) FROM product", [], |r| {
                    r.get::<_, i64>(0)
                })? as u64,
            )
        })
        .await
    }

    pub async fn catalog_page(&self, since: u64, limit: u32) -> Result<Vec<Product>, StoreError> {
        self.run(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT body, price_minor, stock, discontinued, version FROM product
                 WHERE version > ?1 ORDER BY version LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![since as i64, limit], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (body, price, stock, discontinued, version) = row?;
                out.push(product_from_row(
                    &body,
                    price,
                    stock,
                    discontinued,
                    version,
                )?);
            }
            Ok(out)
        })
        .await
    }

    pub async fn change_product(
        &self,
        sku: String,
        price_minor: Option<i64>,
        stock: Option<i64>,
        discontinued: Option<bool>,
    ) -> Result<Option<Product>, StoreError> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let row = tx
                .query_row(
                    "SELECT body, price_minor, stock, discontinued, version FROM product WHERE sku = ?1",
                    [&sku],
                    |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .optional()?;
            let Some((body, price, old_stock, old_discontinued, version)) = row else {
                return Ok(None);
            };
            let mut p = product_from_row(&body, price, old_stock, old_discontinued, version)?;
            p.price_minor = price_minor.unwrap_or(p.price_minor);
            p.stock = stock.unwrap_or(p.stock);
            p.discontinued = discontinued.unwrap_or(p.discontinued);
            let next: i64 =
                tx.query_row("SELECT max(version) + 1 FROM product", [], |r| r.get(0))?;
            p.version = next as u64;
            tx.execute(
                "UPDATE product SET body = ?2, price_minor = ?3, stock = ?4, discontinued = ?5,
                        version = ?6 WHERE sku = ?1",
                params![sku, product_body(&p), p.price_minor, p.stock, p.discontinued, next],
            )?;
            tx.commit()?;
            Ok(Some(p))
        })
        .await
    }

    pub async fn products(
        &self,
        skus: Vec<String>,
    ) -> Result<HashMap<String, Product>, StoreError> {
        self.run(move |c| read_products(c, &skus)).await
    }

    pub async fn place_order(
        &self,
        account_id: String,
        key: String,
        body: PlaceOrder,
        now: i64,
    ) -> Result<PlaceOutcome, StoreError> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let hash = crate::shop::body_hash(&body);
            let existing: Option<(Vec<u8>, String)> = tx
                .query_row(
                    "SELECT body_hash, body FROM orders WHERE account_id = ?1 AND id = ?2",
                    params![account_id, key],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((stored, order)) = existing {
                return Ok(if stored == hash {
                    PlaceOutcome::Existing(Box::new(parse_order(&order)?))
                } else {
                    PlaceOutcome::Mismatch
                });
            }
            let skus: Vec<String> = body.lines.iter().map(|l| l.sku.clone()).collect();
            let products = read_products(&tx, &skus)?;
            let priced = match crate::shop::check_order(&body.lines, &products, &body.quote) {
                Ok(priced) => priced,
                Err(refused) => return Ok(refused),
            };
            for l in &priced.lines {
                // The stock check and the decrement are one statement.
                let taken = tx.execute(
                    "UPDATE product SET stock = stock - ?2,
                            version = (SELECT max(version) FROM product) + 1
                     WHERE sku = ?1 AND stock >= ?2",
                    params![l.sku, l.qty],
                )?;
                if taken == 0 {
                    return Ok(PlaceOutcome::OutOfStock(l.sku.clone()));
                }
            }
            let order = crate::shop::order(&key, &priced, &products, &body.ship_to, now);
            tx.execute(
                "INSERT INTO orders (account_id, id, body_hash, status, body, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    account_id,
                    key,
                    hash,
                    order.status,
                    serde_json::to_string(&order).unwrap_or_default(),
                    now
                ],
            )?;
            tx.commit()?;
            Ok(PlaceOutcome::Placed(Box::new(order)))
        })
        .await
    }

    pub async fn change_order(
        &self,
        account_id: String,
        id: String,
        change: crate::shop::OrderChange,
        now: i64,
    ) -> Result<Result<Order, crate::shop::Refusal>, StoreError> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let Some(body) = tx
                .query_row(
                    "SELECT body FROM orders WHERE account_id = ?1 AND id = ?2",
                    params![account_id, id],
                    |r| r.get::<_, String>(0),
                )
                .optional()?
            else {
                return Ok(Err(crate::shop::Refusal::NotFound));
            };
            let mut order = parse_order(&body)?;
            match crate::shop::apply(&mut order, &change, now) {
                Err(refused) => return Ok(Err(refused)),
                Ok(false) => return Ok(Ok(order)),
                Ok(true) => {}
            }
            for (sku, qty) in crate::shop::restock(&change, &order) {
                tx.execute(
                    "UPDATE product SET stock = stock + ?2,
                            version = (SELECT max(version) FROM product) + 1
                     WHERE sku = ?1",
                    params![sku, qty],
                )?;
            }
            tx.execute(
                "UPDATE orders SET status = ?3, body = ?4 WHERE account_id = ?1 AND id = ?2",
                params![
                    account_id,
                    id,
                    order.status,
                    serde_json::to_string(&order).unwrap_or_default()
                ],
            )?;
            tx.commit()?;
            Ok(Ok(order))
        })
        .await
    }

    pub async fn cart(&self, account_id: String) -> Result<SharedCart, StoreError> {
        self.run(move |c| {
            let body = c
                .query_row(
                    "SELECT body FROM cart WHERE account_id = ?1",
                    [account_id],
                    |r| r.get::<_, String>(0),
                )
                .optional()?;
            parse_cart(body.as_deref())
        })
        .await
    }

    pub async fn change_cart(
        &self,
        account_id: String,
        ops: CartOps,
        products: HashMap<String, Product>,
    ) -> Result<SharedCart, StoreError> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let body = tx
                .query_row(
                    "SELECT body FROM cart WHERE account_id = ?1",
                    [&account_id],
                    |r| r.get::<_, String>(0),
                )
                .optional()?;
            let mut cart = parse_cart(body.as_deref())?;
            apply_all(&mut cart, &ops.client, &ops.ops, &products);
            tx.execute(
                "INSERT INTO cart (account_id, body) VALUES (?1, ?2)
                 ON CONFLICT (account_id) DO UPDATE SET body = excluded.body",
                params![account_id, cart_body(&cart)],
            )?;
            tx.commit()?;
            Ok(cart)
        })
        .await
    }

    pub async fn orders(&self, account_id: String) -> Result<Vec<Order>, StoreError> {
        self.run(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT body FROM orders WHERE account_id = ?1 ORDER BY created_at DESC, id",
            )?;
            let rows = stmt.query_map([account_id], |r| r.get::<_, String>(0))?;
            rows.map(|r| parse_order(&r?)).collect()
        })
        .await
    }

    pub async fn create_account(
        &self,
        id: String,
        login: String,
        password_hash: String,
        key_check: String,
        now: i64,
    ) -> Result<(), StoreError> {
        self.run(move |c| {
            let r = c.execute(
                "INSERT INTO account (id, login, password_hash, key_check, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, login, password_hash, key_check, now],
            );
            match r {
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    Err(StoreError::Taken)
                }
                other => other.map(drop).map_err(Into::into),
            }
        })
        .await
    }

    async fn account_where(
        &self,
        column: &'static str,
        value: String,
    ) -> Result<Option<AccountRow>, StoreError> {
        self.run(move |c| {
            // `column` is one of two literals below, never input.
            Ok(c.query_row(
                &format!("SELECT id, password_hash, key_check FROM account WHERE {column} = ?1"),
                [value],
                |r| {
                    Ok(AccountRow {
                        id: r.get(0)?,
                        password_hash: r.get(1)?,
                        key_check: r.get(2)?,
                    })
                },
            )
            .optional()?)
        })
        .await
    }

    pub async fn account_by_login(&self, login: String) -> Result<Option<AccountRow>, StoreError> {
        self.account_where("login", login).await
    }

    pub async fn account_by_id(&self, id: String) -> Result<Option<AccountRow>, StoreError> {
        self.account_where("id", id).await
    }

    pub async fn create_session(&self, s: NewSession) -> Result<(), StoreError> {
        self.run(move |c| {
            c.execute(
                "INSERT INTO session (token_hash, account_id, device, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    s.token_hash,
                    s.account_id,
                    s.device,
                    s.created_at,
                    s.expires_at
                ],
            )?;
            Ok(())
        })
        .await
    }

    /// The account behind a live session.
    pub async fn session_account(
        &self,
        token_hash: Vec<u8>,
        now: i64,
    ) -> Result<Option<String>, StoreError> {
        self.run(move |c| {
            Ok(c.query_row(
                "SELECT account_id FROM session WHERE token_hash = ?1 AND expires_at > ?2",
                params![token_hash, now],
                |r| r.get(0),
            )
            .optional()?)
        })
        .await
    }

    pub async fn delete_session(&self, token_hash: Vec<u8>) -> Result<(), StoreError> {
        self.run(move |c| {
            c.execute("DELETE FROM session WHERE token_hash = ?1", [token_hash])?;
            Ok(())
        })
        .await
    }

    pub async fn delete_sessions(&self, account_id: String) -> Result<(), StoreError> {
        self.run(move |c| {
            c.execute("DELETE FROM session WHERE account_id = ?1", [account_id])?;
            Ok(())
        })
        .await
    }

    /// Erases the account and, by cascade, everything it owns.
    pub async fn delete_account(&self, account_id: String) -> Result<(), StoreError> {
        self.run(move |c| {
            c.execute("DELETE FROM account WHERE id = ?1", [account_id])?;
            Ok(())
        })
        .await
    }

    pub async fn push(
        &self,
        account_id: String,
        client_id: String,
        mutations: Vec<Mutation>,
    ) -> Result<PushOutcome, StoreError> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut last: u64 = last_mutation_id(&tx, &account_id, &client_id)?;
            let mut version: u64 = tx.query_row(
                "SELECT version FROM account WHERE id = ?1",
                [&account_id],
                |r| r.get::<_, i64>(0),
            )? as u64;
            let mut results = Vec::new();
            for m in &mutations {
                let d = digest(m);
                let status = match step(m, last) {
                    Step::Gap => break,
                    Step::Retry => {
                        let seen: Option<Vec<u8>> = tx
                            .query_row(
                                "SELECT digest FROM client_mutation
                                 WHERE account_id = ?1 AND client_id = ?2 AND mid = ?3",
                                params![account_id, client_id, m.id as i64],
                                |r| r.get(0),
                            )
                            .optional()?;
                        if seen.is_some_and(|s| s != d) {
                            // Dropping the transaction rolls the batch back.
                            return Ok(PushOutcome::ClientIdConflict);
                        }
                        results.push(MutationResult {
                            id: m.id,
                            status: MutationStatus::Duplicate,
                            code: None,
                        });
                        continue;
                    }
                    Step::Reject(code) => (MutationStatus::Rejected, Some(code)),
                    Step::Apply => match apply(&tx, &account_id, &client_id, m, version + 1)? {
                        Applied::Changed => {
                            version += 1;
                            (MutationStatus::Applied, None)
                        }
                        Applied::Unchanged => (MutationStatus::Applied, None),
                        Applied::Deleted => (MutationStatus::Rejected, Some("deleted".to_owned())),
                    },
                };
                results.push(MutationResult {
                    id: m.id,
                    status: status.0,
                    code: status.1,
                });
                tx.execute(
                    "INSERT INTO client_mutation (account_id, client_id, mid, digest)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![account_id, client_id, m.id as i64, d],
                )?;
                last = m.id;
            }
            tx.execute(
                "INSERT INTO client (account_id, client_id, last_mutation_id) VALUES (?1, ?2, ?3)
                 ON CONFLICT (account_id, client_id) DO UPDATE SET last_mutation_id = ?3",
                params![account_id, client_id, last as i64],
            )?;
            tx.execute(
                "DELETE FROM client_mutation WHERE account_id = ?1 AND client_id = ?2 AND mid <= ?3",
                params![account_id, client_id, last as i64 - super::DIGEST_WINDOW],
            )?;
            tx.execute(
                "UPDATE account SET version = ?2 WHERE id = ?1",
                params![account_id, version as i64],
            )?;
            tx.commit()?;
            Ok(PushOutcome::Done {
                last_mutation_id: last,
                results,
            })
        })
        .await
    }

    pub async fn pull(
        &self,
        account_id: String,
        client_id: String,
        from: Option<Position>,
        acked: u64,
        limit: u32,
    ) -> Result<PullPage, StoreError> {
        self.run(move |c| {
            // One read transaction: the page and the head agree.
            let tx = c.transaction()?;
            let (head, lineage): (u64, String) = tx.query_row(
                "SELECT version, lineage FROM account WHERE id = ?1",
                [&account_id],
                |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)),
            )?;
            let last: u64 = last_mutation_id(&tx, &account_id, &client_id)?;
            let from = match plan_pull(from.as_ref(), &lineage, head, acked, last) {
                PullPlan::From(v) => v,
                PullPlan::Gone => return Ok(PullPage::Gone),
                PullPlan::Restart => {
                    drop(tx);
                    // Only from the lineage read: devices noticing the same
                    // restore at once start one new lineage between them.
                    c.execute(
                        "UPDATE account SET lineage = ?3 WHERE id = ?1 AND lineage = ?2",
                        params![account_id, lineage, super::new_lineage()],
                    )?;
                    return Ok(PullPage::Gone);
                }
            };
            let mut stmt = tx.prepare(
                "SELECT collection, doc, version, deleted FROM doc
                 WHERE account_id = ?1 AND version > ?2 ORDER BY version LIMIT ?3",
            )?;
            let mut docs: Vec<(String, String, u64, bool)> = stmt
                .query_map(params![account_id, from as i64, i64::from(limit) + 1], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64, r.get(3)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let has_more = docs.len() > limit as usize;
            docs.truncate(limit as usize);
            let to = if has_more {
                docs.last().map_or(head, |d| d.2)
            } else {
                head
            };
            let mut changes = Vec::with_capacity(docs.len());
            let mut fields_stmt = tx.prepare(
                "SELECT name, value FROM field WHERE account_id = ?1 AND collection = ?2 AND doc = ?3",
            )?;
            for (collection, doc, version, deleted) in docs {
                let mut fields = BTreeMap::new();
                let rows = fields_stmt.query_map(params![account_id, collection, doc], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })?;
                for row in rows {
                    let (name, value) = row?;
                    fields.insert(name, parse(&value));
                }
                changes.push(Change {
                    version,
                    collection,
                    doc,
                    deleted,
                    fields,
                });
            }
            let mut stmt = tx.prepare(
                "SELECT version, collection, doc, field, lost_value, won_value FROM conflict
                 WHERE account_id = ?1 AND version > ?2 AND version <= ?3 ORDER BY version, id",
            )?;
            let conflicts = stmt
                .query_map(params![account_id, from as i64, to as i64], |r| {
                    Ok(Conflict {
                        version: r.get::<_, i64>(0)? as u64,
                        collection: r.get(1)?,
                        doc: r.get(2)?,
                        field: r.get(3)?,
                        lost_value: parse(&r.get::<_, String>(4)?),
                        won_value: parse(&r.get::<_, String>(5)?),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(PullPage::Page {
                changes,
                conflicts,
                to: Position {
                    lineage,
                    version: to,
                },
                has_more,
                last_mutation_id: last,
            })
        })
        .await
    }
}

/// The highest mutation id of this client the server has processed.
fn last_mutation_id(conn: &Connection, account: &str, client: &str) -> rusqlite::Result<u64> {
    Ok(conn
        .query_row(
            "SELECT last_mutation_id FROM client WHERE account_id = ?1 AND client_id = ?2",
            params![account, client],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
        .map_or(0, |v| v as u64))
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

enum Applied {
    Changed,
    Unchanged,
    /// A put to a deleted document: deletes win.
    Deleted,
}

fn apply(
    tx: &rusqlite::Transaction<'_>,
    account: &str,
    client: &str,
    m: &Mutation,
    version: u64,
) -> Result<Applied, StoreError> {
    let deleted: Option<bool> = tx
        .query_row(
            "SELECT deleted FROM doc WHERE account_id = ?1 AND collection = ?2 AND doc = ?3",
            params![account, m.collection, m.doc],
            |r| r.get(0),
        )
        .optional()?;
    let v = version as i64;
    match (m.op, deleted) {
        (Op::Delete, Some(true)) => Ok(Applied::Unchanged),
        (Op::Delete, _) => {
            tx.execute(
                "INSERT INTO doc (account_id, collection, doc, version, deleted) VALUES (?1, ?2, ?3, ?4, 1)
                 ON CONFLICT (account_id, collection, doc) DO UPDATE SET version = ?4, deleted = 1",
                params![account, m.collection, m.doc, v],
            )?;
            // A tombstone holds no values.
            tx.execute(
                "DELETE FROM field WHERE account_id = ?1 AND collection = ?2 AND doc = ?3",
                params![account, m.collection, m.doc],
            )?;
            Ok(Applied::Changed)
        }
        (Op::Put, Some(true)) => Ok(Applied::Deleted),
        (Op::Put, existing) => {
            if m.fields.is_empty() && existing.is_some() {
                return Ok(Applied::Unchanged);
            }
            tx.execute(
                "INSERT INTO doc (account_id, collection, doc, version, deleted) VALUES (?1, ?2, ?3, ?4, 0)
                 ON CONFLICT (account_id, collection, doc) DO UPDATE SET version = ?4",
                params![account, m.collection, m.doc, v],
            )?;
            for (name, value) in &m.fields {
                let text = value.to_string();
                let before = tx
                    .query_row(
                        "SELECT value, version, client_id FROM field
                         WHERE account_id = ?1 AND collection = ?2 AND doc = ?3 AND name = ?4",
                        params![account, m.collection, m.doc, name],
                        |r| {
                            Ok(FieldWrite {
                                value: r.get(0)?,
                                version: r.get::<_, i64>(1)? as u64,
                                client: r.get(2)?,
                            })
                        },
                    )
                    .optional()?;
                if let Some(before) = before
                    && loses_concurrent_edit(&before, m, client, &text)
                {
                    // The earlier value loses, and the user can see it.
                    tx.execute(
                        "INSERT INTO conflict (account_id, version, collection, doc, field, lost_value, won_value)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        params![account, v, m.collection, m.doc, name, before.value, text],
                    )?;
                }
                tx.execute(
                    "INSERT INTO field (account_id, collection, doc, name, value, version, client_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT (account_id, collection, doc, name)
                     DO UPDATE SET value = ?5, version = ?6, client_id = ?7",
                    params![account, m.collection, m.doc, name, text, v, client],
                )?;
            }
            Ok(Applied::Changed)
        }
    }
}

fn read_products(c: &Connection, skus: &[String]) -> Result<HashMap<String, Product>, StoreError> {
    let mut stmt = c.prepare_cached(
        "SELECT body, price_minor, stock, discontinued, version FROM product WHERE sku = ?1",
    )?;
    let mut out = HashMap::new();
    for sku in skus {
        let row = stmt
            .query_row([sku], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                ))
            })
            .optional()?;
        if let Some((body, price, stock, discontinued, version)) = row {
            out.insert(
                sku.clone(),
                product_from_row(&body, price, stock, discontinued, version)?,
            );
        }
    }
    Ok(out)
}
