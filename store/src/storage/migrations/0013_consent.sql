-- Consent per purpose (core/src/consent.rs). Append-only: the latest row
-- of a purpose is its state, and the history shows her what she agreed to,
-- under which notice, and when. No row means never asked: nothing is
-- pre-ticked. Local to this device, never synced: each device asks.
CREATE TABLE consent_log (
    id          INTEGER PRIMARY KEY,
    purpose     TEXT NOT NULL CHECK (purpose IN ('sync', 'shop', 'notifications')),
    granted     INTEGER NOT NULL CHECK (granted IN (0, 1)),
    -- The version of the privacy notice she was shown.
    notice      INTEGER NOT NULL,
    at          TEXT NOT NULL
) STRICT;
CREATE INDEX consent_log_purpose ON consent_log (purpose, id);
