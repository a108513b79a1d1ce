package com.golisto.sync.app.admin;

import com.golisto.sync.app.health.RunnerHealth;
import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.app.plugins.Plugins;
import com.golisto.sync.core.EngineHealth;
import com.golisto.sync.core.HealthCheck;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readiness endpoints (docs/operations.md, "Readiness"), both 200 when every check passes and 503 when one
 * fails, with the same list of checks:
 * <ul>
 *   <li>{@code GET /readyz}: no token; each check's name, store id, status and reason. Reasons are fixed
 *       sentences with the store id and thresholds, never a remote's or the database's error text.
 *   <li>{@code GET /api/health}: the admin token; the same, plus each check's {@code detail} for the operator
 *       (the last error, the times involved).
 * </ul>
 * {@code /healthz} stays the cheap liveness probe ({@link com.golisto.sync.app.http.OpsRoutes}).
 */
public final class HealthRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final RunnerHealth health;
    private final AdminAuth auth;
    private final ApiJson json;

    /**
     * @param health the checks
     * @param auth checks the admin token of {@code /api/health}
     * @param json writes the answers
     */
    public HealthRoutes(RunnerHealth health, AdminAuth auth, ApiJson json) {
        this.health = Objects.requireNonNull(health, "health");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The routes. */
    public List<Route> routes() {
        return List.of(Route.get("/readyz", ex -> answer(ex, false)), Route.get("/api/health", ex -> {
            auth.requireBearer(ex);
            answer(ex, true);
        }));
    }

    private void answer(Exchange ex, boolean details) {
        EngineHealth now = health.current();
        if (!now.ready()) {
            LOG.warn("event=not_ready failing={}", now.failing().stream()
                    .map(c -> c.name() + (c.storeId() == null ? "" : ":" + c.storeId())).toList());
        }
        ex.json(now.ready() ? 200 : 503, json.write(Readiness.of(now, details, health.plugins())));
    }

    /**
     * The JSON answer.
     *
     * @param status {@code ready} or {@code not_ready}
     * @param checkedAt when the engine computed its checks
     * @param checks every check
     * @param plugins what the plugins folder gave
     */
    public record Readiness(String status, Instant checkedAt, List<Check> checks, PluginsView plugins) {
        static Readiness of(EngineHealth health, boolean details, Plugins plugins) {
            return new Readiness(health.ready() ? "ready" : "not_ready", health.checkedAt(),
                    health.checks().stream().map(c -> Check.of(c, details)).toList(), PluginsView.of(plugins, details));
        }
    }

    /**
     * The plugins in the JSON answer. A failed plugin leaves the runner ready unless a store needs its connector
     * (then that store's {@code connectors} check fails).
     *
     * @param loaded the plugins loaded, with their connectors
     * @param failed the plugins that could not be used; their reasons only on {@code /api/health}
     */
    public record PluginsView(List<LoadedPlugin> loaded, List<FailedPlugin> failed) {
        static PluginsView of(Plugins plugins, boolean details) {
            return new PluginsView(plugins.loaded().stream().map(p -> new LoadedPlugin(p.name(), p.providers()
                            .stream().map(c -> new PluginConnector(c.id(), c.descriptor().displayName(),
                                    c.descriptor().version())).toList())).toList(),
                    plugins.failed().stream().map(f -> new FailedPlugin(f.name(), details ? f.reason() : null))
                            .toList());
        }
    }

    /**
     * A loaded plugin.
     *
     * @param name its folder's name
     * @param connectors its connectors
     */
    public record LoadedPlugin(String name, List<PluginConnector> connectors) {
    }

    /**
     * A plugin's connector.
     *
     * @param id the connector's id, as stores name it
     * @param displayName its name for people
     * @param version its version
     */
    public record PluginConnector(String id, String displayName, String version) {
    }

    /**
     * A plugin that failed to load.
     *
     * @param name its folder's name
     * @param reason why, in one sentence; only on {@code /api/health}, null on {@code /readyz}
     */
    public record FailedPlugin(String name, @Nullable String reason) {
    }

    /**
     * One check in the JSON answer.
     *
     * @param name the check
     * @param store the store's id, null for runner-wide checks
     * @param status {@code pass} or {@code fail}
     * @param reason one sentence naming the store
     * @param detail more for the operator; only on {@code /api/health}, null when none
     */
    public record Check(String name, @Nullable String store, String status, String reason, @Nullable String detail) {
        static Check of(HealthCheck c, boolean details) {
            return new Check(c.name(), c.storeId(), c.status().name().toLowerCase(Locale.ROOT), c.reason(),
                    details ? c.detail() : null);
        }
    }
}
