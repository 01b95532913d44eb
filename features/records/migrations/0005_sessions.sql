-- Kick-count sessions and contraction timing.
CREATE TABLE kick_session (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    ended_at    TEXT
) STRICT;

-- At most one session is running.
CREATE UNIQUE INDEX kick_session_one_open ON kick_session ((ended_at IS NULL)) WHERE ended_at IS NULL;

CREATE TABLE kick (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES kick_session (id) ON DELETE CASCADE,
    at          TEXT NOT NULL
) STRICT;

CREATE TABLE contraction (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    ended_at    TEXT
) STRICT;

CREATE UNIQUE INDEX contraction_one_open ON contraction ((ended_at IS NULL)) WHERE ended_at IS NULL;
