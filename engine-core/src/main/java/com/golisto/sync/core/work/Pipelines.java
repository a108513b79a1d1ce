package com.golisto.sync.core.work;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.OrderSource;
import com.golisto.sync.api.spi.OrderTarget;
import com.golisto.sync.core.ConnectFlowException;
import com.golisto.sync.core.DryRunReport;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.catalog.CatalogDryRun;
import com.golisto.sync.core.catalog.CatalogPipeline;
import com.golisto.sync.core.catalog.SourceVersions;
import com.golisto.sync.core.connection.ShopWebhooks;
import com.golisto.sync.core.orders.OrderPipeline;
import com.golisto.sync.core.retry.RetryPolicy;
import com.golisto.sync.core.runs.Failures;
import com.golisto.sync.core.runs.RemoteCalls;
import com.golisto.sync.core.runs.RunStoppedException;
import com.golisto.sync.core.runs.Runs;
import com.golisto.sync.core.runtime.StoreRuntime;
import com.golisto.sync.core.store.DeadLetter;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The work of each run kind, built against a store's connectors: which pipeline runs, with remote calls
 * that retry and stop when the store is disconnected or the engine closes. Every run first checks that
 * its store is (still) approved. Thread-safe (stateless apart from its collaborators).
 */
public final class Pipelines {

    private final StateStore store;
    private final RetryPolicy retry;
    private final ShopWebhooks webhooks;
    private final BooleanSupplier closed;

    /** @param closed whether the engine is closing (runs then stop at their next remote call) */
    public Pipelines(StateStore store, RetryPolicy retry, ShopWebhooks webhooks, BooleanSupplier closed) {
        this.store = store;
        this.retry = retry;
        this.webhooks = webhooks;
        this.closed = closed;
    }

    /** Full, incremental, order and recovery runs. */
    public Runs.Work work(RunKind kind) {
        return run -> {
            requireApproved(run.runtime().storeId());
            RemoteCalls calls = runCalls(run.runtime());
            switch (kind) {
                case FULL -> catalog(run, calls).fullPass();
                case INCREMENTAL -> {
                    webhooks.ensure(run.runtime(), calls);
                    catalog(run, calls).incrementalPass();
                }
                case ORDERS -> orders(run, calls).poll();
                case RECOVERY -> orders(run, calls).recover();
                default -> throw new IllegalArgumentException("no plain work for " + kind);
            }
        };
    }

    /**
     * A dry run of the store's full pass: computes it with a {@link CatalogDryRun} (reads only, no marketplace
     * call, no state written) and keeps its report as the store's latest.
     *
     * @param clock when the report is finished
     */
    public Runs.Work dryRun(Clock clock) {
        return run -> {
            StoreRuntime runtime = run.runtime();
            requireApproved(runtime.storeId());
            CatalogSource source = runtime.shop().catalogSource().orElseThrow(() -> new ConnectFlowException(
                    "the shop connector of store " + runtime.storeId() + " cannot read a catalog"));
            DryRunReport report = new CatalogDryRun(runtime.storeId(), source, store, runCalls(runtime),
                    run.counter(), DryRunReport.DEFAULT_SAMPLE).run(new RunId(run.runId()), clock.instant());
            store.dryRuns().save(report);
        };
    }

    /** Makes the store's next full pass start from the first page (it was approved again). */
    public void forgetFullPassCheckpoint(String storeId) {
        CatalogPipeline.forgetCheckpoint(store, storeId);
    }

    /**
     * A scheduled incremental pass: like {@link #work} of {@link RunKind#INCREMENTAL}, but the shop's webhooks are
     * checked at most every {@link ShopWebhooks#SCHEDULED_CHECK_EVERY} (a pass asked for always checks).
     *
     * @param now the scheduler's instant
     */
    public Runs.Work scheduledIncremental(Instant now) {
        return run -> {
            requireApproved(run.runtime().storeId());
            RemoteCalls calls = runCalls(run.runtime());
            webhooks.ensureIfDue(run.runtime(), calls, now);
            catalog(run, calls).incrementalPass();
        };
    }

