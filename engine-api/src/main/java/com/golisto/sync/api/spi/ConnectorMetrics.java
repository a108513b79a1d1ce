package com.golisto.sync.api.spi;

import java.time.Duration;

/**
 * Where a connector reports every HTTP request it makes, once per attempt, after the answer (or the
 * failure) arrived. The engine counts them per run and exports them as metrics. Thread-safe; cheap.
 */
public interface ConnectorMetrics {

    /**
     * Reports one request.
     *
     * @param endpoint a low-cardinality name such as {@code "GET /products"} (ids replaced by placeholders)
     * @param status the HTTP status, or {@code -1} when no answer arrived (timeout, reset)
     * @param elapsed how long it took
     */
    void request(String endpoint, int status, Duration elapsed);

    /** Metrics that go nowhere, for tests and tools. */
    static ConnectorMetrics none() {
        return (endpoint, status, elapsed) -> { };
    }
}
