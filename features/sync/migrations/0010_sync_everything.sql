-- Everything else she records syncs too (docs/sync.md): the timeline, the
-- reminders and their state, vaccine doses, kick counts, contractions, the
-- body baseline and babies' sexes. As in 0008, triggers queue each change
-- in the writing transaction.
--
-- References between rows travel as the parent's uid (field "pregnancy",
-- "birth", "session"); each device keeps its own integer ids.
--
-- A row with a natural key (a reminder item's status, a vaccine dose, a
-- baby) can reach the server under two uids from two devices; a pulled one
-- upserts on that key, so the device ends with one row (collections.rs).
--
-- A pulled row can arrive before its parent (a parent edited later has a
-- later version); it waits in sync_deferred until the parent lands.
CREATE TABLE sync_deferred (
    collection  TEXT NOT NULL,
    doc         TEXT NOT NULL,
    change      TEXT NOT NULL,
    PRIMARY KEY (collection, doc)
) STRICT;

-- Two devices can each start the pregnancy offline. Both rows then reach
-- every device: they are one pregnancy, so the timeline reads the ongoing
-- rows together (timeline::load), and no unique index may refuse the second.
DROP INDEX pregnancy_one_ongoing;

-- Every synced row gets its global id.
ALTER TABLE pregnancy ADD COLUMN uid TEXT;
UPDATE pregnancy SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX pregnancy_uid ON pregnancy (uid);

ALTER TABLE dating_estimate ADD COLUMN uid TEXT;
UPDATE dating_estimate SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX dating_estimate_uid ON dating_estimate (uid);

ALTER TABLE birth ADD COLUMN uid TEXT;
UPDATE birth SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX birth_uid ON birth (uid);

ALTER TABLE baby ADD COLUMN uid TEXT;
UPDATE baby SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX baby_uid ON baby (uid);

ALTER TABLE trying_to_conceive ADD COLUMN uid TEXT;
UPDATE trying_to_conceive SET uid = 'trying-to-conceive';
CREATE UNIQUE INDEX trying_to_conceive_uid ON trying_to_conceive (uid);

ALTER TABLE body_baseline ADD COLUMN uid TEXT;
UPDATE body_baseline SET uid = 'body-baseline';
CREATE UNIQUE INDEX body_baseline_uid ON body_baseline (uid);

ALTER TABLE reminder_settings ADD COLUMN uid TEXT;
UPDATE reminder_settings SET uid = 'reminder-settings';
CREATE UNIQUE INDEX reminder_settings_uid ON reminder_settings (uid);

ALTER TABLE custom_reminder ADD COLUMN uid TEXT;
UPDATE custom_reminder SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX custom_reminder_uid ON custom_reminder (uid);

ALTER TABLE reminder_status ADD COLUMN uid TEXT;
UPDATE reminder_status SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX reminder_status_uid ON reminder_status (uid);

ALTER TABLE vaccine_dose ADD COLUMN uid TEXT;
UPDATE vaccine_dose SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX vaccine_dose_uid ON vaccine_dose (uid);

ALTER TABLE kick ADD COLUMN uid TEXT;
UPDATE kick SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX kick_uid ON kick (uid);

ALTER TABLE contraction ADD COLUMN uid TEXT;
UPDATE contraction SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX contraction_uid ON contraction (uid);

-- Reminder item ids named the pregnancy, birth or custom rule by its local
-- id; they now use the uid, so a checkup ticked on one device is ticked on
-- all. (notification_plan keeps the old ids: the next plan diff cancels
-- what the shell scheduled under them.)
UPDATE reminder_status SET item_id =
    'checkup:' || (SELECT uid FROM pregnancy
                   WHERE id = CAST(substr(item_id, 9, instr(substr(item_id, 9), ':') - 1) AS INTEGER))
               || substr(item_id, 8 + instr(substr(item_id, 9), ':'))
WHERE item_id LIKE 'checkup:%'
  AND EXISTS (SELECT 1 FROM pregnancy
              WHERE id = CAST(substr(item_id, 9, instr(substr(item_id, 9), ':') - 1) AS INTEGER));
UPDATE reminder_status SET item_id =
    'vaccine:' || (SELECT uid FROM birth
                   WHERE id = CAST(substr(item_id, 9, instr(substr(item_id, 9), ':') - 1) AS INTEGER))
               || substr(item_id, 8 + instr(substr(item_id, 9), ':'))
