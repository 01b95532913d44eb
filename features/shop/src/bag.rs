//! The hospital-bag checklist (docs/shop.md): from 28 weeks, what to pack
//! for the birth, each item ticked when packed, linked to the products that
//! fill it, and marked when one is in her cart or already bought.
//! The list and its sources: `content/hospital-bag.json`.

use super::status::pick;
use super::{ProductCard, card, cart, catalog};
use crate::Shop;
use cradle_client::Order;
use cradle_store::embedded;
use cradle_store::error::{Error, Result};
use cradle_store::events::DataArea;
use cradle_store::profile::Language;
use cradle_timeline::Stage;
use rusqlite::{Connection, params};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// Products offered for one item.
const PRODUCTS_PER_ITEM: usize = 2;

#[derive(Deserialize)]
struct Checklist {
    sources: BTreeMap<String, String>,
    opens_at_week: i64,
    items: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    id: String,
    group: String,
    zh: String,
    en: String,
    source: String,
    /// What a product's Chinese name contains when it fills this item.
    product: Option<String>,
}

fn checklist() -> &'static Checklist {
    static C: OnceLock<Checklist> = OnceLock::new();
    embedded(&C, include_str!("../content/hospital-bag.json"))
}

/// The checklist screen, computed at once.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HospitalBag {
    /// From 28 weeks of pregnancy until the birth.
    pub open: bool,
    /// While pregnant and before 28 weeks: the day it opens (ISO date).
    pub opens_on: Option<String>,
    /// Why it is closed, in her language; empty when open.
    pub note: String,
    pub groups: Vec<BagGroup>,
    pub packed: u32,
    pub total: u32,
    /// Where the list comes from, for the screen's footnote.
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BagGroup {
    /// `documents`, `mother` or `baby`.
    pub code: String,
    pub title: String,
    pub items: Vec<BagItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BagItem {
    pub id: String,
    pub name: String,
    pub packed: bool,
    /// `bought` (in an order not cancelled), `in_cart`, or empty.
    pub shop: String,
    pub shop_text: String,
    /// Products that fill it, ones she can buy first, while she still
    /// needs one: empty once it is packed, in her cart or bought, and for
    /// an item the shop does not sell (her ID card).
    pub products: Vec<ProductCard>,
    /// Why it is on the list: the source it comes from.
    pub source: String,
}

fn group_title(code: &str, language: Language) -> String {
    match code {
        "documents" => pick(language, "证件资料", "Documents"),
        "mother" => pick(language, "妈妈用品", "For you"),
        "baby" => pick(language, "宝宝用品", "For the baby"),
        other => other.to_owned(),
    }
}

fn shop_text(code: &str, language: Language) -> String {
    match code {
        "bought" => pick(language, "已购买", "Bought"),
        "in_cart" => pick(language, "已在购物车", "In your cart"),
        _ => String::new(),
    }
}

fn packed_ids(conn: &Connection) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM bag_item")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The Chinese names of what is in her cart and of what she has bought.
fn shop_names(conn: &Connection) -> Result<(Vec<String>, Vec<String>)> {
    let in_cart = cart::lines(conn)?
        .into_iter()
        .filter_map(|l| l.product.map(|p| p.name_zh))
        .collect();
    let mut stmt = conn.prepare_cached("SELECT body FROM shop_order")?;
    let mut bought = Vec::new();
    for body in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let order: Order = serde_json::from_str(&body?).map_err(|_| Error::Corrupt("an order"))?;
        if order.status != cradle_client::OrderStatus::Cancelled {
            bought.extend(order.lines.into_iter().map(|l| l.name_zh));
        }
    }
    Ok((in_cart, bought))
}

fn products_for(conn: &Connection, keyword: &str, language: Language) -> Result<Vec<ProductCard>> {
    let mut found = Vec::new();
    for sku in catalog::search(conn, keyword, 30)? {
        if let Some(p) = catalog::product(conn, &sku)?
            && p.name_zh.contains(keyword)
            && !p.discontinued
        {
            found.push(p);
        }
    }
    // In stock first; then the search's order.
    found.sort_by_key(|p| p.stock <= 0);
    Ok(found
        .iter()
        .take(PRODUCTS_PER_ITEM)
        .map(|p| card(p, language))
        .collect())
}

/// Where she stands against the checklist's window today.
struct Window {
    language: Language,
    pregnant: bool,
    open: bool,
    /// While pregnant and before it opens: the day it does.
    opens_on: Option<jiff::civil::Date>,
}

