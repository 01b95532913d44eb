//! One module per command group: its subcommands and what they do. The
//! grammar of each group stays beside its handling; `main.rs` flattens
//! them into one `cradle` command.

pub(crate) mod account;
pub(crate) mod data;
pub(crate) mod records;
pub(crate) mod reminders;
pub(crate) mod shop;
pub(crate) mod timeline;
