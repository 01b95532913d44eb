-- The mother's own measurements. Values are integers in fixed units
-- (grams, mmHg, beats per minute, hundredths of mmol/L). A delete is a
-- tombstone (deleted_at) so sync can propagate it. taken_at is Unix
-- seconds: a five-year series is read back without parsing text.
CREATE TABLE measurement (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('weight', 'blood_pressure', 'glucose')),
    taken_at    INTEGER NOT NULL,
    grams       INTEGER,
    systolic    INTEGER,
    diastolic   INTEGER,
    pulse       INTEGER,
    glucose_cmmol INTEGER,
    context     TEXT CHECK (context IN ('fasting', '1h', '2h', 'random')),
    unusual     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX measurement_kind_time ON measurement (kind, taken_at) WHERE deleted_at IS NULL;
