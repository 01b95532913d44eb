//! What syncs: one collection per synced table, with the fields that travel.
//! The server validates mutations against this same list, so both ends agree
//! on one definition.
//!
//! Field values of a health collection travel and rest on the server sealed
//! with the user's sync key (`crypto`); the server sees field names, never values.

use crate::events::{DataArea, PROFILE, TIMELINE};

/// A synced table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Collection {
    /// The name on the wire and the local table's name.
    pub name: &'static str,
    /// The fields that sync, in the order the outbox triggers write them
    /// (migrations 0008–0010; a test checks the two agree). A field is the
    /// column of the same name, or a reference (`refs`).
    pub fields: &'static [&'static str],
    /// Fields that carry a parent row's uid for a local integer column.
    pub refs: &'static [Ref],
    /// Health or personal data: values must be sealed end to end.
    pub health: bool,
    /// Local columns stamped with the time a pulled row is first inserted.
    pub stamps: &'static [&'static str],
    /// How a delete reaches this table.
    pub deletion: Deletion,
    /// The local unique key of a row that two devices can each create (a
    /// reminder item's status, a vaccine dose): a pulled row upserts on it
    /// and takes the pulled uid, so the device keeps one row.
    pub natural_key: Option<&'static str>,
    /// Which rows sync (alias `r`); `None` for all. Kick counts and
    /// contractions sync once finished.
    pub syncs_when: Option<&'static str>,
    /// Which screens refresh when a pulled change lands (as after a local write).
    pub areas: &'static [DataArea],
}

/// A field holding the uid of a row of `parent`, stored locally as its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ref {
    pub field: &'static str,
    pub column: &'static str,
    pub parent: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deletion {
    /// The domain's tombstone statement (`?1` local id, `?2` now), so a
    /// pulled delete erases exactly what a local delete erases.
    Tombstone(&'static str),
    /// The row is deleted.
    Row,
    /// A singleton: clearing it sends nulls (never a delete, which would
    /// retire its fixed id for good), and a pulled null clears it here.
    Clear,
    /// Never deleted; the server refuses a delete.
    Never,
}

const fn plain(
    name: &'static str,
    fields: &'static [&'static str],
    deletion: Deletion,
    areas: &'static [DataArea],
) -> Collection {
    Collection {
        name,
        fields,
        refs: &[],
        health: true,
        stamps: &[],
        deletion,
        natural_key: None,
        syncs_when: None,
        areas,
    }
}

const REMINDERS: &[DataArea] = &[DataArea::Reminders];
const RECORDS: &[DataArea] = &[DataArea::Records];

const PREGNANCY: Ref = Ref {
    field: "pregnancy",
    column: "pregnancy_id",
    parent: "pregnancy",
};
const BIRTH: Ref = Ref {
    field: "birth",
    column: "birth_id",
    parent: "birth",
};

/// Parents before children: linking queues in this order.
pub const COLLECTIONS: &[Collection] = &[
    Collection {
        stamps: &["created_at", "updated_at"],
        ..plain(
            "measurement",
            &[
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
            Deletion::Tombstone(crate::records::TOMBSTONE),
            RECORDS,
        )
    },
    Collection {
        stamps: &["created_at", "updated_at"],
        ..plain(
            "entry",
            &["kind", "baby", "at", "data", "unusual"],
            Deletion::Tombstone(crate::records::journal::TOMBSTONE),
            RECORDS,
        )
    },
    Collection {
        stamps: &["created_at"],
        ..plain(
            "symptom",
            &["code", "severity", "noted_at"],
            Deletion::Tombstone(crate::records::symptoms::TOMBSTONE),
            RECORDS,
        )
    },
    // One document, "profile", on every device of the account (migration
    // 0009), so two devices' profiles merge field by field. Her name is
    // personal, so it is sealed like health data.
    Collection {
        stamps: &["updated_at"],
        ..plain(
            "profile",
            &["display_name", "locale", "time_zone"],
            Deletion::Never,
            PROFILE,
        )
    },
    plain(
        "pregnancy",
        &["status", "ended_on", "created_at"],
        Deletion::Row,
        TIMELINE,
    ),
    Collection {
        refs: &[PREGNANCY],
        ..plain(
            "dating_estimate",
            &[
                "pregnancy",
                "method",
                "event_date",
                "cycle_days",
                "embryo_age",
                "crl_tenth_mm",
                "scan_ga_days",
                "edd",
                "recorded_at",
            ],
            Deletion::Row,
            TIMELINE,
        )
    },
    Collection {
        refs: &[PREGNANCY],
        ..plain(
            "birth",
            &[
                "pregnancy",
                "birth_date",
                "ga_days",
                "baby_count",
                "mother_hbsag",
                "recorded_at",
            ],
            Deletion::Never,
            TIMELINE,
        )
    },
    Collection {
        refs: &[BIRTH],
        natural_key: Some("birth_id, ordinal"),
        ..plain(
            "baby",
            &["birth", "ordinal", "sex", "birth_weight_g"],
            Deletion::Never,
            RECORDS,
        )
    },
    plain("trying_to_conceive", &["since"], Deletion::Clear, TIMELINE),
    Collection {
        stamps: &["updated_at"],
        ..plain(
            "body_baseline",
            &["height_mm", "pre_pregnancy_grams"],
            Deletion::Clear,
            RECORDS,
        )
    },
    plain(
        "reminder_settings",
        &["prenatal_schedule", "quiet_start", "quiet_end"],
        Deletion::Never,
        REMINDERS,
    ),
    plain(
        "custom_reminder",
        &["title", "rrule", "time_of_day", "starts_on", "created_at"],
        Deletion::Row,
        REMINDERS,
    ),
    Collection {
        natural_key: Some("item_id"),
        ..plain(
            "reminder_status",
            &["item_id", "status", "snoozed_until", "updated_at"],
            Deletion::Row,
            REMINDERS,
        )
    },
    Collection {
        refs: &[BIRTH],
        natural_key: Some("birth_id, baby, code, dose"),
        ..plain(
            "vaccine_dose",
            &[
                "birth",
                "baby",
                "code",
                "dose",
                "given_on",
                "lot",
                "place",
                "recorded_at",
            ],
            Deletion::Never,
            REMINDERS,
        )
    },
    Collection {
        syncs_when: Some("r.ended_at IS NOT NULL"),
        ..plain(
            "kick_session",
            &["started_at", "ended_at"],
            Deletion::Never,
            RECORDS,
        )
    },
    Collection {
        refs: &[Ref {
            field: "session",
            column: "session_id",
            parent: "kick_session",
        }],
        syncs_when: Some(
            "(SELECT ended_at FROM kick_session k WHERE k.id = r.session_id) IS NOT NULL",
        ),
        ..plain("kick", &["session", "at"], Deletion::Never, RECORDS)
    },
    Collection {
        syncs_when: Some("r.ended_at IS NOT NULL"),
        ..plain(
            "contraction",
            &["started_at", "ended_at"],
            Deletion::Never,
            RECORDS,
        )
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

    /// The reference carried by `field`, if it is one.
    pub fn reference(&self, field: &str) -> Option<&Ref> {
        self.refs.iter().find(|r| r.field == field)
    }
}
