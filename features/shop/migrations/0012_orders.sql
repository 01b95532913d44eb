-- Checkout (docs/shop.md). An order being placed keeps its id here from
-- before the first attempt until the server gives a definite answer, so a
-- retry (after a timeout, or a crash) sends the same Idempotency-Key and
-- can never order twice.
CREATE TABLE pending_order (
    id          TEXT PRIMARY KEY,
    -- The request as first sent, resent unchanged.
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

-- Her orders as last fetched from the server, for history offline.
CREATE TABLE shop_order (
    id          TEXT PRIMARY KEY,
    created_at  INTEGER NOT NULL,
    body        TEXT NOT NULL
) STRICT;

-- Return requests made offline wait here, in order, until the server has
-- them; each carries its own id, so sending one twice is one request.
CREATE TABLE pending_return (
    id          TEXT PRIMARY KEY,
    order_id    TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
