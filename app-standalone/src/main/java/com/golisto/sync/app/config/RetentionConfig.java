package com.golisto.sync.app.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the runner keeps its history (the {@code retention.*} keys); the engine sweeps what is older
 * every {@code sweepInterval}. Immutable.
 *
 * @param runs how long finished runs are kept
 * @param runsKeptPerKind the newest runs of each kind every store keeps however old they are
 * @param webhookDeliveries how long handled webhook deliveries are remembered to drop redeliveries
 * @param deadLetters how long a dead letter is kept after a replay that did not get it through
 * @param pendingDeadLetters how long a dead letter never replayed is kept
 * @param oneTimeStates how long used or expired connect and key-grant states are kept
 * @param sweepInterval how often the sweep runs
 */
public record RetentionConfig(Duration runs, int runsKeptPerKind, Duration webhookDeliveries, Duration deadLetters,
                              Duration pendingDeadLetters, Duration oneTimeStates, Duration sweepInterval) {
    /** The most runs per kind a store may be told to keep. */
    public static final int MAX_RUNS_KEPT_PER_KIND = 10_000;

    public RetentionConfig {
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(webhookDeliveries, "webhookDeliveries");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(pendingDeadLetters, "pendingDeadLetters");
        Objects.requireNonNull(oneTimeStates, "oneTimeStates");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (runsKeptPerKind < 0 || runsKeptPerKind > MAX_RUNS_KEPT_PER_KIND) {
            throw new IllegalArgumentException("runs kept per kind must be from 0 to " + MAX_RUNS_KEPT_PER_KIND);
        }
    }

    /** The documented defaults: runs 30 days (20 per kind kept), deliveries 7 days, dead letters 30 and 90 days. */
    public static RetentionConfig defaults() {
        return new RetentionConfig(Duration.ofDays(30), 20, Duration.ofDays(7), Duration.ofDays(30),
                Duration.ofDays(90), Duration.ofDays(1), Duration.ofHours(1));
    }
}
