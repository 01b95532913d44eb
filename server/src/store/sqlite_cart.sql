-- Schema version 4: her one cart across her devices (cradle_protocol::cart).
-- `body` is the SharedCart's JSON: lines, recent removals, applied op ids.
CREATE TABLE cart (
    account_id  TEXT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    body        TEXT NOT NULL
) STRICT;
