-- Golisto Sync state store, version 10: dry runs (same portable SQL as V1).

-- The per-field fingerprints of the listing last written (name=hex;name=hex...), so a dry run can name the
-- fields of a product that changed since; null for orders and for listings written before this version.
ALTER TABLE entity_mappings ADD COLUMN field_fingerprints VARCHAR(1000);

-- Per store, the report of its latest successful dry run (a full pass computed, nothing written), as JSON
-- (counts, skip and delete reasons, samples of at most a few dozen products per kind of change).
CREATE TABLE dry_run_reports (
    store_id    VARCHAR(64)      NOT NULL,
    run_id      BIGINT           NOT NULL,
    report      VARCHAR(1000000) NOT NULL,
    finished_at BIGINT           NOT NULL,
    CONSTRAINT dry_run_reports_pk PRIMARY KEY (store_id),
    CONSTRAINT dry_run_reports_store_fk FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
);
