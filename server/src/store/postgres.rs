//! The backend for more than one machine: PostgreSQL through a connection
//! pool. Server processes hold no state of their own, so several can run
//! behind a load balancer; pushes to one account serialize on its row lock.

use super::{
    AccountRow, FieldWrite, NewSession, PlaceOutcome, Position, PullPage, PullPlan, PushOutcome,
    Step, StoreError, cart_body, digest, loses_concurrent_edit, parse_cart, parse_order, plan_pull,
    product_body, product_from_row, seed_products, step,
};
use cradle_core::api::cart::{SharedCart, apply_all};
use cradle_core::api::{CartOps, Order, PlaceOrder, Product};
use cradle_core::api::{Change, Conflict, Mutation, MutationResult, MutationStatus, Op};
use deadpool_postgres::GenericClient;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use tokio_postgres::NoTls;

const SCHEMA: &str = include_str!("postgres.sql");
/// Serializes schema creation between processes starting at once.
const SCHEMA_LOCK: i64 = 0x4352_4144_4C45;

#[derive(Clone)]
pub struct PostgresStore {
    pool: Pool,
    epoch: String,
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
        if e.code() == Some(&tokio_postgres::error::SqlState::UNIQUE_VIOLATION) {
            return StoreError::Taken;
        }
        StoreError::Unavailable(e.to_string())
    }
}

impl From<deadpool_postgres::PoolError> for StoreError {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        StoreError::Unavailable(e.to_string())
    }
}

