package com.golisto.sync.core.runtime;

import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.core.connectors.ConnectorRegistry;
import com.golisto.sync.core.store.StateStore;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime of every store this engine has touched, made on first use and kept for the engine's
 * life. Thread-safe.
 */
public final class StoreRuntimes {

    private final Map<String, StoreRuntime> runtimes = new ConcurrentHashMap<>();
    private final StateStore store;
    private final Clock clock;
    private final HttpClient httpClient;
    private final ConnectorContext.Sleeper sleeper;
    private final int shopConcurrency;
    private final boolean adaptiveShopConcurrency;
    private final ConnectorRegistry registry;

    /**
     * @param shopConcurrency how many requests the engine sends one shop at once, at most
     * @param adaptiveShopConcurrency whether each store's limit adapts to its shop below that cap
     */
    public StoreRuntimes(StateStore store, Clock clock, HttpClient httpClient, ConnectorContext.Sleeper sleeper,
            int shopConcurrency, boolean adaptiveShopConcurrency, ConnectorRegistry registry) {
        this.store = store;
        this.clock = clock;
        this.httpClient = httpClient;
        this.sleeper = sleeper;
        this.shopConcurrency = shopConcurrency;
        this.adaptiveShopConcurrency = adaptiveShopConcurrency;
        this.registry = registry;
    }

    /** The store's runtime, made on first use (the store need not exist yet: its connectors open lazily). */
    public StoreRuntime of(String storeId) {
        return runtimes.computeIfAbsent(storeId, id -> new StoreRuntime(id, store, clock, httpClient, sleeper,
                shopConcurrency, adaptiveShopConcurrency, registry));
    }

    /** The store's current limit on shop requests in flight; 0 while its shop connector is not open here. */
    public int shopConcurrency(String storeId) {
        StoreRuntime runtime = runtimes.get(storeId);
        return runtime == null ? 0 : runtime.shopConcurrencyNow();
    }

    /** Closes every open connector; each reopens at its next use with the settings stored then. */
    public void reopenAllConnectors() {
        runtimes.values().forEach(StoreRuntime::reopenConnectors);
    }
}
