-- The hospital-bag checklist (docs/shop.md): the items she has packed.
-- The list itself is content (content/hospital-bag.json); a row is a tick.
CREATE TABLE bag_item (
    id         TEXT PRIMARY KEY,
    packed_at  TEXT NOT NULL
) STRICT;
