package com.golisto.sync.app.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The runner's whole configuration, checked: every value parsed, every default filled in. Built by
 * {@link ConfigLoader}. Immutable; {@link #toString()} shows no secret.
 *
 * @param server the HTTP server
 * @param state where state lives
 * @param golisto the marketplace's addresses and status polling
 * @param sync the schedules
 * @param stores stores declared in the file (more may be added through the API or CLI)
 * @param retention how long the history is kept
 * @param health the readiness checks' thresholds
 * @param log the log lines' level and format
 * @param plugins where plugins are loaded from
 * @param cluster this runner among the runners sharing one database
 */
public record RunnerConfig(ServerConfig server, StateConfig state, GolistoConfig golisto, SyncConfig sync,
                           List<StoreConfig> stores, RetentionConfig retention, HealthConfig health,
                           LogConfig log, PluginsConfig plugins, ClusterConfig cluster) {
    public RunnerConfig {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(golisto, "golisto");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(health, "health");
        stores = List.copyOf(stores);
        Set<String> ids = new HashSet<>();
        for (StoreConfig store : stores) {
            if (!ids.add(store.id())) {
                throw new IllegalArgumentException("store " + store.id() + " is declared twice");
            }
        }
    }

    /** A configuration with the default {@link ClusterConfig}. */
    public RunnerConfig(ServerConfig server, StateConfig state, GolistoConfig golisto, SyncConfig sync,
                        List<StoreConfig> stores, RetentionConfig retention, HealthConfig health, LogConfig log,
                        PluginsConfig plugins) {
        this(server, state, golisto, sync, stores, retention, health, log, plugins, ClusterConfig.defaults());
    }

    /** A configuration with the default {@link PluginsConfig}. */
    public RunnerConfig(ServerConfig server, StateConfig state, GolistoConfig golisto, SyncConfig sync,
                        List<StoreConfig> stores, RetentionConfig retention, HealthConfig health, LogConfig log) {
        this(server, state, golisto, sync, stores, retention, health, log, PluginsConfig.defaults());
    }

    /** A configuration with the default {@link LogConfig}. */
    public RunnerConfig(ServerConfig server, StateConfig state, GolistoConfig golisto, SyncConfig sync,
                        List<StoreConfig> stores, RetentionConfig retention, HealthConfig health) {
        this(server, state, golisto, sync, stores, retention, health, LogConfig.defaults());
    }

    /** A configuration with the default {@link RetentionConfig} and {@link HealthConfig}. */
    public RunnerConfig(ServerConfig server, StateConfig state, GolistoConfig golisto, SyncConfig sync,
                        List<StoreConfig> stores) {
        this(server, state, golisto, sync, stores, RetentionConfig.defaults(), HealthConfig.defaults(),
                LogConfig.defaults());
    }

    /** The declared store with this id. */
    public Optional<StoreConfig> store(String id) {
        return stores.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
