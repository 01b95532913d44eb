//! The shop: catalogue, cart, checkout, orders, after-sales, addresses and the hospital bag.

use super::*;

#[uniffi::remote(Record)]
pub struct ProductCard {
    pub sku: String,
    pub name: String,
    pub category: String,
    pub image_url: String,
    pub price_minor: i64,
    pub currency: String,
    pub price_text: String,
    pub in_stock: bool,
    pub discontinued: bool,
}

#[uniffi::remote(Record)]
pub struct Traceability {
    pub batch: String,
    pub origin: String,
    pub quality_report: String,
    pub cold_chain: bool,
}

#[uniffi::remote(Record)]
pub struct ProductWarning {
    pub tag: String,
    pub message: String,
    pub source: String,
}

#[uniffi::remote(Record)]
pub struct ProductPage {
    pub card: ProductCard,
    pub description: String,
    pub traceability: Traceability,
    pub qty_min: u32,
    pub qty_max: u32,
    pub qty_step: u32,
    pub suits_now: bool,
    pub warnings: Vec<ProductWarning>,
    pub in_cart: u32,
    pub add_qty: Option<u32>,
}

#[uniffi::remote(Record)]
pub struct ShopScreen {
    pub products: Vec<ProductCard>,
    pub searching: bool,
    pub cart_count: u32,
    pub catalog_ready: bool,
}

#[uniffi::remote(Record)]
pub struct CartLine {
    pub sku: String,
    pub name: String,
    pub qty: u32,
    pub price_seen_minor: i64,
    pub price_now_minor: i64,
    pub price_changed: bool,
    pub line_total_minor: i64,
    pub line_total_text: String,
    pub price_text: String,
    pub unavailable: bool,
    pub short_of_stock: bool,
    pub qty_down: Option<u32>,
    pub qty_up: Option<u32>,
}

#[uniffi::remote(Record)]
pub struct CartView {
    pub lines: Vec<CartLine>,
    pub item_count: u32,
    pub total_minor: i64,
    pub currency: String,
    pub total_text: String,
    pub queued: Option<QueuedOrder>,
    pub ship_to: Option<String>,
}

#[uniffi::remote(Record)]
pub struct QueuedOrder {
    pub id: String,
    pub lines: Vec<ReviewLine>,
    pub total_minor: i64,
    pub total_text: String,
    pub queued_text: String,
    pub status: String,
    pub status_text: String,
    pub warnings: Vec<CheckoutWarning>,
    pub ship_to: String,
}

#[uniffi::remote(Record)]
pub struct CatalogUpdate {
    pub changed: u64,
    pub version: u64,
    pub unchanged: bool,
}

/// The shop, as `core.shop()` hands it out: the catalogue copy, search and
/// suggestions work offline, and so does the cart; each call returns a
/// whole screen.
#[derive(uniffi::Object)]
pub struct ShopClient {
    core: Arc<CradleCore>,
}

#[uniffi::export]
impl CradleCore {
    pub fn shop(self: Arc<Self>) -> Arc<ShopClient> {
        Arc::new(ShopClient { core: self })
    }
}

impl ShopClient {
    fn shop(&self) -> cradle_core::shop::Shop<'_> {
        self.core.core.shop()
    }
}

#[uniffi::export]
impl ShopClient {
    /// Suggestions for her stage while `query` is blank, else what matches.
    pub fn screen(&self, query: String, limit: u32) -> Result<ShopScreen> {
        Ok(self.shop().screen(&query, limit)?)
    }

    pub fn product_page(&self, sku: String) -> Result<ProductPage> {
        Ok(self.shop().product_page(&sku)?)
    }

    pub fn cart(&self) -> Result<CartView> {
        Ok(self.shop().cart()?)
    }

    pub fn cart_add(&self, sku: String, qty: i64) -> Result<CartView> {
        Ok(self.shop().cart_add(&sku, qty)?)
    }

    pub fn cart_set(&self, sku: String, qty: i64) -> Result<CartView> {
        Ok(self.shop().cart_set(&sku, qty)?)
    }

    pub fn cart_remove(&self, sku: String) -> Result<CartView> {
        Ok(self.shop().cart_remove(&sku)?)
    }
}

#[uniffi::remote(Record)]
pub struct ReviewLine {
    pub sku: String,
    pub name: String,
    pub qty: u32,
    pub unit_price_text: String,
    pub line_total_text: String,
}

