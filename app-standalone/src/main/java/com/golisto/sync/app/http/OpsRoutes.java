package com.golisto.sync.app.http;

import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.core.SyncEngine;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz} (200 when {@link SyncEngine#healthy()}: the engine is open and its state store
 * answers; else 503) and {@code GET /metrics}
 * (Prometheus text). Neither needs the admin token; neither shows store data.
 */
public final class OpsRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);
    /** The response header of {@code /healthz} carrying the runner's instance id. */
    public static final String INSTANCE_HEADER = "X-Golisto-Sync-Instance";

    private final SyncEngine engine;
    private final RunnerMetrics metrics;
    private final @Nullable String instanceId;

    /**
     * Routes whose health answer names no instance.
     *
     * @param engine asked whether it is {@linkplain SyncEngine#healthy() healthy} (open, state store answering)
     * @param metrics rendered for scrapes
     */
    public OpsRoutes(SyncEngine engine, RunnerMetrics metrics) {
        this(engine, metrics, null);
    }

    /**
     * @param engine asked whether it is {@linkplain SyncEngine#healthy() healthy} (open, state store answering)
     * @param metrics rendered for scrapes
     * @param instanceId the runner's random instance id, answered on {@code /healthz} in the
     *     {@code X-Golisto-Sync-Instance} header so the CLI can tell its runner from another program; {@code null}
     *     for none
     */
    public OpsRoutes(SyncEngine engine, RunnerMetrics metrics, @Nullable String instanceId) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.instanceId = instanceId;
    }

    /** The routes. */
    public List<Route> routes() {
        return List.of(Route.get("/healthz", this::health), Route.get("/metrics", this::metrics));
    }

    private void health(Exchange ex) {
        // healthy() is the engine's own probe (open, and one cheap query); it never throws
        if (instanceId != null) {
            ex.responseHeader(INSTANCE_HEADER, instanceId);
        }
        if (engine.healthy()) {
            ex.json(200, "{\"status\":\"ok\",\"state_store\":\"reachable\"}");
        } else {
            LOG.warn("event=health_failed state_store=unreachable");
            ex.json(503, "{\"status\":\"unavailable\",\"state_store\":\"unreachable\"}");
        }
    }

    private void metrics(Exchange ex) {
        ex.text(200, RunnerMetrics.contentType(), metrics.scrape());
    }
}
