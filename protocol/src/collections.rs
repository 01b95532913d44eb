//! What syncs: one collection per synced table, with the fields that travel.
//! The server validates mutations against this list and the device builds
//! its outbox from it (the device's own columns and triggers are the core's
//! business), so both ends agree on one definition.
//!
//! Field values of a health collection travel and rest on the server sealed
//! end to end (`seal`); the server sees field names, never values.

/// A synced collection as the wire knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Collection {
    /// The name on the wire (and the device's table).
    pub name: &'static str,
    /// The fields that sync, in the order the device's outbox writes them.
    pub fields: &'static [&'static str],
    /// Health or personal data: values must be sealed end to end.
    pub health: bool,
    /// Whether a delete may be pushed; a singleton is cleared with nulls
    /// instead, and some records are never deleted.
    pub deletable: bool,
}

const fn health(
    name: &'static str,
    fields: &'static [&'static str],
    deletable: bool,
) -> Collection {
    Collection {
        name,
        fields,
        health: true,
        deletable,
    }
}

pub const MEASUREMENT: Collection = health(
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
    true,
);
pub const ENTRY: Collection = health("entry", &["kind", "baby", "at", "data", "unusual"], true);
pub const SYMPTOM: Collection = health("symptom", &["code", "severity", "noted_at"], true);
/// One document, "profile", on every device of the account, so two
/// devices' profiles merge field by field. Her name is personal, so it is
/// sealed like health data.
pub const PROFILE: Collection = health("profile", &["display_name", "locale", "time_zone"], false);
pub const PREGNANCY: Collection = health("pregnancy", &["status", "ended_on", "created_at"], true);
pub const DATING_ESTIMATE: Collection = health(
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
    true,
);
pub const BIRTH: Collection = health(
    "birth",
    &[
        "pregnancy",
        "birth_date",
        "ga_days",
        "baby_count",
        "mother_hbsag",
        "recorded_at",
    ],
    false,
);
pub const BABY: Collection = health(
    "baby",
    &["birth", "ordinal", "sex", "birth_weight_g"],
    false,
);
pub const TRYING_TO_CONCEIVE: Collection = health("trying_to_conceive", &["since"], false);
pub const BODY_BASELINE: Collection = health(
    "body_baseline",
    &["height_mm", "pre_pregnancy_grams"],
    false,
);
pub const REMINDER_SETTINGS: Collection = health(
    "reminder_settings",
    &["prenatal_schedule", "quiet_start", "quiet_end"],
    false,
);
pub const CUSTOM_REMINDER: Collection = health(
    "custom_reminder",
    &["title", "rrule", "time_of_day", "starts_on", "created_at"],
    true,
);
pub const REMINDER_STATUS: Collection = health(
    "reminder_status",
    &["item_id", "status", "snoozed_until", "updated_at"],
    true,
);
pub const VACCINE_DOSE: Collection = health(
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
    false,
);
pub const KICK_SESSION: Collection = health("kick_session", &["started_at", "ended_at"], false);
pub const KICK: Collection = health("kick", &["session", "at"], false);
pub const CONTRACTION: Collection = health("contraction", &["started_at", "ended_at"], false);

/// Parents before children: a device links and queues in this order.
pub const COLLECTIONS: &[Collection] = &[
    MEASUREMENT,
    ENTRY,
    SYMPTOM,
    PROFILE,
    PREGNANCY,
    DATING_ESTIMATE,
    BIRTH,
    BABY,
    TRYING_TO_CONCEIVE,
    BODY_BASELINE,
    REMINDER_SETTINGS,
    CUSTOM_REMINDER,
    REMINDER_STATUS,
    VACCINE_DOSE,
    KICK_SESSION,
    KICK,
    CONTRACTION,
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