#[uniffi::remote(Record)]
pub struct CheckoutWarning {
    pub code: String,
    pub sku: String,
    pub message: String,
}

#[uniffi::remote(Record)]
pub struct CheckoutReview {
    pub lines: Vec<ReviewLine>,
    pub total_minor: i64,
    pub total_text: String,
    pub warnings: Vec<CheckoutWarning>,
    pub quote: String,
    pub ship_to: Option<String>,
}

#[uniffi::remote(Record)]
pub struct OrderLineView {
    pub sku: String,
    pub name: String,
    pub qty: u32,
    pub unit_price_text: String,
    pub batch: String,
    pub origin: String,
    pub quality_report: String,
    pub returnable: bool,
}

#[uniffi::remote(Record)]
pub struct Refill {
    pub cart: CartView,
    pub skipped: Vec<String>,
}

#[uniffi::remote(Record)]
pub struct StatusStep {
    pub status: String,
    pub text: String,
    pub at: i64,
    pub at_text: String,
}

#[uniffi::remote(Record)]
pub struct ReturnItem {
    pub sku: String,
    pub qty: u32,
}

#[uniffi::remote(Record)]
pub struct ReturnView {
    pub id: String,
    pub kind: String,
    pub kind_text: String,
    pub reason: String,
    pub reason_text: String,
    pub status: String,
    pub status_text: String,
    pub rejection: Option<String>,
    pub items: Vec<ReturnItem>,
    pub history: Vec<StatusStep>,
}

#[uniffi::remote(Record)]
pub struct OrderView {
    pub id: String,
    pub status: String,
    pub status_text: String,
    pub created_at: i64,
    pub created_text: String,
    pub total_text: String,
    pub summary_text: String,
    pub lines: Vec<OrderLineView>,
    pub history: Vec<StatusStep>,
    pub return_deadline: Option<i64>,
    pub return_deadline_text: Option<String>,
    pub returns: Vec<ReturnView>,
    pub complaints: Vec<ComplaintView>,
    pub can_pay: bool,
    pub can_cancel: bool,
    pub can_return: bool,
    pub ship_to: Option<String>,
}

#[uniffi::remote(Record)]
pub struct Choice {
    pub code: String,
    pub label: String,
}

#[uniffi::remote(Record)]
pub struct ShipTo {
    pub name: String,
    pub phone: String,
    pub province: String,
    pub city: String,
    pub district: String,
    pub detail: String,
    pub postal_code: Option<String>,
}

#[uniffi::remote(Record)]
pub struct AddressView {
    pub id: String,
    pub ship_to: ShipTo,
    pub label: String,
    pub is_default: bool,
}

/// Her address book; the default address goes with every order. Each
/// change returns the whole book; the core checks every field.
#[uniffi::export]
impl ShopClient {
    pub fn addresses(&self) -> Result<Vec<AddressView>> {
        Ok(self.shop().addresses()?)
    }

    /// A new address (`id` null) or a change to one.
    pub fn save_address(&self, id: Option<String>, address: ShipTo) -> Result<Vec<AddressView>> {
        Ok(self.shop().save_address(id.as_deref(), address)?)
    }

    pub fn set_default_address(&self, id: String) -> Result<Vec<AddressView>> {
        Ok(self.shop().set_default_address(&id)?)
    }

    pub fn remove_address(&self, id: String) -> Result<Vec<AddressView>> {
        Ok(self.shop().remove_address(&id)?)
    }
}

#[uniffi::remote(Record)]
pub struct HospitalBag {
    pub open: bool,
    pub opens_on: Option<String>,
    pub note: String,
    pub groups: Vec<BagGroup>,
    pub packed: u32,
    pub total: u32,
    pub sources: Vec<String>,
}

#[uniffi::remote(Record)]
pub struct BagGroup {
    pub code: String,
    pub title: String,
    pub items: Vec<BagItem>,
}

#[uniffi::remote(Record)]
pub struct BagItem {
    pub id: String,
    pub name: String,
    pub packed: bool,
    pub shop: String,
    pub shop_text: String,
    pub products: Vec<ProductCard>,
    pub source: String,
}

/// The hospital-bag checklist, from 28 weeks: one call per screen, and
/// each tick returns the whole list.
#[uniffi::export]
impl ShopClient {
    pub fn hospital_bag(&self) -> Result<HospitalBag> {
        Ok(self.shop().hospital_bag()?)
    }

