-- The profile syncs too (docs/sync.md). It is one document with the fixed
-- id "profile" on every device of the account, so two devices' profiles
-- merge field by field instead of becoming two. It is never deleted by sync
-- (delete-all removes it locally, and unlinks the device).
ALTER TABLE profile ADD COLUMN uid TEXT;
UPDATE profile SET uid = 'profile';

CREATE TRIGGER profile_sync_insert AFTER INSERT ON profile
BEGIN
    UPDATE profile SET uid = 'profile' WHERE id = NEW.id AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'profile', r.uid, 'put', NULL,
           json_object('display_name', r.display_name, 'locale', r.locale, 'time_zone', r.time_zone),
           s.pulled_version
    FROM profile r, sync_state s WHERE r.id = NEW.id AND s.applying = 0;
END;

CREATE TRIGGER profile_sync_update AFTER UPDATE ON profile
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'profile', NEW.uid, 'put',
           json_object('display_name', OLD.display_name, 'locale', OLD.locale, 'time_zone', OLD.time_zone),
           json_object('display_name', NEW.display_name, 'locale', NEW.locale, 'time_zone', NEW.time_zone),
           s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;
