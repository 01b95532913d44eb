//! Her cart across her devices (docs/shop.md, "One cart on every device").
//!
//! Each device sends the changes she made as operations; the server applies
//! them in arrival order to the account's one cart and answers with the
//! whole cart. The rules live here, once, for the server and for a device
//! replaying its own changes not yet sent:
//! - an add is additive: two devices adding one each make two;
//! - a set is last-write-wins in server order;
//! - a removal wins over a concurrent change: a change from another device
//!   that had seen the line but not its removal is dropped;
//! - a merge (signing in) keeps the larger of the two quantities.

use crate::wire::Product;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};

/// The most of one product a line may hold, whatever a product says.
pub const MAX_LINE_QTY: u32 = 999;
/// Operations per request.
pub const MAX_CART_OPS: usize = 100;
/// Applied operation ids kept, so a retry is applied once.
const APPLIED_WINDOW: usize = 2000;
/// Removals kept, so a late change from an offline device still loses.
const REMOVALS_KEPT: usize = 500;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum CartChange {
    /// Adds `qty` to the line, creating it.
    Add {
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 999))]
        qty: u32,
    },
    /// Sets the line's quantity, creating it.
    Set {
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 999))]
        qty: u32,
    },
    /// Removes the line.
    // Braces, so that like every variant it refuses unknown fields: serde
    // ignores them on a unit variant.
    Remove {},
    /// Her signed-out cart joining the account's: keeps the larger quantity.
    Merge {
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 999))]
        qty: u32,
    },
}

/// One change she made to one line.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CartOp {
    /// Chosen by the device: 1 to 64 characters of [0-9a-z-]. A retry of
    /// the same id is applied once.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9a-z-]{1,64}$"))]
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub sku: String,
    pub change: CartChange,
    /// The cart version the device had when she made the change.
    #[cfg_attr(
        feature = "openapi",
        schema(minimum = 0, maximum = 9_223_372_036_854_775_807_i64)
    )]
    pub base: u64,
    /// The unit price she saw, kept by a line this change creates.
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub price_seen_minor: i64,
    /// ISO 4217; empty on a removal, which carries no price.
    #[cfg_attr(feature = "openapi", schema(pattern = "^([A-Z]{3})?$"))]
    pub currency: String,
}

/// `POST /v1/cart`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CartOps {
    /// The sending device's sync client id: its own removals never drop
    /// its own later changes.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9a-z-]{1,64}$"))]
    pub client: String,
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 100))]
    pub ops: Vec<CartOp>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CartLine {
    pub sku: String,
    pub qty: u32,
    pub price_seen_minor: i64,
    pub currency: String,
}

/// The account's cart: `GET /v1/cart`, and the answer to `POST /v1/cart`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cart {
    /// Bumped by every change that did something.
    pub version: u64,
    /// In the order they were first added.
    pub lines: Vec<CartLine>,
}

/// A line and the version its current life began at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Line {
    #[serde(flatten)]
    line: CartLine,
    since: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Removal {
    sku: String,
    /// The removed line's life: `since` to `at`.
    since: u64,
    at: u64,
    by: String,
}

/// The cart as the server keeps it: the lines, recent removals and the
/// ids already applied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SharedCart {
    version: u64,
    lines: Vec<Line>,
    removed: VecDeque<Removal>,
    applied: VecDeque<String>,
}

impl SharedCart {
    /// A device's own cart, to replay its unsent changes on: it holds no
    /// removals by others, so nothing of hers is dropped.
    pub fn of(cart: Cart) -> Self {
        Self {
            version: cart.version,
            lines: cart
                .lines
                .into_iter()
                .map(|line| Line { line, since: 0 })
                .collect(),
            ..Self::default()
        }
    }

    pub fn view(&self) -> Cart {
        Cart {
            version: self.version,
            lines: self.lines.iter().map(|l| l.line.clone()).collect(),
        }
    }

