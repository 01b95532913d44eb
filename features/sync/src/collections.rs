//! What syncs, as the device keeps it: each collection of the protocol's
//! list with its local columns, references, tombstone and the screens it
//! refreshes. Names, fields and sealing are the protocol's, shared with the
//! server.

use cradle_protocol::collections as wire;
use cradle_store::events::{DataArea, PROFILE, TIMELINE};

/// A synced table: the wire's collection and what the device keeps beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Collection {
    /// Its name (also the local table's) and the fields that travel, in the
    /// order the outbox triggers write them (migrations 0008–0010; a test
    /// checks the two agree). A field is the column of the same name, or a
    /// reference (`refs`).
    pub wire: &'static wire::Collection,
    /// Fields that carry a parent row's uid for a local integer column.
    pub refs: &'static [Ref],
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
    wire: &'static wire::Collection,
    deletion: Deletion,
    areas: &'static [DataArea],
) -> Collection {
    Collection {
        wire,
        refs: &[],
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
            &wire::MEASUREMENT,
            Deletion::Tombstone(cradle_records::TOMBSTONE),
            RECORDS,
        )
    },
    Collection {
        stamps: &["created_at", "updated_at"],
        ..plain(
            &wire::ENTRY,
            Deletion::Tombstone(cradle_records::journal::TOMBSTONE),
            RECORDS,
        )
    },
    Collection {
        stamps: &["created_at"],
        ..plain(
            &wire::SYMPTOM,
            Deletion::Tombstone(cradle_records::symptoms::TOMBSTONE),
            RECORDS,
        )
    },
    // One document, "profile", on every device of the account (migration 0009).
    Collection {
        stamps: &["updated_at"],
        ..plain(&wire::PROFILE, Deletion::Never, PROFILE)
    },
    plain(&wire::PREGNANCY, Deletion::Row, TIMELINE),
    Collection {
        refs: &[PREGNANCY],
        ..plain(&wire::DATING_ESTIMATE, Deletion::Row, TIMELINE)
    },
    Collection {
        refs: &[PREGNANCY],
        ..plain(&wire::BIRTH, Deletion::Never, TIMELINE)
    },
    Collection {
        refs: &[BIRTH],
        natural_key: Some("birth_id, ordinal"),
        ..plain(&wire::BABY, Deletion::Never, RECORDS)
    },
    plain(&wire::TRYING_TO_CONCEIVE, Deletion::Clear, TIMELINE),
    Collection {
        stamps: &["updated_at"],
        ..plain(&wire::BODY_BASELINE, Deletion::Clear, RECORDS)
    },
    plain(&wire::REMINDER_SETTINGS, Deletion::Never, REMINDERS),
    plain(&wire::CUSTOM_REMINDER, Deletion::Row, REMINDERS),
    Collection {
        natural_key: Some("item_id"),
        ..plain(&wire::REMINDER_STATUS, Deletion::Row, REMINDERS)
    },
    Collection {
        refs: &[BIRTH],
        natural_key: Some("birth_id, baby, code, dose"),
        ..plain(&wire::VACCINE_DOSE, Deletion::Never, REMINDERS)
    },
    Collection {
        syncs_when: Some("r.ended_at IS NOT NULL"),
        ..plain(&wire::KICK_SESSION, Deletion::Never, RECORDS)
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
        ..plain(&wire::KICK, Deletion::Never, RECORDS)
    },
    Collection {
        syncs_when: Some("r.ended_at IS NOT NULL"),
        ..plain(&wire::CONTRACTION, Deletion::Never, RECORDS)
    },
];

/// The collection called `name`, if it syncs.
pub fn find(name: &str) -> Option<&'static Collection> {
    COLLECTIONS.iter().find(|c| c.wire.name == name)
}

impl Collection {
    /// The reference carried by `field`, if it is one.
    pub fn reference(&self, field: &str) -> Option<&Ref> {
        self.refs.iter().find(|r| r.field == field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wire_collection_is_kept_here_in_the_wire_order() {
        let here: Vec<_> = COLLECTIONS.iter().map(|c| c.wire).collect();
        let wire: Vec<_> = wire::COLLECTIONS.iter().collect();
        assert_eq!(here, wire);
        for c in COLLECTIONS {
            let deletable = matches!(c.deletion, Deletion::Tombstone(_) | Deletion::Row);
            assert_eq!(deletable, c.wire.deletable, "{}", c.wire.name);
        }
    }

    /// A ciphertext's length, all the server sees of a value, does not tell
    /// one code of an enumerated field from another.
    #[test]
    fn every_value_of_an_enumerated_field_seals_to_one_length() {
        let key = cradle_protocol::seal::SyncKey::generate().unwrap();
        let fields: [(&str, &str, Vec<&str>); 5] = [
            ("symptom", "severity", vec!["mild", "moderate", "severe"]),
            (
                "measurement",
                "kind",
                vec!["weight", "glucose", "blood_pressure"],
            ),
            ("symptom", "code", cradle_records::symptoms::CODES.to_vec()),
            (
                "measurement",
                "context",
                vec!["fasting", "1h", "2h", "random"],
            ),
            ("entry", "kind", cradle_records::journal::KINDS.to_vec()),
        ];
        for (collection, field, values) in fields {
            let lengths: std::collections::BTreeSet<usize> = values
                .iter()
                .map(|v| {
                    let sealed = key
                        .seal(collection, "d", field, &serde_json::json!(v), "c:1")
                        .unwrap();
                    sealed.as_str().unwrap().len()
                })
                .collect();
            assert_eq!(lengths.len(), 1, "{collection}.{field}: {lengths:?}");
        }
    }
}
