package com.golisto.sync.app.config;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The thresholds of the runner's readiness checks (the {@code health.*} keys): the engine's own
 * ({@code SyncEngine.health()}) and the runner's free-disk check of the data folder. Immutable.
 *
 * @param minFreeDiskMib the least free space the data folder's file store must have, in MiB; 0 turns the check
 *     off (at most {@value #MAX_FREE_DISK_MIB})
 * @param failedPasses how many of a store's latest catalog passes must all have failed to fail its check
 *     (1 to {@value #MAX_FAILED_PASSES})
 * @param orderPollLag how long a store may go without a successful order poll; {@code null} for ten order-poll
 *     intervals
 * @param cacheFor how long one computed answer (and the database write probe) is reused ({@link #MAX_CACHE_FOR}
 *     at most)
 */
public record HealthConfig(int minFreeDiskMib, int failedPasses, @Nullable Duration orderPollLag, Duration cacheFor) {
    /** The highest free-disk threshold: 1 TiB. */
    public static final int MAX_FREE_DISK_MIB = 1024 * 1024;
    /** The highest failed-passes threshold. */
    public static final int MAX_FAILED_PASSES = 100;
    /** The longest cache time. */
    public static final Duration MAX_CACHE_FOR = Duration.ofMinutes(5);

    public HealthConfig {
        if (minFreeDiskMib < 0 || minFreeDiskMib > MAX_FREE_DISK_MIB) {
            throw new IllegalArgumentException("minFreeDiskMib must be from 0 to " + MAX_FREE_DISK_MIB);
        }
        if (failedPasses < 1 || failedPasses > MAX_FAILED_PASSES) {
            throw new IllegalArgumentException("failedPasses must be from 1 to " + MAX_FAILED_PASSES);
        }
        Objects.requireNonNull(cacheFor, "cacheFor");
        if (cacheFor.isNegative() || cacheFor.compareTo(MAX_CACHE_FOR) > 0) {
            throw new IllegalArgumentException("cacheFor must be from PT0S to " + MAX_CACHE_FOR);
        }
    }

    /** The defaults: 100 MiB free, 3 failed passes, ten order-poll intervals, 5 s. */
    public static HealthConfig defaults() {
        return new HealthConfig(100, 3, null, Duration.ofSeconds(5));
    }

    /** The free-disk threshold in bytes. */
    public long minFreeDiskBytes() {
        return minFreeDiskMib * 1024L * 1024L;
    }
}
