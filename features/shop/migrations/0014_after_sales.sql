-- Returns and complaints made offline wait in one queue and go to the
-- server in the order she made them; each carries its own id, so sending
-- one twice is one request.
CREATE TABLE pending_request (
    id          TEXT PRIMARY KEY,
    order_id    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('return', 'complaint')),
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

INSERT INTO pending_request (id, order_id, kind, body, created_at)
    SELECT id, order_id, 'return', body, created_at FROM pending_return;

DROP TABLE pending_return;
