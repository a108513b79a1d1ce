package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An item the engine gave up on (a permanent error), kept with the reason and payload so it can be
 * replayed. One dead letter per (store, kind, item) is pending at a time: failing again increments
 * {@link #attempts()}.
 *
 * @param id the dead letter's id
 * @param storeId the store
 * @param kind what the item is, e.g. {@code PRODUCT} or {@code ORDER}; at most 64 characters
 * @param itemId the item's id at its source; at most 255 characters
 * @param reason why it failed, for people; at most 2000 characters (longer reasons are cut)
 * @param payload what a replay needs (typically JSON); may be empty
 * @param createdAt when it first failed
 * @param attempts how many times it failed (1 at first)
 * @param replayedAt when it was last replayed; null when never
 */
public record DeadLetter(
        long id,
        String storeId,
        String kind,
        String itemId,
        String reason,
        String payload,
        Instant createdAt,
        int attempts,
        @Nullable Instant replayedAt) {

    public DeadLetter {
        Require.storeId(storeId);
        Require.text(kind, "dead letter kind", Limits.KIND);
        Require.text(itemId, "item id", Limits.ID);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }
}
