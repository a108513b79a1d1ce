-- Golisto Sync state store, version 9 (same portable SQL as V1).

-- The ledger keeps each product's SKU and title as last seen, so a product can be found by SKU or by words
-- of its title (explain, the dashboard's search) without asking the shop. Null for rows written before.
ALTER TABLE product_ledger ADD COLUMN sku VARCHAR(255);
ALTER TABLE product_ledger ADD COLUMN title VARCHAR(500);
CREATE INDEX product_ledger_sku_idx ON product_ledger (store_id, sku);

-- A run counts the products it skipped (not listable: draft, no price, trashed, removed in shop...) apart
-- from the unchanged ones, with the reasons totalled: one "count<TAB>reason" line per reason.
ALTER TABLE sync_runs ADD COLUMN skipped_count BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE sync_runs ADD COLUMN skip_reasons VARCHAR(2000);
