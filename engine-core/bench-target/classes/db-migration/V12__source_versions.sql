-- Golisto Sync state store, version 12: the shop's version of each listed product (same portable SQL as V1).

-- The version the shop connector reported for a product when the engine last read it whole and its listing was
-- written or found unchanged (WooCommerce: its modification time, variation ids and the store data its mapping
-- used), so a later pass can skip reading again a product whose version did not move; and the SKU of each of its
-- variants then, "variant id<TAB>sku" per line, so its variants can be read in bulk by SKU. Both null until a pass
-- reads the product whole (listings written before this version, products synced by webhooks only).
ALTER TABLE entity_mappings ADD COLUMN source_version VARCHAR(200);
ALTER TABLE entity_mappings ADD COLUMN variant_skus VARCHAR(16000);