WHERE item_id LIKE 'vaccine:%'
  AND EXISTS (SELECT 1 FROM birth
              WHERE id = CAST(substr(item_id, 9, instr(substr(item_id, 9), ':') - 1) AS INTEGER));
UPDATE reminder_status SET item_id =
    'custom:' || (SELECT uid FROM custom_reminder
                  WHERE id = CAST(substr(item_id, 8, instr(substr(item_id, 8), ':') - 1) AS INTEGER))
              || substr(item_id, 7 + instr(substr(item_id, 8), ':'))
WHERE item_id LIKE 'custom:%'
  AND EXISTS (SELECT 1 FROM custom_reminder
              WHERE id = CAST(substr(item_id, 8, instr(substr(item_id, 8), ':') - 1) AS INTEGER));

-- The triggers, as in 0008. A singleton has a fixed id on every device
-- (like the profile in 0009), and clearing it is a put of nulls, never a
-- delete: a deleted id could never be used again (deletes win).
CREATE TRIGGER pregnancy_sync_insert AFTER INSERT ON pregnancy
BEGIN
    UPDATE pregnancy SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'pregnancy', r.uid, 'put', NULL,
           json_object('status', r.status, 'ended_on', r.ended_on, 'created_at', r.created_at), s.pulled_version
    FROM pregnancy r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER pregnancy_sync_update AFTER UPDATE ON pregnancy
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'pregnancy', NEW.uid, 'put',
           json_object('status', OLD.status, 'ended_on', OLD.ended_on, 'created_at', OLD.created_at),
           json_object('status', NEW.status, 'ended_on', NEW.ended_on, 'created_at', NEW.created_at), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER pregnancy_sync_delete AFTER DELETE ON pregnancy
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'pregnancy', OLD.uid, 'delete', NULL, '{}', s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER dating_estimate_sync_insert AFTER INSERT ON dating_estimate
BEGIN
    UPDATE dating_estimate SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'dating_estimate', r.uid, 'put', NULL,
           json_object('pregnancy', (SELECT uid FROM pregnancy WHERE id = r.pregnancy_id), 'method', r.method, 'event_date', r.event_date, 'cycle_days', r.cycle_days, 'embryo_age', r.embryo_age, 'crl_tenth_mm', r.crl_tenth_mm, 'scan_ga_days', r.scan_ga_days, 'edd', r.edd, 'recorded_at', r.recorded_at), s.pulled_version
    FROM dating_estimate r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER dating_estimate_sync_update AFTER UPDATE ON dating_estimate
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'dating_estimate', NEW.uid, 'put',
           json_object('pregnancy', (SELECT uid FROM pregnancy WHERE id = OLD.pregnancy_id), 'method', OLD.method, 'event_date', OLD.event_date, 'cycle_days', OLD.cycle_days, 'embryo_age', OLD.embryo_age, 'crl_tenth_mm', OLD.crl_tenth_mm, 'scan_ga_days', OLD.scan_ga_days, 'edd', OLD.edd, 'recorded_at', OLD.recorded_at),
           json_object('pregnancy', (SELECT uid FROM pregnancy WHERE id = NEW.pregnancy_id), 'method', NEW.method, 'event_date', NEW.event_date, 'cycle_days', NEW.cycle_days, 'embryo_age', NEW.embryo_age, 'crl_tenth_mm', NEW.crl_tenth_mm, 'scan_ga_days', NEW.scan_ga_days, 'edd', NEW.edd, 'recorded_at', NEW.recorded_at), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER dating_estimate_sync_delete AFTER DELETE ON dating_estimate
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'dating_estimate', OLD.uid, 'delete', NULL, '{}', s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER birth_sync_insert AFTER INSERT ON birth
BEGIN
    UPDATE birth SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'birth', r.uid, 'put', NULL,
           json_object('pregnancy', (SELECT uid FROM pregnancy WHERE id = r.pregnancy_id), 'birth_date', r.birth_date, 'ga_days', r.ga_days, 'baby_count', r.baby_count, 'recorded_at', r.recorded_at), s.pulled_version
    FROM birth r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER birth_sync_update AFTER UPDATE ON birth
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'birth', NEW.uid, 'put',
           json_object('pregnancy', (SELECT uid FROM pregnancy WHERE id = OLD.pregnancy_id), 'birth_date', OLD.birth_date, 'ga_days', OLD.ga_days, 'baby_count', OLD.baby_count, 'recorded_at', OLD.recorded_at),
           json_object('pregnancy', (SELECT uid FROM pregnancy WHERE id = NEW.pregnancy_id), 'birth_date', NEW.birth_date, 'ga_days', NEW.ga_days, 'baby_count', NEW.baby_count, 'recorded_at', NEW.recorded_at), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER baby_sync_insert AFTER INSERT ON baby
