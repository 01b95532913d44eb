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

/// The shop's fields and rules, for a refusal in her language; the
/// address rules are the protocol's, which the server applies as well.
pub const REFUSALS: cradle_store::refusal::Refusals = cradle_store::refusal::Refusals {
    fields: &[
        ("address", "the delivery address", "收货地址"),
        ("cart", "the cart", "购物车"),
        ("city", "the city", "城市"),
        ("detail", "the street and door", "详细地址"),
        ("district", "the district or county", "区/县"),
        ("hospital_bag", "the hospital bag", "待产包"),
        ("lines", "the items", "商品"),
        ("note", "the note", "说明"),
        ("order", "the order", "订单"),
        ("payment", "the payment", "付款"),
        ("phone", "the mobile number", "手机号码"),
        ("postal_code", "the postal code", "邮政编码"),
        ("province", "the province", "省份"),
        ("qty", "the quantity", "数量"),
        ("query", "the search", "搜索内容"),
        ("reason", "the reason", "原因"),
        ("server_url", "the shop server", "商城服务器"),
        ("sku", "the product", "商品"),
        ("topic", "the topic", "问题类型"),
    ],
    rules: &[
        ("add a delivery address first", "请先添加收货地址"),
        (
            "an order is already waiting for the network",
            "已有一个订单在等待联网",
        ),
        (
            "changed since it was checked; review it again",
            "核对后有变化，请再看一遍",
        ),
        (
            "not enough in stock; review it again",
            "库存不足，请再看一遍",
        ),
        (
            "remove what is no longer sold first",
            "请先移除已停售的商品",
        ),
        ("opens at 28 weeks of pregnancy", "孕 28 周起开放"),
        (
            "a product that is not in this order",
            "有不在这个订单里的商品",
        ),
        (
            "between 1 and the quantity ordered",
            "应在 1 到所购数量之间",
        ),
        ("name at least one line to return", "请至少选一件要退的商品"),
        (
            "the no-reason return window of a line has closed",
            "有商品已过七天无理由退货期",
        ),
        (
            "say what happened in 1 to 500 characters",
            "请用 1 到 500 个字说明情况",
        ),
        ("can be returned once delivered", "签收后才能退货"),
        (
            "has shipped; ask for a return instead",
            "已发货；请改为申请退货",
        ),
        (
            "is being placed right now; look again in a moment",
            "正在提交，请稍后再看",
        ),
        (
            "its no-reason return window has closed",
            "已过七天无理由退货期",
        ),
        ("the server refused this change", "商城没有接受这次更改"),
        ("was cancelled", "已取消"),
        (
            "went through before it could be taken back; see your orders",
            "撤回前已经提交；请查看我的订单",
        ),
        ("was declined", "被拒绝了"),
        (
            "must be {} plus a multiple of {}",
            "应为 {} 加上 {} 的整数倍",
        ),
        ("the total is too large", "总数太大了"),
        (
            "must be changed_mind, wrong_item, damaged, quality or other",
            "应为不想要了、发错货、损坏、质量问题或其他",
        ),
        ("no shop server is known yet", "还不知道商城服务器的地址"),
        ("must be an absolute http(s) URL", "应为完整的 http(s) 网址"),
        ("is no longer sold", "已停售"),
        ("is not one the shop knows", "商城不认识这个问题类型"),
        (
            "must be late_delivery, damaged, wrong_item, quality, service or other",
            "应为发货慢、损坏、发错货、质量问题、服务或其他",
        ),
        (
            "kind must be return, exchange or refund_only",
            "应为退货、换货或仅退款",
        ),
        (
            "a refund without sending it back needs something wrong with it",
            "仅退款需要商品有问题",
        ),
        (
            "give the recipient's name (up to 25 characters)",
            "请填写收货人姓名（最多 25 个字）",
        ),
        (
            "must be an 11-digit mainland mobile number",
            "应为 11 位中国大陆手机号码",
        ),
        ("choose a province of the mainland", "请选择中国大陆的省份"),
        (
            "give the city (up to 20 characters)",
            "请填写城市（最多 20 个字）",
        ),
        (
            "give the district or county (up to 20 characters)",
            "请填写区/县（最多 20 个字）",
        ),
        (
            "give the street and door (4 to 120 characters)",
            "请填写街道和门牌（4 到 120 个字）",
        ),
        ("must be 6 digits", "应为 6 位数字"),
    ],
};

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
