//! Consent per purpose, as PIPL asks for sensitive personal information:
//! separate consent for each purpose (art. 29), given freely and explicitly
//! (art. 14), and as easy to withdraw as to give (art. 15). Nothing is
//! assumed: a purpose never asked is refused.
//!
//! Without consent the app still works on the device (art. 16): records,
//! reminders and the cart are local. What a purpose gates is the processing
//! that needs it:
//! - `Sync`: sending her records to the server (register, sign in, sync);
//! - `Shop`: sending her orders, address and returns to the shop;
//! - `Notifications`: reminders shown on the lock screen; without it the
//!   notification plan is empty, so a shell applying the diff cancels all.
//!
//! Withdrawing stops the processing from then on; erasing what was already
//! sent is its own right (delete the account, delete my data).

use crate::error::{Error, Result};
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension};

/// The privacy notice this build shows; each consent records the version
/// she saw, so a new notice can be asked again.
pub const NOTICE_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Sync,
    Shop,
    Notifications,
}

impl Purpose {
    /// In the order the shells ask.
    pub const ALL: [Purpose; 3] = [Purpose::Sync, Purpose::Shop, Purpose::Notifications];

    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Sync => "sync",
            Purpose::Shop => "shop",
            Purpose::Notifications => "notifications",
        }
    }

    pub fn parse(text: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str() == text)
            .ok_or_else(|| Error::invalid("purpose", "must be sync, shop or notifications"))
    }
}

impl std::fmt::Display for Purpose {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One purpose as it stands.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Consent {
    pub purpose: Purpose,
    pub granted: bool,
    /// When she last answered; `None` if she never was asked.
    pub answered_at: Option<Timestamp>,
    /// The notice she answered under.
    pub notice: Option<u32>,
}

pub fn load(conn: &Connection, purpose: Purpose) -> Result<Consent> {
    let row: Option<(bool, u32, String)> = conn
        .prepare_cached(
            "SELECT granted, notice, at FROM consent_log
             WHERE purpose = ?1 ORDER BY id DESC LIMIT 1",
        )?
        .query_row([purpose.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    Ok(match row {
        None => Consent {
            purpose,
            granted: false,
            answered_at: None,
            notice: None,
        },
        Some((granted, notice, at)) => Consent {
            purpose,
            granted,
            answered_at: Some(at.parse().map_err(|_| Error::Corrupt("a consent's time"))?),
            notice: Some(notice),
        },
    })
}

pub fn granted(conn: &Connection, purpose: Purpose) -> Result<bool> {
    Ok(load(conn, purpose)?.granted)
}