BEGIN
    UPDATE baby SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'baby', r.uid, 'put', NULL,
           json_object('birth', (SELECT uid FROM birth WHERE id = r.birth_id), 'ordinal', r.ordinal, 'sex', r.sex), s.pulled_version
    FROM baby r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER baby_sync_update AFTER UPDATE ON baby
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'baby', NEW.uid, 'put',
           json_object('birth', (SELECT uid FROM birth WHERE id = OLD.birth_id), 'ordinal', OLD.ordinal, 'sex', OLD.sex),
           json_object('birth', (SELECT uid FROM birth WHERE id = NEW.birth_id), 'ordinal', NEW.ordinal, 'sex', NEW.sex), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER trying_to_conceive_sync_insert AFTER INSERT ON trying_to_conceive
BEGIN
    UPDATE trying_to_conceive SET uid = 'trying-to-conceive' WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'trying_to_conceive', r.uid, 'put', NULL,
           json_object('since', r.since), s.pulled_version
    FROM trying_to_conceive r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER trying_to_conceive_sync_update AFTER UPDATE ON trying_to_conceive
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'trying_to_conceive', NEW.uid, 'put',
           json_object('since', OLD.since),
           json_object('since', NEW.since), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER trying_to_conceive_sync_delete AFTER DELETE ON trying_to_conceive
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'trying_to_conceive', OLD.uid, 'put', json_object('since', OLD.since), json_object('since', NULL), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER body_baseline_sync_insert AFTER INSERT ON body_baseline
BEGIN
    UPDATE body_baseline SET uid = 'body-baseline' WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'body_baseline', r.uid, 'put', NULL,
           json_object('height_mm', r.height_mm, 'pre_pregnancy_grams', r.pre_pregnancy_grams), s.pulled_version
    FROM body_baseline r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER body_baseline_sync_update AFTER UPDATE ON body_baseline
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'body_baseline', NEW.uid, 'put',
           json_object('height_mm', OLD.height_mm, 'pre_pregnancy_grams', OLD.pre_pregnancy_grams),
           json_object('height_mm', NEW.height_mm, 'pre_pregnancy_grams', NEW.pre_pregnancy_grams), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER body_baseline_sync_delete AFTER DELETE ON body_baseline
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'body_baseline', OLD.uid, 'put', json_object('height_mm', OLD.height_mm, 'pre_pregnancy_grams', OLD.pre_pregnancy_grams), json_object('height_mm', NULL, 'pre_pregnancy_grams', NULL), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER reminder_settings_sync_insert AFTER INSERT ON reminder_settings
BEGIN
    UPDATE reminder_settings SET uid = 'reminder-settings' WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'reminder_settings', r.uid, 'put', NULL,
           json_object('prenatal_schedule', r.prenatal_schedule, 'quiet_start', r.quiet_start, 'quiet_end', r.quiet_end), s.pulled_version
    FROM reminder_settings r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER reminder_settings_sync_update AFTER UPDATE ON reminder_settings
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'reminder_settings', NEW.uid, 'put',
           json_object('prenatal_schedule', OLD.prenatal_schedule, 'quiet_start', OLD.quiet_start, 'quiet_end', OLD.quiet_end),
           json_object('prenatal_schedule', NEW.prenatal_schedule, 'quiet_start', NEW.quiet_start, 'quiet_end', NEW.quiet_end), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER custom_reminder_sync_insert AFTER INSERT ON custom_reminder
