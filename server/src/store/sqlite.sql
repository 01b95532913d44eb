-- cradle-server on SQLite. Health values arrive sealed by the user's
-- devices; the server stores and merges them without reading them.
CREATE TABLE meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;

CREATE TABLE account (
    id             TEXT PRIMARY KEY,
    login          TEXT NOT NULL UNIQUE,
    password_hash  TEXT NOT NULL,
    key_check      TEXT NOT NULL,
    -- The per-user version counter: +1 for every mutation that changes something.
    version        INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL
) STRICT;

-- Bearer tokens are stored only as SHA-256 hashes.
CREATE TABLE session (
    token_hash  BLOB PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    device      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX session_account ON session (account_id);

CREATE TABLE client (
    account_id        TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    client_id         TEXT NOT NULL,
    last_mutation_id  INTEGER NOT NULL,
    PRIMARY KEY (account_id, client_id)
) STRICT;

-- The shape of each client's recent mutations, to tell a retry from a
-- second install reusing the same client id.
CREATE TABLE client_mutation (
    account_id  TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    client_id   TEXT NOT NULL,
    mid         INTEGER NOT NULL,
    digest      BLOB NOT NULL,
    PRIMARY KEY (account_id, client_id, mid)
) STRICT;

CREATE TABLE doc (
    account_id  TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    collection  TEXT NOT NULL,
    doc         TEXT NOT NULL,
    version     INTEGER NOT NULL,
    deleted     INTEGER NOT NULL,
    PRIMARY KEY (account_id, collection, doc)
) STRICT;

CREATE INDEX doc_version ON doc (account_id, version);

CREATE TABLE field (
    account_id  TEXT NOT NULL,
    collection  TEXT NOT NULL,
    doc         TEXT NOT NULL,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    version     INTEGER NOT NULL,
    client_id   TEXT NOT NULL,
    PRIMARY KEY (account_id, collection, doc, name),
    FOREIGN KEY (account_id, collection, doc) REFERENCES doc (account_id, collection, doc) ON DELETE CASCADE
) STRICT;

CREATE TABLE conflict (
    id          INTEGER PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    collection  TEXT NOT NULL,
    doc         TEXT NOT NULL,
    field       TEXT NOT NULL,
    lost_value  TEXT NOT NULL,
    won_value   TEXT NOT NULL
) STRICT;

CREATE INDEX conflict_version ON conflict (account_id, version);
