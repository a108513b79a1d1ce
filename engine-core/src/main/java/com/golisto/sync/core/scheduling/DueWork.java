package com.golisto.sync.core.scheduling;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.connection.ConnectionFlows;
import com.golisto.sync.core.runs.Runs;
import com.golisto.sync.core.runtime.StoreMdc;
import com.golisto.sync.core.runtime.StoreRuntime;
import com.golisto.sync.core.runtime.StoreRuntimes;
import com.golisto.sync.core.store.InboxStore;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import com.golisto.sync.core.store.SyncRun;
import com.golisto.sync.core.webhooks.DueWorkRequests;
import com.golisto.sync.core.work.Pipelines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is due at the clock's instant, per store, and doing it. Scheduled work (full and incremental passes, order
 * polls, status polls, and the retries of failed passes) is in {@link StoreTasks}, the cluster tasks in the shared
 * database that exactly one node picks: this class is their {@link StoreTasks.Runner}. The tick does the rest:
 * products in the durable webhook inbox whose debounce passed (claimed in the database, so whichever node sharing
 * it gets them, once), and recovery of open intents after a restart; each store's tick work runs on its own virtual
 * thread (at most {@code storeParallelism} at once), and a store whose previous tick or a pass is still running here
 * is skipped this tick (its work stays due). Inbound webhooks make work due through it ({@link DueWorkRequests}).
 * Thread-safe.
 */
public final class DueWork implements DueWorkRequests, StoreTasks.Runner {

    private static final Logger LOG = LoggerFactory.getLogger(DueWork.class);

    private final StateStore store;
    private final StoreTasks tasks;
    private final String nodeId;
    private final Duration claimFor;
    private final Runs runs;
    private final Pipelines pipelines;
    private final ConnectionFlows flows;
    private final StoreRuntimes runtimes;
    private final ExecutorService workers;
    private final Semaphore storeSlots;
    private final EngineOptions.CatalogSchedule catalog;
    private final Clock clock;
    private final Set<String> pendingRecovery = ConcurrentHashMap.newKeySet();