    pub fn pack_bag_item(&self, id: String, packed: bool) -> Result<HospitalBag> {
        Ok(self.shop().pack_bag_item(&id, packed)?)
    }
}

/// The provinces the address form offers, in the shop's delivery area.
#[uniffi::export]
pub fn provinces() -> Vec<String> {
    PROVINCES.iter().map(|p| (*p).to_owned()).collect()
}

/// What the return form offers to ask for, labelled.
#[uniffi::export]
pub fn return_kinds(language: Language) -> Vec<Choice> {
    status::return_kinds(language)
}

/// The reasons the return form offers, labelled.
#[uniffi::export]
pub fn return_reasons(language: Language) -> Vec<Choice> {
    status::return_reasons(language)
}

/// The topics the complaint form offers, labelled.
#[uniffi::export]
pub fn complaint_topics(language: Language) -> Vec<Choice> {
    status::complaint_topics(language)
}

#[uniffi::remote(Record)]
pub struct ComplaintView {
    pub id: String,
    pub topic: String,
    pub topic_text: String,
    pub note: String,
    pub status: String,
    pub status_text: String,
    pub target_text: Option<String>,
    pub overdue: bool,
    pub history: Vec<StatusStep>,
}

#[uniffi::export]
impl ShopClient {
    /// Her orders as last fetched; works offline.
    pub fn orders(&self) -> Result<Vec<OrderView>> {
        Ok(self.shop().orders()?)
    }

    /// Puts an order's lines back in the cart; works offline.
    pub fn buy_again(&self, order_id: String) -> Result<Refill> {
        Ok(self.shop().buy_again(&order_id)?)
    }

    /// Offline: the cart becomes an order placed when the network returns,
    /// only if nothing changed (`sync_shop` does it); see `CartView.queued`.
    pub fn queue_order(&self) -> Result<CartView> {
        Ok(self.shop().queue_order()?)
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl ShopClient {
    /// The cart at the server's prices and stock, with what changed, for
    /// her to confirm.
    pub async fn review_checkout(&self) -> Result<CheckoutReview> {
        Ok(self.shop().review_checkout().await?)
    }

    /// Places the order she confirmed; safe to call again after a failure.
    pub async fn place_order(&self, quote: String) -> Result<OrderView> {
        Ok(self.shop().place_order(&quote).await?)
    }

    pub async fn refresh_orders(&self) -> Result<Vec<OrderView>> {
        Ok(self.shop().refresh_orders().await?)
    }

    /// On reconnect and in background runs: sends the queued order, returns
    /// and complaints, and fetches her orders; news goes to the
    /// notification plan.
    pub async fn sync_shop(&self) -> Result<()> {
        Ok(self.shop().sync_shop().await?)
    }

    /// Takes the queued order back into the cart, to change or review it.
    pub async fn cancel_queued_order(&self) -> Result<CartView> {
        Ok(self.shop().cancel_queued_order().await?)
    }

    /// Pays through the server's payment provider (a sandbox on the reference server).
    pub async fn pay_order(&self, id: String) -> Result<OrderView> {
        Ok(self.shop().pay_order(&id).await?)
    }

    /// Cancels an order before it ships (`OrderView.can_cancel`); a paid
    /// one is refunded.
    pub async fn cancel_order(&self, id: String) -> Result<OrderView> {
        Ok(self.shop().cancel_order(&id).await?)
    }

    /// Asks for a return, an exchange or a refund only (`kind`, from
    /// `return_kinds`); queued while offline (status `queued`).
    pub async fn request_return(
        &self,
        order_id: String,
        kind: String,
        items: Vec<ReturnItem>,
        reason: String,
        note: Option<String>,
    ) -> Result<OrderView> {
        Ok(self
            .shop()
            .request_return(&order_id, &kind, &items, &reason, note.as_deref())
            .await?)
    }

    /// Files a complaint ticket about an order; queued while offline
    /// (status `queued`).
    pub async fn file_complaint(
        &self,
        order_id: String,
        topic: String,
        note: String,
    ) -> Result<OrderView> {
        Ok(self.shop().file_complaint(&order_id, &topic, &note).await?)
    }

    /// Fetches what changed in the catalogue from `server_url`, or from the
    /// server last used.
    pub async fn update_catalog(&self, server_url: Option<String>) -> Result<CatalogUpdate> {
        Ok(self.shop().update_catalog(server_url.as_deref()).await?)
    }
}
