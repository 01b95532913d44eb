//! What the statuses of orders, returns and complaints, the return reasons
//! and the complaint topics say in her language. Statuses are the
//! protocol's enums; an unknown reason or topic code from a newer server is
//! shown as it is rather than refused.

use cradle_client::{
    COMPLAINT_TOPICS, ComplaintStatus, OrderStatus, RETURN_KINDS, RETURN_REASONS, ReturnStatus,
};
use cradle_store::profile::Language;

/// An order's status in words.
pub fn order_status(status: OrderStatus, language: Language) -> String {
    let (zh, en) = match status {
        OrderStatus::PendingPayment => ("待付款", "Awaiting payment"),
        OrderStatus::Paid => ("已付款", "Paid"),
        OrderStatus::Shipped => ("已发货", "Shipped"),
        OrderStatus::Delivered => ("已送达", "Delivered"),
        OrderStatus::Cancelled => ("已取消", "Cancelled"),
    };
    pick(language, zh, en)
}

/// A return's status in words.
pub fn return_status(status: ReturnStatus, language: Language) -> String {
    let (zh, en) = match status {
        ReturnStatus::Requested => ("已申请", "Requested"),
        ReturnStatus::Approved => ("已同意", "Approved"),
        ReturnStatus::Rejected => ("商家未同意", "Declined by the shop"),
        ReturnStatus::ReturnShipped => ("已寄回", "Sent back"),
        ReturnStatus::Received => ("商家已收货", "Received by the shop"),
        ReturnStatus::Refunded => ("已退款", "Refunded"),
        ReturnStatus::ExchangeShipped => ("换货已发出", "Replacement sent"),
    };
    pick(language, zh, en)
}

/// The status code of a return or complaint still waiting for the network:
/// the device's own, never the server's.
pub const QUEUED: &str = "queued";

/// What a request still waiting for the network says.
pub fn queued_request(language: Language) -> String {
    pick(language, "待联网提交", "Sends when online")
}

/// The order waiting for the network: `waiting` or `needs_review`.
pub fn queued_order_status(code: &str, language: Language) -> String {
    let (zh, en) = match code {
        "waiting" => ("联网后自动下单", "Orders when you are back online"),
        "needs_review" => (
            "价格或库存有变化，请确认",
            "Something changed: please review it",
        ),
        other => return other.to_owned(),
    };
    pick(language, zh, en)
}

/// What she asks for (one of `RETURN_KINDS`) in words.
pub fn return_kind(code: &str, language: Language) -> String {
    let (zh, en) = match code {
        "return" => ("退货退款", "Return for a refund"),
        "exchange" => ("换货", "Exchange"),
        "refund_only" => ("仅退款", "Refund without return"),
        other => return other.to_owned(),
    };
    pick(language, zh, en)
}

/// A return reason (one of `RETURN_REASONS`) in words.
pub fn return_reason(code: &str, language: Language) -> String {
    let (zh, en) = match code {
        "changed_mind" => ("七天无理由退货", "Changed my mind"),
        "wrong_item" => ("发错商品", "Wrong item"),
        "damaged" => ("商品破损", "Arrived damaged"),
        "quality" => ("质量问题", "Quality problem"),
        "other" => ("其他", "Other"),
        other => return other.to_owned(),
    };
    pick(language, zh, en)
}

/// A complaint's status in words.
pub fn complaint_status(status: ComplaintStatus, language: Language) -> String {
    let (zh, en) = match status {
        ComplaintStatus::Open => ("待客服回复", "Waiting for a reply"),
        ComplaintStatus::Responded => ("客服已回复，处理中", "Answered, being resolved"),
        ComplaintStatus::Resolved => ("已解决", "Resolved"),
    };
    pick(language, zh, en)
}

/// A complaint topic (one of `COMPLAINT_TOPICS`) in words.
pub fn complaint_topic(code: &str, language: Language) -> String {
    let (zh, en) = match code {
        "late_delivery" => ("配送延误", "Late delivery"),
        "damaged" => ("商品破损", "Arrived damaged"),
        "wrong_item" => ("发错商品", "Wrong item"),
        "quality" => ("质量问题", "Quality problem"),
        "service" => ("服务态度", "Customer service"),
        "other" => ("其他", "Other"),
        other => return other.to_owned(),
    };
    pick(language, zh, en)
}

/// One choice a form offers: the code the core takes, the label she reads.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Choice {
    pub code: String,
    pub label: String,
}

fn choices(codes: &[&str], words: fn(&str, Language) -> String, language: Language) -> Vec<Choice> {
    codes
        .iter()
        .map(|code| Choice {
            code: (*code).to_owned(),
            label: words(code, language),
        })
        .collect()
}

/// What the return form offers to ask for, in its order.
pub fn return_kinds(language: Language) -> Vec<Choice> {
    choices(RETURN_KINDS, return_kind, language)
}

/// The reasons a return may give, in the form's order.
pub fn return_reasons(language: Language) -> Vec<Choice> {
    choices(RETURN_REASONS, return_reason, language)
}

/// The topics a complaint may name, in the form's order.
pub fn complaint_topics(language: Language) -> Vec<Choice> {
    choices(COMPLAINT_TOPICS, complaint_topic, language)
}

/// The words in her language.
pub fn pick(language: Language, zh: &str, en: &str) -> String {
    match language {
        Language::ZhHans => zh,
        Language::En => en,
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cradle_client::WireStatus;

    #[test]
    fn every_status_and_code_has_words_in_both_languages() {
        for language in [Language::ZhHans, Language::En] {
            for s in OrderStatus::ALL {
                assert_ne!(order_status(*s, language), s.code());
            }
            for s in ReturnStatus::ALL {
                assert_ne!(return_status(*s, language), s.code());
            }
            for s in ComplaintStatus::ALL {
                assert_ne!(complaint_status(*s, language), s.code());
            }
            assert_ne!(queued_request(language), QUEUED);
            for code in RETURN_REASONS {
                assert_ne!(return_reason(code, language), *code);
            }
            for code in ["waiting", "needs_review"] {
                assert_ne!(queued_order_status(code, language), code);
            }
            for choice in complaint_topics(language) {
                assert_ne!(choice.label, choice.code);
            }
        }
    }
}
