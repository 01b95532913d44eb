-- Sync (docs/sync.md). Each synced row gets a global id, and triggers queue
-- every change in the outbox in the same transaction as the change itself,
-- so no write path can forget to. Nothing is queued while the device is not
-- linked to an account (no sync_state row); linking queues what exists.
-- While the engine applies pulled changes it sets sync_state.applying, so
-- they are not echoed back.

CREATE TABLE sync_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    server_url      TEXT NOT NULL,
    account_id      TEXT NOT NULL,
    login           TEXT NOT NULL,
    -- NULL after the server refused the session, until she signs in again.
    token           TEXT,
    -- The end-to-end key; it leaves the device only as the recovery code.
    sync_key        BLOB NOT NULL,
    client_id       TEXT NOT NULL,
    -- The highest mutation id the server has confirmed.
    last_acked      INTEGER NOT NULL DEFAULT 0,
    cursor          TEXT,
    pulled_version  INTEGER NOT NULL DEFAULT 0,
    applying        INTEGER NOT NULL DEFAULT 0,
    last_synced_at  TEXT
) STRICT;

-- One row a local change. mid is the mutation id: +1 a change, no gaps,
-- continuing after the last acknowledged one. old/new are the synced fields
-- as JSON, so a push sends only what changed.
CREATE TABLE outbox (
    mid           INTEGER PRIMARY KEY,
    collection    TEXT NOT NULL,
    doc           TEXT NOT NULL,
    op            TEXT NOT NULL CHECK (op IN ('put', 'delete')),
    old           TEXT,
    new           TEXT NOT NULL,
    base_version  INTEGER NOT NULL
) STRICT;

CREATE INDEX outbox_doc ON outbox (doc);

-- Concurrent edits that lost, for the user to see (values decrypted).
CREATE TABLE sync_conflict (
    id          INTEGER PRIMARY KEY,
    version     INTEGER NOT NULL,
    collection  TEXT NOT NULL,
    doc         TEXT NOT NULL,
    field       TEXT NOT NULL,
    lost_value  TEXT NOT NULL,
    won_value   TEXT NOT NULL,
    noted_at    TEXT NOT NULL,
    UNIQUE (version, collection, doc, field)
) STRICT;

ALTER TABLE measurement ADD COLUMN uid TEXT;
UPDATE measurement SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX measurement_uid ON measurement (uid);

CREATE TRIGGER measurement_sync_insert AFTER INSERT ON measurement
BEGIN
    UPDATE measurement SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'measurement', r.uid, 'put', NULL,
           json_object('kind', r.kind, 'taken_at', r.taken_at, 'grams', r.grams, 'systolic', r.systolic, 'diastolic', r.diastolic, 'pulse', r.pulse, 'glucose_cmmol', r.glucose_cmmol, 'context', r.context, 'unusual', r.unusual), s.pulled_version
    FROM measurement r, sync_state s WHERE r.id = NEW.id AND s.applying = 0;
END;

CREATE TRIGGER measurement_sync_update AFTER UPDATE ON measurement
    WHEN OLD.uid IS NOT NULL AND OLD.deleted_at IS NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'measurement', NEW.uid,
           CASE WHEN NEW.deleted_at IS NULL THEN 'put' ELSE 'delete' END,
           json_object('kind', OLD.kind, 'taken_at', OLD.taken_at, 'grams', OLD.grams, 'systolic', OLD.systolic, 'diastolic', OLD.diastolic, 'pulse', OLD.pulse, 'glucose_cmmol', OLD.glucose_cmmol, 'context', OLD.context, 'unusual', OLD.unusual), json_object('kind', NEW.kind, 'taken_at', NEW.taken_at, 'grams', NEW.grams, 'systolic', NEW.systolic, 'diastolic', NEW.diastolic, 'pulse', NEW.pulse, 'glucose_cmmol', NEW.glucose_cmmol, 'context', NEW.context, 'unusual', NEW.unusual), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

ALTER TABLE entry ADD COLUMN uid TEXT;
UPDATE entry SET uid = lower(hex(randomblob(16)));
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

ALTER TABLE symptom ADD COLUMN uid TEXT;
UPDATE symptom SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX symptom_uid ON symptom (uid);

CREATE TRIGGER symptom_sync_insert AFTER INSERT ON symptom
BEGIN
    UPDATE symptom SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'symptom', r.uid, 'put', NULL,
           json_object('code', r.code, 'severity', r.severity, 'noted_at', r.noted_at), s.pulled_version
    FROM symptom r, sync_state s WHERE r.id = NEW.id AND s.applying = 0;
END;

CREATE TRIGGER symptom_sync_update AFTER UPDATE ON symptom
    WHEN OLD.uid IS NOT NULL AND OLD.deleted_at IS NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'symptom', NEW.uid,
           CASE WHEN NEW.deleted_at IS NULL THEN 'put' ELSE 'delete' END,
           json_object('code', OLD.code, 'severity', OLD.severity, 'noted_at', OLD.noted_at), json_object('code', NEW.code, 'severity', NEW.severity, 'noted_at', NEW.noted_at), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;
