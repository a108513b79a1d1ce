package com.golisto.sync.app.metrics;

import com.golisto.sync.app.http.RequestObserver;
import io.micrometer.core.instrument.Counter;
import com.golisto.sync.core.EngineHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import com.golisto.sync.core.StoreMetrics;
import java.time.Clock;
import java.util.List;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Every metric the runner exports, named once here. Backed by a Prometheus registry that
 * {@link #scrape()} renders for {@code GET /metrics}. Thread-safe; each call is cheap (meters are
 * cached by the registry).
 */
public final class RunnerMetrics implements RequestObserver {
    /** The outcomes a run's items are counted under. */
    public static final String[] OUTCOMES = {"created", "updated", "deleted", "unchanged", "skipped", "failed"};

    private final PrometheusMeterRegistry registry;
    private final AtomicInteger ready = new AtomicInteger();
    // null until health(...) is called; then read at every scrape
    private @Nullable Supplier<EngineHealth> health;
    private @Nullable MultiGauge healthChecks;
    // null until stores(...) is called; then read at every scrape
    private @Nullable Supplier<List<StoreMetrics>> stores;
    private @Nullable StoreGauges storeGauges;

    /** Creates a registry with the JVM's and the process's meters (memory, GC, threads, classes, CPU, uptime, files). */
    public RunnerMetrics() {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        // it listens to GC notifications for the life of the process, as the registry does
        @SuppressWarnings("resource")
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /**
     * One request to a remote (a shop or a marketplace).
     *
     * @param remote the remote, e.g. {@code golisto} or {@code shop}
     * @param method the HTTP method
     * @param status the HTTP status, -1 when no answer arrived
     * @param elapsed how long it took
     */
    public void remoteRequest(String remote, String method, int status, Duration elapsed) {
        Timer.builder("golisto.sync.remote.requests")
                .description("Requests to remotes (shops, marketplaces) by remote, method and status")
                .tag("remote", remote)
                .tag("method", method)
                .tag("status", status < 0 ? "none" : Integer.toString(status))
                .register(registry)
                .record(elapsed);
    }

    /**
     * A finished sync run.
     *
     * @param kind the run kind, e.g. {@code full}
     * @param status how it ended, e.g. {@code succeeded}
     * @param duration how long it ran
     * @param outcomes item counts by outcome ({@link #OUTCOMES}); missing outcomes count 0
     */
    public void runFinished(String kind, String status, Duration duration, Map<String, Long> outcomes) {
        String k = kind.toLowerCase(Locale.ROOT);
        Timer.builder("golisto.sync.run.duration")
                .description("Sync run durations by kind and final status")
                .tag("kind", k)
                .tag("status", status.toLowerCase(Locale.ROOT))
                .register(registry)
                .record(duration);
        for (String outcome : OUTCOMES) {
            long n = outcomes.getOrDefault(outcome, 0L);
            Counter c = Counter.builder("golisto.sync.items")
                    .description("Items handled by sync runs, by run kind and outcome")
                    .tag("kind", k)
                    .tag("outcome", outcome)
                    .register(registry);
            if (n > 0) {
                c.increment(n);
            }
        }
    }

    /**
     * One inbound webhook delivery and what its verification said.
     *
     * @param source {@code woocommerce} or {@code golisto}
     * @param result {@code accepted}, {@code ping}, {@code ignored}, {@code rejected}, {@code too_large},
     *     {@code unknown_store}
     */
    public void webhookVerified(String source, String result) {
        Counter.builder("golisto.sync.webhook.verifications")
                .description("Inbound webhook deliveries by source and verification result")
                .tag("source", source)
                .tag("result", result)
                .register(registry)
                .increment();
    }

    /**
     * Exports the engine's queue depth ({@code SyncEngine.pendingWork()}: products marked dirty by webhooks
     * and not yet being synced, plus runs queued or running in this runner).
     *
     * @param depth read at each scrape; must be cheap and thread-safe
     */
    public void queueDepth(Supplier<Number> depth) {
        Objects.requireNonNull(depth, "depth");
        Gauge.builder("golisto.sync.queue.depth", depth)
                .description("Work waiting or in progress in this runner's engine (dirty products, queued and running runs)")
                .strongReference(true)
                .register(registry);
    }

    /**
     * Exports the readiness checks, read at each scrape: {@code golisto_sync_health_check{check,store}} is 1 for a
     * passing check and 0 for a failing one ({@code store} is empty for runner-wide checks; only registered
     * stores' ids and the fixed check names become labels), {@code golisto_sync_ready} is 1 when every check
     * passes.
     *
     * @param source the checks; cheap (the engine caches its answer) and thread-safe
     */
    public synchronized void health(Supplier<EngineHealth> source) {
        Objects.requireNonNull(source, "source");
        this.healthChecks = MultiGauge.builder("golisto.sync.health.check")
                .description("1 when the readiness check passes, 0 when it fails, by check and store")
                .register(registry);
        Gauge.builder("golisto.sync.ready", ready, AtomicInteger::get)
                .description("1 when every readiness check passes (GET /readyz answers 200), else 0")
                .register(registry);
        this.health = source;
    }

    /**
     * Exports each registered store's numbers, read at each scrape ({@code SyncEngine.storeMetrics()}): listings,
     * pending work, the last success of each pass kind (Unix seconds), webhook deliveries by result since the start,
     * and the order lag (seconds since the last successful order poll; absent before the first). Only the ids of
     * registered stores become {@code store} labels, and a removed store's series disappear at the next scrape.
     *
     * @param source the stores' numbers; thread-safe
     * @param clock the time the order lag is measured against
     */
    public synchronized void stores(Supplier<List<StoreMetrics>> source, Clock clock) {
        this.storeGauges = new StoreGauges(registry, clock);
        this.stores = Objects.requireNonNull(source, "source");
    }

    private synchronized void refreshStores() {
        Supplier<List<StoreMetrics>> source = stores;
        StoreGauges gauges = storeGauges;
        if (source != null && gauges != null) {
            gauges.refresh(source.get());
        }
    }

    private synchronized void refreshHealth() {
        Supplier<EngineHealth> source = health;
        MultiGauge gauge = healthChecks;
        if (source == null || gauge == null) {
            return;
        }
        EngineHealth now = source.get();
        ready.set(now.ready() ? 1 : 0);
        gauge.register(now.checks().stream().map(c -> MultiGauge.Row.of(Tags.of("check", c.name(), "store",
                c.storeId() == null ? "" : c.storeId()), c.passing() ? 1 : 0)).toList(), true);
    }

    @Override
    public void answered(String route, int status, Duration elapsed) {
        Timer.builder("golisto.sync.http.requests")
                .description("Requests the runner answered, by route and status")
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(elapsed);
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        refreshHealth();
        refreshStores();
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }
}
