-- Golisto Sync state store, version 13: the durable webhook inbox (same portable SQL as V1).

-- Products a verified webhook named and no webhook-triggered pass has synced yet: one row per store and product, so
-- a burst coalesces (the debounce). The row is written in the transaction that records the delivery
-- (webhook_deliveries), before the node answers 2xx, so a node killed right after answering loses nothing, and any
-- node sharing the database processes it. due_at = min(last_at + debounce, first_at + 5 x debounce); marks counts the
-- notifications, so one arriving while a pass runs keeps the row for the next pass. A node claims due rows
-- (claimed_by, claim_expires_at) before its pass and deletes them after it; a dead node's claim expires.
CREATE TABLE webhook_inbox (
    store_id         VARCHAR(64)   NOT NULL,
    product_id       VARCHAR(255)  NOT NULL,
    first_at         BIGINT        NOT NULL,
    last_at          BIGINT        NOT NULL,
    due_at           BIGINT        NOT NULL,
    marks            BIGINT        NOT NULL,
    claimed_by       VARCHAR(200),
    claim_expires_at BIGINT,
    CONSTRAINT webhook_inbox_pk PRIMARY KEY (store_id, product_id),
    CONSTRAINT webhook_inbox_store_fk FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
);
CREATE INDEX webhook_inbox_due_idx ON webhook_inbox (store_id, due_at);

-- After a webhook-triggered pass a store's further notifications wait for the batch window: until when, shared by
-- every node.
CREATE TABLE webhook_holds (
    store_id   VARCHAR(64) NOT NULL,
    held_until BIGINT      NOT NULL,
    CONSTRAINT webhook_holds_pk PRIMARY KEY (store_id),
    CONSTRAINT webhook_holds_store_fk FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
);
