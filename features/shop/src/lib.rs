//! The shop (docs/shop.md): the catalogue kept on the device for offline
//! browsing, stage-aware suggestions, and the offline cart. Every price and
//! total is computed here, in integer minor units; the shells only show them.

// Its screens cross to Kotlin and Swift as they are (uniffi.cradle.shop).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

pub mod addresses;
pub mod after_sales;
pub mod bag;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod notices;
pub mod queued;
pub mod status;
pub mod words;

use cradle_client::{Client, Product, Traceability};
use cradle_store::Store;
use cradle_store::consent::{self, Purpose};
use cradle_store::error::{Error, Result};
use cradle_store::events::DataArea;
use cradle_store::profile::Language;
use cradle_store::storage::Migration;
use cradle_timeline::{Stage, Timeline};
use std::time::Duration;

/// The shop's tables: the catalogue copy, the cart, orders, after-sales,
/// the order queued offline, addresses and the hospital bag.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 11,
        sql: include_str!("../migrations/0011_shop.sql"),
    },
    Migration {
        version: 12,
        sql: include_str!("../migrations/0012_orders.sql"),
    },
    Migration {
        version: 14,
        sql: include_str!("../migrations/0014_after_sales.sql"),
    },
    Migration {
        version: 15,
        sql: include_str!("../migrations/0015_queued_order.sql"),
    },
    Migration {
        version: 16,
        sql: include_str!("../migrations/0016_addresses.sql"),
    },
    Migration {
        version: 17,
        sql: include_str!("../migrations/0017_cart_sync.sql"),
    },
    Migration {
        version: 18,
        sql: include_str!("../migrations/0018_hospital_bag.sql"),
    },
];

/// Her account with the server, which sync keeps: the shop orders through
/// it and knows nothing else of sync.
pub trait Account: Send + Sync {
    /// A client and her session token, once she consented to the shop and
    /// signed in.
    fn session(&self) -> Result<(Client, String)>;
    /// This device's id with the server, which its cart changes carry.
    fn client_id(&self) -> Result<String>;
    /// `Invalid` ("sign in to order") unless an account is linked.
    fn require(&self) -> Result<()>;
    /// The linked `(server_url, login)`, if any.
    fn linked(&self) -> Result<Option<(String, String)>>;
}

/// Where she stands, as the shop needs it. The facade reads it from her
/// timeline and her records; the shop reads neither itself.
#[derive(Debug, Clone)]
pub struct Situation {
    pub language: Language,
    pub timeline: Timeline,
    /// A recent glucose reading was high: added sugar does not suit her.
    pub high_glucose: bool,
}

pub trait Her: Send + Sync {
    fn situation(&self) -> Result<Situation>;
}

/// The shop, over the store: the catalogue, the cart, checkout, orders,
/// after-sales, addresses and the hospital bag. Cheap to copy; an async
/// call owns its copy, so its future borrows only the facade.
#[derive(Clone, Copy)]
pub struct Shop<'a> {
    store: &'a Store,
    account: &'a dyn Account,
    her: &'a dyn Her,
    /// How long a call to the server may take.
    timeout: Duration,
}

impl<'a> Shop<'a> {
    pub fn new(
        store: &'a Store,
        account: &'a dyn Account,
        her: &'a dyn Her,
        timeout: Duration,
    ) -> Self {
        Self {
            store,
            account,
            her,
            timeout,
        }
    }

    /// `ConsentRequired` unless she agreed to the shop.
    fn require_consent(&self) -> Result<()> {
        if consent::granted(&self.store.conn(), Purpose::Shop)? {
            Ok(())
        } else {
            Err(Error::ConsentRequired(Purpose::Shop))
        }
    }
}

/// Tags she should avoid now: caffeine in pregnancy; added sugar after a
/// high glucose reading.
fn avoided_tags(her: &Situation) -> Vec<&'static str> {
    let mut tags = Vec::new();
    if her.timeline.stage == Stage::Pregnant {
        tags.push("caffeine");
    }
    if her.high_glucose {
        tags.push("high_sugar");
    }
    tags
}

/// A product as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProductCard {
    pub sku: String,
    pub name: String,
    pub category: String,
    pub image_url: String,
    pub price_minor: i64,
    pub currency: String,
    /// "¥128.00".
    pub price_text: String,
    pub in_stock: bool,
    pub discontinued: bool,
}

/// Why a product does not suit her now, with the source of the advice.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProductWarning {
    /// The product's tag (`high_sugar`, `caffeine`).
    pub tag: String,
    pub message: String,
    pub source: String,
}

