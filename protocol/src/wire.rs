//! The REST API's request and response bodies (docs/sync.md). Unknown fields
//! are refused, so a typo is a 400 rather than silently ignored data.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The sync protocol this build speaks. The server answers 426 to a client
/// older than the oldest version it still supports.
pub const PROTOCOL_VERSION: u32 = 1;
/// The most mutations one push may carry.
pub const MAX_BATCH: usize = 100;
/// The most versions one pull page may carry.
pub const MAX_PULL_LIMIT: u32 = 500;
/// The largest id, version or cursor the wire carries: what both server
/// databases store (a signed 64-bit integer). Beyond it is a 400.
pub const MAX_COUNTER: u64 = i64::MAX as u64;
/// The largest request body the server reads (a full push of 100 ordinary
/// mutations fits easily); beyond it, 413.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// The largest field value a push may carry, as serialized JSON (sealed,
/// for health collections); beyond it the mutation is rejected for good.
/// The core refuses such a change when it is written.
pub const MAX_FIELD_BYTES: usize = 16 * 1024;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Health {
    pub status: String,
    /// The server build's version.
    pub version: String,
}

/// `POST /v1/accounts`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Register {
    /// A login name of the user's choosing (3 to 64 characters); no phone
    /// number or e-mail is required.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9._-]{3,64}$"))]
    pub login: String,
    /// 10 to 256 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 256))]
    pub password: String,
    /// The constant `KEY_CHECK` sealed with the sync key, so another device
    /// can tell a mistyped recovery code. The server cannot read it.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^e[12]\\.[A-Za-z0-9_-]{41,509}$")
    )]
    pub key_check: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registered {
    pub account_id: String,
}

/// `POST /v1/sessions`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Login {
    pub login: String,
    pub password: String,
    /// Shown in the user's list of signed-in devices (1 to 64 characters).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub device: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// An opaque bearer token; the server keeps only its hash.
    pub token: String,
    /// RFC 3339.
    pub expires_at: String,
    pub account_id: String,
    pub key_check: String,
}

/// `DELETE /v1/account`: the password again, for an irreversible act.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteAccount {
    pub password: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Sets the given fields, creating the document if needed.
    Put,
    /// Deletes the document; deletes win over any later put.
    Delete,
}

/// One change to one document.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mutation {
    /// Per client: 1, 2, 3… with no gaps.
    #[cfg_attr(
        feature = "openapi",
        schema(minimum = 1, maximum = 9_223_372_036_854_775_807_i64)
    )]
    pub id: u64,
    pub collection: String,
    /// The document's id: 1 to 64 characters of [0-9a-z-].
    pub doc: String,
    pub op: Op,
    /// The server version the client had pulled when the change was made;
    /// a field changed since by another device is a concurrent edit.
    #[cfg_attr(
        feature = "openapi",
        schema(minimum = 0, maximum = 9_223_372_036_854_775_807_i64)
    )]
    pub base_version: u64,
    /// The changed fields. Values of health collections are sealed strings.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub fields: BTreeMap<String, Value>,
}

/// `POST /v1/sync/push`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9a-z-]{1,64}$"))]
    pub client_id: String,
    /// `PROTOCOL_VERSION`; an older one is 426.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1))]
    pub schema_version: u32,
    /// At most `MAX_BATCH`, in id order.
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub mutations: Vec<Mutation>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MutationStatus {
    Applied,
    /// Already applied earlier (a retry); skipped.
    Duplicate,
    /// Permanently invalid; counted as processed so the queue moves on.
    Rejected,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MutationResult {
    pub id: u64,
    pub status: MutationStatus,
    /// Why it was rejected: `unknown_collection`, `unknown_field`,
    /// `bad_doc_id`, `not_sealed`, `deleted` or `too_large`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushResponse {
    /// The highest mutation id of this client the server has processed.
    pub last_mutation_id: u64,
    /// One per mutation processed; a gap stops processing, and the rest are absent.
    pub results: Vec<MutationResult>,
}

/// A document as it stands on the server at `version`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub version: u64,
    pub collection: String,
    pub doc: String,
    pub deleted: bool,
    /// Every field of the document (empty for a tombstone).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub fields: BTreeMap<String, Value>,
}

