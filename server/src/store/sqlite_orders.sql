-- Schema version 3: orders. The id is the client's Idempotency-Key, kept
-- for good, so a retry days later finds the same order.
CREATE TABLE orders (
    account_id  TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    body_hash   BLOB NOT NULL,
    status      TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
) STRICT;
