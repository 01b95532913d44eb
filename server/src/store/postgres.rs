//! The backend for more than one machine: PostgreSQL through a connection
//! pool. Server processes hold no state of their own, so several can run
//! behind a load balancer; pushes to one account serialize on its row lock.

use super::push::{self, Before, DocState, Plan, Planned};
use super::{
    AccountRow, FieldWrite, NewSession, PageRow, PlaceOutcome, Position, PullPage, PullPlan,
    PushOutcome, StoreError, cart_body, parse, parse_cart, parse_order, plan_pull, product_body,
    product_from_row, seed_products,
};
use cradle_protocol::cart::CartOps;
use cradle_protocol::cart::{SharedCart, apply_all};
use cradle_protocol::wire::{Conflict, Mutation, WireStatus};
use cradle_protocol::wire::{Order, PlaceOrder, Product};
use deadpool_postgres::GenericClient;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use futures_util::future::try_join_all;
use std::collections::HashMap;
use tokio_postgres::types::ToSql;
use tokio_postgres::{NoTls, Row};

const SCHEMA: &str = include_str!("postgres.sql");
/// Serializes schema creation between processes starting at once.
const SCHEMA_LOCK: i64 = 0x4352_4144_4C45;

#[derive(Clone)]
pub struct PostgresStore {
    pool: Pool,
    epoch: String,
}