/// A concurrent edit that lost: `lost_value` was overwritten by a later
/// write from another device that had not seen it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub version: u64,
    pub collection: String,
    pub doc: String,
    pub field: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub lost_value: Value,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub won_value: Value,
}

/// `GET /v1/sync/pull`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PullResponse {
    /// In version order; a version is never split across pages.
    pub changes: Vec<Change>,
    pub conflicts: Vec<Conflict>,
    /// Pass back to continue after this page. Opaque.
    pub cursor: String,
    /// The server version this page ends at.
    pub version: u64,
    pub has_more: bool,
    /// The highest mutation id of this client the server has processed.
    pub last_mutation_id: u64,
}

/// Every error body: a stable code to branch on and a message for people.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorBody {
    pub error: String,
    pub message: String,
}

/// The most products one catalogue page carries.
pub const MAX_CATALOG_LIMIT: u32 = 2000;

/// A stage a product suits, with its range: weeks of pregnancy for
/// `pregnancy`, months of age for `baby`; `trying` and `postpartum` take
/// no range (0–0).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageRange {
    pub stage: String,
    pub from: u32,
    pub to: u32,
}

/// Where a product comes from, for the product page.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Traceability {
    pub batch: String,
    pub origin: String,
    /// The quality inspection report's reference number.
    pub quality_report: String,
    pub cold_chain: bool,
}

/// The highest unit price the shop takes, in fen (¥1,000,000.00): above any
/// product it sells, and low enough that no cart of 100 lines of 999 can
/// overflow a total.
pub const MAX_PRICE_MINOR: i64 = 100_000_000;
/// The most stock one product may hold; a restock stays far from overflow.
pub const MAX_STOCK: i64 = 1_000_000_000;

/// A line's total, or `None` where it would overflow.
pub fn line_total(unit_price_minor: i64, qty: u32) -> Option<i64> {
    unit_price_minor.checked_mul(i64::from(qty))
}

/// `total` with `line` added, or `None` where it would overflow.
pub fn add_minor(total: i64, line: i64) -> Option<i64> {
    total.checked_add(line)
}

/// One product of the catalogue, as the server owns it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub description_zh: String,
    pub description_en: String,
    pub category: String,
    pub image_url: String,
    /// Integer minor units (fen for CNY), never a float.
    pub price_minor: i64,
    /// ISO 4217.
    pub currency: String,
    pub stock: i64,
    pub qty_min: u32,
    pub qty_max: u32,
    pub qty_step: u32,
    pub discontinued: bool,
    pub stages: Vec<StageRange>,
    /// Conditions the product does not suit (`high_sugar`, `caffeine`, …).
    pub avoid_tags: Vec<String>,
    pub traceability: Traceability,
    /// Pinyin initials of the Chinese name, for offline search ("yfnf").
    pub initials: String,
    /// Bumped by every change; a delta asks for versions above its own.
    pub version: u64,
}

/// `GET /v1/catalog?epoch=…&since=…&limit=…`: products changed after
/// `since`, in version order. The response's ETag names the epoch and the
/// catalogue version, so an unchanged catalogue answers 304 to `If-None-Match`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogPage {
    /// The server database's epoch. When the request named another one (a
    /// new or restored database), `reset` is true and this page starts from
    /// the beginning: the device drops its copy first.
    pub epoch: String,
    pub reset: bool,
    pub products: Vec<Product>,
    /// Ask again with `since` = this when `has_more`.
    pub version: u64,
    pub has_more: bool,
}

/// A cart line as the device sends it for checking: what she wants and the
/// unit price she saw.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CartItem {
    pub sku: String,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 999))]
    pub qty: u32,
    pub price_seen_minor: i64,
}

