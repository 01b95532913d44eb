//! Cradle's shared core. Pure Rust: the FFI crate, the CLI and the server's
//! tests all drive this crate through [`Cradle`].

pub mod api;
pub mod clock;
pub mod error;
pub mod events;
mod privacy;
pub mod profile;
pub mod records;
pub mod reminders;
pub mod schedules;
pub mod storage;
pub mod timeline;

mod cradle;

pub use cradle::{Config, Cradle, KickAction, Snooze, Today};
pub use error::{CradleError, Error, Result};
