-- The user's own settings. One row: Cradle keeps one user per database.
CREATE TABLE profile (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    display_name TEXT,
    locale       TEXT NOT NULL,
    time_zone    TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