/// `POST /v1/carts/validate`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidateCart {
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 100))]
    pub lines: Vec<CartItem>,
}

/// Something she should see before confirming: `PRICE_CHANGED` (old and
/// new price), `OUT_OF_STOCK`, `NOT_ENOUGH_STOCK` (how many are left),
/// `DISCONTINUED`, `QTY_RULE`, `UNKNOWN_SKU`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CartWarning {
    pub code: String,
    pub sku: String,
    pub old_price_minor: Option<i64>,
    pub new_price_minor: Option<i64>,
    pub available: Option<i64>,
}

/// A line repriced at today's price.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PricedLine {
    pub sku: String,
    pub qty: u32,
    pub unit_price_minor: i64,
    pub line_total_minor: i64,
}

/// The cart as the server would sell it now. `quote` names these lines at
/// these prices: an order must carry it, and a change since gets 412.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Validation {
    pub lines: Vec<PricedLine>,
    pub total_minor: i64,
    pub currency: String,
    pub warnings: Vec<CartWarning>,
    pub quote: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderItem {
    pub sku: String,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 999))]
    pub qty: u32,
}

/// `POST /v1/orders`, with the header `Idempotency-Key: <order id>`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceOrder {
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 100))]
    pub lines: Vec<OrderItem>,
    /// From the validation she confirmed.
    pub quote: String,
    pub ship_to: ShipTo,
}

/// Where an order goes: a mainland Chinese address and a mobile number
/// for the courier. `check` is the one rule, on the phone and the server.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ShipTo {
    /// The recipient.
    pub name: String,
    /// 11 digits, `1[3-9]…`.
    pub phone: String,
    /// One of `PROVINCES`.
    pub province: String,
    pub city: String,
    pub district: String,
    /// Street, building, door.
    pub detail: String,
    /// Six digits, if given.
    pub postal_code: Option<String>,
}

/// The 31 provincial-level divisions of the mainland, in GB/T 2260 code
/// order (11 北京 … 65 新疆). The shop delivers within the mainland only.
pub const PROVINCES: &[&str] = &[
    "北京市",
    "天津市",
    "河北省",
    "山西省",
    "内蒙古自治区",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "上海市",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "广西壮族自治区",
    "海南省",
    "重庆市",
    "四川省",
    "贵州省",
    "云南省",
    "西藏自治区",
    "陕西省",
    "甘肃省",
    "青海省",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
];

impl ShipTo {
    /// The address as typed, tidied: fields trimmed, the phone's spaces,
    /// dashes and +86 dropped, an empty postal code left out.
    pub fn normalized(mut self) -> Self {
        for field in [
            &mut self.name,
            &mut self.province,
            &mut self.city,
            &mut self.district,
            &mut self.detail,
        ] {
            *field = field.trim().to_owned();
        }
        let digits: String = self
            .phone
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect();
        self.phone = digits.strip_prefix("+86").unwrap_or(&digits).to_owned();
        self.postal_code = self
            .postal_code
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty());
        self
    }

    /// The first field that is wrong, and what to fix, or `Ok`.
    pub fn check(&self) -> Result<(), (&'static str, &'static str)> {
        let len = |s: &str| s.chars().count();
        if !(1..=25).contains(&len(&self.name)) {
            return Err(("name", "give the recipient's name (up to 25 characters)"));
        }
        // Mainland mobile numbers: 11 digits from 13x to 19x (MIIT numbering plan).
        let p = self.phone.as_bytes();
        if p.len() != 11
            || p[0] != b'1'
            || !(b'3'..=b'9').contains(&p[1])
            || !p.iter().all(u8::is_ascii_digit)
        {
            return Err(("phone", "must be an 11-digit mainland mobile number"));
        }
        if !PROVINCES.contains(&self.province.as_str()) {
            return Err(("province", "choose a province of the mainland"));
        }
        if !(1..=20).contains(&len(&self.city)) {
            return Err(("city", "give the city (up to 20 characters)"));
        }
        if !(1..=20).contains(&len(&self.district)) {
            return Err((
                "district",
                "give the district or county (up to 20 characters)",
            ));
        }
        if !(4..=120).contains(&len(&self.detail)) {
            return Err(("detail", "give the street and door (4 to 120 characters)"));
        }
        if self
            .postal_code
            .as_ref()
            .is_some_and(|c| c.len() != 6 || !c.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(("postal_code", "must be 6 digits"));
        }
        Ok(())
    }

    /// One line, as a parcel label reads: recipient, phone, then the
    /// address from province down.
    pub fn label(&self) -> String {
        // A municipality is its own city: 北京市朝阳区, not 北京市北京市朝阳区.
        let city = if self.city == self.province {
            ""
        } else {
            &self.city
        };
        format!(
            "{} {} {}{city}{}{}",
            self.name, self.phone, self.province, self.district, self.detail
        )
    }
}