BEGIN
    UPDATE custom_reminder SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'custom_reminder', r.uid, 'put', NULL,
           json_object('title', r.title, 'rrule', r.rrule, 'time_of_day', r.time_of_day, 'starts_on', r.starts_on, 'created_at', r.created_at), s.pulled_version
    FROM custom_reminder r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER custom_reminder_sync_update AFTER UPDATE ON custom_reminder
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'custom_reminder', NEW.uid, 'put',
           json_object('title', OLD.title, 'rrule', OLD.rrule, 'time_of_day', OLD.time_of_day, 'starts_on', OLD.starts_on, 'created_at', OLD.created_at),
           json_object('title', NEW.title, 'rrule', NEW.rrule, 'time_of_day', NEW.time_of_day, 'starts_on', NEW.starts_on, 'created_at', NEW.created_at), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER custom_reminder_sync_delete AFTER DELETE ON custom_reminder
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'custom_reminder', OLD.uid, 'delete', NULL, '{}', s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER reminder_status_sync_insert AFTER INSERT ON reminder_status
BEGIN
    UPDATE reminder_status SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'reminder_status', r.uid, 'put', NULL,
           json_object('item_id', r.item_id, 'status', r.status, 'snoozed_until', r.snoozed_until, 'updated_at', r.updated_at), s.pulled_version
    FROM reminder_status r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER reminder_status_sync_update AFTER UPDATE ON reminder_status
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'reminder_status', NEW.uid, 'put',
           json_object('item_id', OLD.item_id, 'status', OLD.status, 'snoozed_until', OLD.snoozed_until, 'updated_at', OLD.updated_at),
           json_object('item_id', NEW.item_id, 'status', NEW.status, 'snoozed_until', NEW.snoozed_until, 'updated_at', NEW.updated_at), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER reminder_status_sync_delete AFTER DELETE ON reminder_status
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'reminder_status', OLD.uid, 'delete', NULL, '{}', s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

CREATE TRIGGER vaccine_dose_sync_insert AFTER INSERT ON vaccine_dose
BEGIN
    UPDATE vaccine_dose SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid AND uid IS NULL;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'vaccine_dose', r.uid, 'put', NULL,
           json_object('birth', (SELECT uid FROM birth WHERE id = r.birth_id), 'code', r.code, 'dose', r.dose, 'given_on', r.given_on, 'lot', r.lot, 'place', r.place, 'recorded_at', r.recorded_at), s.pulled_version
    FROM vaccine_dose r, sync_state s WHERE r.rowid = NEW.rowid AND s.applying = 0;
END;

CREATE TRIGGER vaccine_dose_sync_update AFTER UPDATE ON vaccine_dose
    WHEN OLD.uid IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'vaccine_dose', NEW.uid, 'put',
           json_object('birth', (SELECT uid FROM birth WHERE id = OLD.birth_id), 'code', OLD.code, 'dose', OLD.dose, 'given_on', OLD.given_on, 'lot', OLD.lot, 'place', OLD.place, 'recorded_at', OLD.recorded_at),
           json_object('birth', (SELECT uid FROM birth WHERE id = NEW.birth_id), 'code', NEW.code, 'dose', NEW.dose, 'given_on', NEW.given_on, 'lot', NEW.lot, 'place', NEW.place, 'recorded_at', NEW.recorded_at), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;


-- Kick counts and contractions sync once finished: one is timed on one
-- phone, and an open one on two devices would be two running sessions.
ALTER TABLE kick_session ADD COLUMN uid TEXT;
UPDATE kick_session SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX kick_session_uid ON kick_session (uid);

CREATE TRIGGER kick_session_sync_insert AFTER INSERT ON kick_session
BEGIN
    UPDATE kick_session SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id AND uid IS NULL;
END;

CREATE TRIGGER kick_sync_insert AFTER INSERT ON kick
BEGIN
    UPDATE kick SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id AND uid IS NULL;
END;

-- Stopping a count queues the session, then each of its kicks.
CREATE TRIGGER kick_session_sync_update AFTER UPDATE ON kick_session
    WHEN OLD.uid IS NOT NULL AND NEW.ended_at IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'kick_session', NEW.uid, 'put',
           CASE WHEN OLD.ended_at IS NULL THEN NULL
                ELSE json_object('started_at', OLD.started_at, 'ended_at', OLD.ended_at) END,
           json_object('started_at', NEW.started_at, 'ended_at', NEW.ended_at), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY k.id),
           'kick', k.uid, 'put', NULL, json_object('session', NEW.uid, 'at', k.at), s.pulled_version
    FROM kick k, sync_state s
    WHERE k.session_id = NEW.id AND OLD.ended_at IS NULL AND s.applying = 0;
END;

CREATE TRIGGER contraction_sync_insert AFTER INSERT ON contraction
BEGIN
    UPDATE contraction SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id AND uid IS NULL;
END;

CREATE TRIGGER contraction_sync_update AFTER UPDATE ON contraction
    WHEN OLD.uid IS NOT NULL AND NEW.ended_at IS NOT NULL
