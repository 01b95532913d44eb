-- Each baby of a birth is its own record (twins are two babies): its birth
-- weight and sex on `baby`, and its vaccine doses on `vaccine_dose.baby`.
-- The birth keeps the mother's HBsAg status, which changes the baby's
-- hepatitis B plan. "No known allergies" becomes a journal kind, so the
-- clinic summary can tell her statement from a question never asked.
-- SQLite cannot relax a NOT NULL or change a UNIQUE or a CHECK in place:
-- `baby`, `vaccine_dose` and `entry` are rebuilt with the same rows, and
-- their indexes and sync triggers (0010, 0021) are made again.

ALTER TABLE birth ADD COLUMN mother_hbsag TEXT CHECK (mother_hbsag IN ('positive', 'negative'));

DROP TRIGGER birth_sync_insert;
DROP TRIGGER birth_sync_update;

CREATE TRIGGER birth_sync_insert AFTER INSERT ON birth
BEGIN
    UPDATE birth SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'birth', r.uid, 'put', NULL,
           json_object('pregnancy', (SELECT uid FROM pregnancy WHERE id = r.pregnancy_id), 'birth_date', r.birth_date, 'ga_days', r.ga_days, 'baby_count', r.baby_count, 'mother_hbsag', r.mother_hbsag, 'recorded_at', r.recorded_at), s.pulled_version
    FROM birth r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER birth_sync_update AFTER UPDATE ON birth
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'birth', NEW.uid, 'put',
           json_object('pregnancy', (SELECT uid FROM pregnancy WHERE id = OLD.pregnancy_id), 'birth_date', OLD.birth_date, 'ga_days', OLD.ga_days, 'baby_count', OLD.baby_count, 'mother_hbsag', OLD.mother_hbsag, 'recorded_at', OLD.recorded_at),
           json_object('pregnancy', (SELECT uid FROM pregnancy WHERE id = NEW.pregnancy_id), 'birth_date', NEW.birth_date, 'ga_days', NEW.ga_days, 'baby_count', NEW.baby_count, 'mother_hbsag', NEW.mother_hbsag, 'recorded_at', NEW.recorded_at), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TABLE baby_new (
    birth_id        INTEGER NOT NULL REFERENCES birth (id) ON DELETE CASCADE,
    ordinal         INTEGER NOT NULL CHECK (ordinal BETWEEN 1 AND 8),
    sex             TEXT CHECK (sex IN ('female', 'male')),
    birth_weight_g  INTEGER CHECK (birth_weight_g BETWEEN 300 AND 7000),
    uid             TEXT,
    PRIMARY KEY (birth_id, ordinal)
) STRICT;
INSERT INTO baby_new (birth_id, ordinal, sex, uid) SELECT birth_id, ordinal, sex, uid FROM baby;
DROP TABLE baby;
ALTER TABLE baby_new RENAME TO baby;
CREATE UNIQUE INDEX baby_uid ON baby (uid);

CREATE TRIGGER baby_sync_insert AFTER INSERT ON baby
BEGIN
    UPDATE baby SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'baby', r.uid, 'put', NULL,
           json_object('birth', (SELECT uid FROM birth WHERE id = r.birth_id), 'ordinal', r.ordinal, 'sex', r.sex, 'birth_weight_g', r.birth_weight_g), s.pulled_version
    FROM baby r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER baby_sync_update AFTER UPDATE ON baby
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'baby', NEW.uid, 'put',
           json_object('birth', (SELECT uid FROM birth WHERE id = OLD.birth_id), 'ordinal', OLD.ordinal, 'sex', OLD.sex, 'birth_weight_g', OLD.birth_weight_g),
           json_object('birth', (SELECT uid FROM birth WHERE id = NEW.birth_id), 'ordinal', NEW.ordinal, 'sex', NEW.sex, 'birth_weight_g', NEW.birth_weight_g), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