/// An order line as sold: the price paid and the batch that was sent.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderLine {
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub qty: u32,
    pub unit_price_minor: i64,
    pub traceability: Traceability,
    /// Days after delivery for a no-reason return, as the policy stood at
    /// purchase (0: not returnable without a reason).
    pub return_days: u32,
}

/// An order's, a return's or a complaint's status.
pub trait WireStatus: Copy {
    /// The code on the wire (snake_case).
    fn code(self) -> &'static str;
}

/// A status, on the wire as its snake_case code.
macro_rules! statuses {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $code:literal,)+ }) => {
        $(#[$doc])*
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            pub const ALL: &[Self] = &[$(Self::$variant),+];
        }

        impl WireStatus for $name {
            fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)+
                }
            }
        }
    };
}

statuses!(
    /// Where an order is: pending_payment → paid → shipped → delivered, or
    /// cancelled before it ships.
    OrderStatus {
        PendingPayment = "pending_payment",
        Paid = "paid",
        Shipped = "shipped",
        Delivered = "delivered",
        Cancelled = "cancelled",
    }
);

statuses!(
    /// Where a return, an exchange or a refund only is: requested, then
    /// approved or rejected; a return goes on to return_shipped, received
    /// and refunded, an exchange to exchange_shipped, a refund only from
    /// approved to refunded.
    ReturnStatus {
        Requested = "requested",
        Approved = "approved",
        Rejected = "rejected",
        ReturnShipped = "return_shipped",
        Received = "received",
        Refunded = "refunded",
        ExchangeShipped = "exchange_shipped",
    }
);

statuses!(
    /// Where a complaint is: open, responded, resolved.
    ComplaintStatus {
        Open = "open",
        Responded = "responded",
        Resolved = "resolved",
    }
);

/// A step in an order's, a return's or a complaint's life, with its time
/// (Unix seconds).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange<S> {
    pub status: S,
    pub at: i64,
}

/// `POST /v1/orders/{id}/returns`: a return, an exchange or a refund only
/// of some lines.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnRequest {
    /// Chosen by the device, so a retry is the same request.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9a-z-]{1,64}$"))]
    pub id: String,
    pub lines: Vec<OrderItem>,
    /// `changed_mind`, `wrong_item`, `damaged`, `quality`, `other`.
    pub reason: String,
    pub note: Option<String>,
    /// `return` (the default), `exchange` or `refund_only` (`RETURN_KINDS`).
    #[serde(default = "return_kind")]
    pub kind: String,
}

/// A return, an exchange or a refund only, and where it stands along its
/// kind's steps (`return_steps`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Return {
    pub id: String,
    pub lines: Vec<OrderItem>,
    pub reason: String,
    pub note: Option<String>,
    #[serde(default = "return_kind")]
    pub kind: String,
    pub status: ReturnStatus,
    pub history: Vec<StatusChange<ReturnStatus>>,
    /// Why the shop declined it (status `rejected`), in the shop's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection: Option<String>,
}