    /**
     * What webhooks made due: an incremental pass, then the marked products it did not see (see
     * {@link CatalogPipeline#webhookPass}).
     */
    public Runs.Work webhook(Set<String> productIds) {
        return run -> {
            requireApproved(run.runtime().storeId());
            catalog(run, runCalls(run.runtime())).webhookPass(productIds);
        };
    }

    /**
     * The scheduled daily full pass: reads whole the products whose version moved and those of the day's slice of
     * the rolling deep check (a full pass asked for by {@link #work} reads every product whole).
     *
     * @param day the pass's day, which picks the deep check's slice
     * @param deepCheckDays the deep check's length in days
     */
    public Runs.Work dailyFull(LocalDate day, int deepCheckDays) {
        Predicate<String> deepCheck = SourceVersions.deepCheckSlice(day, deepCheckDays);
        return run -> {
            requireApproved(run.runtime().storeId());
            catalog(run, runCalls(run.runtime())).fullPass(deepCheck);
        };
    }

    /** Replays dead letters: each is removed when its item now goes through, counted up when it fails again. */
    Runs.Work replay(List<DeadLetter> letters) {
        return run -> {
            requireApproved(run.runtime().storeId());
            RemoteCalls calls = runCalls(run.runtime());
            for (DeadLetter letter : letters) {
                boolean done;
                if (letter.kind().equals(Failures.ORDER)) {
                    done = orders(run, calls).replay(letter.itemId())
                            && !run.givenUp().contains(Failures.ORDER + ":" + letter.itemId());
                } else {
                    catalog(run, calls).syncProducts(List.of(letter.itemId()));
                    done = !run.givenUp().contains(letter.kind() + ":" + letter.itemId());
                }
                if (done) {
                    store.deadLetters().delete(letter.id());
                } else {
                    store.deadLetters().markReplayed(letter.id());
                }
            }
        };
    }

    /** Remote calls for a run: they stop when the store is disconnected or the engine closes. */
    private RemoteCalls runCalls(StoreRuntime runtime) {
        return new RemoteCalls(retry, runtime.shopPermits(),
                () -> closed.getAsBoolean() ? "the engine is closing" : runtime.stopReason());
    }

    private CatalogPipeline catalog(Runs.RunContext run, RemoteCalls calls) {
        StoreRuntime runtime = run.runtime();
        CatalogSource source = runtime.shop().catalogSource().orElseThrow(() -> new ConnectFlowException(
                "the shop connector of store " + runtime.storeId() + " cannot read a catalog"));
        CatalogTarget target = runtime.marketplace().catalogTarget().orElseThrow(() -> new ConnectFlowException(
                "the marketplace connector of store " + runtime.storeId() + " cannot write listings"));
        return new CatalogPipeline(runtime.storeId(), source, target, store, calls, run.counter(), run.failures());
    }

    private OrderPipeline orders(Runs.RunContext run, RemoteCalls calls) {
        StoreRuntime runtime = run.runtime();
        OrderSource source = runtime.marketplace().orderSource().orElseThrow(() -> new ConnectFlowException(
                "the marketplace connector of store " + runtime.storeId() + " cannot read orders"));
        OrderTarget target = runtime.shop().orderTarget().orElseThrow(() -> new ConnectFlowException(
                "the shop connector of store " + runtime.storeId() + " cannot write orders"));
        CatalogPipeline catalog = catalog(run, calls);
        return new OrderPipeline(runtime.storeId(), source, target, store, calls, run.counter(), run.failures(),
                catalog::syncProducts);
    }

    private void requireApproved(String storeId) {
        StoreRecord record = store.stores().find(storeId)
                .orElseThrow(() -> new RunStoppedException("store " + storeId + " no longer exists"));
        if (record.status() != ConnectionStatus.APPROVED) {
            throw new RunStoppedException("store " + storeId + " is " + record.status() + ", not approved");
        }
    }
}
