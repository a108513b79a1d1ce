package com.golisto.sync.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One health check's verdict, as {@link SyncEngine#health()} reports it (and a host adds its own, such as
 * free disk space).
 *
 * @param name what is checked, a fixed snake_case word: {@value #STATE_STORE}, {@value #PASSES},
 *     {@value #WEBHOOKS}, {@value #ORDER_POLLS}, or a host's own
 * @param storeId the registered store the check is about; {@code null} for engine-wide checks
 * @param status whether it passes
 * @param reason one sentence for people, naming the store; never a secret, never a remote's error text
 *     (safe to show to anyone who may see the store's id)
 * @param detail more for the operator (the last error, the times involved); {@code null} when there is
 *     nothing more. May carry a remote's or the database's error message: show it only to the operator
 */
public record HealthCheck(String name, @Nullable String storeId, Status status, String reason,
        @Nullable String detail) {

    /** The state store accepts a write (a small upsert, at most every few seconds). */
    public static final String STATE_STORE = "state_store";
    /** A store's last catalog passes (full and incremental) did not all fail. */
    public static final String PASSES = "passes";
    /** The shop delivers a store's webhooks (none disabled after failed deliveries). */
    public static final String WEBHOOKS = "webhooks";
    /** A store's marketplace orders were polled successfully within the allowed lag. */
    public static final String ORDER_POLLS = "order_polls";

    /** Whether a check passes. */
    public enum Status {
        /** All is well. */
        PASS,
        /** Something needs attention; the engine is not ready. */
        FAIL
    }

    public HealthCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    /** A passing check. */
    public static HealthCheck pass(String name, @Nullable String storeId, String reason) {
        return new HealthCheck(name, storeId, Status.PASS, reason, null);
    }

    /** A failing check. */
    public static HealthCheck fail(String name, @Nullable String storeId, String reason, @Nullable String detail) {
        return new HealthCheck(name, storeId, Status.FAIL, reason, detail);
    }

    /** Whether it passes. */
    public boolean passing() {
        return status == Status.PASS;
    }

    /** The store, when the check is about one. */
    public Optional<String> store() {
        return Optional.ofNullable(storeId);
    }
}