    /// Applies `op` from `client`, fitting quantities to the product's
    /// rules. An unknown product or a retried id changes nothing. Returns
    /// whether the cart changed.
    pub fn apply(&mut self, client: &str, op: &CartOp, product: Option<&Product>) -> bool {
        if self.applied.iter().any(|id| *id == op.id) {
            return false;
        }
        self.applied.push_back(op.id.clone());
        if self.applied.len() > APPLIED_WINDOW {
            self.applied.pop_front();
        }
        let Some(product) = product else {
            return false;
        };
        let next = self.version + 1;
        let at = self.lines.iter().position(|l| l.line.sku == op.sku);
        if at.is_none() && self.lost_to_removal(client, op) {
            return false;
        }
        let current = at.map(|i| self.lines[i].line.qty);
        let wanted = match (op.change, current) {
            (CartChange::Remove {}, None) => return false,
            (CartChange::Remove {}, Some(_)) => None,
            (CartChange::Add { qty }, now) => Some(now.unwrap_or(0).saturating_add(qty)),
            (CartChange::Set { qty }, _) => Some(qty),
            (CartChange::Merge { qty }, now) => Some(now.unwrap_or(0).max(qty)),
        };
        match (at, wanted.map(|q| fit(product, q))) {
            (Some(i), None) => {
                let gone = self.lines.remove(i);
                self.removed.push_back(Removal {
                    sku: gone.line.sku,
                    since: gone.since,
                    at: next,
                    by: client.to_owned(),
                });
                if self.removed.len() > REMOVALS_KEPT {
                    self.removed.pop_front();
                }
            }
            (Some(i), Some(qty)) => {
                if self.lines[i].line.qty == qty {
                    return false;
                }
                self.lines[i].line.qty = qty;
            }
            (None, Some(qty)) => self.lines.push(Line {
                line: CartLine {
                    sku: op.sku.clone(),
                    qty,
                    price_seen_minor: op.price_seen_minor,
                    currency: op.currency.clone(),
                },
                since: next,
            }),
            (None, None) => return false,
        }
        self.version = next;
        true
    }

    /// Whether another device removed this line after `op`'s device had
    /// seen it and before it saw the removal.
    fn lost_to_removal(&self, client: &str, op: &CartOp) -> bool {
        self.removed
            .iter()
            .any(|r| r.sku == op.sku && r.by != client && r.since <= op.base && op.base < r.at)
    }
}

/// The nearest quantity the product allows: within its minimum and maximum,
/// on its step.
pub fn fit(p: &Product, qty: u32) -> u32 {
    let max = p.qty_max.min(MAX_LINE_QTY).max(p.qty_min);
    let step = p.qty_step.max(1);
    let q = qty.clamp(p.qty_min, max);
    q - (q - p.qty_min) % step
}

