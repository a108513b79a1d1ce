package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A non-idempotent remote write the engine is about to make (or made), recorded before the call so that
 * after a crash the engine can check the remote before trying again. At most one intent per
 * (store id, kind, key) is open at a time.
 *
 * @param id the intent's id
 * @param storeId the store
 * @param kind what the write is, e.g. {@code CREATE_ORDER}; at most 64 characters
 * @param intentKey what it is about, e.g. the marketplace order id; at most 255 characters
 * @param payload what the engine needs to resume or check it (typically JSON); may be empty
 * @param createdAt when it was opened
 * @param attemptedAt when the latest attempt of the write began; null before the first
 * @param completedAt when it was completed; null while open
 * @param resultText what the write produced (e.g. the shop order id); null while open
 */
public record Intent(
        long id,
        String storeId,
        String kind,
        String intentKey,
        String payload,
        Instant createdAt,
        @Nullable Instant attemptedAt,
        @Nullable Instant completedAt,
        @Nullable String resultText) {

    public Intent {
        Require.storeId(storeId);
        Require.text(kind, "intent kind", Limits.KIND);
        Require.text(intentKey, "intent key", Limits.ID);
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** When the latest attempt began, or else when the intent was opened. */
    public Instant lastActivity() {
        return attemptedAt != null ? attemptedAt : createdAt;
    }

    /** Whether the intent is still open. */
    public boolean open() {
        return completedAt == null;
    }
}
