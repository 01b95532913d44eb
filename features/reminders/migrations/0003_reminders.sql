-- Reminders: settings, per-item status, vaccine doses given, custom rules,
-- and the last notification plan handed to the shell (for diffs).
CREATE TABLE reminder_settings (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    prenatal_schedule  TEXT NOT NULL,
    quiet_start        TEXT NOT NULL,
    quiet_end          TEXT NOT NULL
) STRICT;

-- Plans are derived from the timeline; only what the user did is stored,
-- keyed by the item's stable id, so a regenerated plan keeps it.
CREATE TABLE reminder_status (
    item_id        TEXT PRIMARY KEY,
    status         TEXT NOT NULL CHECK (status IN ('done', 'skipped', 'snoozed')),
    snoozed_until  TEXT,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE vaccine_dose (
    id           INTEGER PRIMARY KEY,
    birth_id     INTEGER NOT NULL REFERENCES birth (id) ON DELETE CASCADE,
    code         TEXT NOT NULL,
    dose         INTEGER NOT NULL,
    given_on     TEXT NOT NULL,
    lot          TEXT,
    place        TEXT,
    recorded_at  TEXT NOT NULL,
    UNIQUE (birth_id, code, dose)
) STRICT;

CREATE TABLE custom_reminder (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    rrule        TEXT NOT NULL,
    time_of_day  TEXT NOT NULL,
    starts_on    TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE notification_plan (
    id           TEXT PRIMARY KEY,
    fingerprint  TEXT NOT NULL
) STRICT;
