-- One cart on every device (docs/shop.md). While the device is linked to
-- an account, each change she makes to the cart waits here, in order,
-- until the server has applied it; `cart_version` is the account cart's
-- version the device last saw, which a change carries as its base.
CREATE TABLE cart_op (
    seq               INTEGER PRIMARY KEY AUTOINCREMENT,
    id                TEXT NOT NULL UNIQUE,
    sku               TEXT NOT NULL,
    -- The CartChange, JSON.
    change            TEXT NOT NULL,
    base              INTEGER NOT NULL,
    price_seen_minor  INTEGER NOT NULL,
    currency          TEXT NOT NULL
) STRICT;

ALTER TABLE sync_state ADD COLUMN cart_version INTEGER NOT NULL DEFAULT 0;

-- A device linked before this version keeps its cart: it joins the
-- account's as merges (the larger quantity wins), as at sign-in, rather
-- than being replaced by the account's empty cart at the next sync.
INSERT INTO cart_op (id, sku, change, base, price_seen_minor, currency)
SELECT lower(hex(randomblob(16))), sku, json_object('kind', 'merge', 'qty', qty), 0,
       price_seen_minor, currency
FROM cart_line
WHERE EXISTS (SELECT 1 FROM sync_state WHERE id = 1)
ORDER BY added_at, sku;
