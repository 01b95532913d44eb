//! The offline cart: lines keep the price she saw when she added them;
//! quantities follow each product's rules; totals are integer minor units.

use super::catalog;
use crate::api::Product;
use crate::error::{Error, Result};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// The most of one product a line may hold, whatever a product says.
const MAX_QTY: u32 = 999;

/// Checks a line's quantity against the product's rules, in words she can act on.
pub(crate) fn check_qty(p: &Product, qty: u32) -> Result<()> {
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
    if (qty - p.qty_min) % step != 0 {
        return Err(Error::invalid(
            "qty",
            format!("must be {} plus a multiple of {step}", p.qty_min),
        ));
    }
    Ok(())
}

/// The quantities the − and + buttons set: one step down and up, when the
/// product's rules allow them.
pub(crate) fn steps(p: &Product, qty: u32) -> (Option<u32>, Option<u32>) {
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
pub(crate) fn add(tx: &Transaction<'_>, sku: &str, qty: i64, now: &str) -> Result<()> {
    let qty = positive(qty)?;
    let p = known(tx, sku)?;
    let total = line_qty(tx, sku)?.unwrap_or(0).saturating_add(qty);
    check_qty(&p, total)?;
    tx.execute(
        "INSERT INTO cart_line (sku, qty, price_seen_minor, currency, added_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT (sku) DO UPDATE SET qty = ?2, updated_at = ?5",
        params![sku, total, p.price_minor, p.currency, now],
    )?;
    Ok(())
}

/// Sets the line's quantity (adding the line if it is not there).
pub(crate) fn set(tx: &Transaction<'_>, sku: &str, qty: i64, now: &str) -> Result<()> {
    let qty = positive(qty)?;
    let p = known(tx, sku)?;
    check_qty(&p, qty)?;
    tx.execute(
        "INSERT INTO cart_line (sku, qty, price_seen_minor, currency, added_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT (sku) DO UPDATE SET qty = ?2, updated_at = ?5",
        params![sku, qty, p.price_minor, p.currency, now],
    )?;
    Ok(())
}

pub(crate) fn remove(tx: &Transaction<'_>, sku: &str) -> Result<()> {
    if tx.execute("DELETE FROM cart_line WHERE sku = ?1", [sku])? == 0 {
        return Err(Error::NotFound("cart line"));
    }
    Ok(())
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
pub(crate) struct Stored {
    pub sku: String,
    pub qty: u32,
    pub price_seen_minor: i64,
    pub currency: String,
    pub product: Option<Product>,
}

pub(crate) fn lines(conn: &Connection) -> Result<Vec<Stored>> {
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
pub(crate) fn line_total(unit_minor: i64, qty: u32) -> Result<i64> {
    unit_minor
        .checked_mul(i64::from(qty))
        .ok_or_else(|| Error::invalid("qty", "the total is too large"))
}
