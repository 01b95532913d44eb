//! The device's copy of the catalogue: applying the server's delta pages,
//! offline search, and what suits her stage.

use cradle_client::{CatalogPage, Product};
use cradle_store::error::{Error, Result};
use cradle_store::profile::Language;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// Where the device's copy stands: the server it came from and the version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyState {
    pub server_url: String,
    pub epoch: String,
    pub version: u64,
    pub etag: Option<String>,
}

pub fn state(conn: &Connection) -> Result<Option<CopyState>> {
    Ok(conn
        .query_row(
            "SELECT server_url, epoch, version, etag FROM catalog_state WHERE id = 1",
            [],
            |r| {
                Ok(CopyState {
                    server_url: r.get(0)?,
                    epoch: r.get(1)?,
                    version: r.get::<_, i64>(2)? as u64,
                    etag: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Applies one page and its position in one transaction. A page that
/// resets (a new server database, or another server) replaces the copy.
pub fn apply_page(
    tx: &Transaction<'_>,
    server_url: &str,
    page: &CatalogPage,
    etag: Option<&str>,
    now: &str,
) -> Result<usize> {
    let previous = state(tx)?;
    let fresh = page.reset || previous.as_ref().is_none_or(|s| s.server_url != server_url);
    if fresh {
        tx.execute_batch("DELETE FROM product_search; DELETE FROM product;")?;
    }
    let mut upsert = tx.prepare_cached(
        "INSERT INTO product (sku, name_zh, name_en, price_minor, currency, stock, discontinued, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (sku) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
             price_minor = excluded.price_minor, currency = excluded.currency,
             stock = excluded.stock, discontinued = excluded.discontinued, body = excluded.body
         RETURNING id",
    )?;
    let mut unsearch = tx.prepare_cached("DELETE FROM product_search WHERE rowid = ?1")?;
    let mut search = tx.prepare_cached(
        "INSERT INTO product_search (rowid, name, initials, about) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut unstage = tx.prepare_cached("DELETE FROM product_stage WHERE sku = ?1")?;
    let mut stage = tx.prepare_cached(
        "INSERT INTO product_stage (sku, stage, from_n, to_n) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for p in &page.products {
        let body = serde_json::to_string(p).map_err(|_| Error::Corrupt("a product"))?;
        let id: i64 = upsert.query_row(
            params![
                p.sku,
                p.name_zh,
                p.name_en,
                p.price_minor,
                p.currency,
                p.stock,
                p.discontinued,
                body
            ],
            |r| r.get(0),
        )?;
        unsearch.execute([id])?;
        search.execute(params![
            id,
            format!("{} {}", spaced(&p.name_zh), p.name_en),
            suffixes(&p.initials),
            format!("{} {}", spaced(&p.description_zh), p.description_en),
        ])?;
        unstage.execute([&p.sku])?;
        for s in &p.stages {
            stage.execute(params![p.sku, s.stage, s.from, s.to])?;
        }
    }
    tx.execute(
        "INSERT INTO catalog_state (id, server_url, epoch, version, etag, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET server_url = ?1, epoch = ?2, version = ?3, etag = ?4,
             updated_at = ?5",
        params![server_url, page.epoch, page.version as i64, etag, now],
    )?;
    Ok(page.products.len())
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// Every suffix of the pinyin initials, one a token, so typing the
/// initials of any part of a name ("ys" for 叶酸 in 贝蕾叶酸片) is a prefix
/// match: "blysp" → "blysp lysp ysp sp p".
fn suffixes(initials: &str) -> String {
    let chars: Vec<char> = initials.chars().collect();
    (0..chars.len())
        .map(|i| chars[i..].iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Chinese characters one a token: "叶酸片" → "叶 酸 片".
fn spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if is_cjk(c) {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// The FTS5 query for what she typed: each run of Chinese characters is a
/// phrase of its characters, each other word a prefix. Everything else
/// (quotes, operators) is dropped, so no input is FTS syntax. `None` when
/// nothing searchable is left.
pub fn fts_query(text: &str) -> Option<String> {
    let mut terms = Vec::new();
    let mut chinese = String::new();
    let mut word = String::new();
    let flush_chinese = |chinese: &mut String, terms: &mut Vec<String>| {
        if !chinese.is_empty() {
            terms.push(format!(
                "\"{}\"",
                spaced(chinese)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
            chinese.clear();
        }
    };
    let flush_word = |word: &mut String, terms: &mut Vec<String>| {
        if !word.is_empty() {
            terms.push(format!("\"{}\"*", word.to_lowercase()));
            word.clear();
        }
    };
    for c in text.chars() {
        if is_cjk(c) {
            flush_word(&mut word, &mut terms);
            chinese.push(c);
        } else if c.is_alphanumeric() {
            flush_chinese(&mut chinese, &mut terms);
            word.push(c);
        } else {
            flush_chinese(&mut chinese, &mut terms);
            flush_word(&mut word, &mut terms);
        }
    }
    flush_chinese(&mut chinese, &mut terms);
    flush_word(&mut word, &mut terms);
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Search results, best first: a match in the name outranks one in the
/// pinyin initials, which outranks one in the description; products she
/// can buy come before discontinued ones.
pub fn search(conn: &Connection, text: &str, limit: u32) -> Result<Vec<String>> {
    if text.chars().count() > 100 {
        return Err(Error::invalid("query", "must be at most 100 characters"));
    }
    let Some(query) = fts_query(text) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        // FTS5 ranks inside the subquery with its own top-N sort; only
        // those rows are joined, and products she can buy go first.
        "SELECT p.sku FROM (SELECT rowid, rank FROM product_search
                            WHERE product_search MATCH ?1 ORDER BY rank LIMIT ?3) s
         JOIN product p ON p.id = s.rowid
         ORDER BY p.discontinued, s.rank, p.sku
         LIMIT ?2",
    )?;
    // A few more than asked, so discontinued ones can sink below the rest.
    let rows = stmt.query_map(params![query, limit, limit.saturating_mul(3)], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Products whose stage range holds `n` (weeks or months) for `stage`.
/// The ones made most for this moment (the narrowest range) come first,
/// taking turns between categories so one shelf cannot fill the list.
pub fn suiting(conn: &Connection, stage: &str, n: u32) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT sku FROM (
             SELECT sku, width,
                    ROW_NUMBER() OVER (PARTITION BY category ORDER BY width, sku) AS turn
             FROM (
                 SELECT s.sku, p.body ->> '$.category' AS category,
                        MIN(s.to_n - s.from_n) AS width
                 FROM product_stage s JOIN product p ON p.sku = s.sku
                 WHERE s.stage = ?1 AND s.from_n <= ?2 AND s.to_n >= ?2
                   AND p.discontinued = 0 AND p.stock > 0
                 GROUP BY s.sku
             )
         )
         ORDER BY turn, width, sku",
    )?;
    let rows = stmt.query_map(params![stage, n], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn product(conn: &Connection, sku: &str) -> Result<Option<Product>> {
    conn.query_row("SELECT body FROM product WHERE sku = ?1", [sku], |r| {
        r.get::<_, String>(0)
    })
    .optional()?
    .map(|body| serde_json::from_str(&body).map_err(|_| Error::Corrupt("a product")))
    .transpose()
}

/// A product's name in her language.
pub fn name(p: &Product, language: Language) -> &str {
    match language {
        Language::ZhHans => &p.name_zh,
        Language::En => &p.name_en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_a_safe_fts_query() {
        assert_eq!(fts_query("叶酸").as_deref(), Some("\"叶 酸\""));
        assert_eq!(
            fts_query("Folic 叶酸 30").as_deref(),
            Some("\"folic\"* \"叶 酸\" \"30\"*")
        );
        assert_eq!(
            fts_query("a\" OR b*").as_deref(),
            Some("\"a\"* \"or\"* \"b\"*")
        );
        assert_eq!(fts_query("  ( ) "), None);
    }
}
