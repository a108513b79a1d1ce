package com.golisto.sync.api.spi;

import java.net.http.HttpClient;
import java.time.Clock;

/**
 * What the engine hands a connector for one store. Every method returns the same instance on each call;
 * all of them are thread-safe.
 */
public interface ConnectorContext {

    /** The engine's id of the store this connector serves; safe to log. */
    String storeId();

    /** The only source of the current time for a connector (signatures, windows, cursors). */
    Clock clock();

    /**
     * A shared HTTP client, configured by the host (connect timeout, executor). Connectors set a
     * per-request timeout themselves. Do not close it.
     */
    HttpClient httpClient();

    /** The store's secrets kept by the engine (not settings), e.g. the webhook secret. */
    StoreSecrets secrets();

    /** Where to report each remote request, for metrics and run counts. */
    ConnectorMetrics metrics();

    /**
     * Waits before the next request when a remote asked for it (rate limits). The engine's implementation
     * sleeps on real time; tests may substitute one that advances a test clock.
     */
    Sleeper sleeper();

    /** Pauses the calling thread. */
    @FunctionalInterface
    interface Sleeper {
        /**
         * Waits about this long.
         *
         * @throws InterruptedException when the thread is interrupted while waiting
         */
        void sleep(java.time.Duration duration) throws InterruptedException;
    }
}
