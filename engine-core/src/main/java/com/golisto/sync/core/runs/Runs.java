package com.golisto.sync.core.runs;

import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.SyncException;
import com.golisto.sync.core.EngineEvent;
import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunPage;
import com.golisto.sync.core.RunQuery;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.runtime.StoreMdc;
import com.golisto.sync.core.runtime.StoreRuntime;
import com.golisto.sync.core.store.DeadLetter;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.SyncRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a store's work as a run: takes the store's in-process pipeline lock and its database lease
 * (renewed while the work lasts), records the run row and its counts, delivers run and item events, and
 * turns failures into a failed run with a reason. A marketplace refusal of the store (credentials, approval)
 * is handed to the {@link RefusalHandler} once the store's lock is released. Thread-safe.
 *
 * <p>An {@link Error} thrown by the work propagates untouched and leaves the run row as it is, as a killed
 * process would: the next engine on the database marks such runs failed when it first takes the store.
 */
public final class Runs {

    private static final Logger LOG = LoggerFactory.getLogger(Runs.class);

    /** The work of one run. */
    @FunctionalInterface
    public interface Work {
        /** Does the run's work; throwing fails the run with the exception's message. */
        void run(RunContext run) throws InterruptedException;
    }

    /**
     * What a run's work gets.
     *
     * @param runtime the store's runtime
     * @param runId the run's id
     * @param counter the run's counts
     * @param failures where the work puts items it gives up on
     * @param givenUp the items given up on in this run, as {@code kind + ":" + itemId}
     */
    public record RunContext(StoreRuntime runtime, long runId, RunCounter counter, Failures failures, Set<String> givenUp) {
    }

    /** What the engine does when the marketplace refuses a store during a run. */
    @FunctionalInterface
    public interface RefusalHandler {
        /** Acts on the refusal; called after the store's pipeline was released. */
        void refused(StoreRuntime runtime, MarketplaceRefusal refusal);
    }

    private final StateStore store;
    private final Clock clock;
    private final Events events;
    private final String nodeId;
    private final Duration leaseDuration;
    private final RefusalHandler refusals;
    private final ExecutorService workers;
    private final Map<Long, RunCounter> active = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<RunView>> finished = new ConcurrentHashMap<>();

