package com.golisto.sync.core;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An item the engine gave up on after a permanent error, kept until a replay succeeds.
 *
 * @param id the dead letter's id, for {@link SyncEngine#replayDeadLetter(long)}
 * @param storeId the store
 * @param kind {@code PRODUCT} (a shop product the marketplace refused) or {@code ORDER} (a marketplace sale
 *     the shop refused)
 * @param itemId the product id in the shop, or the order id at the marketplace
 * @param reason why, for people (e.g. "order 1001: line 1 names product 999, which the shop does not have")
 * @param payload the item as it was when it failed (JSON), for inspection; a replay re-reads the item
 * @param createdAt when it first failed
 * @param attempts how many times it failed
 * @param replayedAt when it was last replayed, {@code null} when never
 */
public record DeadLetterView(long id, String storeId, String kind, String itemId, String reason, String payload,
        Instant createdAt, int attempts, @Nullable Instant replayedAt) {

    public DeadLetterView {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
