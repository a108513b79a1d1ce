package com.golisto.sync.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The thresholds of {@link SyncEngine#health()}. Start from {@link #defaults()}.
 *
 * @param cacheFor how long one computed answer is reused (the write probe and the store queries run at most
 *     once per this, however often a probe asks); default 5 seconds
 * @param failedPasses how many of a store's latest catalog passes (full and incremental) must all have
 *     failed for its {@code passes} check to fail; default 3
 * @param orderPollLag how long a store may go without a successful order poll before its
 *     {@code order_polls} check fails; {@code null} for ten times {@link EngineOptions#orderPollInterval()}
 */
public record HealthPolicy(Duration cacheFor, int failedPasses, @Nullable Duration orderPollLag) {

    public HealthPolicy {
        Objects.requireNonNull(cacheFor, "cacheFor");
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("health cacheFor must not be negative, was " + cacheFor);
        }
        if (failedPasses < 1) {
            throw new IllegalArgumentException("health failedPasses must be at least 1, was " + failedPasses);
        }
        if (orderPollLag != null && (orderPollLag.isNegative() || orderPollLag.isZero())) {
            throw new IllegalArgumentException("health orderPollLag must be positive, was " + orderPollLag);
        }
    }

    /** 5 s cache, 3 failed passes, ten order-poll intervals. */
    public static HealthPolicy defaults() {
        return new HealthPolicy(Duration.ofSeconds(5), 3, null);
    }

    /** The order-poll lag in effect under these options. */
    public Duration orderPollLag(EngineOptions options) {
        return Optional.ofNullable(orderPollLag).orElse(options.orderPollInterval().multipliedBy(10));
    }
}
