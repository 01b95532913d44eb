//! What every part of Cradle's core stands on: the encrypted SQLite
//! database and its migrations, the one write path and its observers, the
//! clock, her profile (language and zone) and her consents as plain values.
//! No feature lives here, and nothing here knows of one.

#[cfg(not(any(
    feature = "vendored-crypto",
    feature = "platform-crypto",
    feature = "portable-crypto"
)))]
compile_error!(
    "cradle-store needs a SQLCipher crypto: the vendored-crypto, platform-crypto or portable-crypto feature"
);

// Its types cross to Kotlin and Swift as they are (uniffi.cradle.store).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

pub mod clock;
pub mod consent;
pub mod error;
pub mod events;
pub mod links;
pub mod profile;
pub mod refusal;
pub mod storage;
mod store;

pub use error::{Error, Result};

/// Parses a data file embedded in the build, once. The files are checked by
/// tests, so a parse failure is a defect of the build, never of her data.
pub fn embedded<T: serde::de::DeserializeOwned>(
    cell: &'static std::sync::OnceLock<T>,
    raw: &'static str,
) -> &'static T {
    cell.get_or_init(|| {
        serde_json::from_str(raw).expect("embedded data is valid (checked by tests)")
    })
}
pub use store::{Ctx, Device, Store, WriteRule};
