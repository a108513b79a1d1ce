package com.golisto.sync.core.retention;

import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.store.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic sweep that keeps the engine's history in bounds ({@link EngineOptions.Retention}): finished
 * runs beyond their retention (each store keeps the newest runs of every kind and its last successful full
 * pass), webhook deliveries remembered for de-duplication, dead letters replayed long ago or never replayed
 * for longer still, and spent one-time states. Due on the engine's clock at most every
 * {@code sweepInterval} (the first call sweeps); deletes in batches. A failed sweep is logged and tried again
 * at the next interval. Thread-safe: one sweep at a time.
 */
public final class HistoryRetention {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);

    /**
     * What one sweep deleted.
     *
     * @param runs finished runs
     * @param deliveries remembered webhook deliveries
     * @param deadLetters dead letters
     * @param oneTimeStates used or expired one-time states
     */
    public record Swept(int runs, int deliveries, int deadLetters, int oneTimeStates) {

        /** How many rows in all. */
        public int total() {
            return runs + deliveries + deadLetters + oneTimeStates;
        }
    }

    private final StateStore store;
    private final EngineOptions.Retention policy;
    private final Clock clock;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    /** When the next sweep is due; null until the first. */
    private volatile @Nullable Instant nextSweep;

    /** Sweeps {@code store} by {@code policy}, on {@code clock}. */
    public HistoryRetention(StateStore store, EngineOptions.Retention policy, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts a sweep on {@code executor} when one is due and none runs; returns at once. Called by the
     * background loop every tick.
     */
    public void startIfDue(Executor executor) {
        if (!due(clock.instant()) || !sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    sweepNow();
                } finally {
                    sweeping.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            sweeping.set(false); // the engine is closing
        }
    }

    /**
     * Sweeps now when a sweep is due and none runs, and waits for it.
     *
     * @return what it deleted; empty when no sweep was due, one was running, or it failed (logged)
     */
    public Optional<Swept> sweepIfDue() {
        if (!due(clock.instant()) || !sweeping.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            return sweepNow();
        } finally {
            sweeping.set(false);
        }
    }

    private boolean due(Instant now) {
        Instant next = nextSweep;
        return next == null || !now.isBefore(next);
    }

    private Optional<Swept> sweepNow() {
        Instant now = clock.instant();
        nextSweep = now.plus(policy.sweepInterval());
        try {
            Swept swept = sweep(now);
            if (swept.total() > 0) {
                LOG.info("history sweep deleted {} runs, {} webhook deliveries, {} dead letters, {} one-time states",
                        swept.runs(), swept.deliveries(), swept.deadLetters(), swept.oneTimeStates());
            }
            return Optional.of(swept);
        } catch (RuntimeException e) {
            LOG.warn("history sweep failed (tried again in {}): {}", policy.sweepInterval(), e.toString());
            return Optional.empty();
        }
    }

    /** Deletes what the policy no longer keeps at {@code now}, whether or not a sweep is due. */
    public Swept sweep(Instant now) {
        int batch = policy.batchSize();
        int runs = store.runs().prune(now.minus(policy.runs()), policy.runsKeptPerKind(), batch);
        int deliveries = store.deliveries().prune(now.minus(policy.webhookDeliveries()), batch);
        int deadLetters = store.deadLetters().prune(now.minus(policy.replayedDeadLetters()),
                now.minus(policy.pendingDeadLetters()), batch);
        int states = store.states().prune(now.minus(policy.oneTimeStates()), batch);
        return new Swept(runs, deliveries, deadLetters, states);
    }
}
