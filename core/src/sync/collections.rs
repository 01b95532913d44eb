//! What syncs: one collection per synced table, with the fields that travel.
//! The server validates mutations against this same list, so both ends agree
//! on one definition.
//!
//! Field values of a health collection travel and rest on the server sealed
//! with the user's sync key (`crypto`); the server sees field names, never values.

/// A synced table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Collection {
    /// The name on the wire and the local table's name.
    pub name: &'static str,
    /// The columns that sync, in the order the outbox triggers write them
    /// (migration 0008; a test checks the two agree).
    pub fields: &'static [&'static str],
    /// Health data: values must be sealed end to end.
    pub health: bool,
    /// Local columns stamped with the time a pulled row is first inserted.
    pub stamps: &'static [&'static str],
    /// The domain's own tombstone statement (`?1` local id, `?2` now), so a
    /// pulled delete erases exactly what a local delete erases.
    pub tombstone: &'static str,
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
        tombstone: crate::records::TOMBSTONE,
    },
    Collection {
        name: "entry",
        fields: &["kind", "baby", "at", "data", "unusual"],
        health: true,
        stamps: &["created_at", "updated_at"],
        tombstone: crate::records::journal::TOMBSTONE,
    },
    Collection {
        name: "symptom",
        fields: &["code", "severity", "noted_at"],
        health: true,
        stamps: &["created_at"],
        tombstone: crate::records::symptoms::TOMBSTONE,
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