/// The product page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProductPage {
    pub card: ProductCard,
    pub description: String,
    pub traceability: Traceability,
    pub qty_min: u32,
    pub qty_max: u32,
    pub qty_step: u32,
    /// Whether it suits her stage now.
    pub suits_now: bool,
    pub warnings: Vec<ProductWarning>,
    /// How many are in her cart.
    pub in_cart: u32,
    /// What "Add to cart" adds: the minimum for a first add, then one
    /// step; `None` when the rules or the stock allow no more.
    pub add_qty: Option<u32>,
}

/// The shop's first screen in one call: suggestions for her stage, or what
/// matches while she searches, and the cart's count for its badge.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ShopScreen {
    pub products: Vec<ProductCard>,
    /// `products` are search results, not suggestions.
    pub searching: bool,
    pub cart_count: u32,
    /// The catalogue has reached this device at least once; until then the
    /// shop can only say it needs the network once.
    pub catalog_ready: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CartLine {
    pub sku: String,
    pub name: String,
    pub qty: u32,
    /// The unit price when she added it.
    pub price_seen_minor: i64,
    /// The latest known unit price (the seen one if the product is gone).
    pub price_now_minor: i64,
    pub price_changed: bool,
    pub line_total_minor: i64,
    pub line_total_text: String,
    /// "¥128.00 (was ¥118.00)" when the price changed.
    pub price_text: String,
    /// The product left the catalogue, or is no longer sold.
    pub unavailable: bool,
    /// Fewer in stock than she wants (as of the last catalogue update).
    pub short_of_stock: bool,
    /// What the − and + buttons set, following the product's step and
    /// limits; `None` where the button is disabled.
    pub qty_down: Option<u32>,
    pub qty_up: Option<u32>,
}

/// The cart screen, computed at once.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CartView {
    pub lines: Vec<CartLine>,
    pub item_count: u32,
    pub total_minor: i64,
    pub currency: String,
    pub total_text: String,
    /// The order she queued to place when back online, if any.
    pub queued: Option<queued::QueuedOrder>,
    /// Where an order would go: her default address as a label, `None`
    /// until she adds one.
    pub ship_to: Option<String>,
}

/// What a catalogue update did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CatalogUpdate {
    /// Products added or changed on this device.
    pub changed: u64,
    pub version: u64,
    /// The server said nothing changed (304).
    pub unchanged: bool,
}

/// The currency all prices are in; the catalogue is one shop's.
pub const CURRENCY: &str = "CNY";

/// Money as she reads it: "¥128.00". CNY has two minor digits.
pub fn format_money(minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let symbol = match currency {
        "CNY" => "¥".to_owned(),
        other => format!("{other} "),
    };
    format!("{sign}{symbol}{}.{:02}", abs / 100, abs % 100)
}

/// Advice behind each tag, shown on the product page.
fn warning(tag: &str, language: Language) -> Option<ProductWarning> {
    let (zh, en, source) = match tag {
        "caffeine" => (
            "孕期每日咖啡因宜少于200毫克。",
            "In pregnancy, keep caffeine under 200 mg a day.",
            "ACOG Committee Opinion 462, Moderate Caffeine Consumption During Pregnancy (2010)",
        ),
        "high_sugar" => (
            "你最近的血糖读数偏高，请选择无添加糖的食品，并咨询医生。",
            "Your recent glucose readings were high: choose foods without added sugar and ask your clinic.",
            "Chinese Medical Association, Guideline for the diagnosis and management of hyperglycaemia in pregnancy (2022): self-monitoring targets",
        ),
        _ => return None,
    };
    Some(ProductWarning {
        tag: tag.to_owned(),
        message: match language {
            Language::ZhHans => zh,
            Language::En => en,
        }
        .to_owned(),
        source: source.to_owned(),
    })
}

fn card(p: &Product, language: Language) -> ProductCard {
    ProductCard {
        sku: p.sku.clone(),
        name: catalog::name(p, language).to_owned(),
        category: p.category.clone(),
        image_url: p.image_url.clone(),
        price_minor: p.price_minor,
        currency: p.currency.clone(),
        price_text: format_money(p.price_minor, &p.currency),
        in_stock: p.stock > 0,
        discontinued: p.discontinued,
    }
}

/// What one tap on "Add to cart" adds, within the rules and the stock.
pub fn add_qty(p: &Product, in_cart: u32) -> Option<u32> {
    if p.discontinued {
        return None;
    }
    let target = if in_cart == 0 {
        Some(p.qty_min.max(1))
    } else {
        cart::steps(p, in_cart).1
    }?;
    (cart::check_qty(p, target).is_ok() && i64::from(target) <= p.stock).then(|| target - in_cart)
}

