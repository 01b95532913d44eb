//! Cradle's shared core. Pure Rust: the FFI crate, the CLI and the server's
//! tests all drive this crate through [`Cradle`].

// The store's and the features' modules keep their paths under the facade.
pub use cradle_client as api;
pub use cradle_records::{self as records, clinic};
pub use cradle_reminders as reminders;
pub use cradle_shop as shop;
pub use cradle_store::{clock, consent, events, links, profile, storage};
pub use cradle_sync as sync;
pub use cradle_timeline::{self as timeline, schedules};
pub mod error;
mod privacy;
pub mod words;

mod consenting;
mod cradle;
mod schema;
#[cfg(test)]
mod screen_plans;
mod shopping;
mod syncing;

pub use cradle::{Config, Cradle, RecordsScreen, SettingsScreen, Today};
pub use cradle_records::KickAction;
pub use cradle_reminders::Snooze;
pub use error::{CradleError, Error, Result};
