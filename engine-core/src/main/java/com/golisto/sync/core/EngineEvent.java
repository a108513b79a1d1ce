package com.golisto.sync.core;

import com.golisto.sync.api.model.ConnectionStatus;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Something the engine did that a host may want to show or count. Delivered to {@link EngineListener}s. */
public sealed interface EngineEvent {

    /** The store the event is about. */
    String storeId();

    /** When it happened, by the engine's clock. */
    Instant at();

    /**
     * A run started.
     *
     * @param storeId the store
     * @param runId the run
     * @param kind what it does
     * @param at when it started
     */
    record RunStarted(String storeId, RunId runId, RunKind kind, Instant at) implements EngineEvent {
        public RunStarted {
            Objects.requireNonNull(storeId, "storeId");
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A run finished, successfully or not.
     *
     * @param run the run with its final counts
     * @param at when it finished
     */
    record RunFinished(RunView run, Instant at) implements EngineEvent {
        public RunFinished {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String storeId() {
            return run.storeId();
        }
    }

    /**
     * One item failed permanently and went to the dead letters.
     *
     * @param storeId the store
     * @param runId the run it failed in, {@code null} outside runs
     * @param itemKind {@code PRODUCT} or {@code ORDER}
     * @param itemId the item's id at its source
     * @param reason why, for people
     * @param deadLetterId the dead letter holding it
     * @param at when
     */
    record ItemFailed(String storeId, @Nullable RunId runId, String itemKind, String itemId, String reason,
            long deadLetterId, Instant at) implements EngineEvent {
        public ItemFailed {
            Objects.requireNonNull(storeId, "storeId");
            Objects.requireNonNull(itemKind, "itemKind");
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A store's connection status changed.
     *
     * @param storeId the store
     * @param from the previous status
     * @param to the new status
     * @param reason why, {@code null} when no reason is known
     * @param at when the engine noticed
     */
    record StatusChanged(String storeId, ConnectionStatus from, ConnectionStatus to, @Nullable String reason,
            Instant at)
            implements EngineEvent {
        public StatusChanged {
            Objects.requireNonNull(storeId, "storeId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(at, "at");
        }
    }
}