/// The constraint PostgreSQL names for `account.login UNIQUE`.
const LOGIN_UNIQUE: &str = "account_login_key";

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
        // Only the login's uniqueness means "taken"; any other conflict is
        // a race the client retries, never a message about her login.
        let login = e.as_db_error().is_some_and(|d| {
            d.code() == &tokio_postgres::error::SqlState::UNIQUE_VIOLATION
                && d.constraint() == Some(LOGIN_UNIQUE)
        });
        if login {
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
        let row = query_one(
            &self.pool.get().await?,
            "SELECT coalesce(max(version), 0) FROM product",
            &[],
        )
        .await?;
        Ok(row.get::<_, i64>(0) as u64)
    }

    pub async fn catalog_page(&self, since: u64, limit: u32) -> Result<Vec<Product>, StoreError> {
        let rows = query(
            &self.pool.get().await?,
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
        execute(&tx, "LOCK TABLE product IN SHARE ROW EXCLUSIVE MODE", &[]).await?;
        let Some(row) = query_opt(
            &tx,
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
        let next: i64 = query_one(&tx, "SELECT max(version) + 1 FROM product", &[])
            .await?
            .get(0);
        p.version = next as u64;
        execute(
            &tx,
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
        execute(
            &tx,
            "SELECT 1 FROM account WHERE id = $1 FOR UPDATE",
            &[&account_id],
        )
        .await?;
        let hash = crate::shop::body_hash(&body);
        if let Some(row) = query_opt(
            &tx,
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
        execute(&tx, "LOCK TABLE product IN SHARE ROW EXCLUSIVE MODE", &[]).await?;
        let skus: Vec<String> = body.lines.iter().map(|l| l.sku.clone()).collect();
        let products = read_products(&tx, &skus, true).await?;
        let priced = match crate::shop::check_order(&body.lines, &products, &body.quote) {
            Ok(priced) => priced,
            Err(refused) => return Ok(refused),
        };
        for l in &priced.lines {
            let taken = execute(
                &tx,
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
        execute(
            &tx,
            "INSERT INTO orders (account_id, id, body_hash, status, body, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                &account_id,
                &key,
                &hash,
                &order.status.code(),
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
        let Some(row) = query_opt(
            &tx,
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
            execute(&tx, "LOCK TABLE product IN SHARE ROW EXCLUSIVE MODE", &[]).await?;
        }
        for (sku, qty) in restock {
            execute(
                &tx,
                "UPDATE product SET stock = stock + $2,
                        version = (SELECT max(version) FROM product) + 1
                 WHERE sku = $1",
                &[&sku, &qty],
            )
            .await?;
        }
        execute(
            &tx,
            "UPDATE orders SET status = $3, body = $4 WHERE account_id = $1 AND id = $2",
            &[
                &account_id,
                &id,
                &order.status.code(),
                &serde_json::to_string(&order).unwrap_or_default(),
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(order))
    }

    pub async fn cart(&self, account_id: String) -> Result<SharedCart, StoreError> {
        let row = query_opt(
            &self.pool.get().await?,
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
        execute(&tx,
            "INSERT INTO cart (account_id, body) VALUES ($1, '{}') ON CONFLICT (account_id) DO NOTHING",
            &[&account_id],
        )
        .await?;
        let row = query_one(
            &tx,
            "SELECT body FROM cart WHERE account_id = $1 FOR UPDATE",
            &[&account_id],
        )
        .await?;
        let mut cart = parse_cart(Some(row.get(0)))?;
        apply_all(&mut cart, &ops.client, &ops.ops, &products);
        execute(
            &tx,
            "UPDATE cart SET body = $2 WHERE account_id = $1",
            &[&account_id, &cart_body(&cart)],
        )
        .await?;
        tx.commit().await?;
        Ok(cart)
    }

    pub async fn orders(&self, account_id: String) -> Result<Vec<Order>, StoreError> {
        let rows = query(
            &self.pool.get().await?,
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
        execute(
            &self.pool.get().await?,
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
        let row = query_opt(
            &self.pool.get().await?,
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
        execute(
            &self.pool.get().await?,
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
        let row = query_opt(
            &self.pool.get().await?,
            "SELECT account_id FROM session WHERE token_hash = $1 AND expires_at > $2",
            &[&token_hash, &now],
        )
        .await?;
        Ok(row.map(|r| r.get(0)))
    }

    pub async fn delete_session(&self, token_hash: Vec<u8>) -> Result<(), StoreError> {
        execute(
            &self.pool.get().await?,
            "DELETE FROM session WHERE token_hash = $1",
            &[&token_hash],
        )
        .await?;
        Ok(())
    }

    pub async fn delete_sessions(&self, account_id: String) -> Result<(), StoreError> {
        execute(
            &self.pool.get().await?,
            "DELETE FROM session WHERE account_id = $1",
            &[&account_id],
        )
        .await?;
        Ok(())
    }

    pub async fn delete_account(&self, account_id: String) -> Result<(), StoreError> {
        execute(
            &self.pool.get().await?,
            "DELETE FROM account WHERE id = $1",
            &[&account_id],
        )
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
        let before = read_before(&tx, &account_id, &client_id, &mutations).await?;
        let plan = match push::plan(&mutations, &client_id, before) {
            Planned::Write(plan) => plan,
            // Dropping the transaction rolls back; nothing was written.
            Planned::ClientIdConflict => return Ok(PushOutcome::ClientIdConflict),
        };
        write_plan(&tx, &account_id, &client_id, &plan).await?;
        tx.commit().await?;
        Ok(PushOutcome::Done {
            last_mutation_id: plan.last,
            results: plan.results,
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
        let row = query_one(
            &tx,
            "SELECT a.version, a.lineage, c.last_mutation_id FROM account a
             LEFT JOIN client c ON c.account_id = a.id AND c.client_id = $2
             WHERE a.id = $1",
            &[&account_id, &client_id],
        )
        .await?;
        let head = row.get::<_, i64>(0) as u64;
        let lineage: String = row.get(1);
        let last = row.get::<_, Option<i64>>(2).unwrap_or(0) as u64;
        let from = match plan_pull(from.as_ref(), &lineage, head, acked, last) {
            PullPlan::From(v) => v,
            PullPlan::Gone => return Ok(PullPage::Gone),
            PullPlan::Restart => {
                tx.rollback().await?;
                // Only from the lineage read: devices noticing the same
                // restore at once start one new lineage between them.
                execute(
                    &client,
                    "UPDATE account SET lineage = $3 WHERE id = $1 AND lineage = $2",
                    &[&account_id, &lineage, &super::new_lineage()],
                )
                .await?;
                return Ok(PullPage::Gone);
            }
        };
        // The page's documents with their fields, in one query.
        let rows = query(
            &tx,
            "WITH page AS (
                 SELECT collection, doc, version, deleted FROM doc
                 WHERE account_id = $1 AND version > $2 ORDER BY version LIMIT $3)
             SELECT page.collection, page.doc, page.version, page.deleted, f.name, f.value
             FROM page LEFT JOIN field f
               ON f.account_id = $1 AND f.collection = page.collection AND f.doc = page.doc
             ORDER BY page.version",
            &[&account_id, &(from as i64), &(i64::from(limit) + 1)],
        )
        .await?;
        let rows = rows.iter().map(|r| PageRow {
            collection: r.get(0),
            doc: r.get(1),
            version: r.get::<_, i64>(2) as u64,
            deleted: r.get(3),
            field: r.get::<_, Option<String>>(4).map(|name| (name, r.get(5))),
        });
        let (changes, has_more, to) = super::page(rows, limit, head);
        let conflicts = query(
            &tx,
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
            lost_value: parse(r.get(4)),
            won_value: parse(r.get(5)),
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

/// What a push needs to know before it plans, in three queries: the
/// account (locked: its row lock orders pushes across server processes)
/// with the client's last id, the batch's documents with their fields, and
/// its retries' digests.
async fn read_before(
    tx: &impl GenericClient,
    account: &str,
    client: &str,
    mutations: &[Mutation],
) -> Result<Before, StoreError> {
    let row = query_one(
        tx,
        "SELECT a.version, c.last_mutation_id FROM account a
         LEFT JOIN client c ON c.account_id = a.id AND c.client_id = $2
         WHERE a.id = $1 FOR UPDATE OF a",
        &[&account, &client],
    )
    .await?;
    let version = row.get::<_, i64>(0) as u64;
    let last = row.get::<_, Option<i64>>(1).unwrap_or(0) as u64;
    let (keys, retries) = push::wanted(mutations, last);
    let (collections, ids): (Vec<String>, Vec<String>) = keys.into_iter().unzip();
    let mut docs: HashMap<(String, String), DocState> = HashMap::new();
    for r in query(
        tx,
        "SELECT d.collection, d.doc, d.deleted, f.name, f.value, f.version, f.client_id
         FROM UNNEST($2::text[], $3::text[]) AS t(collection, doc)
         JOIN doc d ON d.account_id = $1 AND d.collection = t.collection AND d.doc = t.doc
         LEFT JOIN field f
           ON f.account_id = $1 AND f.collection = d.collection AND f.doc = d.doc",
        &[&account, &collections, &ids],
    )
    .await?
    {
        let state = docs.entry((r.get(0), r.get(1))).or_default();
        state.deleted = r.get(2);
        if let Some(name) = r.get::<_, Option<String>>(3) {
            let write = FieldWrite {
                value: r.get(4),
                version: r.get::<_, i64>(5) as u64,
                client: r.get(6),
            };
            state.fields.insert(name, write);
        }
    }
    let mut digests = HashMap::new();
    if !retries.is_empty() {
        for r in query(
            tx,
            "SELECT mid, digest FROM client_mutation
             WHERE account_id = $1 AND client_id = $2 AND mid = ANY($3)",
            &[&account, &client, &retries],
        )
        .await?
        {
            digests.insert(r.get::<_, i64>(0) as u64, r.get(1));
        }
    }
    Ok(Before {
        version,
        last,
        docs,
        digests,
    })
}

/// Writes a planned push, in the plan's order, each part as one statement
/// over arrays; the parts are sent without waiting for each other's answer.
async fn write_plan(
    tx: &impl GenericClient,
    account: &str,
    client: &str,
    plan: &Plan,
) -> Result<(), StoreError> {
    let docs = (
        column(&plan.docs, |d| d.collection.clone()),
        column(&plan.docs, |d| d.doc.clone()),
        column(&plan.docs, |d| d.version),
        column(&plan.docs, |d| d.deleted),
    );
    let cleared = (
        column(&plan.cleared, |k| k.0.clone()),
        column(&plan.cleared, |k| k.1.clone()),
    );
    let fields = (
        column(&plan.fields, |f| f.collection.clone()),
        column(&plan.fields, |f| f.doc.clone()),
        column(&plan.fields, |f| f.name.clone()),
        column(&plan.fields, |f| f.value.clone()),
        column(&plan.fields, |f| f.version),
    );
    let conflicts = (
        column(&plan.conflicts, |c| c.version),
        column(&plan.conflicts, |c| c.collection.clone()),
        column(&plan.conflicts, |c| c.doc.clone()),
        column(&plan.conflicts, |c| c.field.clone()),
        column(&plan.conflicts, |c| c.lost.clone()),
        column(&plan.conflicts, |c| c.won.clone()),
    );
    let digests = (
        column(&plan.digests, |d| d.0),
        column(&plan.digests, |d| d.1.clone()),
    );
    let last = plan.last as i64;
    let version = plan.version as i64;
    let window = last - super::DIGEST_WINDOW;
    let statements: [(&str, &[&(dyn ToSql + Sync)]); 8] = [
        (
            "INSERT INTO doc (account_id, collection, doc, version, deleted)
             SELECT $1, c, d, v, x FROM UNNEST($2::text[], $3::text[], $4::bigint[], $5::bool[])
               AS t(c, d, v, x)
             ON CONFLICT (account_id, collection, doc)
             DO UPDATE SET version = EXCLUDED.version, deleted = EXCLUDED.deleted",
            &[&account, &docs.0, &docs.1, &docs.2, &docs.3],
        ),
        (
            "DELETE FROM field f USING UNNEST($2::text[], $3::text[]) AS t(c, d)
             WHERE f.account_id = $1 AND f.collection = t.c AND f.doc = t.d",
            &[&account, &cleared.0, &cleared.1],
        ),
        (
            "INSERT INTO field (account_id, collection, doc, name, value, version, client_id)
             SELECT $1, c, d, n, x, v, $7
             FROM UNNEST($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])
               AS t(c, d, n, x, v)
             ON CONFLICT (account_id, collection, doc, name)
             DO UPDATE SET value = EXCLUDED.value, version = EXCLUDED.version,
                           client_id = EXCLUDED.client_id",
            &[&account, &fields.0, &fields.1, &fields.2, &fields.3, &fields.4, &client],
        ),
        // In the order they arose, which is the order a pull shows them.
        (
            "INSERT INTO conflict (account_id, version, collection, doc, field, lost_value, won_value)
             SELECT $1, v, c, d, f, l, w
             FROM UNNEST($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
               WITH ORDINALITY AS t(v, c, d, f, l, w, n)
             ORDER BY n",
            &[
                &account,
                &conflicts.0,
                &conflicts.1,
                &conflicts.2,
                &conflicts.3,
                &conflicts.4,
                &conflicts.5
            ],
        ),
        (
            "INSERT INTO client_mutation (account_id, client_id, mid, digest)
             SELECT $1, $2, m, d FROM UNNEST($3::bigint[], $4::bytea[]) AS t(m, d)",
            &[&account, &client, &digests.0, &digests.1],
        ),
        (
            "INSERT INTO client (account_id, client_id, last_mutation_id) VALUES ($1, $2, $3)
             ON CONFLICT (account_id, client_id) DO UPDATE SET last_mutation_id = $3",
            &[&account, &client, &last],
        ),
        (
            "DELETE FROM client_mutation WHERE account_id = $1 AND client_id = $2 AND mid <= $3",
            &[&account, &client, &window],
        ),
        (
            "UPDATE account SET version = $2 WHERE id = $1",
            &[&account, &version],
        ),
    ];
    // Prepared first (a statement new to this connection takes a round
    // trip of its own), then sent together: one connection runs them in
    // the order they were sent, and the answers come back in one wait.
    let mut prepared = Vec::with_capacity(statements.len());
    for (sql, _) in &statements {
        prepared.push(tx.prepare_cached(sql).await?);
    }
    try_join_all(
        prepared
            .iter()
            .zip(&statements)
            .map(|(statement, (_, params))| tx.execute(statement, params)),
    )
    .await?;
    Ok(())
}

/// One column of rows, as an array parameter.
fn column<R, T>(rows: &[R], f: impl Fn(&R) -> T) -> Vec<T> {
    rows.iter().map(f).collect()
}

// Every statement is prepared once per pooled connection and reused, so a
// query costs one round trip, not a parse as well.

async fn query(
    c: &impl GenericClient,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Vec<Row>, StoreError> {
    let statement = c.prepare_cached(sql).await?;
    Ok(c.query(&statement, params).await?)
}

async fn query_one(
    c: &impl GenericClient,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Row, StoreError> {
    let statement = c.prepare_cached(sql).await?;
    Ok(c.query_one(&statement, params).await?)
}

async fn query_opt(
    c: &impl GenericClient,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Option<Row>, StoreError> {
    let statement = c.prepare_cached(sql).await?;
    Ok(c.query_opt(&statement, params).await?)
}

async fn execute(
    c: &impl GenericClient,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<u64, StoreError> {
    let statement = c.prepare_cached(sql).await?;
    Ok(c.execute(&statement, params).await?)
}

async fn read_products(
    c: &impl GenericClient,
    skus: &[String],
    for_update: bool,
) -> Result<HashMap<String, Product>, StoreError> {
    let lock = if for_update { " FOR UPDATE" } else { "" };
    let rows = query(
        c,
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
