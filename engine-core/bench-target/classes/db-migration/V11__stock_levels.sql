-- Golisto Sync state store, version 11: per-item stock last sent (same portable SQL as V1).

-- The stock last sent for a listed product and each of its variants, exactly, in a compact form (one entry per
-- item: the product's own, then each variant's in variant id order), so a stock-only change sends the items
-- whose stock changed and no others; null for orders and for listings written before this version (their next
-- stock-only change sends every item once, then this is kept).
ALTER TABLE entity_mappings ADD COLUMN stock_levels VARCHAR(16000);
