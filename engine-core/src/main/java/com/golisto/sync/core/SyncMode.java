package com.golisto.sync.core;

/** Which catalog pass {@link SyncEngine#sync} runs. */
public enum SyncMode {
    /**
     * Full reconciliation: read the whole shop catalog, write what differs, and, once the pass completed,
     * delete the listings of products it did not see (mark and sweep). An aborted pass deletes nothing.
     */
    FULL,
    /**
     * Incremental pass: read what the shop changed since the stored cursor, write what differs, and check
     * and repair the store's shop webhooks.
     */
    INCREMENTAL
}
