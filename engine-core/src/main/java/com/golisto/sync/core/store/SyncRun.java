package com.golisto.sync.core.store;

import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One sync run of one store.
 *
 * @param id the run's id
 * @param storeId the store
 * @param kind what the run did
 * @param status where it stands
 * @param startedAt when it started
 * @param finishedAt when it finished; null while running
 * @param counts what it did (zero while running)
 * @param errorMessage why it failed; null when it did not
 */
public record SyncRun(
        long id,
        String storeId,
        RunKind kind,
        RunStatus status,
        Instant startedAt,
        @Nullable Instant finishedAt,
        RunCounts counts,
        @Nullable String errorMessage) {

    public SyncRun {
        Require.storeId(storeId);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(counts, "counts");
    }
}
