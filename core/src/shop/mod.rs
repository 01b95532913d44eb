//! The shop (docs/shop.md): the catalogue kept on the device for offline
//! browsing, stage-aware suggestions, and the offline cart. Every price and
//! total is computed here, in integer minor units; the shells only show them.

pub mod addresses;
pub mod after_sales;
pub mod bag;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub(crate) mod notices;
pub mod queued;
pub mod status;

use crate::api::{Client, Product, Traceability};
use crate::cradle::Cradle;
use crate::error::{Error, Result};
use crate::events::DataArea;
use crate::profile::Language;
use crate::records::insights::Insight;
use crate::timeline::Stage;

/// A product as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductWarning {
    /// The product's tag (`high_sugar`, `caffeine`).
    pub tag: String,
    pub message: String,
    pub source: String,
}

/// The product page.
#[derive(Debug, Clone, PartialEq, Eq)]
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
pub struct ShopScreen {
    pub products: Vec<ProductCard>,
    /// `products` are search results, not suggestions.
    pub searching: bool,
    pub cart_count: u32,
    /// The catalogue has reached this device at least once; until then the
    /// shop can only say it needs the network once.
    pub catalog_ready: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogUpdate {
    /// Products added or changed on this device.
    pub changed: u64,
    pub version: u64,
    /// The server said nothing changed (304).
    pub unchanged: bool,
}

/// The currency all prices are in; the catalogue is one shop's.
pub(crate) const CURRENCY: &str = "CNY";

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
fn add_qty(p: &Product, in_cart: u32) -> Option<u32> {
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
fn stages_now(timeline: &crate::timeline::Timeline) -> Vec<(&'static str, u32)> {
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

impl Cradle {
    /// Tags she should avoid now: caffeine in pregnancy; added sugar after
    /// a high glucose reading (the insights name those `glucose_*`).
    fn avoided_tags(&self, stage: Stage) -> Result<Vec<&'static str>> {
        let mut tags = Vec::new();
        if stage == Stage::Pregnant {
            tags.push("caffeine");
        }
        if self.insights()?.iter().any(Insight::is_high_glucose) {
            tags.push("high_sugar");
        }
        Ok(tags)
    }

    /// Brings the offline catalogue up to date from `server_url` (or the
    /// server this device last used), fetching only what changed.
    pub async fn update_catalog(&self, server_url: Option<&str>) -> Result<CatalogUpdate> {
        let previous = catalog::state(&self.db())?;
        let url = match (server_url, &previous) {
            (Some(u), _) => u.to_owned(),
            (None, Some(s)) => s.server_url.clone(),
            (None, None) => self
                .sync_account()?
                .map(|(server_url, _)| server_url)
                .ok_or_else(|| Error::invalid("server_url", "no shop server is known yet"))?,
        };
        let client = Client::with_timeout(&url, self.config.sync.request_timeout)?;
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
            let now = self.config.clock.now().to_string();
            let changed = {
                let mut db = self.db();
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
        let db = self.db();
        let language = self.ctx(&db)?.language;
        let skus = catalog::search(&db, text, limit.clamp(1, 200))?;
        skus.iter()
            .filter_map(|sku| catalog::product(&db, sku).transpose())
            .map(|p| p.map(|p| card(&p, language)))
            .collect()
    }

    /// Products for her stage and week (or her baby's age), never one
    /// outside its stage, nor one tagged for a condition she has.
    pub fn shop_suggestions(&self, limit: u32) -> Result<Vec<ProductCard>> {
        let today = self.today()?;
        let avoid = self.avoided_tags(today.timeline.stage)?;
        let db = self.db();
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
    pub fn shop(&self, query: &str, limit: u32) -> Result<ShopScreen> {
        let searching = !query.trim().is_empty();
        Ok(ShopScreen {
            products: if searching {
                self.search_products(query, limit)?
            } else {
                self.shop_suggestions(limit)?
            },
            searching,
            cart_count: self.cart()?.item_count,
            catalog_ready: catalog::state(&self.db())?.is_some(),
        })
    }

    /// The product page, with traceability and anything that does not suit her.
    pub fn product_page(&self, sku: &str) -> Result<ProductPage> {
        let today = self.today()?;
        let avoid = self.avoided_tags(today.timeline.stage)?;
        let db = self.db();
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
        self.write(&[DataArea::Shop], |tx, c| {
            cart::add(tx, sku, qty, &c.now_text)
        })?;
        self.cart()
    }

    /// Sets a line's quantity; works offline.
    pub fn cart_set(&self, sku: &str, qty: i64) -> Result<CartView> {
        self.write(&[DataArea::Shop], |tx, c| {
            cart::set(tx, sku, qty, &c.now_text)
        })?;
        self.cart()
    }

    pub fn cart_remove(&self, sku: &str) -> Result<CartView> {
        self.write(&[DataArea::Shop], |tx, _| cart::remove(tx, sku))?;
        self.cart()
    }

    /// The cart screen: each line against the latest known price, and the
    /// total at today's prices.
    pub fn cart(&self) -> Result<CartView> {
        let db = self.db();
        let c = self.ctx(&db)?;
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
                view.total_minor = crate::api::add_minor(view.total_minor, total)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;
    use crate::api::{CatalogPage, StageRange};
    use crate::clock::FixedClock;
    use crate::records::{GlucoseContext, GlucoseUnit, Measurement};
    use crate::storage::DbKey;
    use crate::timeline::dating::DatingInput;
    use proptest::prelude::*;
    use std::sync::Arc;

    fn product(sku: &str, zh: &str, en: &str, stage: (&str, u32, u32), tags: &[&str]) -> Product {
        Product {
            sku: sku.into(),
            name_zh: zh.into(),
            name_en: en.into(),
            description_zh: String::new(),
            description_en: format!("about {en}"),
            category: "test".into(),
            image_url: String::new(),
            price_minor: 12800,
            currency: "CNY".into(),
            stock: 5,
            qty_min: 1,
            qty_max: 6,
            qty_step: 1,
            discontinued: false,
            stages: vec![StageRange {
                stage: stage.0.into(),
                from: stage.1,
                to: stage.2,
            }],
            avoid_tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            traceability: Traceability {
                batch: "B1".into(),
                origin: "NZ".into(),
                quality_report: "QR-1".into(),
                cold_chain: false,
            },
            initials: String::new(),
            version: 1,
        }
    }

    fn catalogue() -> Vec<Product> {
        let mut folic = product(
            "folic",
            "叶酸片",
            "Folic acid tablets",
            ("pregnancy", 0, 12),
            &[],
        );
        folic.initials = "ysp".into();
        let mut pads = product(
            "pads",
            "产妇卫生巾",
            "Maternity pads",
            ("pregnancy", 28, 40),
            &[],
        );
        pads.qty_min = 2;
        pads.qty_step = 2;
        pads.qty_max = 10;
        let mut oats = product("oats", "低GI燕麦", "Low-GI oats", ("pregnancy", 0, 40), &[]);
        oats.description_en = "Cook with milk or water.".into();
        let mut all = vec![
            folic,
            product(
                "cream",
                "妊娠纹霜",
                "Stretch-mark cream",
                ("pregnancy", 14, 40),
                &[],
            ),
            product(
                "milk",
                "孕妇奶粉",
                "Maternal milk powder",
                ("pregnancy", 0, 40),
                &["high_sugar"],
            ),
            oats,
            product(
                "formula",
                "婴儿配方奶粉",
                "Infant formula",
                ("baby", 0, 6),
                &[],
            ),
            pads,
        ];
        for p in &mut all {
            p.category = match p.sku.as_str() {
                "folic" => "supplements",
                "cream" | "pads" => "care",
                "milk" | "oats" => "food",
                _ => "formula",
            }
            .into();
        }
        all
    }

    /// A pregnant user at `week` weeks, with the test catalogue on the device.
    fn app(week: i64) -> (tempfile::TempDir, Cradle) {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::new("2027-05-01T08:00:00Z".parse().unwrap()));
        let config = Config::new("Asia/Shanghai", "en", DbKey::from_bytes(&[7; 32]).unwrap())
            .unwrap()
            .with_clock(clock);
        let c = Cradle::open(dir.path().join("c.db"), config).unwrap();
        c.set_profile(None, "en", "Asia/Shanghai").unwrap();
        let today = c.today().unwrap().date;
        c.record_dating(DatingInput::Lmp {
            lmp: today.checked_sub(jiff::Span::new().days(week * 7)).unwrap(),
            cycle_days: 28,
        })
        .unwrap();
        load(&c, catalogue());
        (dir, c)
    }

    fn load(c: &Cradle, products: Vec<Product>) {
        let page = CatalogPage {
            epoch: "e".into(),
            reset: false,
            version: products.iter().map(|p| p.version).max().unwrap_or(0),
            products,
            has_more: false,
        };
        let mut db = c.db();
        let tx = db.transaction().unwrap();
        catalog::apply_page(&tx, "http://127.0.0.1:1/", &page, None, "now").unwrap();
        tx.commit().unwrap();
    }

    fn skus(cards: &[ProductCard]) -> Vec<&str> {
        cards.iter().map(|c| c.sku.as_str()).collect()
    }

    #[test]
    fn search_finds_chinese_english_and_pinyin_initials_name_first() {
        let (_d, c) = app(8);
        assert_eq!(skus(&c.search_products("叶酸", 10).unwrap()), ["folic"]);
        assert_eq!(skus(&c.search_products("folic", 10).unwrap()), ["folic"]);
        assert_eq!(skus(&c.search_products("ys", 10).unwrap()), ["folic"]);
        assert_eq!(
            skus(&c.search_products("奶粉", 10).unwrap()),
            ["formula", "milk"]
        );
        // A match in the name outranks one in the description.
        assert_eq!(
            skus(&c.search_products("milk", 10).unwrap()),
            ["milk", "oats"]
        );
        // FTS syntax in what she types is just text.
        assert_eq!(skus(&c.search_products("\"OR*(", 10).unwrap()), ["oats"]);
        assert!(c.search_products("\"(*)", 10).unwrap().is_empty());
        assert!(c.search_products(&"a".repeat(101), 10).is_err());
    }

    #[test]
    fn suggestions_follow_the_week_and_leave_out_what_does_not_suit_her() {
        let (_d, c) = app(6);
        let early = c.shop_suggestions(20).unwrap();
        assert_eq!(
            skus(&early),
            ["folic", "milk", "oats"],
            "no stretch-mark cream at week 6"
        );

        let (_d, c) = app(30);
        assert_eq!(
            skus(&c.shop_suggestions(20).unwrap()),
            ["pads", "milk", "cream", "oats"],
            "made for 28-40 weeks first, taking turns between shelves"
        );
        // A high fasting glucose: sweetened milk powder leaves the
        // suggestions and its page says why, with the source.
        c.record(
            Measurement::glucose(5.6, GlucoseUnit::MmolPerL, GlucoseContext::Fasting).unwrap(),
            None,
        )
        .unwrap();
        assert_eq!(
            skus(&c.shop_suggestions(20).unwrap()),
            ["pads", "cream", "oats"]
        );
        let page = c.product_page("milk").unwrap();
        assert!(page.suits_now);
        assert_eq!(page.warnings.len(), 1);
        assert_eq!(page.warnings[0].tag, "high_sugar");
        assert!(
            page.warnings[0]
                .source
                .contains("hyperglycaemia in pregnancy (2022)")
        );
        assert!(!c.product_page("formula").unwrap().suits_now);
    }

    #[test]
    fn the_shop_screen_suggests_until_she_searches_and_counts_the_cart() {
        let (_d, c) = app(30);
        let home = c.shop("  ", 20).unwrap();
        assert!(!home.searching && home.catalog_ready);
        assert_eq!(skus(&home.products), skus(&c.shop_suggestions(20).unwrap()));
        c.cart_add("pads", 4).unwrap();
        let found = c.shop("叶酸", 20).unwrap();
        assert!(found.searching);
        assert_eq!(skus(&found.products), ["folic"]);
        assert_eq!(found.cart_count, 4);

        let fresh = tempfile::tempdir().unwrap();
        let config =
            Config::new("Asia/Shanghai", "en", DbKey::from_bytes(&[7; 32]).unwrap()).unwrap();
        let empty = Cradle::open(fresh.path().join("c.db"), config).unwrap();
        let screen = empty.shop("", 20).unwrap();
        assert!(!screen.catalog_ready && screen.products.is_empty());
    }

    #[test]
    fn add_to_cart_adds_the_minimum_then_one_step_until_the_maximum() {
        let (_d, c) = app(30);
        let mut added = Vec::new();
        while let Some(n) = c.product_page("pads").unwrap().add_qty {
            c.cart_add("pads", n.into()).unwrap();
            added.push(n);
        }
        assert_eq!(
            added,
            [2, 2],
            "2 first, then steps of 2 while the stock of 5 lasts"
        );
        assert_eq!(c.product_page("pads").unwrap().in_cart, 4);
        assert_eq!(c.product_page("formula").unwrap().add_qty, Some(1));
        let mut gone = catalogue().into_iter().find(|p| p.sku == "oats").unwrap();
        gone.discontinued = true;
        gone.version = 2;
        load(&c, vec![gone]);
        assert_eq!(c.product_page("oats").unwrap().add_qty, None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Whatever a product's rules and stock, each quantity the page
        /// offers is accepted by the cart, and the page stops offering one
        /// only at the rules' or the stock's limit.
        #[test]
        fn the_add_button_never_offers_what_the_cart_refuses(
            min in 1u32..5, step in 1u32..4, max in 1u32..20, stock in 0i64..25
        ) {
            let p = Product {
                qty_min: min,
                qty_step: step,
                qty_max: max,
                stock,
                ..product("x", "某物", "Thing", ("pregnancy", 0, 40), &[])
            };
            let mut in_cart = 0;
            while let Some(n) = add_qty(&p, in_cart) {
                prop_assert!(n > 0);
                in_cart += n;
                prop_assert!(cart::check_qty(&p, in_cart).is_ok());
                prop_assert!(i64::from(in_cart) <= stock);
            }
            let next = if in_cart == 0 { min } else { in_cart + step };
            prop_assert!(cart::check_qty(&p, next).is_err() || i64::from(next) > stock);
        }
    }

    #[test]
    fn the_cart_enforces_quantity_rules_and_bad_input_changes_nothing() {
        let (_d, c) = app(30);
        let view = c.cart_add("folic", 2).unwrap();
        assert_eq!(
            (view.item_count, view.total_minor, view.total_text.as_str()),
            (2, 25600, "¥256.00")
        );
        let view = c.cart_add("folic", 1).unwrap();
        assert_eq!(view.lines[0].qty, 3, "an add is additive");
        let before = c.cart().unwrap();
        for (sku, qty, field) in [
            ("folic", 0, "qty"),
            ("folic", -1, "qty"),
            ("folic", 4, "qty"), // 3 + 4 > 6
            ("pads", 3, "qty"),  // 2, 4, 6…
            ("pads", 1, "qty"),  // at least 2
        ] {
            match c.cart_add(sku, qty) {
                Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field, "{sku} {qty}"),
                other => panic!("{sku} {qty}: {other:?}"),
            }
        }
        assert!(matches!(
            c.cart_add("nope", 1),
            Err(Error::NotFound("product"))
        ));
        assert!(matches!(c.cart_remove("oats"), Err(Error::NotFound(_))));
        assert_eq!(c.cart().unwrap(), before, "refused input changed nothing");

        let view = c.cart_set("pads", 4).unwrap();
        assert_eq!(view.total_minor, 3 * 12800 + 4 * 12800);
        let steps =
            |v: &CartView| -> Vec<_> { v.lines.iter().map(|l| (l.qty_down, l.qty_up)).collect() };
        assert_eq!(
            steps(&view),
            [(Some(2), Some(4)), (Some(2), Some(6))],
            "the buttons follow each product's step"
        );
        let view = c.cart_set("folic", 6).unwrap();
        assert_eq!(
            steps(&view)[0],
            (Some(5), None),
            "+ is disabled at the maximum"
        );
        let view = c.cart_set("pads", 2).unwrap();
        assert_eq!(
            steps(&view)[1],
            (None, Some(4)),
            "− is disabled at the minimum"
        );
        c.cart_set("folic", 3).unwrap();
        let view = c.cart_remove("folic").unwrap();
        assert_eq!(skus_of(&view), ["pads"]);
    }

    fn skus_of(view: &CartView) -> Vec<&str> {
        view.lines.iter().map(|l| l.sku.as_str()).collect()
    }

    #[test]
    fn a_line_keeps_the_price_she_saw_and_the_total_uses_the_latest() {
        let (_d, c) = app(30);
        c.cart_add("oats", 2).unwrap();
        let mut dearer = catalogue().into_iter().find(|p| p.sku == "oats").unwrap();
        dearer.price_minor = 13800;
        dearer.stock = 1;
        dearer.version = 2;
        load(&c, vec![dearer]);
        let view = c.cart().unwrap();
        let line = &view.lines[0];
        assert_eq!(
            (line.price_seen_minor, line.price_now_minor),
            (12800, 13800)
        );
        assert!(line.price_changed && line.short_of_stock);
        assert_eq!(line.price_text, "¥138.00 (was ¥128.00)");
        assert_eq!(view.total_minor, 27600);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        /// Whatever she taps, every line keeps to its product's rules, and
        /// a refused tap leaves the cart as it was.
        #[test]
        fn any_sequence_of_cart_taps_keeps_the_rules(
            taps in prop::collection::vec((0usize..3, 0usize..3, -3i64..12), 1..25)
        ) {
            let (_d, c) = app(30);
            let items = ["folic", "pads", "oats"];
            for (op, item, qty) in taps {
                let before = c.cart().unwrap();
                let result = match op {
                    0 => c.cart_add(items[item], qty),
                    1 => c.cart_set(items[item], qty),
                    _ => c.cart_remove(items[item]),
                };
                let after = c.cart().unwrap();
                if result.is_err() {
                    prop_assert_eq!(&after, &before);
                }
                for line in &after.lines {
                    let p = catalogue().into_iter().find(|p| p.sku == line.sku).unwrap();
                    prop_assert!(cart::check_qty(&p, line.qty).is_ok());
                }
                let sum: i64 = after.lines.iter().map(|l| l.line_total_minor).sum();
                prop_assert_eq!(after.total_minor, sum);
            }
        }
    }

    #[test]
    fn money_is_formatted_from_minor_units() {
        assert_eq!(format_money(12800, "CNY"), "¥128.00");
        assert_eq!(format_money(5, "CNY"), "¥0.05");
        assert_eq!(format_money(-250, "CNY"), "-¥2.50");
        assert_eq!(format_money(100, "USD"), "USD 1.00");
    }
}
