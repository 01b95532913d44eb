-- Each account's lineage (docs/sync.md, "A server restored from an older
-- backup"): empty until a pull proves the server lost history its devices
-- had seen, then new, so every cursor of the old history is refused.
ALTER TABLE account ADD COLUMN lineage TEXT NOT NULL DEFAULT '';
