-- Pregnancies, their dating history, births, and trying to conceive.
-- Dates are ISO calendar dates in the user's zone; nothing is ever
-- overwritten, so the user (or a clinician) can see why the EDD changed.
CREATE TABLE pregnancy (
    id          INTEGER PRIMARY KEY,
    status      TEXT NOT NULL CHECK (status IN ('ongoing', 'born', 'lost')),
    ended_on    TEXT,
    created_at  TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX pregnancy_one_ongoing ON pregnancy (status) WHERE status = 'ongoing';

CREATE TABLE dating_estimate (
    id            INTEGER PRIMARY KEY,
    pregnancy_id  INTEGER NOT NULL REFERENCES pregnancy (id) ON DELETE CASCADE,
    method        TEXT NOT NULL CHECK (method IN ('lmp', 'conception', 'ivf', 'ultrasound', 'edd')),
    event_date    TEXT NOT NULL,
    cycle_days    INTEGER,
    embryo_age    INTEGER,
    crl_tenth_mm  INTEGER,
    scan_ga_days  INTEGER,
    edd           TEXT NOT NULL,
    recorded_at   TEXT NOT NULL
) STRICT;

CREATE INDEX dating_estimate_pregnancy ON dating_estimate (pregnancy_id, id);

CREATE TABLE birth (
    id            INTEGER PRIMARY KEY,
    pregnancy_id  INTEGER REFERENCES pregnancy (id) ON DELETE SET NULL,
    birth_date    TEXT NOT NULL,
    ga_days       INTEGER NOT NULL,
    baby_count    INTEGER NOT NULL CHECK (baby_count BETWEEN 1 AND 8),
    recorded_at   TEXT NOT NULL
) STRICT;

CREATE TABLE trying_to_conceive (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    since  TEXT NOT NULL
) STRICT;
