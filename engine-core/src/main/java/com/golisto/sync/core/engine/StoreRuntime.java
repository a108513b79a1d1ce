package com.golisto.sync.core.engine;

import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorMetrics;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.core.UnknownStoreException;
import com.golisto.sync.core.connectors.ConnectorRegistry;
import com.golisto.sync.core.run.RunCounter;
import com.golisto.sync.core.store.Side;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the engine holds for one store while it runs: the open shop and marketplace connectors (opened on
 * first use, reopened after settings change), their contexts, the in-process pipeline lock, the shop
 * request permits, and the counter of the run in progress (which the connectors' metrics feed).
 * Thread-safe.
 */
final class StoreRuntime {

    private final String storeId;
    private final StateStore store;
    private final Clock clock;
    private final HttpClient httpClient;
    private final ConnectorContext.Sleeper sleeper;
    private final ConnectorRegistry registry;

    final ReentrantLock pipeline = new ReentrantLock(true);
    final Semaphore shopPermits;
    final AtomicBoolean tickInFlight = new AtomicBoolean();
    final AtomicReference<RunCounter> currentRun = new AtomicReference<>();
    /** Why the store's work must stop (it was disconnected), or null. */
    volatile String stopReason;
    final LongAdder shopRequests = new LongAdder();
    final LongAdder marketplaceRequests = new LongAdder();
    volatile boolean abandonedRunsChecked;
    /** Whether the shop's "cannot deliver webhooks to this URL" was logged already (once is enough). */
    volatile boolean unreachableWarned;

    private Connector shop;
    private Connector marketplace;

    StoreRuntime(String storeId, StateStore store, Clock clock, HttpClient httpClient, ConnectorContext.Sleeper sleeper,
            int shopConcurrency, ConnectorRegistry registry) {
        this.storeId = storeId;
        this.store = store;
        this.clock = clock;
        this.httpClient = httpClient;
        this.sleeper = sleeper;
        this.shopPermits = new Semaphore(shopConcurrency, true);
        this.registry = registry;
    }

    String storeId() {
        return storeId;
    }

    /** The shop connector, opened from the stored settings on first use. */
    synchronized Connector shop() {
        if (shop == null) {
            shop = open(Side.SHOP, shopRequests);
        }
        return shop;
    }

    /** The marketplace connector, opened from the stored settings on first use. */
    synchronized Connector marketplace() {
        if (marketplace == null) {
            marketplace = open(Side.MARKETPLACE, marketplaceRequests);
        }
        return marketplace;
    }

    /** Closes the open connectors; the next use reopens them with the settings stored then. */
    synchronized void reopenConnectors() {
        closeQuietly(shop);
        closeQuietly(marketplace);
        shop = null;
        marketplace = null;
    }

    private Connector open(Side side, LongAdder requests) {
        StoreRecord record = store.stores().find(storeId)
                .orElseThrow(() -> new UnknownStoreException("no store " + storeId));
        String connectorId = side == Side.SHOP ? record.shopConnector() : record.marketplaceConnector();
        return registry.open(connectorId, store.settings().load(storeId, side), new Context(side, requests));
    }

    private static void closeQuietly(Connector connector) {
        if (connector != null) {
            connector.close();
        }
    }

    /** One side's context: live secrets from the state store, request counting into the current run. */
    private final class Context implements ConnectorContext, StoreSecrets, ConnectorMetrics {
        private final Side side;
        private final LongAdder requests;

        Context(Side side, LongAdder requests) {
            this.side = side;
            this.requests = requests;
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
            return httpClient;
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
            requests.increment();
            RunCounter run = currentRun.get();
            if (run != null) {
                run.request();
            }
        }

        @Override
        public String toString() {
            return "ConnectorContext[" + storeId + ", " + side + "]";
        }
    }
}