    /**
     * @param workers where {@link #start} runs asynchronous runs
     */
    public Runs(StateStore store, Clock clock, Events events, String nodeId, Duration leaseDuration,
            RefusalHandler refusals, ExecutorService workers) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.nodeId = nodeId;
        this.leaseDuration = leaseDuration;
        this.refusals = refusals;
        this.workers = workers;
    }

    /** Records a run that starts later (an asynchronous request), so its id can be returned at once. */
    private SyncRun queue(String storeId, RunKind kind) {
        SyncRun run = store.runs().start(storeId, kind);
        finished.put(run.id(), new CompletableFuture<>());
        return run;
    }

    /**
     * Records a run and starts it on a worker, returning at once; the run waits for the store's lock.
     * When the engine is closing the run is recorded as failed.
     */
    public RunId start(StoreRuntime runtime, RunKind kind, Work work) {
        SyncRun queued = queue(runtime.storeId(), kind);
        try {
            workers.submit(() -> {
                execute(runtime, kind, queued, work);
                return null;
            });
        } catch (RejectedExecutionException e) {
            abandon(queued, "the engine is closing");
        }
        return new RunId(queued.id());
    }

    /**
     * Runs work for a store, waiting for the store's lock.
     *
     * @return the finished run
     */
    public RunView execute(StoreRuntime runtime, RunKind kind, Work work) throws InterruptedException {
        return execute(runtime, kind, null, work);
    }

    private RunView execute(StoreRuntime runtime, RunKind kind, @Nullable SyncRun queued, Work work)
            throws InterruptedException {
        // not quiet when the store is busy: a busy store gets a failed run, so there is always one
        return Objects.requireNonNull(execute(runtime, kind, queued, work, false, true), "run");
    }

    /**
     * Runs scheduled work for a store unless another node holds the store's lease, in which case nothing
     * is recorded (the other node does the store's work).
     *
     * @return the finished run, or null when another node holds the store
     */
    public @Nullable RunView executeIfFree(StoreRuntime runtime, RunKind kind, Work work)
            throws InterruptedException {
        return execute(runtime, kind, null, work, true, true);
    }

    /**
     * Runs scheduled work for a store unless the store is busy, never waiting: its pipeline is taken in this
     * process, or another node holds its lease. Nothing is recorded then.
     *
     * @return the finished run, or null when the store was busy
     */
    public @Nullable RunView executeIfIdle(StoreRuntime runtime, RunKind kind, Work work)
            throws InterruptedException {
        return execute(runtime, kind, null, work, true, false);
    }

    private @Nullable RunView execute(StoreRuntime runtime, RunKind kind, @Nullable SyncRun queued, Work work,
            boolean quietWhenBusy, boolean waitForPipeline) throws InterruptedException {
        StoreMdc mdc = StoreMdc.of(runtime.storeId());
        try {
            if (waitForPipeline) {
                runtime.lockPipeline();
            } else if (!runtime.tryLockPipeline(Duration.ZERO)) {
                return null;
            }
            return executeLocked(runtime, kind, queued, work, quietWhenBusy);
        } finally {
            mdc.close();
        }
    }

    private @Nullable RunView executeLocked(StoreRuntime runtime, RunKind kind, @Nullable SyncRun queued, Work work,
            boolean quietWhenBusy) throws InterruptedException {
        // the caller took the store's pipeline; released here
        String storeId = runtime.storeId();
        MarketplaceRefusal refusal = null;
        RunView view;
        CountDownLatch renewer = null;
        boolean leased = false;
        try {
            leased = store.leases().tryAcquire(storeId, nodeId, leaseDuration);
            if (!leased) {
                if (quietWhenBusy) {
                    return null;
                }
                SyncRun run = queued != null ? queued : store.runs().start(storeId, kind);
                return complete(finish(run, RunCounts.zero(), "another engine node is working on store " + storeId));
            }
            failAbandonedRuns(runtime);
            SyncRun run = queued != null ? queued : store.runs().start(storeId, kind);
            finished.computeIfAbsent(run.id(), id -> new CompletableFuture<>());
            RunCounter counter = new RunCounter();
            active.put(run.id(), counter);
            runtime.runStarted(counter::request);
            renewer = startRenewer(storeId);
            events.emit(new EngineEvent.RunStarted(storeId, new RunId(run.id()), kind, clock.instant()));
            Set<String> givenUp = ConcurrentHashMap.newKeySet();
            String error = null;
            try {
                work.run(new RunContext(runtime, run.id(), counter, failures(storeId, run.id(), counter, givenUp),
                        givenUp));
            } catch (MarketplaceRefusal e) {
                refusal = e;
                error = e.getMessage();
            } catch (RetryableException e) {
                error = "gave up after retries: " + e.getMessage();
                LOG.warn("store {}: {} run {} failed: {}", storeId, kind, run.id(), error);
            } catch (RunStoppedException e) {
                error = "stopped: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (SyncException e) {
                error = e.getMessage();
                LOG.warn("store {}: {} run {} failed: {}", storeId, kind, run.id(), error);
            } catch (RuntimeException e) {
                error = e.toString();
                LOG.error("store {}: {} run {} failed unexpectedly", storeId, kind, run.id(), e);
            }
            // scheduled work is what executeIfFree runs (quiet when another node holds the store)
            view = finish(run, counter.snapshot(), error, quietWhenBusy);
        } finally {
            if (renewer != null) {
                renewer.countDown();
            }
            runtime.runEnded();
            if (leased) {
                releaseLease(storeId);
            }
            runtime.unlockPipeline();
        }
        try {
            if (refusal != null) {
                refusals.refused(runtime, refusal);
            }
        } finally {
            // waiters see the run once the engine has acted on it (a refused store is stopped by then)
            complete(view);
        }
        return view;
    }

    private RunView finish(SyncRun run, RunCounts counts, @Nullable String error) {
        return finish(run, counts, error, false);
    }

    /**
     * Records the end of a run. A successful scheduled order poll that wrote nothing is not kept as a run (one
     * a minute would flood the runs list): it is counted in the store's poll counts instead. Order polls the
     * host asked for and failed ones stay runs.
     */
    private RunView finish(SyncRun run, RunCounts counts, @Nullable String error, boolean scheduled) {
        active.remove(run.id());
        SyncRun done;
        if (error == null && run.kind() == RunKind.ORDERS && scheduled && wroteNothing(counts)) {
            done = store.runs().finishEmptyPoll(run.id(), counts);
        } else {
            done = store.runs().finish(run.id(), error == null ? RunStatus.SUCCEEDED : RunStatus.FAILED, counts,
                    error);
            if (error == null && run.kind() == RunKind.ORDERS) {
                store.runs().countPoll(run.storeId(), RunKind.ORDERS);
            }
        }
        RunView view = view(done);
        events.emit(new EngineEvent.RunFinished(view, clock.instant()));
        return view;
    }

    private static boolean wroteNothing(RunCounts counts) {
        return counts.created() == 0 && counts.updated() == 0 && counts.deleted() == 0 && counts.failed() == 0;
    }

    private RunView complete(RunView view) {
        CompletableFuture<RunView> future = finished.remove(view.id().value());
        if (future != null) {
            future.complete(view);
        }
        return view;
    }

    /** Fails a queued run that will never start (the store was refused or stopped before its turn). */
    private void abandon(SyncRun queued, String why) {
        complete(finish(queued, RunCounts.zero(), why));
    }

    private Failures failures(String storeId, long runId, RunCounter counter, Set<String> givenUp) {
        return (kind, itemId, reason, payload) -> {
            DeadLetter letter = store.deadLetters().add(storeId, kind, itemId, reason, payload);
            counter.failed(1);
            givenUp.add(kind + ":" + itemId);
            LOG.warn("store {}: {} {} went to the dead letters: {}", storeId, kind, itemId, reason);
            events.emit(new EngineEvent.ItemFailed(storeId, new RunId(runId), kind, itemId, reason, letter.id(),
                    clock.instant()));
        };
    }

    /** Runs a previous process left RUNNING for this store are failed once, when this engine first takes it. */
    private void failAbandonedRuns(StoreRuntime runtime) {
        // with the lease held, a RUNNING run this process did not start is a dead process's: once deeply per process,
        // then among the latest few at every take (another node may have died since)
        for (SyncRun run : store.runs().recent(runtime.storeId(), runtime.needsAbandonedRunCheck() ? 100 : 5)) {
            if (run.status() == RunStatus.RUNNING && !finished.containsKey(run.id())) {
                store.runs().finish(run.id(), RunStatus.FAILED, run.counts(),
                        "interrupted: the process running it stopped");
            }
        }
        runtime.abandonedRunsFailed();
    }

    /** Renews the lease until the returned latch is counted down (no interrupts: they can break database I/O). */
    private CountDownLatch startRenewer(String storeId) {
        long pause = Math.max(1000, leaseDuration.toMillis() / 3);
        CountDownLatch done = new CountDownLatch(1);
        Thread.ofVirtual().name("lease-" + storeId).start(() -> {
            StoreMdc mdc = StoreMdc.of(storeId);
            try {
                while (!done.await(pause, TimeUnit.MILLISECONDS)) {
                    if (!store.leases().renew(storeId, nodeId, leaseDuration)) {
                        LOG.warn("store {}: lost the work lease to another node", storeId);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("store {}: could not renew the work lease: {}", storeId, e.toString());
            } finally {
                mdc.close();
            }
        });
        return done;
    }

    private void releaseLease(String storeId) {
        try {
            store.leases().release(storeId, nodeId);
        } catch (RuntimeException e) {
            LOG.warn("store {}: could not release the work lease: {}", storeId, e.toString());
        }
    }

    /** How many runs this engine has queued or is running (started here and not finished). */
    public int inFlight() {
        return finished.size();
    }

    /** The live counter of a run this engine is running; empty for runs finished, queued or on another node. */
    public Optional<RunCounter> live(long runId) {
        return Optional.ofNullable(active.get(runId));
    }

    /** A run as stored, with the live counts while it runs. */
    public Optional<RunView> find(long runId) {
        return store.runs().find(runId).map(this::view);
    }

    /** Waits for a run to finish, up to the timeout. */
    public RunView await(long runId, Duration timeout) throws InterruptedException {
        CompletableFuture<RunView> future = finished.get(runId);
        if (future != null) {
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // fall through to the stored state
            } catch (ExecutionException e) {
                throw new IllegalStateException("run " + runId + " failed to report", e.getCause());
            }
        }
        return find(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
    }

    /** A store's latest runs, newest first, with the live counts of those running. */
    public List<RunView> recent(String storeId, int limit) {
        return store.runs().recent(storeId, limit).stream().map(this::view).toList();
    }

    /** A page of a store's runs, newest first, with the live counts of those running. */
    public RunPage page(String storeId, RunQuery query) {
        // one run more than the page tells whether another page follows, without a count query
        List<SyncRun> rows = store.runs().page(storeId, query.kind(), query.status(), query.since(),
                query.after() == null ? null : query.after().value(), query.limit() + 1);
        boolean more = rows.size() > query.limit();
        List<RunView> runs = rows.subList(0, Math.min(rows.size(), query.limit())).stream().map(this::view).toList();
        return new RunPage(runs, more ? runs.get(runs.size() - 1).id() : null);
    }

    private RunView view(SyncRun run) {
        RunCounter live = active.get(run.id());
        RunCounts counts = live != null ? live.snapshot() : run.counts();
        return new RunView(new RunId(run.id()), run.storeId(), run.kind(), run.status(), run.startedAt(),
                run.finishedAt(), counts, run.errorMessage());
    }
}
