-- A 75 g OGTT is its own journal kind (records::journal::Entry::Ogtt), so its
-- diagnostic cut-offs are never applied to meter readings. SQLite cannot
-- change a CHECK in place: the table is rebuilt with the same rows, and its
-- indexes and sync triggers (0008) are made again.
CREATE TABLE entry_new (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('medication', 'allergy', 'lab', 'ogtt', 'ultrasound', 'note',
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
