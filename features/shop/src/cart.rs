//! The offline cart: lines keep the price she saw when she added them;
//! quantities follow each product's rules; totals are integer minor units.
//! While the device is linked, every change is also kept as an operation
//! for the account's cart on her other devices (`api::cart`).

use super::catalog;
use cradle_client::cart::{MAX_LINE_QTY as MAX_QTY, SharedCart};
use cradle_client::{Cart, CartChange, CartLine, CartOp, Product};
use cradle_store::error::{Error, Result};
use cradle_store::storage::random_id;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// Checks a line's quantity against the product's rules, in words she can act on.
pub fn check_qty(p: &Product, qty: u32) -> Result<()> {
    if qty == 0 {
        return Err(Error::invalid("qty", "must be at least 1"));
    }
    let max = p.qty_max.min(MAX_QTY);
    if qty < p.qty_min {
        return Err(Error::invalid(
            "qty",
            format!("must be at least {}", p.qty_min),
        ));
    }
    if qty > max {
        return Err(Error::invalid("qty", format!("must be at most {max}")));
    }
    let step = p.qty_step.max(1);
    if !(qty - p.qty_min).is_multiple_of(step) {
        return Err(Error::invalid(
            "qty",
            format!("must be {} plus a multiple of {step}", p.qty_min),
        ));
    }
    Ok(())
}

/// The quantities the − and + buttons set: one step down and up, when the
/// product's rules allow them.
pub fn steps(p: &Product, qty: u32) -> (Option<u32>, Option<u32>) {
    let step = p.qty_step.max(1);
    let allowed = |q: u32| check_qty(p, q).is_ok().then_some(q);
    (
        qty.checked_sub(step).and_then(allowed),
        qty.checked_add(step).and_then(allowed),
    )
}

fn known(tx: &Connection, sku: &str) -> Result<Product> {
    let p = catalog::product(tx, sku)?.ok_or(Error::NotFound("product"))?;
    if p.discontinued {
        return Err(Error::invalid("sku", "is no longer sold"));
    }
    Ok(p)
}

