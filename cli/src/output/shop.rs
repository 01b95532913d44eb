//! The shop's screens as lines, in her language; `--json` prints the
//! core's own view types.

use super::Output;
use cradle_core::profile::Language;
use cradle_core::shop::addresses::AddressView;
use cradle_core::shop::bag::HospitalBag;
use cradle_core::shop::checkout::{CheckoutReview, OrderView, Refill};
use cradle_core::shop::words;
use cradle_core::shop::{CartView, CatalogUpdate, ProductCard, ProductPage};

/// "  (no longer sold)", or nothing.
fn note(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("  ({text})")
    }
}

/// Ids as she can type them: the first 8 characters are unique enough.
fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

impl Output {
    pub fn catalog_update(&self, language: Language, u: &CatalogUpdate) {
        if self.json {
            return self.print(u);
        }
        say!("{}", words::catalog_update(u, language));
    }

    pub fn products(&self, language: Language, cards: &[ProductCard]) {
        if self.json {
            return self.print(&cards);
        }
        if cards.is_empty() {
            say!("{}", words::no_products(language));
        }
        for c in cards {
            let note = note(words::card_note(c, language));
            say!("{:<22} {:>10}  {}{note}", c.sku, c.price_text, c.name);
        }
    }

    pub fn product_page(&self, language: Language, p: &ProductPage) {
        if self.json {
            return self.print(p);
        }
        say!("{}  {}", p.card.name, p.card.price_text);
        say!("{}", p.description);
        say!(
            "{}",
            words::qty_rule(p.qty_min, p.qty_max, p.qty_step, language)
        );
        say!("{}", words::traceability(&p.traceability, language));
        for w in &p.warnings {
            say!("{}", words::warning(w, language));
        }
        if p.in_cart > 0 {
            say!("{}", words::in_cart(p.in_cart, language));
        }
    }

    pub fn refill(&self, language: Language, r: &Refill) {
        if self.json {
            return self.print(r);
        }
        for name in &r.skipped {
            say!("{}", words::not_added(name, language));
        }
        self.cart_lines(language, &r.cart);
    }

    pub fn cart(&self, language: Language, c: &CartView) {
        if self.json {
            return self.print(c);
        }
        self.cart_lines(language, c);
    }

    fn cart_lines(&self, language: Language, c: &CartView) {
        if let Some(q) = &c.queued {
            say!(
                "{}",
                words::queued_order(&q.queued_text, &q.total_text, &q.status_text, language)
            );
            for l in &q.lines {
                say!("{:>3} × {}  {}", l.qty, l.name, l.unit_price_text);
            }
            for w in &q.warnings {
                say!("! {}", w.message);
            }
            if q.status == "needs_review" {
                say!(
                    "{}",
                    language.pick(
                        "运行 `cradle checkout --take-back` 取回购物车，再重新结算。",
                        "Run `cradle checkout --take-back`, then check out again."
                    )
                );
            }
        }
        if c.lines.is_empty() {
            say!("{}", words::cart_empty(language));
            return;
        }
        for l in &c.lines {
            let note = note(words::line_note(l, language));
            say!(
                "{:>3} × {}  {}  = {}{note}",
                l.qty,
                l.name,
                l.price_text,
                l.line_total_text
            );
        }
        say!(
            "{}",
            words::items_total(c.item_count.into(), &c.total_text, language)
        );
    }

    pub fn bag(&self, language: Language, bag: &HospitalBag) {
        if self.json {
            return self.print(bag);
        }
        if !bag.open {
            match &bag.opens_on {
                Some(day) => say!("{} ({day})", bag.note),
                None => say!("{}", bag.note),
            }
            return;
        }
        say!("{}", words::packed(bag.packed, bag.total, language));
        for g in &bag.groups {
            say!("\n{}", g.title);
            for i in &g.items {
                let tick = if i.packed { "[x]" } else { "[ ]" };
                let shop = if i.shop_text.is_empty() {
                    String::new()
                } else {
                    format!("  · {}", i.shop_text)
                };
                say!("  {tick} {}  ({}){shop}", i.name, i.id);
                // What fills it, while she still needs one (the core decides).
                if let Some(p) = i.products.first() {
                    say!(
                        "      {}  {}  (cradle cart add {})",
                        p.name,
                        p.price_text,
                        p.sku
                    );
                }
            }
        }
    }

    pub fn addresses(&self, language: Language, book: &[AddressView]) {
        if self.json {
            return self.print(&book);
        }
        if book.is_empty() {
            say!(
                "{}",
                language.pick(
                    "还没有收货地址：`cradle address add` 可以保存一个，下单需要地址。",
                    "No addresses yet: `cradle address add` saves one; orders need one."
                )
            );
        }
        for a in book {
            let mark = if a.is_default {
                note(words::default_address(language))
            } else {
                String::new()
            };
            say!("{}  {}{mark}", a.id, a.label);
        }
    }

    pub fn checkout_review(&self, language: Language, r: &CheckoutReview, confirming: bool) {
        if self.json {
            // Confirming prints the order instead, unless something changed.
            if !confirming || !r.warnings.is_empty() {
                self.print(r);
            }
            return;
        }
        for l in &r.lines {
            say!(
                "{:>3} × {}  {}  = {}",
                l.qty,
                l.name,
                l.unit_price_text,
                l.line_total_text
            );
        }
        say!("{}", words::total(&r.total_text, language));
        match &r.ship_to {
            Some(label) => say!("{}", words::deliver_to(label, language)),
            None => say!(
                "{}",
                language.pick(
                    "还没有收货地址：`cradle address add` 可以保存一个。",
                    "No delivery address yet: `cradle address add` saves one."
                )
            ),
        }
        for w in &r.warnings {
            say!("! {}", w.message);
        }
        if !r.warnings.is_empty() {
            say!("{}", words::nothing_ordered(language));
        } else if !confirming {
            say!(
                "{}",
                language.pick(
                    "运行 `cradle checkout --confirm` 提交这笔订单。",
                    "Run `cradle checkout --confirm` to place this order."
                )
            );
        }
    }

    pub fn orders(&self, language: Language, orders: &[OrderView]) {
        if self.json {
            return self.print(&orders);
        }
        if orders.is_empty() {
            say!("{}", words::no_orders(language));
        }
        for o in orders {
            say!(
                "{}",
                words::order_heading(short(&o.id), &o.status_text, &o.total_text, language)
            );
            for l in &o.lines {
                say!(
                    "  {:>3} × {}  {}  {}",
                    l.qty,
                    l.name,
                    l.unit_price_text,
                    words::batch(&l.batch, language)
                );
            }
            if let Some(step) = o.history.last() {
                say!("  {}  {}", step.at_text, step.text);
            }
            if let Some(deadline) = o.return_deadline_text.as_deref().filter(|_| o.can_return) {
                say!("  {}", words::return_until(deadline, language));
            }
            for r in &o.returns {
                say!(
                    "  {} {} ({}): {}",
                    r.kind_text,
                    short(&r.id),
                    r.reason_text,
                    r.status_text
                );
            }
            for k in &o.complaints {
                say!(
                    "  {}",
                    words::complaint(&k.topic_text, &k.status_text, k.overdue, language)
                );
                if let Some(target) = &k.target_text {
                    say!("    {target}");
                }
            }
        }
    }
}
