package com.golisto.sync.core.work;

import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.SyncMode;
import com.golisto.sync.core.connection.Stores;
import com.golisto.sync.core.runs.Runs;
import com.golisto.sync.core.runtime.StoreRuntimes;
import java.time.Clock;

/**
 * Runs started on request rather than by the schedule: the host's catalog passes, dry runs and order polls
 * (for approved stores only) and the first full pass after approval. Thread-safe.
 */
public final class RunRequests {

    private final Runs runs;
    private final Pipelines pipelines;
    private final StoreRuntimes runtimes;
    private final Stores stores;
    private final Clock clock;

    /** Starts runs through {@code runs} with the work {@code pipelines} gives. */
    public RunRequests(Runs runs, Pipelines pipelines, StoreRuntimes runtimes, Stores stores, Clock clock) {
        this.runs = runs;
        this.pipelines = pipelines;
        this.runtimes = runtimes;
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * Starts a catalog pass and returns at once.
     *
     * @throws com.golisto.sync.api.spi.NotApprovedException when the store is not approved
     */
    public RunId sync(String storeId, SyncMode mode) {
        stores.requireApproved(storeId);
        return start(storeId, mode == SyncMode.FULL ? RunKind.FULL : RunKind.INCREMENTAL);
    }

    /**
     * Starts a dry run of the store's full pass and returns at once.
     *
     * @throws com.golisto.sync.api.spi.NotApprovedException when the store is not approved
     */
    public RunId dryRun(String storeId) {
        stores.requireApproved(storeId);
        return runs.start(runtimes.of(storeId), RunKind.DRY_RUN, pipelines.dryRun(clock));
    }

    /** Starts a store's full pass and returns at once (on approval: the store was just approved). */
    public RunId startFullPass(String storeId) {
        return start(storeId, RunKind.FULL);
    }

    /**
     * Polls the marketplace's orders now and waits.
     *
     * @throws com.golisto.sync.api.spi.NotApprovedException when the store is not approved
     */
    public RunView pollOrders(String storeId) throws InterruptedException {
        stores.requireApproved(storeId);
        return runs.execute(runtimes.of(storeId), RunKind.ORDERS, pipelines.work(RunKind.ORDERS));
    }

    private RunId start(String storeId, RunKind kind) {
        return runs.start(runtimes.of(storeId), kind, pipelines.work(kind));
    }
}
