package com.golisto.sync.core.wiring;

import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.StoreMetrics;
import com.golisto.sync.core.runtime.StoreRuntimes;
import com.golisto.sync.core.store.EntityKind;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import com.golisto.sync.core.webhooks.WebhookTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link StoreMetrics} for every registered store: counts and times from the state store, dirty products and
 * webhook results from this engine's memory. A few small queries per store; meant for a metrics scrape.
 */
public final class StoreMetricsReader {
    /** The run kinds whose last success is reported: the passes and polls a schedule runs. */
    private static final List<RunKind> PASSES = List.of(RunKind.FULL, RunKind.INCREMENTAL, RunKind.WEBHOOK,
            RunKind.ORDERS, RunKind.STATUS);

    private final StateStore store;
    private final WebhookTally tally;
    private final StoreRuntimes runtimes;

    StoreMetricsReader(StateStore store, WebhookTally tally, StoreRuntimes runtimes) {
        this.store = store;
        this.tally = tally;
        this.runtimes = runtimes;
    }

    /** The numbers of every registered store, in the state store's order. */
    public List<StoreMetrics> all() {
        List<StoreMetrics> all = new ArrayList<>();
        for (StoreRecord record : store.stores().list()) {
            all.add(of(record.id()));
        }
        return all;
    }

    private StoreMetrics of(String storeId) {
        Map<RunKind, Instant> lastSuccess = new EnumMap<>(RunKind.class);
        for (RunKind kind : PASSES) {
            store.runs().lastSucceeded(storeId, kind).ifPresent(run -> {
                Instant at = run.finishedAt() != null ? run.finishedAt() : run.startedAt();
                lastSuccess.put(kind, at);
            });
        }
        return new StoreMetrics(storeId, store.mappings().countMapped(storeId, EntityKind.PRODUCT),
                store.inbox().pendingCount(storeId), store.runs().countRunning(storeId), lastSuccess,
                store.runs().pollCounts(storeId, RunKind.ORDERS).lastPolledAt(), tally.of(storeId),
                runtimes.shopConcurrency(storeId));
    }
}
