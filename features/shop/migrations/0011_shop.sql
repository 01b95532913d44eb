-- The shop (docs/shop.md): the offline copy of the catalogue and the cart.
-- The catalogue is the server's and not personal; it is replaced by delta.
CREATE TABLE catalog_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    server_url  TEXT NOT NULL,
    epoch       TEXT NOT NULL,
    version     INTEGER NOT NULL,
    etag        TEXT,
    updated_at  TEXT NOT NULL
) STRICT;

-- `body` is the product as the server sent it; the columns are what
-- search, suggestions and the cart read.
CREATE TABLE product (
    id            INTEGER PRIMARY KEY,
    sku           TEXT NOT NULL UNIQUE,
    name_zh       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    price_minor   INTEGER NOT NULL,
    currency      TEXT NOT NULL,
    stock         INTEGER NOT NULL,
    discontinued  INTEGER NOT NULL,
    body          TEXT NOT NULL
) STRICT;

-- The stages each product suits: weeks of pregnancy, months of age.
CREATE TABLE product_stage (
    sku     TEXT NOT NULL REFERENCES product (sku) ON DELETE CASCADE,
    stage   TEXT NOT NULL,
    from_n  INTEGER NOT NULL,
    to_n    INTEGER NOT NULL
) STRICT;

CREATE INDEX product_stage_lookup ON product_stage (stage, from_n, to_n);
CREATE INDEX product_stage_sku ON product_stage (sku);

-- Offline search. Chinese names are stored one character a token (the
-- unicode61 tokenizer does not segment Chinese), so "叶酸" matches as the
-- phrase "叶 酸"; English words match by prefix, and so do pinyin initials.
-- A row's rowid is its product's id. Rank: a match in the name counts most,
-- then in the initials, then in the description.
CREATE VIRTUAL TABLE product_search USING fts5 (
    name,
    initials,
    about,
    tokenize = 'unicode61'
);
INSERT INTO product_search (product_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');

-- The cart. Each line keeps the price she saw when she added it.
CREATE TABLE cart_line (
    sku               TEXT PRIMARY KEY,
    qty               INTEGER NOT NULL CHECK (qty > 0),
    price_seen_minor  INTEGER NOT NULL,
    currency          TEXT NOT NULL,
    added_at          TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
