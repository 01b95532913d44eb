//! What syncs: one collection per synced table, with the fields that travel.
//! The server validates mutations against this same list, so both ends agree
//! on one definition.
//!
//! Field values of a health collection travel and rest on the server sealed
//! with the user's sync key (`crypto`); the server sees field names, never values.

use crate::events::DataArea;

/// A synced table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Collection {
    /// The name on the wire and the local table's name.
    pub name: &'static str,
    /// The columns that sync, in the order the outbox triggers write them
    /// (migration 0008; a test checks the two agree).
    pub fields: &'static [&'static str],
    /// Health or personal data: values must be sealed end to end.
    pub health: bool,
    /// Local columns stamped with the time a pulled row is first inserted.
    pub stamps: &'static [&'static str],
    /// The domain's own tombstone statement (`?1` local id, `?2` now), so a
    /// pulled delete erases exactly what a local delete erases; `None` for a
    /// document that is never deleted (the profile).
    pub tombstone: Option<&'static str>,
    /// Which screens refresh when a pulled change lands.
    pub area: DataArea,
}

pub const COLLECTIONS: &[Collection] = &[
    Collection {
        name: "measurement",
        fields: &[
            "kind",
            "taken_at",
            "grams",
            "systolic",
            "diastolic",
            "pulse",
            "glucose_cmmol",
            "context",
            "unusual",
        ],
        health: true,
        stamps: &["created_at", "updated_at"],
        tombstone: Some(crate::records::TOMBSTONE),
        area: DataArea::Records,
    },
    Collection {
        name: "entry",
        fields: &["kind", "baby", "at", "data", "unusual"],
        health: true,
        stamps: &["created_at", "updated_at"],
        tombstone: Some(crate::records::journal::TOMBSTONE),
        area: DataArea::Records,
    },
    Collection {
        name: "symptom",
        fields: &["code", "severity", "noted_at"],
        health: true,
        stamps: &["created_at"],
        tombstone: Some(crate::records::symptoms::TOMBSTONE),
        area: DataArea::Records,
    },
    // One document, "profile", on every device of the account (migration
    // 0009), so two devices' profiles merge field by field. Her name is
    // personal, so it is sealed like health data.
    Collection {
        name: "profile",
        fields: &["display_name", "locale", "time_zone"],
        health: true,
        stamps: &["updated_at"],
        tombstone: None,
        area: DataArea::Profile,
    },
];

/// The collection called `name`, if it syncs.
pub fn find(name: &str) -> Option<&'static Collection> {
    COLLECTIONS.iter().find(|c| c.name == name)
}

impl Collection {
    pub fn has_field(&self, field: &str) -> bool {
        self.fields.contains(&field)
    }
}
