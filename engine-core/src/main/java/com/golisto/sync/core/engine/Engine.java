package com.golisto.sync.core.engine;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.core.DeadLetterView;
import com.golisto.sync.core.EngineListener;
import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreRegistration;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.core.SyncMode;
import com.golisto.sync.core.UnknownStoreException;
import com.golisto.sync.core.connectors.ConnectorRegistry;
import com.golisto.sync.core.retry.RetryPolicy;
import com.golisto.sync.core.run.MarketplaceRefusal;
import com.golisto.sync.core.run.RemoteCalls;
import com.golisto.sync.core.schedule.Schedule;
import com.golisto.sync.core.store.Intent;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import com.golisto.sync.core.store.SyncRun;
import com.golisto.sync.core.webhooks.Debouncer;
import com.golisto.sync.core.webhooks.DeliveryDeduplicator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SyncEngine} implementation: wires the state store, connector registry, per-store runtimes,
 * runs, connection flows, schedule and webhook handling. See {@link SyncEngine} for the contract.
 */
public final class Engine implements SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final Duration WAIT_FOREVER = Duration.ofDays(3650);

    private final EngineSetup setup;
    private final EngineOptions options;
    private final StateStore store;
    private final ConnectorRegistry registry;
    private final Events events = new Events();
    private final Map<String, StoreRuntime> runtimes = new ConcurrentHashMap<>();
    private final Runs runs;
    private final ConnectionFlows flows;
    private final Pipelines pipelines;
    private final Schedule schedule;
    private final Debouncer debouncer;
    private final InboundWebhooks webhooks;
    private final DueWork dueWork;
    private final StoreRegistrations registrations;
    private final DeadLetterReplays deadLetters;
    private final BackgroundLoop loop;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("golisto-sync-", 0).factory());
    private volatile boolean closed;

    private Engine(EngineSetup setup, StateStore store, ConnectorRegistry registry) {
        this.setup = setup;
        this.options = setup.options();
        this.store = store;
        this.registry = registry;
        EngineOptions.Retry r = options.retry();
        RetryPolicy retry = new RetryPolicy(r.maxAttempts(), r.initialBackoff(), r.maxBackoff(), r.jitter(),
                setup.sleeper());
        this.runs = new Runs(store, setup.clock(), events, setup.nodeId(), options.leaseDuration(), this::refused);
        // host-driven flows stop only when the engine closes (a disconnection must still remove webhooks)
        this.flows = new ConnectionFlows(setup, store, registry, events, this::runtime,
                runtime -> new RemoteCalls(retry, runtime.shopPermits, () -> closed ? "the engine is closing" : null),
                this::approved, this::stopped);
        this.pipelines = new Pipelines(store, retry, flows, () -> closed);
        this.schedule = new Schedule(options.dailyFullSyncAt(), options.fullSyncJitter(),
                options.incrementalInterval(), options.orderPollInterval(), options.statusPollInterval(),
                setup.clock().getZone());
        this.debouncer = new Debouncer(options.webhookDebounce(), options.webhookDebounce().multipliedBy(5));
        DeliveryDeduplicator deliveries = new DeliveryDeduplicator(
                (storeId, key) -> store.deliveries().record(storeId, "webhook", key), Duration.ofHours(1), 100_000,
                setup.clock());
        this.dueWork = new DueWork(store, schedule, debouncer, runs, pipelines, flows, this::runtime, workers,
                options.storeParallelism(), setup.clock());
        this.webhooks = new InboundWebhooks(store, registry, this::runtime, deliveries, debouncer, schedule,
                dueWork::follow, options.webhookDebounce(), setup.clock());
        this.registrations = new StoreRegistrations(store, registry);
        this.deadLetters = new DeadLetterReplays(store, runs, pipelines, this::runtime, this::requireApproved);
        this.loop = new BackgroundLoop(dueWork::start, options.tickInterval());
    }

    /** Opens the state store and the registry and returns the engine; see {@link SyncEngine.Builder#build()}. */
    public static SyncEngine open(EngineSetup setup) {
        ConnectorRegistry registry = setup.connectors() == null
                ? ConnectorRegistry.load() : ConnectorRegistry.of(setup.connectors());
        StateStore store = setup.dataSource() != null
                ? StateStore.open(setup.dataSource(), setup.masterKey(), setup.clock())
                : StateStore.open(setup.jdbcUrl(), setup.masterKey(), setup.clock());
        Engine engine = new Engine(setup, store, registry);
        for (Intent intent : store.intents().listOpen()) {
            engine.dueWork.recoverAtNextTick(intent.storeId());
        }
        LOG.info("Golisto Sync engine open: connectors {}, {} stores, node {}", registry.ids(),
                store.stores().list().size(), setup.nodeId());
        return engine;
    }

    // ---- stores and connecting ----

    @Override
    public StoreView registerStore(StoreRegistration registration) {
        checkOpen();
        StoreMdc mdc = StoreMdc.of(registration.id());
        try {
            return register(registration);
        } finally {
            mdc.close();
        }
    }

    private StoreView register(StoreRegistration registration) {
        StoreRecord registered = registrations.register(registration);
        runtime(registered.id()).reopenConnectors();
        dueWork.follow(registered, setup.clock().instant());
        return view(registered);
    }

    @Override
    public URI beginConnect(String storeId) throws InterruptedException {
        checkOpen();
        record(storeId);
        return flows.beginConnect(storeId);
    }

    @Override
    public StoreView completeConnect(String state, String code) throws InterruptedException {
        checkOpen();
        return view(record(flows.completeConnect(state, code)));
    }

    @Override
    public URI beginCredentialGrant(String storeId) {
        checkOpen();
        record(storeId);
        return flows.beginCredentialGrant(storeId);
    }

    @Override
    public StoreView completeCredentialGrant(String state, InboundRequest callback) {
        checkOpen();
        return view(record(flows.completeCredentialGrant(state, callback)));
    }

    @Override
    public StoreView refreshStatus(String storeId) throws InterruptedException {
        checkOpen();
        record(storeId);
        flows.refreshStatus(storeId);
        schedule.ran(storeId, Schedule.Work.STATUS_POLL, setup.clock().instant());
        return view(record(storeId));
    }

    @Override
    public StoreView disconnect(String storeId) throws InterruptedException {
        checkOpen();
        record(storeId);
        flows.disconnect(storeId);
        return view(record(storeId));
    }

    @Override
    public List<StoreView> stores() {
        checkOpen();
        return store.stores().list().stream().map(this::view).toList();
    }

    @Override
    public Optional<StoreView> store(String storeId) {
        checkOpen();
        return store.stores().find(storeId).map(this::view);
    }

    /** Approval: the store's interval work counts from now, and its first full sync starts. */
    private void approved(String storeId) {
        Instant now = setup.clock().instant();
        schedule.track(storeId, now, now);
        schedule.ran(storeId, Schedule.Work.FULL_SYNC, now);
        schedule.ran(storeId, Schedule.Work.INCREMENTAL_SYNC, now);
        schedule.ran(storeId, Schedule.Work.ORDER_POLL, now);
        startRun(storeId, RunKind.FULL);
    }

    private void stopped(String storeId) {
        debouncer.forget(storeId);
    }

    /** A run's marketplace refusal: rejected credentials disconnect the store; a missing approval re-polls it. */
    private void refused(StoreRuntime runtime, MarketplaceRefusal refusal) {
        String storeId = runtime.storeId();
        try {
            if (refusal.credentialsRejected()) {
                flows.disconnected(storeId, refusal.getMessage(), false);
            } else {
                flows.refreshStatus(storeId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("store {}: could not act on the marketplace's refusal: {}", storeId, e.toString());
        }
    }

    // ---- synchronising ----

    @Override
    public RunId sync(String storeId, SyncMode mode) {
        checkOpen();
        requireApproved(storeId);
        return startRun(storeId, mode == SyncMode.FULL ? RunKind.FULL : RunKind.INCREMENTAL);
    }

    private RunId startRun(String storeId, RunKind kind) {
        SyncRun queued = runs.queue(storeId, kind);
        StoreRuntime runtime = runtime(storeId);
        try {
            workers.submit(() -> {
                runs.execute(runtime, kind, queued, pipelines.work(kind));
                return null;
            });
        } catch (RejectedExecutionException e) {
            runs.abandon(queued, "the engine is closing");
        }
        return new RunId(queued.id());
    }

    @Override
    public RunView syncAndWait(String storeId, SyncMode mode) throws InterruptedException {
        return awaitRun(sync(storeId, mode), WAIT_FOREVER);
    }

    @Override
    public RunView pollOrders(String storeId) throws InterruptedException {
        checkOpen();
        requireApproved(storeId);
        return runs.execute(runtime(storeId), RunKind.ORDERS, null, pipelines.work(RunKind.ORDERS));
    }

    @Override
    public RunView awaitRun(RunId runId, Duration timeout) throws InterruptedException {
        return runs.await(runId.value(), timeout);
    }

    @Override
    public Optional<RunView> run(RunId runId) {
        checkOpen();
        return runs.find(runId.value());
    }

    @Override
    public List<RunView> recentRuns(String storeId, int limit) {
        checkOpen();
        return store.runs().recent(storeId, limit).stream().map(runs::view).toList();
    }

    // ---- webhooks ----

    @Override
    public WebhookVerdict handleShopWebhook(String storeId, InboundRequest request) {
        checkOpen();
        return webhooks.shop(storeId, request);
    }

    @Override
    public WebhookVerdict handleMarketplaceWebhook(InboundRequest request) {
        checkOpen();
        return webhooks.marketplace(request);
    }

    // ---- dead letters ----

    @Override
    public List<DeadLetterView> deadLetters() {
        checkOpen();
        return deadLetters.list();
    }

    @Override
    public RunView replayDeadLetter(long deadLetterId) throws InterruptedException {
        checkOpen();
        return deadLetters.replay(deadLetterId);
    }

    @Override
    public List<RunView> replayAllDeadLetters() throws InterruptedException {
        checkOpen();
        return deadLetters.replayAll();
    }

    // ---- operating the engine ----

    @Override
    public long pendingWork() {
        return (long) debouncer.pendingCount() + runs.inFlight();
    }

    @Override
    public boolean healthy() {
        return !closed && store.healthy();
    }

    @Override
    public int reencryptSecrets(MasterKey previous) {
        checkOpen();
        int resealed = store.secrets().reencrypt(previous);
        // connectors that failed to open with unreadable settings, or hold old values, open afresh
        runtimes.values().forEach(StoreRuntime::reopenConnectors);
        LOG.info("master key rotation: {} stored secrets re-sealed under key {}", resealed, setup.masterKey().id());
        return resealed;
    }

    // ---- events and scheduling ----

    @Override
    public AutoCloseable subscribe(EngineListener listener) {
        return events.subscribe(listener);
    }

    @Override
    public void runDueWork() throws InterruptedException {
        checkOpen();
        for (Future<?> task : dueWork.start()) {
            try {
                task.get();
            } catch (ExecutionException e) {
                // a store's task logs its own failures, with the store in the MDC; only errors get here
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                LOG.warn("due work failed: {}", e.getCause().toString());
            }
        }
    }

    @Override
    public void start() {
        checkOpen();
        loop.start();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        loop.stop(Duration.ofSeconds(10));
        workers.shutdown();
        try {
            if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("engine closing with work still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtimes.values().forEach(StoreRuntime::reopenConnectors);
        store.close();
        LOG.info("Golisto Sync engine closed");
    }

    // ---- helpers ----

    StoreRuntime runtime(String storeId) {
        return runtimes.computeIfAbsent(storeId, id -> new StoreRuntime(id, store, setup.clock(), setup.httpClient(),
                setup.sleeper(), options.shopConcurrency(), registry));
    }

    private StoreRecord record(String storeId) {
        return store.stores().find(storeId).orElseThrow(() -> new UnknownStoreException("no store with id " + storeId));
    }

    private void requireApproved(String storeId) {
        StoreRecord record = record(storeId);
        if (record.status() != ConnectionStatus.APPROVED) {
            throw new NotApprovedException("store " + storeId + " is " + record.status()
                    + ": nothing is synchronised before the marketplace approves it");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
    }

    private StoreView view(StoreRecord record) {
        boolean credentials;
        try {
            credentials = runtime(record.id()).shop().credentialIssuer()
                    .flatMap(issuer -> issuer.currentCredentials()).isPresent();
        } catch (RuntimeException e) {
            credentials = false;
        }
        return new StoreView(record.id(), record.shopConnector(), record.marketplaceConnector(), record.status(),
                record.accountId(), record.statusReason(), credentials, record.updatedAt());
    }
}
