package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Who holds a store's work lease: the runner that may run the store's pipelines until the lease expires.
 *
 * @param storeId the store
 * @param owner the holder (a runner's id)
 * @param expiresAt when the lease runs out unless renewed
 */
public record Lease(String storeId, String owner, Instant expiresAt) {

    public Lease {
        Require.storeId(storeId);
        Require.text(owner, "lease owner", Limits.NAME);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
