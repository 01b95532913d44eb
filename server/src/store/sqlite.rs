//! The embedded backend: one SQLite file (WAL), one writer that commits
//! in groups and a pool of readers (`sqlite_pool`), so sign-in checks,
//! pulls and the catalogue never queue behind a push, and concurrent pushes
//! share their fsyncs. No call blocks tokio's async workers.

use super::push::{self, Before, DocState, Plan, Planned};
use super::sqlite_pool::{Readers, Writer};
use super::{
    AccountRow, FieldWrite, NewSession, PageRow, PlaceOutcome, Position, PullPage, PullPlan,
    PushOutcome, StoreError, cart_body, parse, parse_cart, parse_order, plan_pull, product_body,
    product_from_row, seed_products,
};
use cradle_protocol::cart::CartOps;
use cradle_protocol::cart::{SharedCart, apply_all};
use cradle_protocol::wire::{Conflict, Mutation, WireStatus};
use cradle_protocol::wire::{Order, PlaceOrder, Product};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

const SCHEMA: &str = include_str!("sqlite.sql");
const CATALOG: &str = include_str!("sqlite_catalog.sql");
const ORDERS: &str = include_str!("sqlite_orders.sql");
const CART: &str = include_str!("sqlite_cart.sql");
const LINEAGE: &str = include_str!("sqlite_lineage.sql");

