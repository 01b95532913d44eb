//! The shop: catalogue, bag, addresses, cart, checkout, orders, returns and complaints.

use crate::*;

#[derive(Subcommand)]
pub(crate) enum Command {
    /// The shop: update the catalogue, search it offline, suggestions, a product
    Shop {
        #[command(subcommand)]
        action: ShopAction,
    },
    /// The hospital-bag checklist (from 28 weeks)
    Bag {
        #[command(subcommand)]
        action: Option<BagAction>,
    },
    /// Your delivery addresses; orders go to the default one
    Address {
        #[command(subcommand)]
        action: AddressAction,
    },
    /// Your cart (works offline)
    Cart {
        #[command(subcommand)]
        action: CartAction,
    },
    /// Check the cart against today's prices and stock; --confirm places the order
    Checkout {
        #[arg(long, conflicts_with_all = ["when_online", "take_back"])]
        confirm: bool,
        /// Offline: place this cart when back online (`orders refresh`
        /// sends it), only if nothing changed
        #[arg(long, conflicts_with = "take_back")]
        when_online: bool,
        /// Take the order waiting for the network back into the cart
        #[arg(long)]
        take_back: bool,
    },
    /// Your orders (`orders list` works offline; `orders refresh` fetches them)
    Orders {
        #[command(subcommand)]
        action: OrdersAction,
    },
    /// Returns of delivered orders
    Return {
        #[command(subcommand)]
        action: ReturnAction,
    },
    /// Complain about an order; the shop replies within 48 h and resolves within 72 h
    Complain {
        order: String,
        /// late_delivery, damaged, wrong_item, quality, service or other
        #[arg(long)]
        topic: String,
        /// What happened (1 to 500 characters)
        #[arg(long)]
        note: String,
    },
}

