//! The shop as the facade hands it out (`Cradle::shop`): over the store,
//! ordering through her account (sync) and suggesting from where she
//! stands (her timeline and her records).

use crate::Cradle;
use crate::error::Result;
use crate::records::insights::Insight;
use cradle_shop::{Her, Shop, Situation};

impl Cradle {
    pub fn shop(&self) -> Shop<'_> {
        Shop::new(&self.store, self, self, self.config.sync.request_timeout)
    }
}

impl Her for Cradle {
    fn situation(&self) -> Result<Situation> {
        let today = self.today()?;
        Ok(Situation {
            language: today.language,
            timeline: today.timeline,
            high_glucose: self
                .records()
                .insights()?
                .iter()
                .any(Insight::is_high_glucose),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;
    use crate::api::{CatalogPage, Product, StageRange, Traceability};
    use crate::clock::FixedClock;
    use crate::error::Error;
    use crate::records::{GlucoseContext, GlucoseUnit, Measurement};
    use crate::shop::{CartView, ProductCard, add_qty, cart, catalog, format_money};
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
        c.timeline()
            .record_dating(DatingInput::Lmp {
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
        assert_eq!(
            skus(&c.shop().search_products("叶酸", 10).unwrap()),
            ["folic"]
        );
        assert_eq!(
            skus(&c.shop().search_products("folic", 10).unwrap()),
            ["folic"]
        );
        assert_eq!(
            skus(&c.shop().search_products("ys", 10).unwrap()),
            ["folic"]
        );
        assert_eq!(
            skus(&c.shop().search_products("奶粉", 10).unwrap()),
            ["formula", "milk"]
        );
        // A match in the name outranks one in the description.
        assert_eq!(
            skus(&c.shop().search_products("milk", 10).unwrap()),
            ["milk", "oats"]
        );
        // FTS syntax in what she types is just text.
        assert_eq!(
            skus(&c.shop().search_products("\"OR*(", 10).unwrap()),
            ["oats"]
        );
        assert!(c.shop().search_products("\"(*)", 10).unwrap().is_empty());
        assert!(c.shop().search_products(&"a".repeat(101), 10).is_err());
    }

    #[test]
    fn suggestions_follow_the_week_and_leave_out_what_does_not_suit_her() {
        let (_d, c) = app(6);
        let early = c.shop().shop_suggestions(20).unwrap();
        assert_eq!(
            skus(&early),
            ["folic", "milk", "oats"],
            "no stretch-mark cream at week 6"
        );

        let (_d, c) = app(30);
        assert_eq!(
            skus(&c.shop().shop_suggestions(20).unwrap()),
            ["pads", "milk", "cream", "oats"],
            "made for 28-40 weeks first, taking turns between shelves"
        );
        // A high fasting glucose: sweetened milk powder leaves the
        // suggestions and its page says why, with the source.
        c.records()
            .record(
                Measurement::glucose(5.6, GlucoseUnit::MmolPerL, GlucoseContext::Fasting).unwrap(),
                None,
            )
            .unwrap();
        assert_eq!(
            skus(&c.shop().shop_suggestions(20).unwrap()),
            ["pads", "cream", "oats"]
        );
        let page = c.shop().product_page("milk").unwrap();
        assert!(page.suits_now);
        assert_eq!(page.warnings.len(), 1);
        assert_eq!(page.warnings[0].tag, "high_sugar");
        assert!(
            page.warnings[0]
                .source
                .contains("hyperglycaemia in pregnancy (2022)")
        );
        assert!(!c.shop().product_page("formula").unwrap().suits_now);
    }

    #[test]
    fn the_shop_screen_suggests_until_she_searches_and_counts_the_cart() {
        let (_d, c) = app(30);
        let home = c.shop().screen("  ", 20).unwrap();
        assert!(!home.searching && home.catalog_ready);
        assert_eq!(
            skus(&home.products),
            skus(&c.shop().shop_suggestions(20).unwrap())
        );
        c.shop().cart_add("pads", 4).unwrap();
        let found = c.shop().screen("叶酸", 20).unwrap();
        assert!(found.searching);
        assert_eq!(skus(&found.products), ["folic"]);
        assert_eq!(found.cart_count, 4);

        let fresh = tempfile::tempdir().unwrap();
        let config =
            Config::new("Asia/Shanghai", "en", DbKey::from_bytes(&[7; 32]).unwrap()).unwrap();
        let empty = Cradle::open(fresh.path().join("c.db"), config).unwrap();
        let screen = empty.shop().screen("", 20).unwrap();
        assert!(!screen.catalog_ready && screen.products.is_empty());
    }

    #[test]
    fn add_to_cart_adds_the_minimum_then_one_step_until_the_maximum() {
        let (_d, c) = app(30);
        let mut added = Vec::new();
        while let Some(n) = c.shop().product_page("pads").unwrap().add_qty {
            c.shop().cart_add("pads", n.into()).unwrap();
            added.push(n);
        }
        assert_eq!(
            added,
            [2, 2],
            "2 first, then steps of 2 while the stock of 5 lasts"
        );
        assert_eq!(c.shop().product_page("pads").unwrap().in_cart, 4);
        assert_eq!(c.shop().product_page("formula").unwrap().add_qty, Some(1));
        let mut gone = catalogue().into_iter().find(|p| p.sku == "oats").unwrap();
        gone.discontinued = true;
        gone.version = 2;
        load(&c, vec![gone]);
        assert_eq!(c.shop().product_page("oats").unwrap().add_qty, None);
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
        let view = c.shop().cart_add("folic", 2).unwrap();
        assert_eq!(
            (view.item_count, view.total_minor, view.total_text.as_str()),
            (2, 25600, "¥256.00")
        );
        let view = c.shop().cart_add("folic", 1).unwrap();
        assert_eq!(view.lines[0].qty, 3, "an add is additive");
        let before = c.shop().cart().unwrap();
        for (sku, qty, field) in [
            ("folic", 0, "qty"),
            ("folic", -1, "qty"),
            ("folic", 4, "qty"), // 3 + 4 > 6
            ("pads", 3, "qty"),  // 2, 4, 6…
            ("pads", 1, "qty"),  // at least 2
        ] {
            match c.shop().cart_add(sku, qty) {
                Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field, "{sku} {qty}"),
                other => panic!("{sku} {qty}: {other:?}"),
            }
        }
        assert!(matches!(
            c.shop().cart_add("nope", 1),
            Err(Error::NotFound("product"))
        ));
        assert!(matches!(
            c.shop().cart_remove("oats"),
            Err(Error::NotFound(_))
        ));
        assert_eq!(
            c.shop().cart().unwrap(),
            before,
            "refused input changed nothing"
        );

        let view = c.shop().cart_set("pads", 4).unwrap();
        assert_eq!(view.total_minor, 3 * 12800 + 4 * 12800);
        let steps =
            |v: &CartView| -> Vec<_> { v.lines.iter().map(|l| (l.qty_down, l.qty_up)).collect() };
        assert_eq!(
            steps(&view),
            [(Some(2), Some(4)), (Some(2), Some(6))],
            "the buttons follow each product's step"
        );
        let view = c.shop().cart_set("folic", 6).unwrap();
        assert_eq!(
            steps(&view)[0],
            (Some(5), None),
            "+ is disabled at the maximum"
        );
        let view = c.shop().cart_set("pads", 2).unwrap();
        assert_eq!(
            steps(&view)[1],
            (None, Some(4)),
            "− is disabled at the minimum"
        );
        c.shop().cart_set("folic", 3).unwrap();
        let view = c.shop().cart_remove("folic").unwrap();
        assert_eq!(skus_of(&view), ["pads"]);
    }

    fn skus_of(view: &CartView) -> Vec<&str> {
        view.lines.iter().map(|l| l.sku.as_str()).collect()
    }

    #[test]
    fn a_line_keeps_the_price_she_saw_and_the_total_uses_the_latest() {
        let (_d, c) = app(30);
        c.shop().cart_add("oats", 2).unwrap();
        let mut dearer = catalogue().into_iter().find(|p| p.sku == "oats").unwrap();
        dearer.price_minor = 13800;
        dearer.stock = 1;
        dearer.version = 2;
        load(&c, vec![dearer]);
        let view = c.shop().cart().unwrap();
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
                let before = c.shop().cart().unwrap();
                let result = match op {
                    0 => c.shop().cart_add(items[item], qty),
                    1 => c.shop().cart_set(items[item], qty),
                    _ => c.shop().cart_remove(items[item]),
                };
                let after = c.shop().cart().unwrap();
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
