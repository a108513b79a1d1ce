package com.golisto.sync.core.wiring;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.core.store.StoreRecord;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.ProductExplanation;
import com.golisto.sync.core.ProductSummary;
import com.golisto.sync.core.StoreActivity;
import com.golisto.sync.core.connection.ConnectionFlows;
import com.golisto.sync.core.connection.CredentialGrants;
import com.golisto.sync.core.connection.Endpoints;
import com.golisto.sync.core.connection.ShopWebhooks;
import com.golisto.sync.core.connection.StoreRegistrations;
import com.golisto.sync.core.connection.Stores;
import com.golisto.sync.core.connectors.ConnectorRegistry;
import com.golisto.sync.core.health.HealthChecks;
import com.golisto.sync.core.retention.HistoryRetention;
import com.golisto.sync.core.retry.RetryPolicy;
import com.golisto.sync.core.runs.Events;
import com.golisto.sync.core.runs.Runs;
import com.golisto.sync.core.runtime.StoreRuntimes;
import com.golisto.sync.core.scheduling.BackgroundLoop;
import com.golisto.sync.core.scheduling.ConnectionReactions;
import com.golisto.sync.core.scheduling.DueWork;
import com.golisto.sync.core.scheduling.PassRetries;
import com.golisto.sync.core.scheduling.Schedule;
import com.golisto.sync.core.scheduling.StoreTasks;
import com.golisto.sync.core.store.Intent;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.webhooks.DeliveryDeduplicator;
import com.golisto.sync.core.webhooks.InboundWebhooks;
import com.golisto.sync.core.work.DeadLetterReplays;
import com.golisto.sync.core.work.Pipelines;
import com.golisto.sync.core.work.RunRequests;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the state store and the connector registry, builds every feature service
 * once with what it needs, and closes them in order. It decides nothing about stores or runs; the facade
 * routes each request to one of the services it exposes. Thread-safe.
 */