/// What she can ask for: `return` (send it back, refunded), `exchange`
/// (send it back, the same again) or `refund_only` (nothing to send back:
/// it arrived broken, or not at all).
pub const RETURN_KINDS: &[&str] = &["return", "exchange", "refund_only"];

fn return_kind() -> String {
    "return".into()
}

/// Each kind's steps, from the request to its end; `rejected` may follow
/// `requested` instead.
pub fn return_steps(kind: &str) -> &'static [ReturnStatus] {
    use ReturnStatus::*;
    match kind {
        "exchange" => &[
            Requested,
            Approved,
            ReturnShipped,
            Received,
            ExchangeShipped,
        ],
        "refund_only" => &[Requested, Approved, Refunded],
        _ => &[Requested, Approved, ReturnShipped, Received, Refunded],
    }
}

/// The one rule for a request's kind, on the phone and the server: a known
/// kind, and money back for goods she keeps only when something was wrong
/// with them (never for changing her mind).
pub fn check_return_kind(kind: &str, reason: &str) -> Result<(), &'static str> {
    if !RETURN_KINDS.contains(&kind) {
        return Err("kind must be return, exchange or refund_only");
    }
    if kind == "refund_only" && reason == "changed_mind" {
        return Err("a refund without sending it back needs something wrong with it");
    }
    Ok(())
}

/// `POST /v1/sandbox/orders/{id}/returns/{return}/reject`: the shop
/// declines a requested return, saying why (1 to 200 characters).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectReturn {
    pub reason: String,
}

/// The reasons a return may give.
pub const RETURN_REASONS: &[&str] = &["changed_mind", "wrong_item", "damaged", "quality", "other"];

/// The topics a complaint may name.
pub const COMPLAINT_TOPICS: &[&str] = &[
    "late_delivery",
    "damaged",
    "wrong_item",
    "quality",
    "service",
    "other",
];

/// `POST /v1/orders/{id}/complaints`: a complaint about an order.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintRequest {
    /// Chosen by the device, so a retry is the same complaint.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9a-z-]{1,64}$"))]
    pub id: String,
    /// `late_delivery`, `damaged`, `wrong_item`, `quality`, `service`, `other`.
    pub topic: String,
    /// What happened, 1 to 500 characters.
    pub note: String,
}

/// A complaint ticket: `open` → `responded` → `resolved`, with the shop's
/// service targets (first response within 48 h, resolution within 72 h).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    pub id: String,
    pub topic: String,
    pub note: String,
    pub status: ComplaintStatus,
    /// Unix seconds by which the shop first answers.
    pub respond_by: i64,
    /// Unix seconds by which the shop resolves it.
    pub resolve_by: i64,
    pub history: Vec<StatusChange<ComplaintStatus>>,
}

/// An order.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// The client-generated id, sent as the Idempotency-Key.
    pub id: String,
    pub status: OrderStatus,
    pub lines: Vec<OrderLine>,
    pub total_minor: i64,
    pub currency: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Every status it has had, oldest first.
    pub history: Vec<StatusChange<OrderStatus>>,
    pub returns: Vec<Return>,
    /// Orders stored before complaints existed have none.
    #[serde(default)]
    pub complaints: Vec<Complaint>,
    /// Orders stored before addresses existed have none.
    #[serde(default)]
    pub ship_to: Option<ShipTo>,
}

/// `GET /v1/orders`: hers, newest first.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderList {
    pub orders: Vec<Order>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_match<
        S: WireStatus + Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    >(
        all: &[S],
    ) {
        for s in all {
            let wire = serde_json::to_value(s).unwrap();
            assert_eq!(wire, serde_json::json!(s.code()));
            assert_eq!(serde_json::from_value::<S>(wire).unwrap(), *s);
        }
    }

    #[test]
    fn every_status_travels_as_its_code() {
        codes_match(OrderStatus::ALL);
        codes_match(ReturnStatus::ALL);
        codes_match(ComplaintStatus::ALL);
        assert!(serde_json::from_str::<OrderStatus>("\"lost_in_space\"").is_err());
    }
}
