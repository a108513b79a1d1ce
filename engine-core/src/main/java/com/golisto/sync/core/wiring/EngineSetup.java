package com.golisto.sync.core.wiring;

import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.core.ConnectionPool;
import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.HealthPolicy;
import com.golisto.sync.core.MasterKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What the engine's builder collected, checked: everything the services are built from.
 *
 * @param jdbcUrl the state store URL, or null when {@code dataSource} is given
 * @param dataSource the state store, or null when {@code jdbcUrl} is given
 * @param pool the connection pool opened over {@code jdbcUrl} (unused with a {@code dataSource})
 * @param masterKey the key for stored secrets
 * @param clock the engine's clock
 * @param connectors the providers, or null for ServiceLoader discovery
 * @param httpClient the shared client
 * @param publicUrl the host's base URL
 * @param options schedules and pacing
 * @param sleeper how to wait
 * @param nodeId this node's lease owner name
 * @param health the health checks' thresholds
 */
public record EngineSetup(@Nullable String jdbcUrl, @Nullable DataSource dataSource, ConnectionPool pool,
        MasterKey masterKey, Clock clock,
        @Nullable List<ConnectorProvider> connectors, HttpClient httpClient, URI publicUrl, EngineOptions options,
        ConnectorContext.Sleeper sleeper, String nodeId, HealthPolicy health) {

    /** Checks the required parts are present. */
    public EngineSetup {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(httpClient, "httpClient");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(health, "health");
    }

    /** The default node id: this machine's host name, or {@code engine} when it has none. */
    public static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "engine";
        }
    }
}