/// Her stage as the catalogue names it: (stage, week or month) pairs.
fn stages_now(timeline: &Timeline) -> Vec<(&'static str, u32)> {
    let baby_months = timeline
        .baby
        .as_ref()
        .map(|b| b.age.corrected_months.unwrap_or(b.age.months));
    match timeline.stage {
        Stage::Pregnant => timeline
            .pregnancy
            .as_ref()
            .map(|p| vec![("pregnancy", p.gestational_age.weeks().max(0) as u32)])
            .unwrap_or_default(),
        Stage::Postpartum => {
            let mut v = vec![("postpartum", 0)];
            v.extend(baby_months.map(|m| ("baby", m)));
            v
        }
        Stage::Baby => baby_months.map(|m| vec![("baby", m)]).unwrap_or_default(),
        Stage::Trying => vec![("trying", 0)],
        // After a loss the shop suggests nothing for a pregnancy or a baby.
        Stage::AfterLoss | Stage::None => Vec::new(),
    }
}

impl Shop<'_> {
    /// Brings the offline catalogue up to date from `server_url` (or the
    /// server this device last used), fetching only what changed.
    pub async fn update_catalog(self, server_url: Option<&str>) -> Result<CatalogUpdate> {
        let previous = catalog::state(&self.store.conn())?;
        let url = match (server_url, &previous) {
            (Some(u), _) => u.to_owned(),
            (None, Some(s)) => s.server_url.clone(),
            (None, None) => self
                .account
                .linked()?
                .map(|(server_url, _)| server_url)
                .ok_or_else(|| Error::invalid("server_url", "no shop server is known yet"))?,
        };
        let client = Client::with_timeout(&url, self.timeout)?;
        let url = client.base_url().to_owned();
        let same = previous.filter(|s| s.server_url == url);
        let (mut epoch, mut since, mut etag) = match &same {
            Some(s) => (Some(s.epoch.clone()), s.version, s.etag.clone()),
            None => (None, 0, None),
        };
        let mut update = CatalogUpdate {
            changed: 0,
            version: since,
            unchanged: false,
        };
        loop {
            let Some((page, tag)) = client
                .catalog(epoch.as_deref(), since, 1000, etag.as_deref())
                .await?
            else {
                update.unchanged = update.changed == 0;
                break;
            };
            let now = self.store.device().clock.now().to_string();
            let changed = {
                let mut db = self.store.conn();
                let tx = db.transaction()?;
                let n = catalog::apply_page(&tx, &url, &page, tag.as_deref(), &now)?;
                tx.commit()?;
                n
            };
            update.changed += changed as u64;
            update.version = page.version;
            if !page.has_more {
                break;
            }
            (epoch, since, etag) = (Some(page.epoch), page.version, None);
        }
        if update.changed > 0 {
            self.store.observers().notify(DataArea::Shop);
        }
        Ok(update)
    }

    /// Offline search by name (Chinese or English) or pinyin initials.
    pub fn search_products(&self, text: &str, limit: u32) -> Result<Vec<ProductCard>> {
        let db = self.store.conn();
        let language = self.store.ctx(&db)?.language;
        let skus = catalog::search(&db, text, limit.clamp(1, 200))?;
        skus.iter()
            .filter_map(|sku| catalog::product(&db, sku).transpose())
            .map(|p| p.map(|p| card(&p, language)))
            .collect()
    }

    /// Products for her stage and week (or her baby's age), never one
    /// outside its stage, nor one tagged for a condition she has.
    pub fn shop_suggestions(&self, limit: u32) -> Result<Vec<ProductCard>> {
        let today = self.her.situation()?;
        let avoid = avoided_tags(&today);
        let db = self.store.conn();
        let mut out = Vec::new();
        for (stage, n) in stages_now(&today.timeline) {
            for sku in catalog::suiting(&db, stage, n)? {
                if out.iter().any(|c: &ProductCard| c.sku == sku) {
                    continue;
                }
                let Some(p) = catalog::product(&db, &sku)? else {
                    continue;
                };
                if p.avoid_tags.iter().any(|t| avoid.contains(&t.as_str())) {
                    continue;
                }
                out.push(card(&p, today.language));
            }
        }
        out.truncate(limit as usize);
        Ok(out)
    }

    /// The shop screen: `query` blank shows suggestions, otherwise results.
    pub fn screen(&self, query: &str, limit: u32) -> Result<ShopScreen> {
        let searching = !query.trim().is_empty();
        Ok(ShopScreen {
            products: if searching {
                self.search_products(query, limit)?
            } else {
                self.shop_suggestions(limit)?
            },
            searching,
            cart_count: self.cart()?.item_count,
            catalog_ready: catalog::state(&self.store.conn())?.is_some(),
        })
    }

    /// The product page, with traceability and anything that does not suit her.
    pub fn product_page(&self, sku: &str) -> Result<ProductPage> {
        let today = self.her.situation()?;
        let avoid = avoided_tags(&today);
        let db = self.store.conn();
        let p = catalog::product(&db, sku)?.ok_or(Error::NotFound("product"))?;
        let now = stages_now(&today.timeline);
        let suits_now = p.stages.iter().any(|s| {
            now.iter()
                .any(|(st, n)| s.stage == *st && s.from <= *n && *n <= s.to)
        });
        let in_cart = cart::lines(&db)?
            .into_iter()
            .find(|l| l.sku == sku)
            .map_or(0, |l| l.qty);
        Ok(ProductPage {
            card: card(&p, today.language),
            description: match today.language {
                Language::ZhHans => p.description_zh.clone(),
                Language::En => p.description_en.clone(),
            },
            traceability: p.traceability.clone(),
            qty_min: p.qty_min,
            qty_max: p.qty_max,
            qty_step: p.qty_step,
            suits_now,
            warnings: p
                .avoid_tags
                .iter()
                .filter(|t| avoid.contains(&t.as_str()))
                .filter_map(|t| warning(t, today.language))
                .collect(),
            add_qty: add_qty(&p, in_cart),
            in_cart,
        })
    }

    /// Adds `qty` of a product to the cart; works offline.
    pub fn cart_add(&self, sku: &str, qty: i64) -> Result<CartView> {
        self.store.write(&[DataArea::Shop], |tx, c| {
            cart::add(tx, sku, qty, &c.now_text)
        })?;
        self.cart()
    }

    /// Sets a line's quantity; works offline.
    pub fn cart_set(&self, sku: &str, qty: i64) -> Result<CartView> {
        self.store.write(&[DataArea::Shop], |tx, c| {
            cart::set(tx, sku, qty, &c.now_text)
        })?;
        self.cart()
    }

    pub fn cart_remove(&self, sku: &str) -> Result<CartView> {
        self.store
            .write(&[DataArea::Shop], |tx, _| cart::remove(tx, sku))?;
        self.cart()
    }

    /// The cart screen: each line against the latest known price, and the
    /// total at today's prices.
    pub fn cart(&self) -> Result<CartView> {
        let db = self.store.conn();
        let c = self.store.ctx(&db)?;
        let language = c.language;
        let mut view = CartView {
            lines: Vec::new(),
            item_count: 0,
            total_minor: 0,
            currency: CURRENCY.to_owned(),
            total_text: String::new(),
            queued: queued::view(&db, &c)?,
            ship_to: addresses::default(&db)?.map(|a| a.label()),
        };
        for line in cart::lines(&db)? {
            if line.currency != CURRENCY {
                return Err(Error::Corrupt("a cart line in another currency"));
            }
            let (name, price_now, unavailable, stock) = match &line.product {
                Some(p) => (
                    catalog::name(p, language).to_owned(),
                    p.price_minor,
                    p.discontinued,
                    p.stock,
                ),
                None => (line.sku.clone(), line.price_seen_minor, true, 0),
            };
            let (qty_down, qty_up) = match &line.product {
                Some(p) if !unavailable => cart::steps(p, line.qty),
                _ => (None, None),
            };
            let total = cart::line_total(price_now, line.qty)?;
            let price_changed = price_now != line.price_seen_minor;
            let price_text = if price_changed {
                let was = match language {
                    Language::ZhHans => "原价",
                    Language::En => "was",
                };
                format!(
                    "{} ({was} {})",
                    format_money(price_now, CURRENCY),
                    format_money(line.price_seen_minor, CURRENCY)
                )
            } else {
                format_money(price_now, CURRENCY)
            };
            if !unavailable {
                view.total_minor = cradle_client::add_minor(view.total_minor, total)
                    .ok_or_else(|| Error::invalid("qty", "the total is too large"))?;
                view.item_count = view.item_count.saturating_add(line.qty);
            }
            view.lines.push(CartLine {
                name,
                qty: line.qty,
                price_seen_minor: line.price_seen_minor,
                price_now_minor: price_now,
                price_changed,
                line_total_minor: total,
                line_total_text: format_money(total, CURRENCY),
                price_text,
                unavailable,
                short_of_stock: !unavailable && stock < i64::from(line.qty),
                qty_down,
                qty_up,
                sku: line.sku,
            });
        }
        view.total_text = format_money(view.total_minor, CURRENCY);
        Ok(view)
    }
}
