package com.golisto.sync.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One run of one store, as the engine recorded it.
 *
 * @param id the run
 * @param storeId the store
 * @param kind what it did
 * @param status where it stands
 * @param startedAt when it started
 * @param finishedAt when it finished, {@code null} while running
 * @param counts what it did (the counts so far while running)
 * @param error why it failed, {@code null} unless {@link RunStatus#FAILED}; never contains secrets
 */
public record RunView(RunId id, String storeId, RunKind kind, RunStatus status, Instant startedAt,
        @Nullable Instant finishedAt, RunCounts counts, @Nullable String error) {

    public RunView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(counts, "counts");
    }

    /** The error, when the run failed. */
    public Optional<String> failure() {
        return Optional.ofNullable(error);
    }

    /** True once finished, successfully or not. */
    public boolean finished() {
        return status != RunStatus.RUNNING;
    }
}
