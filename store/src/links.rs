//! The app's deep links, `cradle://…`: where a notification or a shared
//! link opens the app. Built and read only here, so a shell maps a [`Link`]
//! to its own screen and never takes a URL apart itself.

use crate::error::{Error, Result};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Link {
    Today,
    Journey,
    Reminders,
    /// A checkup, vaccine or custom reminder, by its stable id.
    Reminder {
        id: String,
    },
    Records,
    Clinic,
    Shop,
    Product {
        sku: String,
    },
    Cart,
    Orders,
    Order {
        id: String,
    },
    Bag,
    Settings,
}

const SCHEME: &str = "cradle://";

/// Ids are a reminder's `checkup:<uid>:visit_3`, an order's hex id or a
/// SKU: letters, digits and `:._-`. Anything else is not a link Cradle made.
fn id(raw: &str) -> Result<String> {
    let ok = !raw.is_empty()
        && raw.len() <= 200
        && raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ":._-".contains(c));
    if ok {
        Ok(raw.to_owned())
    } else {
        Err(Error::invalid("link", "is not a Cradle link"))
    }
}

impl Link {
    /// Reads a `cradle://` link; anything else is refused with the field
    /// `link`, so the shell can stay where it is.
    pub fn parse(url: &str) -> Result<Link> {
        let refused = || Error::invalid("link", "is not a Cradle link");
        let rest = url.strip_prefix(SCHEME).ok_or_else(refused)?;
        // A query or fragment carries nothing Cradle reads.
        let path = rest.split(['?', '#']).next().unwrap_or_default();
        let path = path.strip_suffix('/').unwrap_or(path);
        let (head, tail) = match path.split_once('/') {
            Some((head, tail)) => (head, Some(tail)),
            None => (path, None),
        };
        Ok(match (head, tail) {
            ("" | "today", None) => Link::Today,
            ("journey", None) => Link::Journey,
            ("reminders", None) => Link::Reminders,
            ("reminders", Some(r)) => Link::Reminder { id: id(r)? },
            ("records", None) => Link::Records,
            ("clinic", None) => Link::Clinic,
            ("shop", None) => Link::Shop,
            ("products", Some(sku)) => Link::Product { sku: id(sku)? },
            ("cart", None) => Link::Cart,
            ("orders", None) => Link::Orders,
            ("orders", Some(o)) => Link::Order { id: id(o)? },
            ("bag", None) => Link::Bag,
            ("settings", None) => Link::Settings,
            _ => return Err(refused()),
        })
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(SCHEME)?;
        match self {
            Link::Today => f.write_str("today"),
            Link::Journey => f.write_str("journey"),
            Link::Reminders => f.write_str("reminders"),
            Link::Reminder { id } => write!(f, "reminders/{id}"),
            Link::Records => f.write_str("records"),
            Link::Clinic => f.write_str("clinic"),
            Link::Shop => f.write_str("shop"),
            Link::Product { sku } => write!(f, "products/{sku}"),
            Link::Cart => f.write_str("cart"),
            Link::Orders => f.write_str("orders"),
            Link::Order { id } => write!(f, "orders/{id}"),
            Link::Bag => f.write_str("bag"),
            Link::Settings => f.write_str("settings"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn every_link(id: &str) -> Vec<Link> {
        vec![
            Link::Today,
            Link::Journey,
            Link::Reminders,
            Link::Reminder { id: id.into() },
            Link::Records,
            Link::Clinic,
            Link::Shop,
            Link::Product { sku: id.into() },
            Link::Cart,
            Link::Orders,
            Link::Order { id: id.into() },
            Link::Bag,
            Link::Settings,
        ]
    }

    #[test]
    fn the_links_cradle_sends_read_back() {
        assert_eq!(
            Link::parse("cradle://reminders/checkup:5f2c:visit_3").unwrap(),
            Link::Reminder {
                id: "checkup:5f2c:visit_3".into()
            }
        );
        assert_eq!(
            Link::parse("cradle://reminders/custom:ab12:2026-11-24T08:00").unwrap(),
            Link::Reminder {
                id: "custom:ab12:2026-11-24T08:00".into()
            }
        );
        assert_eq!(Link::parse("cradle://cart").unwrap(), Link::Cart);
        assert_eq!(Link::parse("cradle://orders/").unwrap(), Link::Orders);
        assert_eq!(Link::parse("cradle://").unwrap(), Link::Today);
        assert_eq!(
            Link::parse("cradle://products/CR-0042?from=share#top").unwrap(),
            Link::Product {
                sku: "CR-0042".into()
            }
        );
    }

    #[test]
    fn anything_else_is_refused_by_name() {
        for url in [
            "https://example.com/cart",
            "cradle://nowhere",
            "cradle://cart/extra",
            "cradle://orders/a/b",
            "cradle://reminders/<script>",
            "cradle://products/",
            "cradle://products/%2e%2e",
            "",
        ] {
            assert!(
                matches!(Link::parse(url), Err(Error::Invalid { field: "link", .. })),
                "{url}"
            );
        }
    }

    proptest! {
        #[test]
        fn every_link_round_trips(id in "[A-Za-z0-9:._-]{1,60}") {
            for link in every_link(&id) {
                prop_assert_eq!(Link::parse(&link.to_string()).unwrap(), link);
            }
        }

        #[test]
        fn no_input_panics(url in ".{0,80}") {
            let _ = Link::parse(&url);
            let _ = Link::parse(&format!("cradle://{url}"));
        }
    }
}
