-- Her address book (docs/shop.md): where orders go. Personal information
-- under PIPL, kept only in the encrypted database, sent to the shop only
-- inside an order, in her export, and gone with "delete everything".
CREATE TABLE address (
    id          TEXT PRIMARY KEY,
    -- The ShipTo as checked, JSON.
    body        TEXT NOT NULL,
    is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    updated_at  TEXT NOT NULL
) STRICT;

-- At most one default.
CREATE UNIQUE INDEX address_one_default ON address (is_default) WHERE is_default = 1;