#[derive(Subcommand)]
pub(crate) enum ShopAction {
    /// Fetch what changed in the catalogue (from --server, else the last one used)
    Update {
        #[arg(long)]
        server: Option<String>,
    },
    /// Search the catalogue on this device, in Chinese, English or pinyin initials
    Search {
        text: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Products for your stage and week, or your baby's age
    Suggest {
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// One product: price, rules, traceability, and anything that does not suit you
    Show { sku: String },
}

#[derive(Subcommand)]
pub(crate) enum BagAction {
    /// Tick an item as packed
    Pack { id: String },
    /// Untick an item
    Unpack { id: String },
}

#[derive(Subcommand)]
pub(crate) enum AddressAction {
    /// Add an address (the first becomes the default)
    Add {
        #[command(flatten)]
        address: AddressArgs,
    },
    /// Change an address
    Edit {
        id: String,
        #[command(flatten)]
        address: AddressArgs,
    },
    List,
    Remove {
        id: String,
    },
    /// Send orders here from now on
    Default {
        id: String,
    },
}

#[derive(clap::Args)]
pub(crate) struct AddressArgs {
    /// The recipient
    #[arg(long)]
    name: String,
    /// An 11-digit mainland mobile number
    #[arg(long)]
    phone: String,
    /// e.g. 上海市 or 广东省
    #[arg(long)]
    province: String,
    #[arg(long)]
    city: String,
    #[arg(long)]
    district: String,
    /// Street, building and door
    #[arg(long)]
    detail: String,
    #[arg(long)]
    postal_code: Option<String>,
}

impl From<AddressArgs> for ShipTo {
    fn from(a: AddressArgs) -> Self {
        ShipTo {
            name: a.name,
            phone: a.phone,
            province: a.province,
            city: a.city,
            district: a.district,
            detail: a.detail,
            postal_code: a.postal_code,
        }
    }
}

#[derive(Subcommand)]
pub(crate) enum CartAction {
    /// Add a product (more of it if it is already in the cart)
    Add {
        sku: String,
        #[arg(long, default_value_t = 1, allow_negative_numbers = true)]
        qty: i64,
    },
    /// Set how many of a product
    Set {
        sku: String,
        #[arg(allow_negative_numbers = true)]
        qty: i64,
    },
    Remove {
        sku: String,
    },
    /// The cart, its lines against the latest prices, and the total
    Show,
    /// Send this device's cart changes and take the account's cart
    Sync,
}

#[derive(Subcommand)]
pub(crate) enum OrdersAction {
    List,
    Refresh,
    /// Pay an order (the reference server's payment provider is a sandbox)
    Pay {
        id: String,
    },
    /// Cancel an order before it ships (a paid one is refunded)
    Cancel {
        id: String,
    },
    /// Put an order's lines back in the cart (works offline)
    Again {
        id: String,
    },
}

#[derive(Subcommand)]
pub(crate) enum ReturnAction {
    /// Ask for a return, an exchange or a refund only; queued if offline
    Request {
        order: String,
        /// return (the default), exchange, or refund_only (nothing to send back)
        #[arg(long, default_value = "return")]
        kind: String,
        /// SKU:QTY, comma-separated
        #[arg(long, value_delimiter = ',', required = true)]
        lines: Vec<String>,
        /// changed_mind, wrong_item, damaged, quality or other
        #[arg(long)]
        reason: String,
        #[arg(long)]
        note: Option<String>,
    },
}

pub(crate) fn run(cradle: &Cradle, out: &Output, command: Command) -> Result<(), CradleError> {
    let language = cradle.language()?;
    match command {
        Command::Shop { action } => match action {
            ShopAction::Update { server } => out.catalog_update(
                language,
                &block_on(cradle.shop().update_catalog(server.as_deref()))?,
            ),
            ShopAction::Search { text, limit } => {
                out.products(language, &cradle.shop().search_products(&text, limit)?)
            }
            ShopAction::Suggest { limit } => {
                out.products(language, &cradle.shop().shop_suggestions(limit)?)
            }
            ShopAction::Show { sku } => {
                out.product_page(language, &cradle.shop().product_page(&sku)?)
            }
        },
        Command::Checkout {
            when_online: true, ..
        } => out.cart(language, &cradle.shop().queue_order()?),
        Command::Checkout {
            take_back: true, ..
        } => out.cart(language, &block_on(cradle.shop().cancel_queued_order())?),
        Command::Checkout { confirm, .. } => {
            let review = block_on(cradle.shop().review_checkout())?;
            out.checkout_review(language, &review, confirm);
            // She confirms what she was shown: nothing is ordered while a
            // warning stands.
            if confirm && review.warnings.is_empty() {
                out.orders(
                    language,
                    &[block_on(cradle.shop().place_order(&review.quote))?],
                );
            }
        }
        Command::Orders { action } => match action {
            OrdersAction::List => out.orders(language, &cradle.shop().orders()?),
            OrdersAction::Refresh => {
                out.orders(language, &block_on(cradle.shop().refresh_orders())?)
            }
            OrdersAction::Pay { id } => {
                out.orders(language, &[block_on(cradle.shop().pay_order(&id))?])
            }
            OrdersAction::Cancel { id } => {
                out.orders(language, &[block_on(cradle.shop().cancel_order(&id))?])
            }
            OrdersAction::Again { id } => out.refill(language, &cradle.shop().buy_again(&id)?),
        },
        Command::Return {
            action:
                ReturnAction::Request {
                    order,
                    kind,
                    lines,
                    reason,
                    note,
                },
        } => {
            let items = lines
                .iter()
                .map(|l| {
                    let (sku, qty) = l.split_once(':').unwrap_or((l, "1"));
                    qty.parse()
                        .map(|qty| ReturnItem {
                            sku: sku.to_owned(),
                            qty,
                        })
                        .map_err(|_| CradleError::InvalidInput {
                            field: "lines".into(),
                            reason: "each is SKU:QTY".into(),
                        })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let order = block_on(cradle.shop().request_return(
                &order,
                &kind,
                &items,
                &reason,
                note.as_deref(),
            ))?;
            out.orders(language, &[order]);
        }
        Command::Complain { order, topic, note } => {
            out.orders(
                language,
                &[block_on(
                    cradle.shop().file_complaint(&order, &topic, &note),
                )?],
            );
        }
        Command::Bag { action } => out.bag(
            language,
            &match action {
                None => cradle.shop().hospital_bag()?,
                Some(BagAction::Pack { id }) => cradle.shop().pack_bag_item(&id, true)?,
                Some(BagAction::Unpack { id }) => cradle.shop().pack_bag_item(&id, false)?,
            },
        ),
        Command::Address { action } => out.addresses(
            language,
            &match action {
                AddressAction::Add { address } => {
                    cradle.shop().save_address(None, address.into())?
                }
                AddressAction::Edit { id, address } => {
                    cradle.shop().save_address(Some(&id), address.into())?
                }
                AddressAction::List => cradle.shop().addresses()?,
                AddressAction::Remove { id } => cradle.shop().remove_address(&id)?,
                AddressAction::Default { id } => cradle.shop().set_default_address(&id)?,
            },
        ),
        Command::Cart { action } => out.cart(
            language,
            &match action {
                CartAction::Add { sku, qty } => cradle.shop().cart_add(&sku, qty)?,
                CartAction::Set { sku, qty } => cradle.shop().cart_set(&sku, qty)?,
                CartAction::Remove { sku } => cradle.shop().cart_remove(&sku)?,
                CartAction::Show => cradle.shop().cart()?,
                CartAction::Sync => {
                    block_on(cradle.shop().sync_shop())?;
                    cradle.shop().cart()?
                }
            },
        ),
    }
    Ok(())
}
