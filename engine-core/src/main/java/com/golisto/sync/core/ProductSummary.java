package com.golisto.sync.core;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A shop product as the engine's ledger last saw it, found by {@link EngineViews#findProducts}: enough to pick
 * it from a list and ask {@link SyncEngine#explain} about it. Immutable.
 *
 * @param productId the shop's product id
 * @param sku its SKU as last seen; null when it has none or it was not seen since the ledger began keeping it
 * @param title its title as last seen; null when not seen since then
 * @param outcome the ledger's last outcome: listed, unchanged, skipped, failed or deleted
 * @param reason the outcome's reason (skipped, failed, deleted); null otherwise
 * @param decidedAt when the engine last decided on it
 */
public record ProductSummary(String productId, @Nullable String sku, @Nullable String title, String outcome,
        @Nullable String reason, Instant decidedAt) {

    public ProductSummary {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