BEGIN
    INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
    SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + 1, 'contraction', NEW.uid, 'put',
           CASE WHEN OLD.ended_at IS NULL THEN NULL
                ELSE json_object('started_at', OLD.started_at, 'ended_at', OLD.ended_at) END,
           json_object('started_at', NEW.started_at, 'ended_at', NEW.ended_at), s.pulled_version
    FROM sync_state s WHERE s.applying = 0;
END;

-- A device linked before this version queues what it already has.
INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'pregnancy', r.uid, 'put', NULL, json_object('status', r.status, 'ended_on', r.ended_on, 'created_at', r.created_at), s.pulled_version
FROM pregnancy r, sync_state s;

INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'dating_estimate', r.uid, 'put', NULL, json_object('pregnancy', (SELECT uid FROM pregnancy WHERE id = r.pregnancy_id), 'method', r.method, 'event_date', r.event_date, 'cycle_days', r.cycle_days, 'embryo_age', r.embryo_age, 'crl_tenth_mm', r.crl_tenth_mm, 'scan_ga_days', r.scan_ga_days, 'edd', r.edd, 'recorded_at', r.recorded_at), s.pulled_version
FROM dating_estimate r, sync_state s;

INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'birth', r.uid, 'put', NULL, json_object('pregnancy', (SELECT uid FROM pregnancy WHERE id = r.pregnancy_id), 'birth_date', r.birth_date, 'ga_days', r.ga_days, 'baby_count', r.baby_count, 'recorded_at', r.recorded_at), s.pulled_version
FROM birth r, sync_state s;

INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'baby', r.uid, 'put', NULL, json_object('birth', (SELECT uid FROM birth WHERE id = r.birth_id), 'ordinal', r.ordinal, 'sex', r.sex), s.pulled_version
FROM baby r, sync_state s;

INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'trying_to_conceive', r.uid, 'put', NULL, json_object('since', r.since), s.pulled_version
FROM trying_to_conceive r, sync_state s;

INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'body_baseline', r.uid, 'put', NULL, json_object('height_mm', r.height_mm, 'pre_pregnancy_grams', r.pre_pregnancy_grams), s.pulled_version
FROM body_baseline r, sync_state s;

INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'reminder_settings', r.uid, 'put', NULL, json_object('prenatal_schedule', r.prenatal_schedule, 'quiet_start', r.quiet_start, 'quiet_end', r.quiet_end), s.pulled_version
FROM reminder_settings r, sync_state s;

INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'custom_reminder', r.uid, 'put', NULL, json_object('title', r.title, 'rrule', r.rrule, 'time_of_day', r.time_of_day, 'starts_on', r.starts_on, 'created_at', r.created_at), s.pulled_version
FROM custom_reminder r, sync_state s;

INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'reminder_status', r.uid, 'put', NULL, json_object('item_id', r.item_id, 'status', r.status, 'snoozed_until', r.snoozed_until, 'updated_at', r.updated_at), s.pulled_version
FROM reminder_status r, sync_state s;

INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'vaccine_dose', r.uid, 'put', NULL, json_object('birth', (SELECT uid FROM birth WHERE id = r.birth_id), 'code', r.code, 'dose', r.dose, 'given_on', r.given_on, 'lot', r.lot, 'place', r.place, 'recorded_at', r.recorded_at), s.pulled_version
FROM vaccine_dose r, sync_state s;

INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'kick_session', r.uid, 'put', NULL, json_object('started_at', r.started_at, 'ended_at', r.ended_at), s.pulled_version
FROM kick_session r, sync_state s WHERE r.ended_at IS NOT NULL;

INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'kick', r.uid, 'put', NULL, json_object('session', (SELECT uid FROM kick_session WHERE id = r.session_id), 'at', r.at), s.pulled_version
FROM kick r, sync_state s WHERE (SELECT ended_at FROM kick_session k WHERE k.id = r.session_id) IS NOT NULL;

INSERT INTO outbox (mid, collection, doc, op, old, new, base_version)
SELECT coalesce((SELECT max(mid) FROM outbox), s.last_acked) + row_number() OVER (ORDER BY r.rowid),
       'contraction', r.uid, 'put', NULL, json_object('started_at', r.started_at, 'ended_at', r.ended_at), s.pulled_version
FROM contraction r, sync_state s WHERE r.ended_at IS NOT NULL;
