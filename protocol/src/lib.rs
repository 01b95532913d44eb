//! What a Cradle device and `cradle-server` agree on, defined once for both:
//! the REST API's bodies and limits (`wire`), the collections that sync and
//! their fields (`collections`), the sealing of health fields end to end
//! (`seal`), the family circle's roles, invites and keys (`family`), and the
//! cart's merge rules (`cart`). It has no storage and no
//! HTTP, so the server links this and not the device core.

// The wire types a phone screen shows (uniffi.cradle.protocol).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

pub mod cart;
pub mod collections;
pub mod family;
pub mod seal;
pub mod wire;
