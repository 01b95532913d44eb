//! Her address book: where orders go. Each address is checked by the one
//! rule the server also applies (`ShipTo::check`); the default one goes
//! with every order. Names, phones and addresses are personal information:
//! they stay in the encrypted database and reach the shop only inside an
//! order.

use crate::Shop;
use cradle_client::ShipTo;
use cradle_store::error::{Error, Result};
use cradle_store::events::DataArea;
use cradle_store::storage::random_id;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// An address as the address book shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AddressView {
    pub id: String,
    pub ship_to: ShipTo,
    /// One line, as the parcel label reads.
    pub label: String,
    pub is_default: bool,
}

fn parse(body: &str) -> Result<ShipTo> {
    serde_json::from_str(body).map_err(|_| Error::Corrupt("an address"))
}

fn list(conn: &Connection) -> Result<Vec<AddressView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, body, is_default FROM address ORDER BY is_default DESC, updated_at DESC, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, bool>(2)?,
        ))
    })?;
    rows.map(|row| {
        let (id, body, is_default) = row?;
        let ship_to = parse(&body)?;
        Ok(AddressView {
            label: ship_to.label(),
            id,
            ship_to,
            is_default,
        })
    })
    .collect()
}

/// Where her orders go now: the default address, if she has one.
pub(super) fn default(conn: &Connection) -> Result<Option<ShipTo>> {
    conn.query_row("SELECT body FROM address WHERE is_default = 1", [], |r| {
        r.get::<_, String>(0)
    })
    .optional()?
    .map(|b| parse(&b))
    .transpose()
}

/// The default address, or the error checkout shows without one.
pub(super) fn required(conn: &Connection) -> Result<ShipTo> {
    default(conn)?.ok_or_else(|| Error::invalid("address", "add a delivery address first"))
}

/// Makes `id` the default; with `None`, the most recently saved one.
fn make_default(tx: &Transaction<'_>, id: Option<&str>) -> Result<()> {
    tx.execute("UPDATE address SET is_default = 0 WHERE is_default = 1", [])?;
    let changed = match id {
        Some(id) => tx.execute("UPDATE address SET is_default = 1 WHERE id = ?1", [id])?,
        None => tx.execute(
            "UPDATE address SET is_default = 1 WHERE id =
                 (SELECT id FROM address ORDER BY updated_at DESC, id LIMIT 1)",
            [],
        )?,
    };
    if id.is_some() && changed == 0 {
        return Err(Error::NotFound("address"));
    }
    Ok(())
}

impl Shop<'_> {
    /// Her addresses, the default first.
    pub fn addresses(&self) -> Result<Vec<AddressView>> {
        list(&self.store.conn())
    }

    /// Saves a new address (`id` `None`) or changes one, after checking
    /// it; her first address becomes the default. Returns the book.
    pub fn save_address(&self, id: Option<&str>, address: ShipTo) -> Result<Vec<AddressView>> {
        let address = address.normalized();
        address
            .check()
            .map_err(|(field, reason)| Error::invalid(field, reason))?;
        let body = serde_json::to_string(&address).map_err(|_| Error::Corrupt("an address"))?;
        self.store.write(&[DataArea::Shop], |tx, c| {
            match id {
                Some(id) => {
                    let n = tx.execute(
                        "UPDATE address SET body = ?2, updated_at = ?3 WHERE id = ?1",
                        params![id, body, c.now_text],
                    )?;
                    if n == 0 {
                        return Err(Error::NotFound("address"));
                    }
                }
                None => {
                    tx.execute(
                        "INSERT INTO address (id, body, updated_at) VALUES (?1, ?2, ?3)",
                        params![random_id()?, body, c.now_text],
                    )?;
                }
            }
            if default(tx)?.is_none() {
                make_default(tx, None)?;
            }
            list(tx)
        })
    }

    /// Orders go to `id` from now on.
    pub fn set_default_address(&self, id: &str) -> Result<Vec<AddressView>> {
        self.store.write(&[DataArea::Shop], |tx, _| {
            make_default(tx, Some(id))?;
            list(tx)
        })
    }

    /// Removes an address; if it was the default, the most recent other
    /// one takes its place.
    pub fn remove_address(&self, id: &str) -> Result<Vec<AddressView>> {
        self.store.write(&[DataArea::Shop], |tx, _| {
            let was_default: bool = tx
                .query_row("SELECT is_default FROM address WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or(Error::NotFound("address"))?;
            tx.execute("DELETE FROM address WHERE id = ?1", [id])?;
            if was_default {
                make_default(tx, None)?;
            }
            list(tx)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn address(phone: String) -> ShipTo {
        ShipTo {
            name: "小雨".into(),
            phone,
            province: "广东省".into(),
            city: "深圳市".into(),
            district: "南山区".into(),
            detail: "科技园 1 号".into(),
            postal_code: None,
        }
    }

    proptest! {
        /// However she types a mainland mobile number (spaces, dashes,
        /// +86), it is kept as its 11 digits and accepted; a number the
        /// numbering plan does not give out is refused by name.
        #[test]
        fn a_mobile_number_is_its_eleven_digits(
            second in 3u8..=9, rest in proptest::collection::vec(0u8..=9, 9),
            seps in proptest::collection::vec(prop_oneof![Just(""), Just(" "), Just("-")], 11),
            plus86 in any::<bool>(), bad_second in 0u8..=2,
        ) {
            let digits: Vec<u8> = [1, second].into_iter().chain(rest.iter().copied()).collect();
            let plain: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
            let typed: String = digits
                .iter()
                .zip(&seps)
                .map(|(d, s)| format!("{}{s}", char::from(b'0' + d)))
                .collect();
            let typed = if plus86 { format!("+86 {typed}") } else { typed };
            let a = address(typed).normalized();
            prop_assert_eq!(&a.phone, &plain);
            prop_assert!(a.check().is_ok());
            let mut wrong = plain.clone().into_bytes();
            wrong[1] = b'0' + bad_second;
            let refused = address(String::from_utf8(wrong).unwrap()).normalized();
            prop_assert_eq!(refused.check().unwrap_err().0, "phone");
        }
    }
}
