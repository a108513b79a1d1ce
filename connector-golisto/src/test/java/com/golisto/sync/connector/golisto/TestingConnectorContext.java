package com.golisto.sync.connector.golisto;

import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorMetrics;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.sandbox.http.MutableClock;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real {@link ConnectorContext} for tests: a JDK HttpClient, a {@link MutableClock} shared with the
 * emulator, secrets in a map, metrics and sleeps recorded. The sleeper does not sleep: it advances the
 * clock by the requested duration, so rate-limit waits are visible and instant.
 */
final class TestingConnectorContext implements ConnectorContext, AutoCloseable {

    final MutableClock clock;
    final Map<String, String> secrets = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    TestingConnectorContext(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public String storeId() {
        return "store-1";
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public HttpClient httpClient() {
        return http;
    }

    @Override
    public StoreSecrets secrets() {
        return name -> Optional.ofNullable(secrets.get(name)).map(Secret::of);
    }

    @Override
    public ConnectorMetrics metrics() {
        return (endpoint, status, elapsed) -> requests.add(endpoint + " " + status);
    }

    @Override
    public Sleeper sleeper() {
        return duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        };
    }

    @Override
    public void close() {
        http.close();
    }
}
