-- An account being registered from this device (docs/sync.md, "Accounts"):
-- the sync key is saved before the request goes, so a retry after a lost
-- answer sends the same key check and, finding the login taken, signs in
-- and completes the registration instead of losing the name. Cleared once
-- the device is linked.
CREATE TABLE pending_registration (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    server_url  TEXT NOT NULL,
    login       TEXT NOT NULL,
    sync_key    BLOB NOT NULL
) STRICT;
