package com.golisto.sync.core;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an engine shows without changing anything: its stores, their runs and dead letters, the work in
 * progress, per-store numbers for metrics, and its health. Every method is thread-safe, reads the state store
 * or memory only (never a remote) and returns value records. {@link SyncEngine} extends it; a host that only
 * displays (a dashboard, a metrics exporter) can depend on this narrower type.
 */
public interface EngineViews {

    /** Every registered store. */
    List<StoreView> stores();

    /** One store. */
    Optional<StoreView> store(String storeId);

    /** One run. */
    Optional<RunView> run(RunId runId);

    /** A store's latest runs, newest first. */
    List<RunView> recentRuns(String storeId, int limit);

    /**
     * A page of a store's runs, newest first, filtered by the query; read from the state store, so it lists the
     * runs of every node sharing it. Empty order polls are counted on the store, not listed as runs.
     *
     * @throws UnknownStoreException when no such store is registered
     */
    RunPage runs(String storeId, RunQuery query);

    /**
     * The store's products the ledger knows whose id or SKU equals the text, or whose title contains it (case
     * insensitive), by product id: a search for people, answered from the state store (the ledger keeps each
     * product's SKU and title as a pass last saw them), never from the shop.
     *
     * @param limit at most this many, 1 or more
     * @throws UnknownStoreException when no such store is registered
     */
    default List<ProductSummary> findProducts(String storeId, String text, int limit) {
        return findProducts(storeId, text, null, limit);
    }

    /**
     * {@link #findProducts(String, String, int)} a page at a time: the products after {@code afterProductId}
     * (the last of the previous page) in product id order.
     */
    List<ProductSummary> findProducts(String storeId, String text, @Nullable String afterProductId, int limit);

    /** Items the engine gave up on, oldest first. */
    List<DeadLetterView> deadLetters();

    /**
     * The work waiting or in progress: products in the durable webhook inbox not yet synced (inside their
     * debounce, or due and waiting for a tick of any node sharing the database), plus runs queued or running
     * here (host-requested passes waiting for the store's pipeline, scheduled and webhook runs). Meant for
     * a queue-depth gauge: one count query (when the state store cannot answer, only the runs are counted).
     * Runs other nodes do are not counted.
     */
    long pendingWork();

    /** Every registered store's numbers for metrics (a few state-store reads each); empty where not kept. */
    default List<StoreMetrics> storeMetrics() {
        return List.of();
    }

    /**
     * What a store is doing and will do, for a dashboard: its running catalog pass's progress (pages, products,
     * rate, an ETA when the total is knowable), the next scheduled full and incremental passes, its listings and
     * the ledger's outcome counts, and its shop webhooks' health. A few state-store reads and this engine's
     * memory, never a remote; empty for an unknown store (and from engines that do not keep it).
     */
    default Optional<StoreActivity> activity(String storeId) {
        return Optional.empty();
    }

    /**
     * Whether the engine is open and its state store answers a cheap query; never throws. For a health
     * endpoint; one small query per call.
     */
    boolean healthy();

    /**
     * The engine's readiness checks, for a readiness endpoint, a dashboard and metrics: whether the state store
     * accepts a write ({@value HealthCheck#STATE_STORE}), and for each approved store whether its last
     * {@link HealthPolicy#failedPasses()} catalog passes all failed ({@value HealthCheck#PASSES}), whether the
     * shop disabled its webhooks after failed deliveries as last seen by approval or an incremental pass
     * ({@value HealthCheck#WEBHOOKS}), and whether its last successful order poll is older than
     * {@link HealthPolicy#orderPollLag()} ({@value HealthCheck#ORDER_POLLS}). Reads the state store only (never
     * a remote); one answer is reused for {@link HealthPolicy#cacheFor()}, so the write probe runs at most that
     * often. Never throws: a closed engine answers one failing {@value HealthCheck#STATE_STORE} check.
     */
    EngineHealth health();
}
