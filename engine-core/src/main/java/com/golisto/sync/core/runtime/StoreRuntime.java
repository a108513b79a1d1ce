package com.golisto.sync.core.runtime;

import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorMetrics;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.core.UnknownStoreException;
import com.golisto.sync.core.connectors.ConnectorRegistry;
import com.golisto.sync.core.store.Side;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * What the engine holds for one store while it runs, and the only place that changes it: the open shop
 * and marketplace connectors (opened on first use, reopened after settings change), their contexts, the
 * in-process pipeline lock, the shop request permits, the request counter of the run in progress (which
 * the connectors' metrics feed), whether the store is being stopped, and the once-per-process facts
 * (abandoned runs failed, an unreachable webhook URL reported). Every change is a method named for the
 * transition. Thread-safe.
 */
public final class StoreRuntime {

    /** The conventional shop connector setting that caps its requests in flight. */
    static final String MAX_CONCURRENCY = "max-concurrency";
    /** The conventional shop connector setting that turns the adaptation of that limit off ({@code false}). */
    static final String ADAPTIVE = "adaptive-concurrency";

    private final String storeId;
    private final StateStore store;
    private final Clock clock;
    private final HttpClient httpClient;
    private final ConnectorContext.Sleeper sleeper;
    private final ConnectorRegistry registry;

    private final ReentrantLock pipeline = new ReentrantLock(true);
    private final Semaphore shopPermits;
    private final int shopConcurrency;
    private final boolean adaptiveShopConcurrency;
    /** The adaptive limit on the shop's HTTP requests in flight; remade with the cap when the shop reopens. */
    private volatile ShopConcurrencyLimit shopLimit;
    private final AtomicBoolean tickInFlight = new AtomicBoolean();
    /** Where the connectors' requests count: the run in progress, or null between runs. */
    private final AtomicReference<@Nullable Runnable> runRequests = new AtomicReference<>();
    /** Why the store's work must stop (it is being disconnected), or null. */
    private volatile @Nullable String stopReason;
    private volatile boolean abandonedRunsChecked;
    /** Whether the shop's "cannot deliver webhooks to this URL" was logged already (once is enough). */
    private final AtomicBoolean unreachableWarned = new AtomicBoolean();

    /** The open connectors; null until first used and after {@link #reopenConnectors()}. */
    private @Nullable Connector shop;
    private @Nullable Connector marketplace;

    StoreRuntime(String storeId, StateStore store, Clock clock, HttpClient httpClient, ConnectorContext.Sleeper sleeper,
            int shopConcurrency, boolean adaptiveShopConcurrency, ConnectorRegistry registry) {
        this.storeId = storeId;
        this.store = store;
        this.clock = clock;
        this.httpClient = httpClient;
        this.sleeper = sleeper;
        this.shopPermits = new Semaphore(shopConcurrency, true);
        this.shopConcurrency = shopConcurrency;
        this.adaptiveShopConcurrency = adaptiveShopConcurrency;
        this.shopLimit = new ShopConcurrencyLimit(shopConcurrency, adaptiveShopConcurrency, clock);
        this.registry = registry;
    }

    /** The store's id. */
    public String storeId() {
        return storeId;
    }

    /** The shop connector, opened from the stored settings on first use. */
    public synchronized Connector shop() {
        if (shop == null) {
            shop = open(Side.SHOP);
        }
        return shop;
    }

    /** The marketplace connector, opened from the stored settings on first use. */
    public synchronized Connector marketplace() {
        if (marketplace == null) {
            marketplace = open(Side.MARKETPLACE);
        }
        return marketplace;
    }

    /** Closes the open connectors; the next use reopens them with the settings stored then. */
    public synchronized void reopenConnectors() {
        closeQuietly(shop);
        closeQuietly(marketplace);
        shop = null;
        marketplace = null;
    }

    // ---- the pipeline: one piece of work for the store at a time in this process ----

    /** Waits for the store's pipeline (fair: first come, first served). */
    public void lockPipeline() throws InterruptedException {
        pipeline.lockInterruptibly();
    }

    /** Waits up to {@code timeout} for the store's pipeline; true when it was taken. */
    public boolean tryLockPipeline(Duration timeout) throws InterruptedException {
        return pipeline.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether some work holds the store's pipeline in this process now. */
    public boolean pipelineBusy() {
        return pipeline.isLocked();
    }

    /** Releases the pipeline taken by {@link #lockPipeline} or {@link #tryLockPipeline}. */
    public void unlockPipeline() {
        pipeline.unlock();
    }

    /** The store's limit on concurrent shop calls of the pipelines, shared by all its work. */
    public Semaphore shopPermits() {
        return shopPermits;
    }

    /**
     * The store's adaptive limit on the shop's HTTP requests in flight (every request of the shop connector
     * holds one of its permits), capped by the shop connector's {@value #MAX_CONCURRENCY} setting when it has
     * one, else by the engine's {@code shopConcurrency}.
     */
    public ShopConcurrencyLimit shopLimit() {
        return shopLimit;
    }

    /** The current limit on the shop's requests in flight; 0 while the shop connector is not open. */
    public synchronized int shopConcurrencyNow() {
        return shop == null ? 0 : shopLimit.limit();
    }

    // ---- the run in progress ----

    /** A run starts: every request the connectors make from now counts into {@code onRequest}. */
    public void runStarted(Runnable onRequest) {
        runRequests.set(onRequest);
    }

    /** The run ended: requests count into nothing. */
    public void runEnded() {
        runRequests.set(null);
    }

    /** True until {@link #abandonedRunsFailed()}: the first run of this process on the store fails the runs a previous process left. */
    public boolean needsAbandonedRunCheck() {
        return !abandonedRunsChecked;
    }

    /** The abandoned runs a previous process left were failed; never again in this process. */
    public void abandonedRunsFailed() {
        abandonedRunsChecked = true;
    }

    // ---- ticks of the due work ----

    /** Claims the store for one tick of due work; false when its previous tick is still running. */
    public boolean claimTick() {
        return tickInFlight.compareAndSet(false, true);
    }

    /** The store's tick ended (or never started). */
    public void releaseTick() {
        tickInFlight.set(false);
    }

    // ---- stopping ----

    /** The store is being stopped: its running work stops at its next remote call. */
    public void stopping(String reason) {
        stopReason = reason;
    }

    /** Stopping is over; new work may run again. */
    public void stopDone() {
        stopReason = null;
    }

    /** Why the store's work must stop now, or null while it may go on. */
    public @Nullable String stopReason() {
        return stopReason;
    }

    /** True the first time only: whether to report that the shop cannot deliver webhooks to us. */
    public boolean firstUnreachableWarning() {
        return unreachableWarned.compareAndSet(false, true);
    }

    private Connector open(Side side) {
        StoreRecord record = store.stores().find(storeId)
                .orElseThrow(() -> new UnknownStoreException("no store " + storeId));
        String connectorId = side == Side.SHOP ? record.shopConnector() : record.marketplaceConnector();
        Map<String, String> settings = store.settings().load(storeId, side);
        HttpClient client = httpClient;
        if (side == Side.SHOP) {
            boolean adaptive = adaptiveShopConcurrency
                    && !"false".equalsIgnoreCase(String.valueOf(shopSetting(connectorId, settings, ADAPTIVE)).strip());
            shopLimit = new ShopConcurrencyLimit(shopCap(connectorId, settings), adaptive, clock);
            client = new LimitedHttpClient(httpClient, shopLimit);
        }
        return registry.open(connectorId, settings, new Context(side, client));
    }

    /** The shop connector's {@value #MAX_CONCURRENCY} (set or default) when it declares one, else the engine's. */
    private int shopCap(String connectorId, Map<String, String> settings) {
        @Nullable String value = shopSetting(connectorId, settings, MAX_CONCURRENCY);
        try {
            return value == null ? shopConcurrency : Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return shopConcurrency;
        }
    }

    /** A shop setting's value, its declared default when not set, or null when the connector has no such setting. */
    private @Nullable String shopSetting(String connectorId, Map<String, String> settings, String name) {
        String value = settings.get(name);
        if (value != null) {
            return value;
        }
        return registry.descriptor(connectorId).flatMap(d -> d.setting(name)).map(SettingSpec::defaultValue)
                .orElse(null);
    }

    private static void closeQuietly(@Nullable Connector connector) {
        if (connector != null) {
            connector.close();
        }
    }

    /** One side's context: live secrets from the state store, request counting into the current run. */
    private final class Context implements ConnectorContext, StoreSecrets, ConnectorMetrics {
        private final Side side;
        private final HttpClient client;

        Context(Side side, HttpClient client) {
            this.side = side;
            this.client = client;
        }

        @Override
        public String storeId() {
            return storeId;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public HttpClient httpClient() {
            return client;
        }

        @Override
        public StoreSecrets secrets() {
            return this;
        }

        @Override
        public ConnectorMetrics metrics() {
            return this;
        }

        @Override
        public Sleeper sleeper() {
            return sleeper;
        }

        @Override
        public Optional<Secret> get(String name) {
            return store.secrets().find(storeId, name);
        }

        @Override
        public void request(String endpoint, int status, Duration elapsed) {
            Runnable run = runRequests.get();
            if (run != null) {
                run.run();
            }
        }

        @Override
        public String toString() {
            return "ConnectorContext[" + storeId + ", " + side + "]";
        }
    }
}
