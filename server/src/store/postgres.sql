-- cradle-server on PostgreSQL: the same tables as on SQLite. Health values
-- arrive sealed by the user's devices; the server stores and merges them
-- without reading them. Created under an advisory lock, so several server
-- processes can start at once.
CREATE TABLE IF NOT EXISTS meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS account (
    id             TEXT PRIMARY KEY,
    login          TEXT NOT NULL UNIQUE,
    password_hash  TEXT NOT NULL,
    key_check      TEXT NOT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL
);

-- Each account's lineage (docs/sync.md, "A server restored from an older
-- backup"): empty until a pull proves the server lost history its devices
-- had seen, then new, so every cursor of the old history is refused.
ALTER TABLE account ADD COLUMN IF NOT EXISTS lineage TEXT NOT NULL DEFAULT '';

CREATE TABLE IF NOT EXISTS session (
    token_hash  BYTEA PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    device      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);

CREATE INDEX IF NOT EXISTS session_account ON session (account_id);

CREATE TABLE IF NOT EXISTS client (
    account_id        TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    client_id         TEXT NOT NULL,
    last_mutation_id  BIGINT NOT NULL,
    PRIMARY KEY (account_id, client_id)
);

CREATE TABLE IF NOT EXISTS client_mutation (
    account_id  TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    client_id   TEXT NOT NULL,
    mid         BIGINT NOT NULL,
    digest      BYTEA NOT NULL,
    PRIMARY KEY (account_id, client_id, mid)
);

CREATE TABLE IF NOT EXISTS doc (
    account_id  TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    collection  TEXT NOT NULL,
    doc         TEXT NOT NULL,
    version     BIGINT NOT NULL,
    deleted     BOOLEAN NOT NULL,
    PRIMARY KEY (account_id, collection, doc)
);

CREATE INDEX IF NOT EXISTS doc_version ON doc (account_id, version);

CREATE TABLE IF NOT EXISTS field (
    account_id  TEXT NOT NULL,
    collection  TEXT NOT NULL,
    doc         TEXT NOT NULL,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    version     BIGINT NOT NULL,
    client_id   TEXT NOT NULL,
    PRIMARY KEY (account_id, collection, doc, name),
    FOREIGN KEY (account_id, collection, doc) REFERENCES doc (account_id, collection, doc) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS conflict (
    id          BIGSERIAL PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    version     BIGINT NOT NULL,
    collection  TEXT NOT NULL,
    doc         TEXT NOT NULL,
    field       TEXT NOT NULL,
    lost_value  TEXT NOT NULL,
    won_value   TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS conflict_version ON conflict (account_id, version);

-- The product catalogue. `body` is the product's JSON; the columns a query
-- or an order changes are kept beside it and win over the body when read.
CREATE TABLE IF NOT EXISTS product (
    sku           TEXT PRIMARY KEY,
    body          TEXT NOT NULL,
    price_minor   BIGINT NOT NULL,
    stock         BIGINT NOT NULL CHECK (stock >= 0),
    discontinued  BOOLEAN NOT NULL,
    version       BIGINT NOT NULL UNIQUE
);

-- Orders. The id is the client's Idempotency-Key, kept for good, so a
-- retry days later finds the same order.
CREATE TABLE IF NOT EXISTS orders (
    account_id  TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    body_hash   BYTEA NOT NULL,
    status      TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, id)
);

-- Her one cart across her devices (cradle_protocol::cart). `body` is the
-- SharedCart's JSON: lines, recent removals, applied op ids.
CREATE TABLE IF NOT EXISTS cart (
    account_id  TEXT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    body        TEXT NOT NULL
);
