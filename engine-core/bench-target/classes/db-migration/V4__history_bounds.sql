-- Golisto Sync state store, version 4: keeping the history in bounds (same portable SQL as V1).

-- Order polls are counted per store and kind; a scheduled poll that wrote nothing is not kept as a run row
-- (one a minute would flood the runs list), only counted here.
CREATE TABLE poll_counts (
    store_id       VARCHAR(64) NOT NULL,
    kind           VARCHAR(16) NOT NULL,
    empty_count    BIGINT      DEFAULT 0 NOT NULL,
    last_empty_at  BIGINT,
    last_polled_at BIGINT,
    CONSTRAINT poll_counts_pk PRIMARY KEY (store_id, kind),
    CONSTRAINT poll_counts_store_fk FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
);

-- the last successful run of a kind (the last complete full pass), however many other runs followed it
CREATE INDEX sync_runs_last_idx ON sync_runs (store_id, kind, status, finished_at);
-- the retention sweep walks each store's runs of one kind by id
CREATE INDEX sync_runs_kind_idx ON sync_runs (store_id, kind, id);
-- the retention sweep of replayed dead letters
CREATE INDEX dead_letters_replayed_idx ON dead_letters (replayed_at);
-- the retention sweep of used one-time states
CREATE INDEX one_time_states_used_idx ON one_time_states (used_at);
