-- Golisto Sync state store, version 7: the per-product ledger (same portable SQL as V1).

-- Per store and shop product: the last seen shop version, what was last sent to the marketplace (create, update,
-- delete, stock; null when nothing was sent), the marketplace's answer, and the outcome with its reason
-- (listed, unchanged, skipped, failed, deleted). One row per product, overwritten by each pass that decides on it.
CREATE TABLE product_ledger (
    store_id      VARCHAR(64)   NOT NULL,
    product_id    VARCHAR(255)  NOT NULL,
    shop_version  VARCHAR(128),
    sent_action   VARCHAR(32),
    remote_answer VARCHAR(2000),
    outcome       VARCHAR(32)   NOT NULL,
    reason        VARCHAR(2000),
    updated_at    BIGINT        NOT NULL,
    CONSTRAINT product_ledger_pk PRIMARY KEY (store_id, product_id),
    CONSTRAINT product_ledger_store_fk FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
);
