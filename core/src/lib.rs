//! Cradle's shared core. Pure Rust: the FFI crate, the CLI and the server's
//! tests all drive this crate through [`Cradle`].

#[cfg(not(any(
    feature = "vendored-crypto",
    feature = "platform-crypto",
    feature = "portable-crypto"
)))]
compile_error!(
    "cradle-core needs a SQLCipher crypto: the vendored-crypto, platform-crypto or portable-crypto feature"
);

pub mod api;
pub mod clinic;
pub mod clock;
pub mod consent;
pub mod error;
pub mod events;
pub mod links;
mod privacy;
pub mod profile;
pub mod records;
pub mod reminders;
pub mod schedules;
pub mod shop;
pub mod storage;
pub mod sync;
pub mod timeline;
pub mod words;

mod cradle;
#[cfg(test)]
mod screen_plans;

pub use cradle::{Config, Cradle, KickAction, RecordsScreen, SettingsScreen, Snooze, Today};
pub use error::{CradleError, Error, Result};
