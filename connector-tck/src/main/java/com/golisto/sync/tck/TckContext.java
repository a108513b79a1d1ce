package com.golisto.sync.tck;

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

/**
 * A ready {@link ConnectorContext} for fixtures: the fixture's clock, a JDK {@link HttpClient} (5 s connect
 * timeout, redirects not followed), store secrets in a map, requests recorded, and a sleeper that never blocks: it
 * hands each requested wait to the fixture (to advance its clock) and records it.
 *
 * <pre>{@code
 * TckContext context = new TckContext(clock, clock::advance).withSecret(StoreSecrets.WEBHOOK_SECRET, secret);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class TckContext implements ConnectorContext {

    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** A context on this clock whose sleeper only records waits. */
    public TckContext(Clock clock) {
        this(clock, duration -> { });
    }

    /**
     * A context on this clock.
     *
     * @param onSleep called for every wait the connector asks for, instead of sleeping (e.g. to advance the clock)
     */
    public TckContext(Clock clock, Sleeper onSleep) {
        this.clock = clock;
        this.sleeper = duration -> {
            sleeps.add(duration);
            onSleep.sleep(duration);
        };
    }

    /** Adds a store secret, e.g. {@link StoreSecrets#WEBHOOK_SECRET}; returns this context. */
    public TckContext withSecret(String name, String value) {
        secrets.put(name, Secret.of(value));
        return this;
    }

    /** Every request the connector reported, as {@code "<endpoint> <status>"}, oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Every wait the connector asked the sleeper for, oldest first. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public String storeId() {
        return "tck-store";
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
        return (endpoint, status, elapsed) -> requests.add(endpoint + " " + status);
    }

    @Override
    public Sleeper sleeper() {
        return sleeper;
    }

    /** Shows the store id only. */
    @Override
    public String toString() {
        return "TckContext[" + storeId() + "]";
    }
}
