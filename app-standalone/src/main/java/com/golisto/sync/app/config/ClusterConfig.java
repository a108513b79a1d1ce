package com.golisto.sync.app.config;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * This runner among the runners sharing one database (docs/scale-out.md): its name, and how the runners notice a
 * dead one and take its stores over.
 *
 * @param nodeId this runner's name on the store tasks and leases it holds; null for the host name
 * @param heartbeatInterval how often the runner marks the store tasks it runs as alive
 * @param missedHeartbeats after how many missed heartbeats its tasks go to another runner
 * @param leaseDuration how long a store's work lease lasts (renewed every third of it)
 * @param pollInterval how often the runner looks for due work
 */
public record ClusterConfig(@Nullable String nodeId, Duration heartbeatInterval, int missedHeartbeats,
                            Duration leaseDuration, Duration pollInterval) {
    public ClusterConfig {
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (missedHeartbeats < 1) {
            throw new IllegalArgumentException("missedHeartbeats must be at least 1, was " + missedHeartbeats);
        }
    }

    /** The host name, a 5-second heartbeat with 6 missed ones, a 30-second lease, a 250 ms poll. */
    public static ClusterConfig defaults() {
        return new ClusterConfig(null, Duration.ofSeconds(5), 6, Duration.ofSeconds(30), Duration.ofMillis(250));
    }
}