impl Shop<'_> {
    fn bag_window(&self) -> Result<Window> {
        let today = self.her.situation()?;
        let opens_at = checklist().opens_at_week;
        let pregnancy = today
            .timeline
            .pregnancy
            .as_ref()
            .filter(|_| today.timeline.stage == Stage::Pregnant);
        let open = pregnancy.is_some_and(|p| p.gestational_age.weeks() >= opens_at);
        let opens_on = pregnancy.filter(|_| !open).and_then(|p| {
            let weeks_left = 40 - opens_at;
            p.edd
                .checked_sub(jiff::Span::new().days(weeks_left * 7))
                .ok()
        });
        Ok(Window {
            language: today.language,
            pregnant: pregnancy.is_some(),
            open,
            opens_on,
        })
    }

    /// The hospital-bag checklist, open from 28 weeks of pregnancy until
    /// the birth.
    pub fn hospital_bag(&self) -> Result<HospitalBag> {
        self.bag_for(self.bag_window()?)
    }

    fn bag_for(&self, window: Window) -> Result<HospitalBag> {
        let language = window.language;
        let list = checklist();
        let open = window.open;
        let mut bag = HospitalBag {
            open,
            opens_on: window.opens_on.map(|d| d.to_string()),
            note: String::new(),
            groups: Vec::new(),
            packed: 0,
            total: 0,
            sources: list.sources.values().cloned().collect(),
        };
        if !open {
            bag.note = if window.pregnant {
                pick(
                    language,
                    "孕28周起开放待产包清单。",
                    "Your hospital-bag checklist opens at 28 weeks.",
                )
            } else {
                pick(
                    language,
                    "待产包清单在怀孕28周至分娩期间使用。",
                    "The hospital-bag checklist is for 28 weeks of pregnancy until the birth.",
                )
            };
            return Ok(bag);
        }
        let db = self.store.conn();
        let packed = packed_ids(&db)?;
        let (in_cart, bought) = shop_names(&db)?;
        for item in &list.items {
            let shop = match &item.product {
                Some(k) if bought.iter().any(|n| n.contains(k.as_str())) => "bought",
                Some(k) if in_cart.iter().any(|n| n.contains(k.as_str())) => "in_cart",
                _ => "",
            };
            let is_packed = packed.contains(&item.id);
            let products = match &item.product {
                Some(k) if !is_packed && shop.is_empty() => products_for(&db, k, language)?,
                _ => Vec::new(),
            };
            let view = BagItem {
                id: item.id.clone(),
                name: pick(language, &item.zh, &item.en),
                packed: is_packed,
                shop: shop.to_owned(),
                shop_text: shop_text(shop, language),
                products,
                source: list.sources.get(&item.source).cloned().unwrap_or_default(),
            };
            bag.total += 1;
            bag.packed += u32::from(view.packed);
            match bag.groups.last_mut() {
                Some(g) if g.code == item.group => g.items.push(view),
                _ => bag.groups.push(BagGroup {
                    code: item.group.clone(),
                    title: group_title(&item.group, language),
                    items: vec![view],
                }),
            }
        }
        Ok(bag)
    }

    /// Ticks an item as packed, or unticks it.
    pub fn pack_bag_item(&self, id: &str, packed: bool) -> Result<HospitalBag> {
        if !checklist().items.iter().any(|i| i.id == id) {
            return Err(Error::NotFound("checklist item"));
        }
        let window = self.bag_window()?;
        if !window.open {
            return Err(Error::invalid(
                "hospital_bag",
                "opens at 28 weeks of pregnancy",
            ));
        }
        self.store.write(&[DataArea::Shop], |tx, c| {
            if packed {
                tx.execute(
                    "INSERT INTO bag_item (id, packed_at) VALUES (?1, ?2)
                     ON CONFLICT (id) DO NOTHING",
                    params![id, c.now_text],
                )?;
            } else {
                tx.execute("DELETE FROM bag_item WHERE id = ?1", [id])?;
            }
            Ok(())
        })?;
        self.bag_for(window)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_unique_grouped_and_cited() {
        let list = checklist();
        let mut ids = HashSet::new();
        let mut groups: Vec<&str> = Vec::new();
        for item in &list.items {
            assert!(ids.insert(item.id.as_str()), "{} twice", item.id);
            assert!(list.sources.contains_key(&item.source), "{}", item.id);
            assert!(!group_title(&item.group, Language::En).is_empty());
            // Grouped: a group's items are together, so the screen shows each once.
            if groups.last() != Some(&item.group.as_str()) {
                assert!(!groups.contains(&item.group.as_str()), "{}", item.group);
                groups.push(&item.group);
            }
        }
        assert_eq!(groups, ["documents", "mother", "baby"]);
    }
}
