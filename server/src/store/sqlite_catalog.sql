-- Schema version 2: the product catalogue. `body` is the product's JSON;
-- the columns a query or an order changes (price, stock, availability, the
-- version) are kept beside it and win over the body when read.
CREATE TABLE product (
    sku           TEXT PRIMARY KEY,
    body          TEXT NOT NULL,
    price_minor   INTEGER NOT NULL,
    stock         INTEGER NOT NULL CHECK (stock >= 0),
    discontinued  INTEGER NOT NULL,
    version       INTEGER NOT NULL UNIQUE
) STRICT;
