package com.golisto.sync.core;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One registered store's numbers for a host's metrics ({@link SyncEngine#storeMetrics()}), read from the state
 * store and this engine's memory at the time of the call. Immutable.
 *
 * @param storeId the store
 * @param listings the shop products mapped to a listing on the marketplace
 * @param dirtyProducts products marked changed by webhooks and not yet synced (in the webhook inbox)
 * @param runningRuns runs of the store started and not finished (in the state store)
 * @param lastSuccess when the latest successful run of each kind finished; kinds that never succeeded are absent
 * @param lastOrderPoll when an order poll last succeeded (empty polls included); {@code null} before the first
 * @param webhookDeliveries the store's inbound webhook deliveries since this engine started, by result:
 *     {@code accepted}, {@code duplicate}, {@code ignored}, {@code ping}, {@code rejected}
 * @param shopConcurrency the store's current limit on shop HTTP requests in flight (adaptive, at most the shop's
 *     {@code max-concurrency}); 0 while this engine has not opened the store's shop connector
 */
public record StoreMetrics(String storeId, long listings, long dirtyProducts, long runningRuns,
        Map<RunKind, Instant> lastSuccess, @Nullable Instant lastOrderPoll, Map<String, Long> webhookDeliveries,
        int shopConcurrency) {
    public StoreMetrics {
        Objects.requireNonNull(storeId, "storeId");
        lastSuccess = lastSuccess.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(lastSuccess));
        webhookDeliveries = Map.copyOf(new TreeMap<>(webhookDeliveries));
        if (listings < 0 || dirtyProducts < 0 || runningRuns < 0 || shopConcurrency < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** The store's pending work: dirty products plus running runs. */
    public long pendingWork() {
        return dirtyProducts + runningRuns;
    }
}