/// Applies a batch in order.
pub fn apply_all(
    cart: &mut SharedCart,
    client: &str,
    ops: &[CartOp],
    products: &HashMap<String, Product>,
) {
    for op in ops {
        cart.apply(client, op, products.get(&op.sku));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_refuses_unknown_fields() {
        for text in [
            r#"{"kind":"remove","bogus":true}"#,
            r#"{"kind":"add","qty":1,"bogus":true}"#,
            r#"{"kind":"set","qty":1,"bogus":true}"#,
            r#"{"kind":"merge","qty":1,"bogus":true}"#,
        ] {
            assert!(serde_json::from_str::<CartChange>(text).is_err(), "{text}");
        }
        let remove: CartChange = serde_json::from_str(r#"{"kind":"remove"}"#).unwrap();
        assert_eq!(remove, CartChange::Remove {});
        assert_eq!(
            serde_json::to_string(&remove).unwrap(),
            r#"{"kind":"remove"}"#
        );
    }
    use proptest::prelude::*;

    fn product(sku: &str, min: u32, max: u32, step: u32) -> Product {
        serde_json::from_value(serde_json::json!({
            "sku": sku, "name_zh": "纸尿裤", "name_en": "Diapers", "description_zh": "",
            "description_en": "", "category": "diapers", "image_url": "", "price_minor": 1000,
            "currency": "CNY", "stock": 100, "qty_min": min, "qty_max": max, "qty_step": step,
            "discontinued": false, "stages": [], "avoid_tags": [],
            "traceability": {"batch": "", "origin": "", "quality_report": "", "cold_chain": false},
            "initials": "", "version": 1
        }))
        .unwrap()
    }

    fn products() -> HashMap<String, Product> {
        ["a", "b"]
            .into_iter()
            .map(|s| (s.to_owned(), product(s, 1, 20, 1)))
            .collect()
    }

    fn op(id: &str, sku: &str, change: CartChange, base: u64) -> CartOp {
        CartOp {
            id: id.into(),
            sku: sku.into(),
            change,
            base,
            price_seen_minor: 1000,
            currency: "CNY".into(),
        }
    }

    fn qty(cart: &SharedCart, sku: &str) -> Option<u32> {
        cart.view()
            .lines
            .iter()
            .find(|l| l.sku == sku)
            .map(|l| l.qty)
    }

    #[test]
    fn adds_add_and_the_last_set_wins() {
        let p = products();
        let mut cart = SharedCart::default();
        apply_all(
            &mut cart,
            "phone",
            &[op("1", "a", CartChange::Add { qty: 2 }, 0)],
            &p,
        );
        apply_all(
            &mut cart,
            "pad",
            &[op("2", "a", CartChange::Add { qty: 1 }, 0)],
            &p,
        );
        assert_eq!(qty(&cart, "a"), Some(3));
        apply_all(
            &mut cart,
            "phone",
            &[op("3", "a", CartChange::Set { qty: 5 }, 2)],
            &p,
        );
        apply_all(
            &mut cart,
            "pad",
            &[op("4", "a", CartChange::Set { qty: 4 }, 2)],
            &p,
        );
        assert_eq!(qty(&cart, "a"), Some(4));
        assert_eq!(cart.view().version, 4);
    }

    #[test]
    fn a_removal_wins_over_a_concurrent_change_but_not_a_later_one() {
        let p = products();
        let mut cart = SharedCart::default();
        apply_all(
            &mut cart,
            "phone",
            &[op("1", "a", CartChange::Add { qty: 2 }, 0)],
            &p,
        );
        // Both devices saw version 1; the phone removes, the pad, offline, sets 3.
        apply_all(
            &mut cart,
            "phone",
            &[op("2", "a", CartChange::Remove {}, 1)],
            &p,
        );
        assert!(!cart.apply(
            "pad",
            &op("3", "a", CartChange::Set { qty: 3 }, 1),
            p.get("a")
        ));
        assert!(!cart.apply(
            "pad",
            &op("4", "a", CartChange::Add { qty: 1 }, 1),
            p.get("a")
        ));
        assert_eq!(qty(&cart, "a"), None);
        // Once the pad has seen the removal, adding it again is a new line.
        assert!(cart.apply(
            "pad",
            &op("5", "a", CartChange::Add { qty: 1 }, 2),
            p.get("a")
        ));
        assert_eq!(qty(&cart, "a"), Some(1));
    }

    #[test]
    fn her_own_removal_never_drops_her_own_later_change() {
        let p = products();
        let mut cart = SharedCart::default();
        apply_all(
            &mut cart,
            "phone",
            &[op("1", "a", CartChange::Add { qty: 2 }, 0)],
            &p,
        );
        let offline = [
            op("2", "a", CartChange::Remove {}, 1),
            op("3", "a", CartChange::Add { qty: 1 }, 1),
        ];
        apply_all(&mut cart, "phone", &offline, &p);
        assert_eq!(qty(&cart, "a"), Some(1));
    }

    #[test]
    fn a_merge_keeps_the_larger_quantity_and_a_retry_applies_once() {
        let p = products();
        let mut cart = SharedCart::default();
        apply_all(
            &mut cart,
            "pad",
            &[op("1", "a", CartChange::Set { qty: 3 }, 0)],
            &p,
        );
        let merge = [
            op("2", "a", CartChange::Merge { qty: 2 }, 0),
            op("3", "b", CartChange::Merge { qty: 4 }, 0),
        ];
        apply_all(&mut cart, "phone", &merge, &p);
        apply_all(&mut cart, "phone", &merge, &p);
        assert_eq!(qty(&cart, "a"), Some(3));
        assert_eq!(qty(&cart, "b"), Some(4));
        assert_eq!(cart.view().version, 2);
    }

    #[test]
    fn an_unknown_product_changes_nothing() {
        let mut cart = SharedCart::default();
        let o = op("1", "nope", CartChange::Add { qty: 1 }, 0);
        apply_all(&mut cart, "phone", &[o], &products());
        assert_eq!(
            cart.view(),
            Cart {
                version: 0,
                lines: vec![]
            }
        );
    }

    proptest! {
        /// Whatever two devices send, every line obeys its product's rules,
        /// and the cart's version counts exactly the changes that did something.
        #[test]
        fn lines_always_obey_the_rules(
            ops in prop::collection::vec((0u8..2, 0u8..2, 0u8..4, 0u32..1200, 0u64..8), 0..60),
            min in 1u32..5, span in 0u32..40, step in 1u32..6,
        ) {
            let p: HashMap<String, Product> = ["a", "b"]
                .into_iter()
                .map(|s| (s.to_owned(), product(s, min, min + span, step)))
                .collect();
            let mut cart = SharedCart::default();
            let mut changes = 0;
            for (i, (device, sku, kind, q, base)) in ops.into_iter().enumerate() {
                let change = match kind {
                    0 => CartChange::Add { qty: q },
                    1 => CartChange::Set { qty: q },
                    2 => CartChange::Remove {},
                    _ => CartChange::Merge { qty: q },
                };
                let sku = ["a", "b"][usize::from(sku)];
                let o = op(&i.to_string(), sku, change, base);
                if cart.apply(["phone", "pad"][usize::from(device)], &o, p.get(sku)) {
                    changes += 1;
                }
            }
            let view = cart.view();
            prop_assert_eq!(view.version, changes);
            for l in &view.lines {
                let pr = &p[&l.sku];
                prop_assert!(l.qty >= pr.qty_min && l.qty <= pr.qty_max);
                prop_assert_eq!((l.qty - pr.qty_min) % pr.qty_step, 0);
            }
        }
    }
}