impl PostgresStore {
    /// Opens the database, creating its schema and, when it has no products
    /// yet, the demo catalogue of `demo_products` products.
    pub async fn open(url: &str, demo_products: usize) -> Result<Self, StoreError> {
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|e: tokio_postgres::Error| StoreError::Unavailable(e.to_string()))?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(16)
            .build()
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        let mut client = pool.get().await?;
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])
            .await?;
        tx.batch_execute(SCHEMA).await?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO NOTHING",
            &[&super::random_hex(8)],
        )
        .await?;
        let products: i64 = tx
            .query_one("SELECT count(*) FROM product", &[])
            .await?
            .get(0);
        if products == 0 {
            let insert = tx
                .prepare(
                    "INSERT INTO product (sku, body, price_minor, stock, discontinued, version)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .await?;
            for p in seed_products(demo_products) {
                tx.execute(
                    &insert,
                    &[
                        &p.sku,
                        &product_body(&p),
                        &p.price_minor,
                        &p.stock,
                        &p.discontinued,
                        &(p.version as i64),
                    ],
                )
                .await?;
            }
        }
        let epoch: String = tx
            .query_one("SELECT value FROM meta WHERE key = 'epoch'", &[])
            .await?
            .get(0);
        tx.commit().await?;
        drop(client);
        Ok(Self { pool, epoch })
    }

    pub fn epoch(&self) -> &str {
        &self.epoch
    }

    pub async fn catalog_version(&self) -> Result<u64, StoreError> {
        let row = self
            .pool
            .get()
            .await?
            .query_one("SELECT coalesce(max(version), 0) FROM product", &[])
            .await?;
        Ok(row.get::<_, i64>(0) as u64)
    }

    pub async fn catalog_page(&self, since: u64, limit: u32) -> Result<Vec<Product>, StoreError> {
        let rows = self
            .pool
            .get()
            .await?
            .query(
                "SELECT body, price_minor, stock, discontinued, version FROM product
                 WHERE version > $1 ORDER BY version LIMIT $2",
                &[&(since as i64), &i64::from(limit)],
            )
            .await?;
        rows.iter()
            .map(|r| product_from_row(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
            .collect()
    }

    pub async fn change_product(
        &self,
        sku: String,
        price_minor: Option<i64>,
        stock: Option<i64>,
        discontinued: Option<bool>,
    ) -> Result<Option<Product>, StoreError> {
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        // Versions are handed out one change at a time, so a delta reader
        // never sees a later version commit before an earlier one.
        tx.execute("LOCK TABLE product IN SHARE ROW EXCLUSIVE MODE", &[])
            .await?;
        let Some(row) = tx
            .query_opt(
                "SELECT body, price_minor, stock, discontinued, version FROM product WHERE sku = $1",
                &[&sku],
            )
            .await?
        else {
            return Ok(None);
        };
        let mut p = product_from_row(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4))?;
        p.price_minor = price_minor.unwrap_or(p.price_minor);
        p.stock = stock.unwrap_or(p.stock);
        p.discontinued = discontinued.unwrap_or(p.discontinued);
        let next: i64 = tx
            .query_one("SELECT max(version) + 1 FROM product", &[])
            .await?
            .get(0);
        p.version = next as u64;
        tx.execute(
            "UPDATE product SET body = $2, price_minor = $3, stock = $4, discontinued = $5,
                    version = $6 WHERE sku = $1",
            &[
                &sku,
                &product_body(&p),
                &p.price_minor,
                &p.stock,
                &p.discontinued,
                &next,
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(Some(p))
    }

    pub async fn products(
        &self,
        skus: Vec<String>,
    ) -> Result<HashMap<String, Product>, StoreError> {
        let client = self.pool.get().await?;
        read_products(&client, &skus, false).await
    }

    pub async fn place_order(
        &self,
        account_id: String,
        key: String,
        body: PlaceOrder,
        now: i64,
    ) -> Result<PlaceOutcome, StoreError> {
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        // One order at a time per account, so a retry waits for the first
        // and then finds it; stock and versions are taken under the
        // catalogue lock, as every product change is.
        tx.execute(
            "SELECT 1 FROM account WHERE id = $1 FOR UPDATE",
            &[&account_id],
        )
        .await?;
        let hash = crate::shop::body_hash(&body);
        if let Some(row) = tx
            .query_opt(
                "SELECT body_hash, body FROM orders WHERE account_id = $1 AND id = $2",
                &[&account_id, &key],
            )
            .await?
        {
            let stored: Vec<u8> = row.get(0);
            return Ok(if stored == hash {
                PlaceOutcome::Existing(Box::new(parse_order(row.get(1))?))
            } else {
                PlaceOutcome::Mismatch
            });
        }
        tx.execute("LOCK TABLE product IN SHARE ROW EXCLUSIVE MODE", &[])
            .await?;
        let skus: Vec<String> = body.lines.iter().map(|l| l.sku.clone()).collect();
        let products = read_products(&tx, &skus, true).await?;
        let priced = match crate::shop::check_order(&body.lines, &products, &body.quote) {
            Ok(priced) => priced,
            Err(refused) => return Ok(refused),
        };
        for l in &priced.lines {
            let taken = tx
                .execute(
                    "UPDATE product SET stock = stock - $2,
                            version = (SELECT max(version) FROM product) + 1
                     WHERE sku = $1 AND stock >= $2",
                    &[&l.sku, &i64::from(l.qty)],
                )
                .await?;
            if taken == 0 {
                return Ok(PlaceOutcome::OutOfStock(l.sku.clone()));
            }
        }
        let order = crate::shop::order(&key, &priced, &products, &body.ship_to, now);
        tx.execute(
            "INSERT INTO orders (account_id, id, body_hash, status, body, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                &account_id,
                &key,
                &hash,
                &order.status,
                &serde_json::to_string(&order).unwrap_or_default(),
                &now,
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(PlaceOutcome::Placed(Box::new(order)))
    }

    pub async fn change_order(
        &self,
        account_id: String,
        id: String,
        change: crate::shop::OrderChange,
        now: i64,
    ) -> Result<Result<Order, crate::shop::Refusal>, StoreError> {
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        let Some(row) = tx
            .query_opt(
                "SELECT body FROM orders WHERE account_id = $1 AND id = $2 FOR UPDATE",
                &[&account_id, &id],
            )
            .await?
        else {
            return Ok(Err(crate::shop::Refusal::NotFound));
        };
        let mut order = parse_order(row.get(0))?;
        match crate::shop::apply(&mut order, &change, now) {
            Err(refused) => return Ok(Err(refused)),
            Ok(false) => return Ok(Ok(order)),
            Ok(true) => {}
        }
        let restock: Vec<(&str, i64)> = crate::shop::restock(&change, &order).collect();
        if !restock.is_empty() {
            // The same lock as placing an order, so versions stay in order.
            tx.execute("LOCK TABLE product IN SHARE ROW EXCLUSIVE MODE", &[])
                .await?;
        }
        for (sku, qty) in restock {
            tx.execute(
                "UPDATE product SET stock = stock + $2,
                        version = (SELECT max(version) FROM product) + 1
                 WHERE sku = $1",
                &[&sku, &qty],
            )
            .await?;
        }
        tx.execute(
            "UPDATE orders SET status = $3, body = $4 WHERE account_id = $1 AND id = $2",
            &[
                &account_id,
                &id,
                &order.status,
                &serde_json::to_string(&order).unwrap_or_default(),
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(order))
    }

    pub async fn cart(&self, account_id: String) -> Result<SharedCart, StoreError> {
        let row = self
            .pool
            .get()
            .await?
            .query_opt(
                "SELECT body FROM cart WHERE account_id = $1",
                &[&account_id],
            )
            .await?;
        parse_cart(row.as_ref().map(|r| r.get(0)))
    }

    pub async fn change_cart(
        &self,
        account_id: String,
        ops: CartOps,
        products: HashMap<String, Product>,
    ) -> Result<SharedCart, StoreError> {
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        // Her first change creates the row; the lock then orders her devices.
        tx.execute(
            "INSERT INTO cart (account_id, body) VALUES ($1, '{}') ON CONFLICT (account_id) DO NOTHING",
            &[&account_id],
        )
        .await?;
        let row = tx
            .query_one(
                "SELECT body FROM cart WHERE account_id = $1 FOR UPDATE",
                &[&account_id],
            )
            .await?;
        let mut cart = parse_cart(Some(row.get(0)))?;
        apply_all(&mut cart, &ops.client, &ops.ops, &products);
        tx.execute(
            "UPDATE cart SET body = $2 WHERE account_id = $1",
            &[&account_id, &cart_body(&cart)],
        )
        .await?;
        tx.commit().await?;
        Ok(cart)
    }

    pub async fn orders(&self, account_id: String) -> Result<Vec<Order>, StoreError> {
        let rows = self
            .pool
            .get()
            .await?
            .query(
                "SELECT body FROM orders WHERE account_id = $1 ORDER BY created_at DESC, id",
                &[&account_id],
            )
            .await?;
        rows.iter().map(|r| parse_order(r.get(0))).collect()
    }

    pub async fn create_account(
        &self,
        id: String,
        login: String,
        password_hash: String,
        key_check: String,
        now: i64,
    ) -> Result<(), StoreError> {
        self.pool
            .get()
            .await?
            .execute(
                "INSERT INTO account (id, login, password_hash, key_check, created_at)
                 VALUES ($1, $2, $3, $4, $5)",
                &[&id, &login, &password_hash, &key_check, &now],
            )
            .await?;
        Ok(())
    }

    async fn account_where(
        &self,
        column: &str,
        value: String,
    ) -> Result<Option<AccountRow>, StoreError> {
        // `column` is one of two literals below, never input.
        let row = self
            .pool
            .get()
            .await?
            .query_opt(
                &format!("SELECT id, password_hash, key_check FROM account WHERE {column} = $1"),
                &[&value],
            )
            .await?;
        Ok(row.map(|r| AccountRow {
            id: r.get(0),
            password_hash: r.get(1),
            key_check: r.get(2),
        }))
    }

    pub async fn account_by_login(&self, login: String) -> Result<Option<AccountRow>, StoreError> {
        self.account_where("login", login).await
    }

    pub async fn account_by_id(&self, id: String) -> Result<Option<AccountRow>, StoreError> {
        self.account_where("id", id).await
    }

    pub async fn create_session(&self, s: NewSession) -> Result<(), StoreError> {
        self.pool
            .get()
            .await?
            .execute(
                "INSERT INTO session (token_hash, account_id, device, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5)",
                &[
                    &s.token_hash,
                    &s.account_id,
                    &s.device,
                    &s.created_at,
                    &s.expires_at,
                ],
            )
            .await?;
        Ok(())
    }

    pub async fn session_account(
        &self,
        token_hash: Vec<u8>,
        now: i64,
    ) -> Result<Option<String>, StoreError> {
        let row = self
            .pool
            .get()
            .await?
            .query_opt(
                "SELECT account_id FROM session WHERE token_hash = $1 AND expires_at > $2",
                &[&token_hash, &now],
            )
            .await?;
        Ok(row.map(|r| r.get(0)))
    }

    pub async fn delete_session(&self, token_hash: Vec<u8>) -> Result<(), StoreError> {
        self.pool
            .get()
            .await?
            .execute("DELETE FROM session WHERE token_hash = $1", &[&token_hash])
            .await?;
        Ok(())
    }

    pub async fn delete_sessions(&self, account_id: String) -> Result<(), StoreError> {
        self.pool
            .get()
            .await?
            .execute("DELETE FROM session WHERE account_id = $1", &[&account_id])
            .await?;
        Ok(())
    }

    pub async fn delete_account(&self, account_id: String) -> Result<(), StoreError> {
        self.pool
            .get()
            .await?
            .execute("DELETE FROM account WHERE id = $1", &[&account_id])
            .await?;
        Ok(())
    }

    pub async fn push(
        &self,
        account_id: String,
        client_id: String,
        mutations: Vec<Mutation>,
    ) -> Result<PushOutcome, StoreError> {
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        // The account's row lock orders pushes across server processes.
        let mut version = tx
            .query_one(
                "SELECT version FROM account WHERE id = $1 FOR UPDATE",
                &[&account_id],
            )
            .await?
            .get::<_, i64>(0) as u64;
        let mut last = last_mutation_id(&tx, &account_id, &client_id).await?;
        let mut results = Vec::new();
        for m in &mutations {
            let d = digest(m);
            let mid = m.id as i64;
            let status = match step(m, last) {
                Step::Gap => break,
                Step::Retry => {
                    let seen = tx
                        .query_opt(
                            "SELECT digest FROM client_mutation
                             WHERE account_id = $1 AND client_id = $2 AND mid = $3",
                            &[&account_id, &client_id, &mid],
                        )
                        .await?
                        .map(|r| r.get::<_, Vec<u8>>(0));
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
                Step::Apply => match apply(&tx, &account_id, &client_id, m, version + 1).await? {
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
                "INSERT INTO client_mutation (account_id, client_id, mid, digest) VALUES ($1, $2, $3, $4)",
                &[&account_id, &client_id, &mid, &d],
            )
            .await?;
            last = m.id;
        }
        let last_i = last as i64;
        tx.execute(
            "INSERT INTO client (account_id, client_id, last_mutation_id) VALUES ($1, $2, $3)
             ON CONFLICT (account_id, client_id) DO UPDATE SET last_mutation_id = $3",
            &[&account_id, &client_id, &last_i],
        )
        .await?;
        tx.execute(
            "DELETE FROM client_mutation WHERE account_id = $1 AND client_id = $2 AND mid <= $3",
            &[&account_id, &client_id, &(last_i - super::DIGEST_WINDOW)],
        )
        .await?;
        tx.execute(
            "UPDATE account SET version = $2 WHERE id = $1",
            &[&account_id, &(version as i64)],
        )
        .await?;
        tx.commit().await?;
        Ok(PushOutcome::Done {
            last_mutation_id: last,
            results,
        })
    }

    pub async fn pull(
        &self,
        account_id: String,
        client_id: String,
        from: Option<Position>,
        acked: u64,
        limit: u32,
    ) -> Result<PullPage, StoreError> {
        let mut client = self.pool.get().await?;
        // One snapshot: the page and the head agree.
        let tx = client
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await?;
        let row = tx
            .query_one(
                "SELECT version, lineage FROM account WHERE id = $1",
                &[&account_id],
            )
            .await?;
        let (head, lineage) = (row.get::<_, i64>(0) as u64, row.get::<_, String>(1));
        let last = last_mutation_id(&tx, &account_id, &client_id).await?;
        let from = match plan_pull(from.as_ref(), &lineage, head, acked, last) {
            PullPlan::From(v) => v,
            PullPlan::Gone => return Ok(PullPage::Gone),
            PullPlan::Restart => {
                tx.rollback().await?;
                // Only from the lineage read: devices noticing the same
                // restore at once start one new lineage between them.
                client
                    .execute(
                        "UPDATE account SET lineage = $3 WHERE id = $1 AND lineage = $2",
                        &[&account_id, &lineage, &super::new_lineage()],
                    )
                    .await?;
                return Ok(PullPage::Gone);
            }
        };
        let rows = tx
            .query(
                "SELECT collection, doc, version, deleted FROM doc
                 WHERE account_id = $1 AND version > $2 ORDER BY version LIMIT $3",
                &[&account_id, &(from as i64), &(i64::from(limit) + 1)],
            )
            .await?;
        let has_more = rows.len() > limit as usize;
        let docs: Vec<(String, String, u64, bool)> = rows
            .iter()
            .take(limit as usize)
            .map(|r| (r.get(0), r.get(1), r.get::<_, i64>(2) as u64, r.get(3)))
            .collect();
        let to = if has_more {
            docs.last().map_or(head, |d| d.2)
        } else {
            head
        };
        let fields = tx
            .prepare(
                "SELECT name, value FROM field WHERE account_id = $1 AND collection = $2 AND doc = $3",
            )
            .await?;
        let mut changes = Vec::with_capacity(docs.len());
        for (collection, doc, version, deleted) in docs {
            let mut map = BTreeMap::new();
            for r in tx.query(&fields, &[&account_id, &collection, &doc]).await? {
                map.insert(r.get::<_, String>(0), parse(&r.get::<_, String>(1)));
            }
            changes.push(Change {
                version,
                collection,
                doc,
                deleted,
                fields: map,
            });
        }
        let conflicts = tx
            .query(
                "SELECT version, collection, doc, field, lost_value, won_value FROM conflict
                 WHERE account_id = $1 AND version > $2 AND version <= $3 ORDER BY version, id",
                &[&account_id, &(from as i64), &(to as i64)],
            )
            .await?
            .iter()
            .map(|r| Conflict {
                version: r.get::<_, i64>(0) as u64,
                collection: r.get(1),
                doc: r.get(2),
                field: r.get(3),
                lost_value: parse(&r.get::<_, String>(4)),
                won_value: parse(&r.get::<_, String>(5)),
            })
            .collect();
        tx.commit().await?;
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
    }
}

/// The highest mutation id of this client the server has processed.
async fn last_mutation_id(
    tx: &impl GenericClient,
    account: &str,
    client: &str,
) -> Result<u64, StoreError> {
    Ok(tx
        .query_opt(
            "SELECT last_mutation_id FROM client WHERE account_id = $1 AND client_id = $2",
            &[&account, &client],
        )
        .await?
        .map_or(0, |r| r.get::<_, i64>(0) as u64))
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

async fn apply(
    tx: &impl GenericClient,
    account: &str,
    client: &str,
    m: &Mutation,
    version: u64,
) -> Result<Applied, StoreError> {
    let deleted: Option<bool> = tx
        .query_opt(
            "SELECT deleted FROM doc WHERE account_id = $1 AND collection = $2 AND doc = $3",
            &[&account, &m.collection, &m.doc],
        )
        .await?
        .map(|r| r.get(0));
    let v = version as i64;
    match (m.op, deleted) {
        (Op::Delete, Some(true)) => Ok(Applied::Unchanged),
        (Op::Delete, _) => {
            tx.execute(
                "INSERT INTO doc (account_id, collection, doc, version, deleted) VALUES ($1, $2, $3, $4, TRUE)
                 ON CONFLICT (account_id, collection, doc) DO UPDATE SET version = $4, deleted = TRUE",
                &[&account, &m.collection, &m.doc, &v],
            )
            .await?;
            // A tombstone holds no values.
            tx.execute(
                "DELETE FROM field WHERE account_id = $1 AND collection = $2 AND doc = $3",
                &[&account, &m.collection, &m.doc],
            )
            .await?;
            Ok(Applied::Changed)
        }
        (Op::Put, Some(true)) => Ok(Applied::Deleted),
        (Op::Put, existing) => {
            if m.fields.is_empty() && existing.is_some() {
                return Ok(Applied::Unchanged);
            }
            tx.execute(
                "INSERT INTO doc (account_id, collection, doc, version, deleted) VALUES ($1, $2, $3, $4, FALSE)
                 ON CONFLICT (account_id, collection, doc) DO UPDATE SET version = $4",
                &[&account, &m.collection, &m.doc, &v],
            )
            .await?;
            // Two round trips for all the fields, not two per field: on a
            // network every round trip counts.
            let before: HashMap<String, FieldWrite> = tx
                .query(
                    "SELECT name, value, version, client_id FROM field
                     WHERE account_id = $1 AND collection = $2 AND doc = $3",
                    &[&account, &m.collection, &m.doc],
                )
                .await?
                .iter()
                .map(|r| {
                    (
                        r.get(0),
                        FieldWrite {
                            value: r.get(1),
                            version: r.get::<_, i64>(2) as u64,
                            client: r.get(3),
                        },
                    )
                })
                .collect();
            let (mut names, mut texts) = (Vec::new(), Vec::new());
            let (mut lost_fields, mut lost, mut won) = (Vec::new(), Vec::new(), Vec::new());
            for (name, value) in &m.fields {
                let text = value.to_string();
                if let Some(b) = before.get(name)
                    && loses_concurrent_edit(b, m, client, &text)
                {
                    // The earlier value loses, and the user can see it.
                    lost_fields.push(name.clone());
                    lost.push(b.value.clone());
                    won.push(text.clone());
                }
                names.push(name.clone());
                texts.push(text);
            }
            if !lost_fields.is_empty() {
                tx.execute(
                    "INSERT INTO conflict (account_id, version, collection, doc, field, lost_value, won_value)
                     SELECT $1, $2, $3, $4, f, l, w FROM UNNEST($5::text[], $6::text[], $7::text[]) AS t(f, l, w)",
                    &[&account, &v, &m.collection, &m.doc, &lost_fields, &lost, &won],
                )
                .await?;
            }
            tx.execute(
                "INSERT INTO field (account_id, collection, doc, name, value, version, client_id)
                 SELECT $1, $2, $3, n, x, $6, $7 FROM UNNEST($4::text[], $5::text[]) AS t(n, x)
                 ON CONFLICT (account_id, collection, doc, name)
                 DO UPDATE SET value = EXCLUDED.value, version = EXCLUDED.version, client_id = EXCLUDED.client_id",
                &[&account, &m.collection, &m.doc, &names, &texts, &v, &client],
            )
            .await?;
            Ok(Applied::Changed)
        }
    }
}

async fn read_products(
    c: &impl GenericClient,
    skus: &[String],
    for_update: bool,
) -> Result<HashMap<String, Product>, StoreError> {
    let lock = if for_update { " FOR UPDATE" } else { "" };
    let rows = c
        .query(
            &format!(
                "SELECT body, price_minor, stock, discontinued, version FROM product
                 WHERE sku = ANY($1){lock}"
            ),
            &[&skus],
        )
        .await?;
    let mut out = HashMap::new();
    for r in rows {
        let p = product_from_row(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4))?;
        out.insert(p.sku.clone(), p);
    }
    Ok(out)
}