fn line_qty(conn: &Connection, sku: &str) -> Result<Option<u32>> {
    Ok(conn
        .query_row("SELECT qty FROM cart_line WHERE sku = ?1", [sku], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Adds `qty` to the line (creating it at today's price).
pub fn add(tx: &Transaction<'_>, sku: &str, qty: i64, now: &str) -> Result<()> {
    let qty = positive(qty)?;
    let p = known(tx, sku)?;
    let total = line_qty(tx, sku)?.unwrap_or(0).saturating_add(qty);
    check_qty(&p, total)?;
    upsert(tx, sku, total, p.price_minor, &p.currency, now)?;
    record(tx, sku, CartChange::Add { qty }, p.price_minor, &p.currency)
}

/// Sets the line's quantity (adding the line if it is not there).
pub fn set(tx: &Transaction<'_>, sku: &str, qty: i64, now: &str) -> Result<()> {
    let qty = positive(qty)?;
    let p = known(tx, sku)?;
    check_qty(&p, qty)?;
    upsert(tx, sku, qty, p.price_minor, &p.currency, now)?;
    record(tx, sku, CartChange::Set { qty }, p.price_minor, &p.currency)
}

pub fn remove(tx: &Transaction<'_>, sku: &str) -> Result<()> {
    if tx.execute("DELETE FROM cart_line WHERE sku = ?1", [sku])? == 0 {
        return Err(Error::NotFound("cart line"));
    }
    record(tx, sku, CartChange::Remove {}, 0, "")
}

/// Takes `qty` out of the line, as an order placed takes what it ordered;
/// more added since stays.
pub fn take(tx: &Transaction<'_>, sku: &str, qty: u32) -> Result<()> {
    let Some(had) = line_qty(tx, sku)? else {
        return Ok(());
    };
    if had > qty {
        tx.execute(
            "UPDATE cart_line SET qty = ?2 WHERE sku = ?1",
            params![sku, had - qty],
        )?;
        record(tx, sku, CartChange::Set { qty: had - qty }, 0, "")
    } else {
        remove(tx, sku)
    }
}

/// Empties the cart.
pub fn clear(tx: &Transaction<'_>) -> Result<()> {
    for l in lines(tx)? {
        remove(tx, &l.sku)?;
    }
    Ok(())
}

/// Puts `qty` back at the price she saw then; a line she has now keeps
/// its own price.
pub fn put_back(
    tx: &Transaction<'_>,
    sku: &str,
    qty: u32,
    price_seen_minor: i64,
    currency: &str,
    now: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO cart_line (sku, qty, price_seen_minor, currency, added_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT (sku) DO UPDATE SET qty = qty + excluded.qty, updated_at = ?5",
        params![sku, qty, price_seen_minor, currency, now],
    )?;
    record(tx, sku, CartChange::Add { qty }, price_seen_minor, currency)
}

fn upsert(
    tx: &Transaction<'_>,
    sku: &str,
    qty: u32,
    price_minor: i64,
    currency: &str,
    now: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO cart_line (sku, qty, price_seen_minor, currency, added_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT (sku) DO UPDATE SET qty = ?2, updated_at = ?5",
        params![sku, qty, price_minor, currency, now],
    )?;
    Ok(())
}

/// Keeps the change for the account's cart, when the device is linked.
fn record(
    tx: &Transaction<'_>,
    sku: &str,
    change: CartChange,
    price_seen_minor: i64,
    currency: &str,
) -> Result<()> {
    let change = serde_json::to_string(&change).map_err(|_| Error::Corrupt("a cart change"))?;
    tx.execute(
        "INSERT INTO cart_op (id, sku, change, base, price_seen_minor, currency)
         SELECT ?1, ?2, ?3, cart_version, ?4, ?5 FROM sync_state WHERE id = 1",
        params![random_id()?, sku, change, price_seen_minor, currency],
    )?;
    Ok(())
}

/// On signing in: her cart joins the account's, each line keeping the
/// larger quantity.
pub fn merge_into_account(tx: &Transaction<'_>) -> Result<()> {
    for l in lines(tx)? {
        let change = CartChange::Merge { qty: l.qty };
        record(tx, &l.sku, change, l.price_seen_minor, &l.currency)?;
    }
    Ok(())
}

/// The changes the server has not applied yet, oldest first, with the
/// last one's sequence number.
pub fn pending(conn: &Connection, limit: usize) -> Result<(i64, Vec<CartOp>)> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, id, sku, change, base, price_seen_minor, currency
         FROM cart_op ORDER BY seq LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit as i64], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let mut last = 0;
    let mut ops = Vec::new();
    for row in rows {
        let (seq, id, sku, change, base, price_seen_minor, currency) = row?;
        last = seq;
        ops.push(CartOp {
            id,
            sku,
            change: serde_json::from_str(&change).map_err(|_| Error::Corrupt("a cart change"))?,
            base: base as u64,
            price_seen_minor,
            currency,
        });
    }
    Ok((last, ops))
}

/// Takes the account's cart as the server answered it: the changes up to
/// `sent` are in it; any she made since are replayed on top. Returns
/// whether her cart changed here.
pub fn settle(tx: &Transaction<'_>, cart: Cart, sent: i64, now: &str) -> Result<bool> {
    tx.execute("DELETE FROM cart_op WHERE seq <= ?1", [sent])?;
    tx.execute(
        "UPDATE sync_state SET cart_version = ?1 WHERE id = 1",
        [cart.version as i64],
    )?;
    let mut shared = SharedCart::of(cart);
    for op in pending(tx, usize::MAX >> 1)?.1 {
        let product = catalog::product(tx, &op.sku)?;
        shared.apply("", &op, product.as_ref());
    }
    replace_lines(tx, &shared.view().lines, now)
}

/// Makes the stored lines these. A line already here keeps when it was
/// added and the price this device last showed her (a review updates it).
fn replace_lines(tx: &Transaction<'_>, want: &[CartLine], now: &str) -> Result<bool> {
    let have = lines(tx)?;
    let mut changed = false;
    for h in &have {
        if !want.iter().any(|w| w.sku == h.sku) {
            tx.execute("DELETE FROM cart_line WHERE sku = ?1", [&h.sku])?;
            changed = true;
        }
    }
    for w in want {
        if !have.iter().any(|h| h.sku == w.sku && h.qty == w.qty) {
            tx.execute(
                "INSERT INTO cart_line (sku, qty, price_seen_minor, currency, added_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                 ON CONFLICT (sku) DO UPDATE SET qty = ?2, updated_at = ?5",
                params![w.sku, w.qty, w.price_seen_minor, w.currency, now],
            )?;
            changed = true;
        }
    }
    Ok(changed)
}

fn positive(qty: i64) -> Result<u32> {
    if qty <= 0 {
        return Err(Error::invalid("qty", "must be at least 1"));
    }
    u32::try_from(qty)
        .ok()
        .filter(|q| *q <= MAX_QTY)
        .ok_or_else(|| Error::invalid("qty", format!("must be at most {MAX_QTY}")))
}

/// A stored line with its product as the device last knew it.
pub struct Stored {
    pub sku: String,
    pub qty: u32,
    pub price_seen_minor: i64,
    pub currency: String,
    pub product: Option<Product>,
}

pub fn lines(conn: &Connection) -> Result<Vec<Stored>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.sku, c.qty, c.price_seen_minor, c.currency, p.body
         FROM cart_line c LEFT JOIN product p ON p.sku = c.sku ORDER BY c.added_at, c.sku",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (sku, qty, price_seen_minor, currency, body) = row?;
        let product = body
            .map(|b| serde_json::from_str(&b).map_err(|_| Error::Corrupt("a product")))
            .transpose()?;
        out.push(Stored {
            sku,
            qty,
            price_seen_minor,
            currency,
            product,
        });
    }
    Ok(out)
}

/// `unit × qty`, refusing an overflow rather than wrapping.
pub fn line_total(unit_minor: i64, qty: u32) -> Result<i64> {
    cradle_client::line_total(unit_minor, qty)
        .ok_or_else(|| Error::invalid("qty", "the total is too large"))
}
