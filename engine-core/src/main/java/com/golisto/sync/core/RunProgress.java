package com.golisto.sync.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * How far a running catalog pass has come, as this engine sees it at {@code at}. Immutable.
 *
 * @param runId the run
 * @param kind full, incremental or webhook pass
 * @param startedAt when the run started
 * @param at when this was read (the engine's clock)
 * @param pages the shop's pages read and processed so far (0 when the run is on another node)
 * @param items the products read so far
 * @param expectedItems how many products the pass will read, when knowable: for a full pass, what the last
 *     complete full pass read; null otherwise
 */
public record RunProgress(RunId runId, RunKind kind, Instant startedAt, Instant at, long pages, long items,
        @Nullable Long expectedItems) {

    public RunProgress {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(at, "at");
        if (pages < 0 || items < 0 || expectedItems != null && expectedItems < 0) {
            throw new IllegalArgumentException("progress counts must not be negative");
        }
    }

    /** Products per second since the start; empty before the first product or before any time passed. */
    public OptionalDouble itemsPerSecond() {
        long millis = Duration.between(startedAt, at).toMillis();
        return items == 0 || millis <= 0 ? OptionalDouble.empty() : OptionalDouble.of(items * 1000.0 / millis);
    }

    /** When the pass should have read every product at the rate so far; empty when the total or rate is unknown. */
    public Optional<Instant> eta() {
        OptionalDouble rate = itemsPerSecond();
        if (expectedItems == null || rate.isEmpty()) {
            return Optional.empty();
        }
        long remaining = Math.max(0, expectedItems - items);
        return Optional.of(at.plusMillis(Math.round(remaining * 1000.0 / rate.getAsDouble())));
    }
}
