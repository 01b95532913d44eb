//! The shop: catalogue, cart, checkout, orders, after-sales, addresses and the hospital bag.

use super::*;

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