    /**
     * @param workers where each store's due work runs
     * @param storeParallelism how many stores do their due work at once
     * @param catalog the deep check's length and the webhook batch window
     * @param nodeId this node, named on the inbox rows it claims
     * @param claimFor how long a claim on inbox rows holds before another node may take them (a dead node's)
     */
    public DueWork(StateStore store, StoreTasks tasks, Runs runs, Pipelines pipelines,
            ConnectionFlows flows, StoreRuntimes runtimes, ExecutorService workers, int storeParallelism,
            EngineOptions.CatalogSchedule catalog, Clock clock, String nodeId, Duration claimFor) {
        this.store = store;
        this.tasks = tasks;
        this.nodeId = nodeId;
        this.claimFor = claimFor;
        this.runs = runs;
        this.pipelines = pipelines;
        this.flows = flows;
        this.runtimes = runtimes;
        this.workers = workers;
        this.storeSlots = new Semaphore(storeParallelism, true);
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Marks a store whose open intents a previous process left: the next tick runs its recovery first. */
    public void recoverAtNextTick(String storeId) {
        pendingRecovery.add(storeId);
    }

    /**
     * Makes sure a store has its cluster tasks, once per store in this process: its interval work counts from now,
     * its daily pass from its last complete full pass; an approved store that never completed one, or whose latest
     * full pass failed or was left running by a stopped process, gets its full pass due at once. Called by every
     * tick and by whatever makes a store's work due before the first tick saw it (registration, an inbound
     * webhook), so that nothing is dropped.
     */
    @Override
    public void follow(StoreRecord record, Instant now) {
        String storeId = record.id();
        if (tasks.follows(storeId)) {
            return;
        }
        Instant lastFull = lastCompleteFullPass(storeId);
        tasks.follow(storeId, lastFull, now);
        if (record.status() == ConnectionStatus.APPROVED && (lastFull == null || latestFullPassUnfinished(storeId))) {
            tasks.retryAt(storeId, Schedule.Work.FULL_SYNC, now);
        }
    }

    @Override
    public void statusPollDue(String storeId, Instant at) {
        tasks.retryAt(storeId, Schedule.Work.STATUS_POLL, at);
    }

    @Override
    public void orderPollDue(String storeId, Instant at) {
        tasks.retryAt(storeId, Schedule.Work.ORDER_POLL, at);
    }

    /**
     * The work waiting or in progress: products in the webhook inbox (of every node: one count query), plus
     * runs queued or running here.
     */
    public long pending() {
        long inbox;
        try {
            inbox = store.inbox().pendingCount();
        } catch (RuntimeException e) {
            LOG.debug("cannot count the webhook inbox: {}", e.toString());
            inbox = 0;
        }
        return inbox + runs.inFlight();
    }

    /** Drops a store's inbox and batch-window hold (it was disconnected). */
    public void forgetWebhooks(String storeId) {
        store.inbox().forget(storeId);
    }

    /**
     * Does what is due now and waits for it: the tick's work (webhook inbox, recovery), then the cluster tasks due,
     * picked and run in this thread. Failures of a store's work are logged, errors rethrown.
     */
    public void runNow() throws InterruptedException {
        for (Future<?> task : start()) {
            try {
                task.get();
            } catch (ExecutionException e) {
                // a store's task logs its own failures, with the store in the MDC; only errors get here
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                LOG.warn("due work failed: {}", String.valueOf(e.getCause()));
            }
        }
        tasks.runDue();
    }

    /** Claims the tick's work due now (webhook inbox, recovery) and starts it, one task per store with some. */
    public List<Future<?>> start() {
        Instant now = clock.instant();
        Set<String> inboxDue = inboxDue();
        List<Future<?>> tasks = new ArrayList<>();
        for (StoreRecord record : store.stores().list()) {
            String storeId = record.id();
            follow(record, now);
            StoreRuntime runtime = runtimes.of(storeId);
            if (runtime.pipelineBusy() || !runtime.claimTick()) {
                continue;
            }
            boolean recover = record.status() == ConnectionStatus.APPROVED && pendingRecovery.remove(storeId);
            // claimed by the store's task, once it has a slot, so that the claim does not age while it waits
            boolean inbox = inboxDue.contains(storeId);
            if (!inbox && !recover) {
                runtime.releaseTick();
                continue;
            }
            try {
                tasks.add(workers.submit(() -> {
                    StoreMdc mdc = StoreMdc.of(storeId);
                    try {
                        storeSlots.acquire();
                        try {
                            run(runtime, inbox ? claimInbox(storeId) : null, recover);
                        } finally {
                            storeSlots.release();
                        }
                    } catch (RuntimeException e) {
                        // the background loop does not look at the task's outcome: say it here, with the store
                        LOG.warn("store {}: due work failed: {}", storeId, e.toString());
                    } finally {
                        runtime.releaseTick();
                        mdc.close();
                    }
                    return null;
                }));
            } catch (RejectedExecutionException e) {
                runtime.releaseTick();
            }
        }
        return tasks;
    }

    /** The stores with inbox products due now (one query per tick); none when the database cannot answer. */
    private Set<String> inboxDue() {
        try {
            return store.inbox().storesWithDue();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the webhook inbox: {}", e.toString());
            return Set.of();
        }
    }

    /** Claims the store's due inbox products for this node; null when none (held, or another node has them). */
    private InboxStore.@Nullable Claim claimInbox(String storeId) {
        try {
            InboxStore.Claim claim = store.inbox().claimDue(storeId, nodeId, claimFor);
            return claim.products().isEmpty() ? null : claim;
        } catch (RuntimeException e) {
            LOG.warn("store {}: cannot claim its webhook inbox: {}", storeId, e.toString());
            return null;
        }
    }

    /** Gives unprocessed inbox products back, due at once for any node (their claim would otherwise expire). */
    private void release(InboxStore.@Nullable Claim claim) {
        if (claim == null) {
            return;
        }
        try {
            store.inbox().release(claim);
        } catch (RuntimeException e) {
            LOG.warn("store {}: cannot release its webhook inbox claim (it expires): {}", claim.storeId(), e.toString());
        }
    }

    /** @param claim the inbox products due now and claimed here, or null when none are */
    private void run(StoreRuntime runtime, InboxStore.@Nullable Claim claim, boolean recover)
            throws InterruptedException {
        boolean settled = false;
        try {
            settled = runClaimed(runtime, claim, recover);
        } finally {
            if (!settled) {
                release(claim);
            }
        }
    }

    /** @return whether the claim (if any) was settled: its webhook pass ran */
    private boolean runClaimed(StoreRuntime runtime, InboxStore.@Nullable Claim claim, boolean recover)
            throws InterruptedException {
        String storeId = runtime.storeId();
        if (store.stores().find(storeId).map(StoreRecord::status).orElse(null) != ConnectionStatus.APPROVED) {
            return false;
        }
        if (recover) {
            runs.executeIfFree(runtime, RunKind.RECOVERY, pipelines.work(RunKind.RECOVERY));
        }
        if (claim == null || claim.products().isEmpty()) {
            return claim == null;
        }
        // an incremental pass plus what it did not see: it stands for the scheduled incremental pass, and the
        // store's next webhooks wait for the batch window, synced together
        if (runs.executeIfFree(runtime, RunKind.WEBHOOK, pipelines.webhook(claim.products())) == null) {
            return false; // another node holds the store: the products stay due for it
        }
        store.inbox().done(claim);
        Instant now = clock.instant();
        tasks.ran(storeId, Schedule.Work.INCREMENTAL_SYNC, now);
        if (!catalog.webhookBatchWindow().isZero()) {
            store.inbox().holdUntil(storeId, now.plus(catalog.webhookBatchWindow()));
        }
        return true;
    }

    /**
     * Runs one kind of a store's scheduled work, picked from its cluster task: never waits for a store busy with
     * other work here or on another node (the task is due again soon instead).
     */
    @Override
    public StoreTasks.Outcome run(String storeId, Schedule.Work work) throws InterruptedException {
        StoreRecord record = store.stores().find(storeId).orElse(null);
        if (record == null) {
            return StoreTasks.Outcome.GONE;
        }
        if (!Schedule.applies(work, record.status())) {
            return StoreTasks.Outcome.RAN;
        }
        if (work == Schedule.Work.STATUS_POLL) {
            flows.refreshStatus(storeId);
            return StoreTasks.Outcome.RAN;
        }
        StoreRuntime runtime = runtimes.of(storeId);
        Instant now = clock.instant();
        return switch (work) {
            case FULL_SYNC -> {
                if (runs.executeIfIdle(runtime, RunKind.FULL, pipelines.dailyFull(
                        LocalDate.ofInstant(now, clock.getZone()), catalog.deepCheckDays())) == null) {
                    yield StoreTasks.Outcome.BUSY;
                }
                tasks.ran(storeId, Schedule.Work.INCREMENTAL_SYNC, clock.instant());
                yield StoreTasks.Outcome.RAN;
            }
            // a busy store's incremental pass is skipped: the pass keeping it busy covers it, or the next slot does
            case INCREMENTAL_SYNC -> {
                runs.executeIfIdle(runtime, RunKind.INCREMENTAL, pipelines.scheduledIncremental(now));
                yield StoreTasks.Outcome.RAN;
            }
            case ORDER_POLL -> {
                if (runtime.shop().orderTarget().isEmpty() || runtime.marketplace().orderSource().isEmpty()) {
                    yield StoreTasks.Outcome.RAN; // a catalog-only connector: no orders, so no poll to fail every interval
                }
                yield runs.executeIfIdle(runtime, RunKind.ORDERS, pipelines.work(RunKind.ORDERS)) == null
                        ? StoreTasks.Outcome.BUSY : StoreTasks.Outcome.RAN;
            }
            case STATUS_POLL -> StoreTasks.Outcome.RAN;
        };
    }

    /** Whether the store's latest full pass failed or never finished (a process stopped during it). */
    private boolean latestFullPassUnfinished(String storeId) {
        return store.runs().latest(storeId, RunKind.FULL).map(r -> r.status() != RunStatus.SUCCEEDED).orElse(false);
    }

    /** Read directly: hundreds of order polls since the last full pass must not hide it. */
    private @Nullable Instant lastCompleteFullPass(String storeId) {
        return store.runs().lastSucceeded(storeId, RunKind.FULL).map(SyncRun::finishedAt).orElse(null);
    }
}
