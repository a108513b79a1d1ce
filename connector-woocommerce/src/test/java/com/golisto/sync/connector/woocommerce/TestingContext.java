package com.golisto.sync.connector.woocommerce;

import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorMetrics;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreSecrets;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A ConnectorContext for tests: a given clock and HTTP client, secrets in a map, recorded metrics. */
final class TestingContext implements ConnectorContext {

    /** One recorded request. */
    record Recorded(String endpoint, int status, Duration elapsed) {
    }

    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Recorded> requests = new CopyOnWriteArrayList<>();

    TestingContext(Clock clock, HttpClient http) {
        this.clock = clock;
        this.http = http;
    }

    static TestingContext of(Clock clock) {
        return new TestingContext(clock, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    TestingContext withWebhookSecret(String value) {
        secrets.put(StoreSecrets.WEBHOOK_SECRET, Secret.of(value));
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    long count(String endpoint) {
        return requests.stream().filter(r -> r.endpoint().equals(endpoint)).count();
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
        return name -> Optional.ofNullable(secrets.get(name));
    }

    @Override
    public ConnectorMetrics metrics() {
        return (endpoint, status, elapsed) -> requests.add(new Recorded(endpoint, status, elapsed));
    }

    @Override
    public Sleeper sleeper() {
        return duration -> { };
    }
}
