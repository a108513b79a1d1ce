-- Golisto Sync state store, version 6: what the health checks read (same portable SQL as V1).

-- The write probe of the state_store health check: each node upserts its own row at most every few seconds,
-- so a database that cannot write (read-only, disk full, quota) shows as a failing check.
CREATE TABLE health_probes (
    node_id   VARCHAR(255) NOT NULL,
    probed_at BIGINT       NOT NULL,
    CONSTRAINT health_probes_pk PRIMARY KEY (node_id)
);

-- Per store: the last successful order poll (kept here because empty polls need not be kept as runs) and what
-- the last check of the shop's webhooks found (null problem: all delivering).
CREATE TABLE store_health (
    store_id            VARCHAR(64)   NOT NULL,
    last_order_poll_at  BIGINT,
    webhooks_checked_at BIGINT,
    webhooks_problem    VARCHAR(2000),
    CONSTRAINT store_health_pk PRIMARY KEY (store_id),
    CONSTRAINT store_health_store_fk FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
);
