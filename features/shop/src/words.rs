//! What the shop says in words, in her language (order and return
//! statuses are in `status`).

use crate::{CartLine, CatalogUpdate, ProductCard, ProductWarning};
use cradle_client::Traceability;
use cradle_store::profile::Language;

/// What bringing the offline catalogue up to date did.
pub fn catalog_update(u: &CatalogUpdate, language: Language) -> String {
    if u.unchanged {
        language
            .pick("商品目录已是最新。", "The catalogue is up to date.")
            .into()
    } else {
        language.pick(
            format!("商品目录已更新：{} 件商品有变化。", u.changed),
            format!("Catalogue updated: {} product(s) changed.", u.changed),
        )
    }
}

/// How much of the hospital bag is packed.
pub fn packed(packed: u32, total: u32, language: Language) -> String {
    language.pick(
        format!("已装好 {packed} / {total} 件"),
        format!("Packed {packed} of {total}"),
    )
}

/// A search or suggestion that found nothing.
pub fn no_products(language: Language) -> &'static str {
    language.pick("没有找到商品。", "No products found.")
}

/// Why a product in a list cannot be bought now; empty when it can.
pub fn card_note(c: &ProductCard, language: Language) -> &'static str {
    if c.discontinued {
        language.pick("已停售", "no longer sold")
    } else if !c.in_stock {
        language.pick("缺货", "out of stock")
    } else {
        ""
    }
}

/// How many she may buy at once.
pub fn qty_rule(min: u32, max: u32, step: u32, language: Language) -> String {
    language.pick(
        format!("每次可买 {min} 到 {max} 件，每档 {step} 件。"),
        format!("Buy {min} to {max}, in steps of {step}."),
    )
}

/// Where a product comes from: batch, origin, quality report, cold chain.
pub fn traceability(t: &Traceability, language: Language) -> String {
    let cold = if t.cold_chain {
        language.pick(" · 冷链运输", " · cold chain")
    } else {
        ""
    };
    language.pick(
        format!(
            "批次 {} · {} · 质检报告 {}{cold}",
            t.batch, t.origin, t.quality_report
        ),
        format!(
            "Batch {} · {} · report {}{cold}",
            t.batch, t.origin, t.quality_report
        ),
    )
}

/// Why a product may not suit her now, with the guideline it comes from.
pub fn warning(w: &ProductWarning, language: Language) -> String {
    language.pick(
        format!("注意：{}（{}）", w.message, w.source),
        format!("Note: {} ({})", w.message, w.source),
    )
}

/// How many of a product her cart holds.
pub fn in_cart(qty: u32, language: Language) -> String {
    language.pick(
        format!("购物车里已有 {qty} 件。"),
        format!("{qty} in your cart."),
    )
}

/// A line "buy again" could not add.
pub fn not_added(name: &str, language: Language) -> String {
    language.pick(
        format!("未加入（已不再按原样出售）：{name}"),
        format!("Not added (no longer sold as ordered): {name}"),
    )
}

/// The order waiting for the network, as the cart's first line shows it.
pub fn queued_order(at: &str, total: &str, status: &str, language: Language) -> String {
    language.pick(
        format!("订单已保存（{at}）：{total}（{status}）"),
        format!("Order saved {at}: {total} ({status})"),
    )
}

pub fn cart_empty(language: Language) -> &'static str {
    language.pick("购物车是空的。", "Your cart is empty.")
}

/// Why a cart line cannot be ordered as it is; empty when it can.
pub fn line_note(l: &CartLine, language: Language) -> &'static str {
    if l.unavailable {
        language.pick("已停售", "no longer sold")
    } else if l.short_of_stock {
        language.pick("库存不足", "not enough in stock")
    } else {
        ""
    }
}

/// "3 items · ¥256.00": every unit counted.
pub fn items_total(units: u64, total: &str, language: Language) -> String {
    match (language, units) {
        (Language::ZhHans, n) => format!("共 {n} 件 · {total}"),
        (Language::En, 1) => format!("1 item · {total}"),
        (Language::En, n) => format!("{n} items · {total}"),
    }
}

pub fn total(total: &str, language: Language) -> String {
    language.pick(format!("合计：{total}"), format!("Total: {total}"))
}

pub fn deliver_to(label: &str, language: Language) -> String {
    language.pick(format!("收货地址：{label}"), format!("Deliver to: {label}"))
}

/// Checkout found changes: she reviews before anything is ordered.
pub fn nothing_ordered(language: Language) -> &'static str {
    language.pick(
        "尚未下单。请先查看购物车的变化，再重新结算。",
        "Nothing was ordered. Review the cart, then check out again.",
    )
}

/// The address marked for new orders.
pub fn default_address(language: Language) -> &'static str {
    language.pick("默认", "default")
}

pub fn no_orders(language: Language) -> &'static str {
    language.pick("还没有订单。", "No orders yet.")
}

/// An order's heading: its short id, status and total.
pub fn order_heading(id: &str, status: &str, total: &str, language: Language) -> String {
    language.pick(
        format!("订单 {id}  {status}  {total}"),
        format!("Order {id}  {status}  {total}"),
    )
}

pub fn batch(batch: &str, language: Language) -> String {
    language.pick(format!("批次 {batch}"), format!("batch {batch}"))
}

/// The last moment of the no-reason return window, in her zone.
pub fn return_until(deadline: &str, language: Language) -> String {
    language.pick(
        format!("无理由退货截止 {deadline}"),
        format!("No-reason return until {deadline}"),
    )
}

/// A complaint's line on its order: topic, status, and whether the shop is late.
pub fn complaint(topic: &str, status: &str, overdue: bool, language: Language) -> String {
    let late = if overdue {
        language.pick("（已超时）", " (overdue)")
    } else {
        ""
    };
    language.pick(
        format!("投诉（{topic}）：{status}{late}"),
        format!("Complaint ({topic}): {status}{late}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chinese_words_hold_no_english() {
        for unchanged in [true, false] {
            let u = CatalogUpdate {
                changed: 3,
                version: 9,
                unchanged,
            };
            let text = catalog_update(&u, Language::ZhHans);
            assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
        }
        let zh = Language::ZhHans;
        for text in [
            no_products(zh).to_owned(),
            cart_empty(zh).to_owned(),
            nothing_ordered(zh).to_owned(),
            default_address(zh).to_owned(),
            no_orders(zh).to_owned(),
            packed(3, 17, zh),
            qty_rule(1, 10, 1, zh),
            in_cart(2, zh),
            total("¥1.00", zh),
            items_total(1, "¥1.00", zh),
            deliver_to("上海市", zh),
            return_until("2026-12-11 12:24", zh),
            complaint("质量问题", "处理中", true, zh),
        ] {
            assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
        }
    }
}
