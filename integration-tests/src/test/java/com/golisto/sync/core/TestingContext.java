package com.golisto.sync.core;

import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorMetrics;
import com.golisto.sync.api.spi.StoreSecrets;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;

/** A connector context for reading a remote directly in a test (to compare with what the engine wrote). */
record TestingContext(Clock clock, HttpClient httpClient) implements ConnectorContext {

    @Override
    public String storeId() {
        return "test-reader";
    }

    @Override
    public StoreSecrets secrets() {
        return name -> Optional.empty();
    }

    @Override
    public ConnectorMetrics metrics() {
        return ConnectorMetrics.none();
    }

    @Override
    public Sleeper sleeper() {
        return duration -> { };
    }
}
