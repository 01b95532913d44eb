-- Everything else the user logs: medications and supplements, allergies,
-- lab results, scans, diary notes, questions for the doctor, and the
-- baby's feeds, sleep, diapers, temperature and growth. Each row's `data`
-- is the entry's fields as JSON, validated by records::journal before it
-- is written. `baby` is the baby's place in the latest birth (1 for a
-- singleton), NULL for the mother. A delete is a tombstone with the data
-- cleared, so sync can propagate it.
CREATE TABLE entry (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('medication', 'allergy', 'lab', 'ultrasound', 'note',
                    'question', 'feed', 'sleep', 'diaper', 'temperature', 'growth')),
    baby        INTEGER CHECK (baby BETWEEN 1 AND 8),
    at          INTEGER NOT NULL,
    data        TEXT NOT NULL,
    unusual     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX entry_kind_time ON entry (kind, at) WHERE deleted_at IS NULL;

-- What the weight-gain band needs: height and pre-pregnancy weight, asked
-- only when the user wants the band (PIPL: the minimum, for a purpose).
CREATE TABLE body_baseline (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    height_mm             INTEGER NOT NULL,
    pre_pregnancy_grams   INTEGER NOT NULL,
    updated_at            TEXT NOT NULL
) STRICT;

-- A baby's sex, for growth percentiles (WHO standards are by sex).
CREATE TABLE baby (
    birth_id    INTEGER NOT NULL REFERENCES birth (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL CHECK (ordinal BETWEEN 1 AND 8),
    sex         TEXT NOT NULL CHECK (sex IN ('female', 'male')),
    PRIMARY KEY (birth_id, ordinal)
) STRICT;
