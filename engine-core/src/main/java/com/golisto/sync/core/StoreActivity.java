package com.golisto.sync.core;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a store is doing and will do, for a dashboard ({@link EngineViews#activity}): the running catalog pass's
 * progress, the next scheduled full and incremental passes, its listings against the products the ledger knows,
 * and its webhooks' health. Read from the state store and this engine's memory; never from a remote. Immutable.
 *
 * @param storeId the store
 * @param at when it was read (the engine's clock)
 * @param running the progress of the store's running catalog pass; null when none runs
 * @param nextFull when this engine's schedule next starts a full pass; null when it does not follow the store
 *     (not approved, or another engine's schedule)
 * @param nextIncremental when this engine's schedule next starts an incremental pass; null likewise
 * @param listings the shop products mapped to a listing on the marketplace
 * @param ledgerOutcomes how many of the store's products have each last outcome in the ledger, in name order (listed,
 *     unchanged, skipped, failed, deleted)
 * @param webhooks the shop webhooks' health
 */
public record StoreActivity(String storeId, Instant at, @Nullable RunProgress running, @Nullable Instant nextFull,
        @Nullable Instant nextIncremental, long listings, Map<String, Long> ledgerOutcomes, WebhookHealth webhooks) {

    public StoreActivity {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(webhooks, "webhooks");
        ledgerOutcomes = Collections.unmodifiableMap(new TreeMap<>(ledgerOutcomes)); // by outcome name
        if (listings < 0) {
            throw new IllegalArgumentException("listings must not be negative");
        }
    }

    /** The products the ledger knows, whatever their outcome. */
    public long ledgerProducts() {
        return ledgerOutcomes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many products have this last outcome (0 when none). */
    public long outcome(String outcome) {
        return ledgerOutcomes.getOrDefault(outcome, 0L);
    }
}