-- A dose recorded before this migration was for the first (or only) baby.
CREATE TABLE vaccine_dose_new (
    id           INTEGER PRIMARY KEY,
    birth_id     INTEGER NOT NULL REFERENCES birth (id) ON DELETE CASCADE,
    baby         INTEGER NOT NULL DEFAULT 1 CHECK (baby BETWEEN 1 AND 8),
    code         TEXT NOT NULL,
    dose         INTEGER NOT NULL,
    given_on     TEXT NOT NULL,
    lot          TEXT,
    place        TEXT,
    recorded_at  TEXT NOT NULL,
    uid          TEXT,
    UNIQUE (birth_id, baby, code, dose)
) STRICT;
INSERT INTO vaccine_dose_new (id, birth_id, code, dose, given_on, lot, place, recorded_at, uid)
    SELECT id, birth_id, code, dose, given_on, lot, place, recorded_at, uid FROM vaccine_dose;
DROP TABLE vaccine_dose;
ALTER TABLE vaccine_dose_new RENAME TO vaccine_dose;
CREATE UNIQUE INDEX vaccine_dose_uid ON vaccine_dose (uid);

CREATE TRIGGER vaccine_dose_sync_insert AFTER INSERT ON vaccine_dose
BEGIN
    UPDATE vaccine_dose SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'vaccine_dose', r.uid, 'put', NULL,
           json_object('birth', (SELECT uid FROM birth WHERE id = r.birth_id), 'baby', r.baby, 'code', r.code, 'dose', r.dose, 'given_on', r.given_on, 'lot', r.lot, 'place', r.place, 'recorded_at', r.recorded_at), s.pulled_version
    FROM vaccine_dose r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER vaccine_dose_sync_update AFTER UPDATE ON vaccine_dose
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'vaccine_dose', NEW.uid, 'put',
           json_object('birth', (SELECT uid FROM birth WHERE id = OLD.birth_id), 'baby', OLD.baby, 'code', OLD.code, 'dose', OLD.dose, 'given_on', OLD.given_on, 'lot', OLD.lot, 'place', OLD.place, 'recorded_at', OLD.recorded_at),
           json_object('birth', (SELECT uid FROM birth WHERE id = NEW.birth_id), 'baby', NEW.baby, 'code', NEW.code, 'dose', NEW.dose, 'given_on', NEW.given_on, 'lot', NEW.lot, 'place', NEW.place, 'recorded_at', NEW.recorded_at), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

-- Vaccine item ids name the baby: vaccine:<birth uid>:<baby>:<code>:<dose>.
UPDATE reminder_status
SET item_id = 'vaccine:' || substr(item_id, 9, 32) || ':1:' || substr(item_id, 42)
WHERE item_id LIKE 'vaccine:%' AND substr(item_id, 41, 1) = ':';

CREATE TABLE entry_new (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('medication', 'allergy', 'no_known_allergies', 'lab', 'ogtt', 'ultrasound', 'note',
                    'question', 'feed', 'sleep', 'diaper', 'temperature', 'growth')),
    baby        INTEGER CHECK (baby BETWEEN 1 AND 8),
    at          INTEGER NOT NULL,
    data        TEXT NOT NULL,
    unusual     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    uid         TEXT
) STRICT;
INSERT INTO entry_new (id, kind, baby, at, data, unusual, created_at, updated_at, deleted_at, uid)
    SELECT id, kind, baby, at, data, unusual, created_at, updated_at, deleted_at, uid FROM entry;
DROP TABLE entry;
ALTER TABLE entry_new RENAME TO entry;

CREATE INDEX entry_kind_time ON entry (kind, at) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX entry_uid ON entry (uid);

CREATE TRIGGER entry_sync_insert AFTER INSERT ON entry
BEGIN
    UPDATE entry SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'entry', r.uid, 'put', NULL,
           json_object('kind', r.kind, 'baby', r.baby, 'at', r.at, 'data', r.data, 'unusual', r.unusual), s.pulled_version
    FROM entry r, sync_state s WHERE r.id = NEW.id AND s.applying = 0;
END;

CREATE TRIGGER entry_sync_update AFTER UPDATE ON entry
    WHEN OLD.uid IS NOT NULL AND OLD.deleted_at IS NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'entry', NEW.uid,
           CASE WHEN NEW.deleted_at IS NULL THEN 'put' ELSE 'delete' END,
           json_object('kind', OLD.kind, 'baby', OLD.baby, 'at', OLD.at, 'data', OLD.data, 'unusual', OLD.unusual), json_object('kind', NEW.kind, 'baby', NEW.baby, 'at', NEW.at, 'data', NEW.data, 'unusual', NEW.unusual), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;
