package com.example.golisto.jsonshop;

import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorMetrics;
import com.golisto.sync.api.spi.StoreSecrets;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the engine would hand the connector, for tests: a real HTTP client, the system clock, no store secrets, and
 * metrics that remember each request as {@code "<endpoint> <status>"}.
 */
final class TestingConnectorContext implements ConnectorContext, AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @Override
    public String storeId() {
        return "test-store";
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public HttpClient httpClient() {
        return http;
    }

    @Override
    public StoreSecrets secrets() {
        return name -> Optional.empty();
    }

    @Override
    public ConnectorMetrics metrics() {
        return (endpoint, status, elapsed) -> requests.add(endpoint + " " + status);
    }

    @Override
    public Sleeper sleeper() {
        return duration -> { };
    }

    /** The requests the connector reported, oldest first. */
    List<String> reported() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        http.close();
    }
}