#[derive(Clone)]
pub struct SqliteStore {
    writer: Writer,
    readers: Arc<Readers>,
    epoch: String,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        // As on PostgreSQL: only the login's uniqueness means "taken".
        let login = matches!(&e, rusqlite::Error::SqliteFailure(f, Some(message))
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                && message.ends_with("account.login"));
        if login {
            return StoreError::Taken;
        }
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
            readers: Arc::new(Readers::open(path)?),
            writer: Writer::start(conn),
            epoch,
        })
    }

    pub fn epoch(&self) -> &str {
        &self.epoch
    }

    async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.writer.write(f).await
    }

    async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.readers.read(f).await
    }

    pub async fn catalog_version(&self) -> Result<u64, StoreError> {
        self.read(|c| {
            Ok(
                c.query_row("SELECT coalesce(max(version), 0) FROM product", [], |r| {
                    r.get::<_, i64>(0)
                })? as u64,
            )
        })
        .await
    }

    pub async fn catalog_page(&self, since: u64, limit: u32) -> Result<Vec<Product>, StoreError> {
        self.read(move |c| {
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
        self.write(move |c| {
            let tx = c.savepoint()?;
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
        self.read(move |c| read_products(c, &skus)).await
    }

    pub async fn place_order(
        &self,
        account_id: String,
        key: String,
        body: PlaceOrder,
        now: i64,
    ) -> Result<PlaceOutcome, StoreError> {
        self.write(move |c| {
            let tx = c.savepoint()?;
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
                    order.status.code(),
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
        self.write(move |c| {
            let tx = c.savepoint()?;
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
                    order.status.code(),
                    serde_json::to_string(&order).unwrap_or_default()
                ],
            )?;
            tx.commit()?;
            Ok(Ok(order))
        })
        .await
    }

    pub async fn cart(&self, account_id: String) -> Result<SharedCart, StoreError> {
        self.read(move |c| {
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
        self.write(move |c| {
            let tx = c.savepoint()?;
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
        self.read(move |c| {
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
        self.write(move |c| {
            c.execute(
                "INSERT INTO account (id, login, password_hash, key_check, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, login, password_hash, key_check, now],
            )?;
            Ok(())
        })
        .await
    }

    async fn account_where(
        &self,
        column: &'static str,
        value: String,
    ) -> Result<Option<AccountRow>, StoreError> {
        self.read(move |c| {
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
        self.write(move |c| {
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
        self.read(move |c| {
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
        self.write(move |c| {
            c.execute("DELETE FROM session WHERE token_hash = ?1", [token_hash])?;
            Ok(())
        })
        .await
    }

    pub async fn delete_sessions(&self, account_id: String) -> Result<(), StoreError> {
        self.write(move |c| {
            c.execute("DELETE FROM session WHERE account_id = ?1", [account_id])?;
            Ok(())
        })
        .await
    }

    /// Erases the account and, by cascade, everything it owns.
    pub async fn delete_account(&self, account_id: String) -> Result<(), StoreError> {
        self.write(move |c| {
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
        self.write(move |c| {
            let tx = c.savepoint()?;
            let before = read_before(&tx, &account_id, &client_id, &mutations)?;
            let plan = match push::plan(&mutations, &client_id, before) {
                Planned::Write(plan) => plan,
                // Dropping the transaction rolls back; nothing was written.
                Planned::ClientIdConflict => return Ok(PushOutcome::ClientIdConflict),
            };
            write_plan(&tx, &account_id, &client_id, &plan)?;
            tx.commit()?;
            Ok(PushOutcome::Done {
                last_mutation_id: plan.last,
                results: plan.results,
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
        let account = account_id.clone();
        let read = self
            .read(move |c| read_page(c, &account, &client_id, from, acked, limit))
            .await?;
        match read {
            Ok(page) => Ok(page),
            Err(Restart { lineage }) => {
                // Only from the lineage read: devices noticing the same
                // restore at once start one new lineage between them.
                self.write(move |c| {
                    c.execute(
                        "UPDATE account SET lineage = ?3 WHERE id = ?1 AND lineage = ?2",
                        params![account_id, lineage, super::new_lineage()],
                    )?;
                    Ok(PullPage::Gone)
                })
                .await
            }
        }
    }
}

/// A pull found the account's history lost: it needs a new lineage, which
/// only the writer can give it.
struct Restart {
    lineage: String,
}

/// One page, in one read transaction, so the page and the head agree.
fn read_page(
    c: &mut Connection,
    account_id: &str,
    client_id: &str,
    from: Option<Position>,
    acked: u64,
    limit: u32,
) -> Result<Result<PullPage, Restart>, StoreError> {
    let tx = c.transaction()?;
    let (head, lineage): (u64, String) = tx.query_row(
        "SELECT version, lineage FROM account WHERE id = ?1",
        [account_id],
        |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)),
    )?;
    let last: u64 = last_mutation_id(&tx, account_id, client_id)?;
    let from = match plan_pull(from.as_ref(), &lineage, head, acked, last) {
        PullPlan::From(v) => v,
        PullPlan::Gone => return Ok(Ok(PullPage::Gone)),
        PullPlan::Restart => return Ok(Err(Restart { lineage })),
    };
    // The page's documents with their fields, in one query.
    let mut stmt = tx.prepare_cached(
        "WITH page AS (
             SELECT collection, doc, version, deleted FROM doc
             WHERE account_id = ?1 AND version > ?2 ORDER BY version LIMIT ?3)
         SELECT page.collection, page.doc, page.version, page.deleted, f.name, f.value
         FROM page LEFT JOIN field f
           ON f.account_id = ?1 AND f.collection = page.collection AND f.doc = page.doc
         ORDER BY page.version",
    )?;
    let rows = stmt
        .query_map(
            params![account_id, from as i64, i64::from(limit) + 1],
            |r| {
                let field = match r.get::<_, Option<String>>(4)? {
                    Some(name) => Some((name, r.get(5)?)),
                    None => None,
                };
                Ok(PageRow {
                    collection: r.get(0)?,
                    doc: r.get(1)?,
                    version: r.get::<_, i64>(2)? as u64,
                    deleted: r.get(3)?,
                    field,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(stmt);
    let (changes, has_more, to) = super::page(rows, limit, head);
    let mut stmt = tx.prepare_cached(
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
    Ok(Ok(PullPage::Page {
        changes,
        conflicts,
        to: Position {
            lineage,
            version: to,
        },
        has_more,
        last_mutation_id: last,
    }))
}

/// What a push needs to know before it plans: the account's version, the
/// client's last id, the batch's documents and its retries' digests.
fn read_before(
    tx: &Connection,
    account: &str,
    client: &str,
    mutations: &[Mutation],
) -> Result<Before, StoreError> {
    let last = last_mutation_id(tx, account, client)?;
    let version = tx.query_row(
        "SELECT version FROM account WHERE id = ?1",
        [account],
        |r| r.get::<_, i64>(0),
    )? as u64;
    let (keys, retries) = push::wanted(mutations, last);
    let mut docs = HashMap::new();
    let mut deleted = tx.prepare_cached(
        "SELECT deleted FROM doc WHERE account_id = ?1 AND collection = ?2 AND doc = ?3",
    )?;
    let mut fields = tx.prepare_cached(
        "SELECT name, value, version, client_id FROM field
         WHERE account_id = ?1 AND collection = ?2 AND doc = ?3",
    )?;
    for (collection, doc) in keys {
        let Some(is_deleted) = deleted
            .query_row(params![account, collection, doc], |r| r.get(0))
            .optional()?
        else {
            continue;
        };
        let stored = fields
            .query_map(params![account, collection, doc], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    FieldWrite {
                        value: r.get(1)?,
                        version: r.get::<_, i64>(2)? as u64,
                        client: r.get(3)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        docs.insert(
            (collection, doc),
            DocState {
                deleted: is_deleted,
                fields: stored,
            },
        );
    }
    let mut digest = tx.prepare_cached(
        "SELECT digest FROM client_mutation WHERE account_id = ?1 AND client_id = ?2 AND mid = ?3",
    )?;
    let mut digests = HashMap::new();
    for mid in retries {
        if let Some(d) = digest
            .query_row(params![account, client, mid], |r| r.get(0))
            .optional()?
        {
            digests.insert(mid as u64, d);
        }
    }
    Ok(Before {
        version,
        last,
        docs,
        digests,
    })
}

/// Writes a planned push, in the plan's order.
fn write_plan(tx: &Connection, account: &str, client: &str, plan: &Plan) -> Result<(), StoreError> {
    let mut doc = tx.prepare_cached(
        "INSERT INTO doc (account_id, collection, doc, version, deleted) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (account_id, collection, doc) DO UPDATE SET version = ?4, deleted = ?5",
    )?;
    for d in &plan.docs {
        doc.execute(params![account, d.collection, d.doc, d.version, d.deleted])?;
    }
    let mut clear = tx.prepare_cached(
        "DELETE FROM field WHERE account_id = ?1 AND collection = ?2 AND doc = ?3",
    )?;
    for (collection, doc) in &plan.cleared {
        clear.execute(params![account, collection, doc])?;
    }
    let mut field = tx.prepare_cached(
        "INSERT INTO field (account_id, collection, doc, name, value, version, client_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (account_id, collection, doc, name)
         DO UPDATE SET value = ?5, version = ?6, client_id = ?7",
    )?;
    for f in &plan.fields {
        field.execute(params![
            account,
            f.collection,
            f.doc,
            f.name,
            f.value,
            f.version,
            client
        ])?;
    }
    let mut conflict = tx.prepare_cached(
        "INSERT INTO conflict (account_id, version, collection, doc, field, lost_value, won_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for c in &plan.conflicts {
        conflict.execute(params![
            account,
            c.version,
            c.collection,
            c.doc,
            c.field,
            c.lost,
            c.won
        ])?;
    }
    let mut digest = tx.prepare_cached(
        "INSERT INTO client_mutation (account_id, client_id, mid, digest) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (mid, d) in &plan.digests {
        digest.execute(params![account, client, mid, d])?;
    }
    let last = plan.last as i64;
    tx.execute(
        "INSERT INTO client (account_id, client_id, last_mutation_id) VALUES (?1, ?2, ?3)
         ON CONFLICT (account_id, client_id) DO UPDATE SET last_mutation_id = ?3",
        params![account, client, last],
    )?;
    tx.execute(
        "DELETE FROM client_mutation WHERE account_id = ?1 AND client_id = ?2 AND mid <= ?3",
        params![account, client, last - super::DIGEST_WINDOW],
    )?;
    tx.execute(
        "UPDATE account SET version = ?2 WHERE id = ?1",
        params![account, plan.version as i64],
    )?;
    Ok(())
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