public final class EngineServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineServices.class);

    private final EngineSetup setup;
    private final StateStore store;
    private final HealthChecks health;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("golisto-sync-", 0).factory());
    private final Events events = new Events();
    private final StoreRuntimes runtimes;
    private final Stores stores;
    private final StoreRegistrations registrations;
    private final ConnectionFlows flows;
    private final CredentialGrants grants;
    private final Runs runs;
    private final StoreMetricsReader storeMetrics;
    private final RunRequests runRequests;
    private final InboundWebhooks webhooks;
    private final DeadLetterReplays deadLetters;
    private final DueWork dueWork;
    private final StoreTasks tasks;
    private final BackgroundLoop loop;
    private final HistoryRetention retention;
    private final ProductExplainer explainer;
    private final StoreActivityReader activity;

    private EngineServices(EngineSetup setup, StateStore store, ConnectorRegistry registry) {
        this.setup = setup;
        this.store = store;
        EngineOptions options = setup.options();
        EngineOptions.Retry r = options.retry();
        RetryPolicy retry = new RetryPolicy(r.maxAttempts(), r.initialBackoff(), r.maxBackoff(), r.jitter(),
                r.requestBudget(), setup.sleeper(), setup.clock());
        Endpoints endpoints = new Endpoints(setup.publicUrl());
        this.runtimes = new StoreRuntimes(store, setup.clock(), setup.httpClient(), setup.sleeper(),
                options.shopConcurrency(), options.adaptiveShopConcurrency(), registry);
        this.stores = new Stores(store, runtimes);
        ShopWebhooks shopWebhooks = new ShopWebhooks(stores, endpoints, store.health());
        this.health = new HealthChecks(store, setup.health(), setup.health().orderPollLag(options), setup.clock(),
                setup.nodeId(), record -> tradesOrders(registry, record));
        Schedule schedule = new Schedule(options.dailyFullSyncAt(), options.fullSyncJitter(),
                options.incrementalInterval(), options.orderPollInterval(), options.statusPollInterval(),
                setup.clock().getZone());
        // the reactions to connection changes start runs, and runs report refusals to the flows: the two
        // meet through this late-bound listener, set below once both exist
        LateConnectionListener reactions = new LateConnectionListener();
        this.flows = new ConnectionFlows(store, registry, events, setup.clock(), runtimes, stores, shopWebhooks,
                endpoints, retry, closed::get, reactions);
        this.grants = new CredentialGrants(store, registry, runtimes, stores, endpoints);
        this.registrations = new StoreRegistrations(store, registry, runtimes, stores, reactions);
        this.runs = new Runs(store, setup.clock(), events, setup.nodeId(), options.leaseDuration(), flows::refused,
                workers);
        Pipelines pipelines = new Pipelines(store, retry, shopWebhooks, closed::get);
        this.runRequests = new RunRequests(runs, pipelines, runtimes, stores, setup.clock());
        this.deadLetters = new DeadLetterReplays(store, runs, pipelines, runtimes, stores);
        this.tasks = new StoreTasks(store.dataSource(), schedule, setup.clock(), setup.nodeId(), options);
        this.dueWork = new DueWork(store, tasks, runs, pipelines, flows, runtimes, workers,
                options.storeParallelism(), options.catalog(), setup.clock(), setup.nodeId(), inboxClaim(options));
        tasks.runWith(dueWork);
        PassRetries passRetries = new PassRetries(tasks, options.passRetry().first(), options.passRetry().max());
        events.subscribe(passRetries);
        reactions.bind(new ConnectionReactions(tasks, dueWork, runRequests, setup.clock(), passRetries,
                pipelines));
        DeliveryDeduplicator deliveries = new DeliveryDeduplicator(
                (storeId, key) -> store.deliveries().record(storeId, "webhook", key), Duration.ofHours(1), 100_000,
                setup.clock());
        this.webhooks = new InboundWebhooks(store, registry, runtimes, deliveries, dueWork,
                options.webhookDebounce(), setup.clock());
        this.storeMetrics = new StoreMetricsReader(store, webhooks.tally(), runtimes);
        this.explainer = new ProductExplainer(store, runtimes, runs);
        this.activity = new StoreActivityReader(store, tasks, runs, shopWebhooks, webhooks.tally(), setup.clock());
        this.retention = new HistoryRetention(store, options.retention(), setup.clock());
        this.loop = new BackgroundLoop(() -> {
            dueWork.start();
            retention.startIfDue(workers);
        }, options.tickInterval());
    }

    /**
     * How long a node's claim on due webhook-inbox rows lasts: a minute (the lease when shorter), so the rows of a
     * node that died are taken by another within a minute; a live node's pass that outlasts its claim is harmless
     * (the store's lease keeps other nodes from running it, and they give the rows back).
     */
    private static Duration inboxClaim(EngineOptions options) {
        Duration minute = Duration.ofMinutes(1);
        return options.leaseDuration().compareTo(minute) < 0 ? options.leaseDuration() : minute;
    }

    /** Opens the state store and the registry, builds the services and marks interrupted work for recovery. */
    public static EngineServices open(EngineSetup setup) {
        List<ConnectorProvider> providers = setup.connectors();
        ConnectorRegistry registry = providers == null ? ConnectorRegistry.load() : ConnectorRegistry.of(providers);
        DataSource dataSource = setup.dataSource();
        StateStore store = dataSource != null
                ? StateStore.open(dataSource, setup.masterKey(), setup.clock())
                : StateStore.open(Objects.requireNonNull(setup.jdbcUrl(), "jdbcUrl"), setup.pool(), setup.masterKey(),
                        setup.clock());
        EngineServices services = new EngineServices(setup, store, registry);
        for (Intent intent : store.intents().listOpen()) {
            services.dueWork.recoverAtNextTick(intent.storeId());
        }
        LOG.info("Golisto Sync engine open: connectors {}, {} stores, node {}", registry.ids(),
                store.stores().list().size(), setup.nodeId());
        return services;
    }

    /** What the engine was built with. */
    public EngineSetup setup() {
        return setup;
    }

    /** The state store. */
    public StateStore store() {
        return store;
    }

    /** The health checks. */
    public HealthChecks health() {
        return health;
    }

    /** The event listeners. */
    public Events events() {
        return events;
    }

    /** Store lookups and views. */
    public Stores stores() {
        return stores;
    }

    /** Registering stores. */
    public StoreRegistrations registrations() {
        return registrations;
    }

    /** The connect, status and disconnect flows. */
    public ConnectionFlows flows() {
        return flows;
    }

    /** The shop's key grant. */
    public CredentialGrants grants() {
        return grants;
    }

    /** Run execution and the runs as stored. */
    public Runs runs() {
        return runs;
    }

    /** Runs the host requests. */
    public RunRequests runRequests() {
        return runRequests;
    }

    /** Inbound webhooks. */
    public InboundWebhooks webhooks() {
        return webhooks;
    }

    /** Every registered store's numbers for metrics. */
    public StoreMetricsReader storeMetrics() {
        return storeMetrics;
    }

    /** Dead letters and their replays. */
    public DeadLetterReplays deadLetters() {
        return deadLetters;
    }

    /** The due-work tick. */
    public DueWork dueWork() {
        return dueWork;
    }

    /** The sweep that keeps the history in bounds. */
    public HistoryRetention retention() {
        return retention;
    }

    /** Starts the background work: the tick loop (webhook inbox, recovery, sweeps) and the cluster tasks. Idempotent. */
    public void startBackground() {
        loop.start();
        tasks.start();
    }

    /** Explains why a product (by id or SKU) is (not) on the marketplace. */
    public ProductExplanation explain(String storeId, String productIdOrSku) throws InterruptedException {
        return explainer.explain(storeId, productIdOrSku);
    }

    /** The store's products the ledger knows by id, SKU or words of the title. */
    public List<ProductSummary> findProducts(String storeId, String text, @Nullable String afterProductId, int limit) {
        return explainer.find(storeId, text, afterProductId, limit);
    }

    /** What a store is doing and will do; empty for an unknown store. */
    public Optional<StoreActivity> activity(String storeId) {
        return activity.of(storeId);
    }

    /** Whether {@link #close()} was called. */
    public boolean closed() {
        return closed.get();
    }

    /**
     * Stops the loop, lets running work stop at its next remote call (up to a minute), closes the
     * connectors and the state store. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        loop.stop(Duration.ofSeconds(10));
        tasks.close();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("engine closing with work still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtimes.reopenAllConnectors();
        store.close();
        LOG.info("Golisto Sync engine closed");
    }

    /**
     * Whether a store's shop writes orders and its marketplace reads them: a catalog-only connector (the shop
     * declares no {@link Capability#ORDER_TARGET}) has no order polls, and no order-poll health check.
     */
    static boolean tradesOrders(ConnectorRegistry registry, StoreRecord record) {
        return registry.descriptor(record.shopConnector())
                .map(d -> d.capabilities().contains(Capability.ORDER_TARGET)).orElse(true)
                && registry.descriptor(record.marketplaceConnector())
                .map(d -> d.capabilities().contains(Capability.ORDER_SOURCE)).orElse(true);
    }
}
