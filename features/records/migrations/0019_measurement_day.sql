-- One row per local day, kind and glucose context, so the charts read about
-- 1,800 rows a kind for five years instead of scanning every reading
-- (records/trends.rs). Triggers keep it, so every writer (the facade, sync,
-- delete-all) leaves it right. Days are cut at day_cut.utc_offset seconds
-- east of UTC; the core rebuilds the table when the zone's offset is no
-- longer that one (a new zone, or daylight saving). Until the first build
-- day_cut is empty and the triggers do nothing.
CREATE TABLE day_cut (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    utc_offset  INTEGER NOT NULL
) STRICT;

-- value is grams, systolic mmHg or hundredths of mmol/L; diastolic is 0
-- except for blood pressure. context is '' except for glucose.
CREATE TABLE measurement_day (
    kind           TEXT NOT NULL,
    day            INTEGER NOT NULL, -- local days since 1970-01-01
    context        TEXT NOT NULL,
    readings       INTEGER NOT NULL,
    value_sum      INTEGER NOT NULL,
    value_max      INTEGER NOT NULL,
    diastolic_sum  INTEGER NOT NULL,
    diastolic_max  INTEGER NOT NULL,
    PRIMARY KEY (kind, day, context)
) STRICT, WITHOUT ROWID;

-- A change to a reading lands here and one of the two triggers below
-- applies it and removes the row, so the table stays empty and the day's
-- arithmetic is written once. A new reading carries its value and is added
-- to its day (the hot path: it costs the same however many readings the
-- day holds); an edit, a delete or a rebuild carries none, and the day is
-- recomputed from measurement.
CREATE TABLE measurement_touch (
    kind        TEXT NOT NULL,
    taken_at    INTEGER NOT NULL,
    utc_offset  INTEGER NOT NULL,
    context     TEXT,
    value       INTEGER,
    diastolic   INTEGER,
    -- floor((taken_at + utc_offset) / 86400), also before 1970
    day         INTEGER AS (((taken_at + utc_offset) - (((taken_at + utc_offset) % 86400) + 86400) % 86400) / 86400)
) STRICT;

CREATE TRIGGER measurement_touch_add AFTER INSERT ON measurement_touch
    WHEN NEW.value IS NOT NULL
BEGIN
    INSERT INTO measurement_day
        (kind, day, context, readings, value_sum, value_max, diastolic_sum, diastolic_max)
    VALUES (NEW.kind, NEW.day, NEW.context, 1, NEW.value, NEW.value, NEW.diastolic, NEW.diastolic)
    ON CONFLICT (kind, day, context) DO UPDATE SET
        readings = readings + 1,
        value_sum = value_sum + excluded.value_sum,
        value_max = max(value_max, excluded.value_max),
        diastolic_sum = diastolic_sum + excluded.diastolic_sum,
        diastolic_max = max(diastolic_max, excluded.diastolic_max);
    DELETE FROM measurement_touch WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER measurement_touch_day AFTER INSERT ON measurement_touch
    WHEN NEW.value IS NULL
BEGIN
    DELETE FROM measurement_day WHERE kind = NEW.kind AND day = NEW.day;
    INSERT INTO measurement_day
        (kind, day, context, readings, value_sum, value_max, diastolic_sum, diastolic_max)
    SELECT kind, NEW.day, coalesce(context, ''), count(*),
           sum(coalesce(grams, systolic, glucose_cmmol)),
           max(coalesce(grams, systolic, glucose_cmmol)),
           coalesce(sum(diastolic), 0), coalesce(max(diastolic), 0)
    FROM measurement
    WHERE kind = NEW.kind AND deleted_at IS NULL
      AND taken_at >= NEW.day * 86400 - NEW.utc_offset
      AND taken_at < (NEW.day + 1) * 86400 - NEW.utc_offset
    GROUP BY coalesce(context, '');
    DELETE FROM measurement_touch WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER measurement_day_insert AFTER INSERT ON measurement
    WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO measurement_touch (kind, taken_at, utc_offset, context, value, diastolic)
    SELECT NEW.kind, NEW.taken_at, utc_offset, coalesce(NEW.context, ''),
           coalesce(NEW.grams, NEW.systolic, NEW.glucose_cmmol), coalesce(NEW.diastolic, 0)
    FROM day_cut;
END;

-- Not on uid or the stamps: those change no aggregate.
CREATE TRIGGER measurement_day_update
    AFTER UPDATE OF kind, taken_at, grams, systolic, diastolic, glucose_cmmol, context, deleted_at
    ON measurement
BEGIN
    INSERT INTO measurement_touch (kind, taken_at, utc_offset)
    SELECT OLD.kind, OLD.taken_at, utc_offset FROM day_cut;
    INSERT INTO measurement_touch (kind, taken_at, utc_offset)
    SELECT NEW.kind, NEW.taken_at, utc_offset FROM day_cut
    WHERE NEW.kind IS NOT OLD.kind OR NEW.taken_at IS NOT OLD.taken_at;
END;

CREATE TRIGGER measurement_day_delete AFTER DELETE ON measurement
BEGIN
    INSERT INTO measurement_touch (kind, taken_at, utc_offset)
    SELECT OLD.kind, OLD.taken_at, utc_offset FROM day_cut;
END;
