-- "Order when back online" (docs/shop.md). The cart she confirmed offline
-- waits here, at the prices she saw, until the network returns; it is
-- placed only if the server still agrees on every line and price. `id` is
-- the order's Idempotency-Key from the start, and `sent` keeps the request
-- as first sent, so a lost answer is settled by sending it unchanged.
CREATE TABLE queued_order (
    id          TEXT PRIMARY KEY,
    -- [{sku, qty, price_seen_minor}], in cart order.
    lines       TEXT NOT NULL,
    -- Where it goes: her default address when she queued it.
    ship_to     TEXT NOT NULL,
    queued_at   INTEGER NOT NULL,
    sent        TEXT,
    -- What changed (the server's warnings), once it needs her review.
    review      TEXT
) STRICT;

-- Shop news for the notification plan: an order moved on, a queued order
-- went through or needs her. One per order, the latest; the text never
-- names what was bought, because the lock screen is public.
CREATE TABLE shop_notice (
    order_id    TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('update', 'placed', 'review')),
    at          INTEGER NOT NULL,
    seen        INTEGER NOT NULL DEFAULT 0
) STRICT;
