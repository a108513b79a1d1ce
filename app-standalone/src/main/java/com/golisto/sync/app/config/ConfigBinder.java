package com.golisto.sync.app.config;

import com.golisto.sync.api.spi.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Binds the flat key/value map to the typed configuration, section by section (server, state, golisto,
 * sync, plugins, stores), checking each value ({@link ConfigValues}) and filling in defaults. A known key given a
 * list or a mapping is reported as the wrong type, with the type it expects. Consumes keys as it goes;
 * leftovers are reported as unknown keys, with the known keys of their section. Single use.
 */
final class ConfigBinder {

    private final Map<String, String> raw;
    private final Map<String, String> shapes;
    private final Map<String, String> origin;
    private final List<ConfigProblem> problems;
    private final StoreConnectors connectors;

    /**
     * @param raw the flat keys and texts ({@link ConfigSources})
     * @param shapes the keys given a list or a mapping where a single value belongs, with what they were given
     * @param origin where each key came from
     * @param problems where problems are added
     * @param connectors the connectors known now (the built-in ones), whose stores' settings are checked; a
     *     store naming another connector is checked when the runner has read its plugins
     */
    ConfigBinder(Map<String, String> raw, Map<String, String> shapes, Map<String, String> origin,
                 List<ConfigProblem> problems, StoreConnectors connectors) {
        this.raw = new LinkedHashMap<>(raw);
        this.shapes = new LinkedHashMap<>(shapes);
        this.origin = origin;
        this.problems = problems;
        this.connectors = connectors;
    }

    /** The configuration, or {@code null} when a problem was found (then {@code problems} says which). */
    @Nullable RunnerConfig bind() {
        String host = value(ConfigKey.SERVER_HOST, "127.0.0.1", ConfigValues.HOST);
        Integer port = value(ConfigKey.SERVER_PORT, "8080", ConfigValues.PORT);
        URI publicUrl = value(ConfigKey.SERVER_PUBLIC_URL, null, ConfigValues.HTTP_URL);
        Secret adminToken = secret(ConfigKey.SERVER_ADMIN_TOKEN, 24);
        EdgeConfig edge = edge();
        Path dataDir = value(ConfigKey.STATE_DATA_DIR, "data", ConfigValues.PATH);
        String jdbcUrl = secretValue(ConfigKey.STATE_JDBC_URL, ConfigValues.JDBC_URL);
        Path masterKey = value(ConfigKey.STATE_MASTER_KEY_FILE, null, ConfigValues.PATH);
        Integer poolSize = value(ConfigKey.STATE_POOL_SIZE, "10", ConfigValues.POOL_SIZE);
        URI apiUrl = value(ConfigKey.GOLISTO_API_URL, "https://api.golisto.com", ConfigValues.HTTP_URL);
        URI webUrl = value(ConfigKey.GOLISTO_WEB_URL, "https://golisto.com", ConfigValues.HTTP_URL);
        Duration statusPoll = value(ConfigKey.GOLISTO_STATUS_POLL_INTERVAL, "PT1M", ConfigValues.POSITIVE_DURATION);
        Integer golistoResponseBytes = value(ConfigKey.GOLISTO_MAX_RESPONSE_BYTES, "33554432",
                ConfigValues.RESPONSE_BYTES);
        LocalTime dailyAt = value(ConfigKey.SYNC_DAILY_FULL_SYNC_AT, "03:00", ConfigValues.TIME_OF_DAY);
        ZoneId zone = value(ConfigKey.SYNC_TIME_ZONE, "UTC", ConfigValues.ZONE);
        Duration incremental = value(ConfigKey.SYNC_INCREMENTAL_INTERVAL, "PT15M", ConfigValues.POSITIVE_DURATION);
        Duration orderPoll = value(ConfigKey.SYNC_ORDER_POLL_INTERVAL, "PT1M", ConfigValues.POSITIVE_DURATION);
        Duration debounce = value(ConfigKey.SYNC_WEBHOOK_DEBOUNCE, "PT2S", ConfigValues.NON_NEGATIVE_DURATION);
        Duration batchWindow = value(ConfigKey.SYNC_WEBHOOK_BATCH_WINDOW, "PT10M", ConfigValues.NON_NEGATIVE_DURATION);
        Integer deepCheckDays = value(ConfigKey.SYNC_DEEP_CHECK_DAYS, "7", ConfigValues.DEEP_CHECK_DAYS);
        SyncConfig.Retries retries = retries();
        RetentionConfig retention = retention();
        HealthConfig health = health();
        LogConfig log = new LogConfig(value(ConfigKey.LOG_LEVEL, null, ConfigValues.LOG_LEVEL),
                value(ConfigKey.LOG_FORMAT, null, ConfigValues.LOG_FORMAT));
        Path pluginsFolder = value(ConfigKey.PLUGINS_FOLDER, null, ConfigValues.PATH);
        ClusterConfig cluster = cluster();
        // the stores' connectors known now (the built-in ones) check their settings, with the other problems
        GolistoConfig golisto = apiUrl == null || webUrl == null || statusPoll == null || golistoResponseBytes == null
                ? null : new GolistoConfig(apiUrl, webUrl, statusPoll, golistoResponseBytes);
        List<StoreConfig> stores = new StoreBinder(raw, shapes, origin, problems, connectors).bind(golisto);
        Set<String> unknownKeys = new LinkedHashSet<>(raw.keySet());
        unknownKeys.addAll(shapes.keySet());
        for (String unknown : unknownKeys) {
            problems.add(new ConfigProblem(unknown, "unknown key" + from(unknown) + suggestion(unknown)));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        // from here on every value read with a default is present: only a problem leaves one out
        Path data = present(dataDir);
        if (jdbcUrl == null) {
            jdbcUrl = "jdbc:hsqldb:file:" + data.resolve("state");
        }
        if (masterKey == null) {
            masterKey = data.resolve("master.key");
        }
        return new RunnerConfig(
                new ServerConfig(present(host), present(port), publicUrl, adminToken, present(edge)),
                new StateConfig(data, jdbcUrl, masterKey, present(poolSize)),
                present(golisto),
                new SyncConfig(present(dailyAt), present(zone), present(incremental), present(orderPoll),
                        present(debounce), present(retries), present(batchWindow), present(deepCheckDays)),
                stores, present(retention), present(health), log, pluginsFolder == null ? PluginsConfig.defaults()
                        : new PluginsConfig(pluginsFolder, true), present(cluster));
    }

    /** The {@code cluster.*} keys, or {@code null} when one of them is wrong (then {@code problems} says which). */
    private @Nullable ClusterConfig cluster() {
        String nodeId = value(ConfigKey.CLUSTER_NODE_ID, null, ConfigValues.NODE_ID);
        Duration heartbeat = value(ConfigKey.CLUSTER_HEARTBEAT_INTERVAL, "PT5S", ConfigValues.POSITIVE_DURATION);
        Integer missed = value(ConfigKey.CLUSTER_MISSED_HEARTBEATS, "6", ConfigValues.MISSED_HEARTBEATS);
        Duration lease = value(ConfigKey.CLUSTER_LEASE_DURATION, "PT30S", ConfigValues.POSITIVE_DURATION);
        Duration poll = value(ConfigKey.CLUSTER_POLL_INTERVAL, "PT0.25S", ConfigValues.POSITIVE_DURATION);
        if (heartbeat == null || missed == null || lease == null || poll == null) {
            return null;
        }
        return new ClusterConfig(nodeId, heartbeat, missed, lease, poll);
    }

    /** The {@code retention.*} keys, or {@code null} when one of them is wrong (then {@code problems} says which). */
    private @Nullable RetentionConfig retention() {
        Duration runs = edgeValue(ConfigKey.RETENTION_RUNS, ConfigValues.POSITIVE_DURATION);
        Integer kept = edgeValue(ConfigKey.RETENTION_RUNS_KEPT_PER_KIND, ConfigValues.RUNS_KEPT);
        Duration deliveries = edgeValue(ConfigKey.RETENTION_WEBHOOK_DELIVERIES, ConfigValues.POSITIVE_DURATION);
        Duration deadLetters = edgeValue(ConfigKey.RETENTION_DEAD_LETTERS, ConfigValues.POSITIVE_DURATION);
        Duration pending = edgeValue(ConfigKey.RETENTION_PENDING_DEAD_LETTERS, ConfigValues.POSITIVE_DURATION);
        Duration states = edgeValue(ConfigKey.RETENTION_ONE_TIME_STATES, ConfigValues.POSITIVE_DURATION);
        Duration sweep = edgeValue(ConfigKey.RETENTION_SWEEP_INTERVAL, ConfigValues.POSITIVE_DURATION);
        if (runs == null || kept == null || deliveries == null || deadLetters == null || pending == null
                || states == null || sweep == null) {
            return null;
        }
        return new RetentionConfig(runs, kept, deliveries, deadLetters, pending, states, sweep);
    }

    /** A value read with a default, once no problem was found: it is there (else a problem would say why). */
    private static <T> T present(@Nullable T value) {
        return Objects.requireNonNull(value, "a value with a default is missing without a problem");
    }

    /** The retry keys, or {@code null} when one of them is wrong (then {@code problems} says which). */
    private SyncConfig.@Nullable Retries retries() {
        Duration first = value(ConfigKey.SYNC_PASS_RETRY_FIRST, "PT1M", ConfigValues.POSITIVE_DURATION);
        Duration max = value(ConfigKey.SYNC_PASS_RETRY_MAX, "PT30M", ConfigValues.POSITIVE_DURATION);
        Duration budget = value(ConfigKey.SYNC_RETRY_REQUEST_BUDGET, "PT2M", ConfigValues.POSITIVE_DURATION);
        if (first == null || max == null || budget == null) {
            return null;
        }
        if (max.compareTo(first) < 0) {
            problems.add(new ConfigProblem(ConfigKey.SYNC_PASS_RETRY_MAX.name(), max + " is shorter than "
                    + ConfigKey.SYNC_PASS_RETRY_FIRST.name() + " (" + first + ")"));
            return null;
        }
        return new SyncConfig.Retries(first, max, budget);
    }

    /** The HTTP edge's keys, or {@code null} when one of them is wrong (then {@code problems} says which). */
    private @Nullable EdgeConfig edge() {
        Integer headerBytes = edgeValue(ConfigKey.SERVER_MAX_HEADER_BYTES, ConfigValues.HEADER_BYTES);
        Integer bodyBytes = edgeValue(ConfigKey.SERVER_MAX_BODY_BYTES, ConfigValues.BODY_BYTES);
        Duration idleTimeout = edgeValue(ConfigKey.SERVER_IDLE_TIMEOUT, ConfigValues.IDLE_TIMEOUT);
        Integer minRate = edgeValue(ConfigKey.SERVER_MIN_REQUEST_BYTES_PER_SECOND, ConfigValues.BYTES_PER_SECOND);
        List<String> allowedHosts = edgeValue(ConfigKey.SERVER_ALLOWED_HOSTS, ConfigValues.HOST_NAMES);
        Boolean dashboardOpen = edgeValue(ConfigKey.SERVER_DASHBOARD_OPEN, ConfigValues.BOOLEAN);
        Duration sessionLifetime = edgeValue(ConfigKey.SERVER_SESSION_LIFETIME, ConfigValues.SESSION_LIFETIME);
        if (headerBytes == null || bodyBytes == null || idleTimeout == null || minRate == null || allowedHosts == null
                || dashboardOpen == null || sessionLifetime == null) {
            return null;
        }
        return new EdgeConfig(headerBytes, bodyBytes, idleTimeout, minRate, allowedHosts, dashboardOpen,
                sessionLifetime);
    }

    /** The readiness checks' keys, or {@code null} when one of them is wrong (then {@code problems} says which). */
    private @Nullable HealthConfig health() {
        Integer freeMib = edgeValue(ConfigKey.HEALTH_MIN_FREE_DISK_MIB, ConfigValues.FREE_DISK_MIB);
        Integer failedPasses = edgeValue(ConfigKey.HEALTH_FAILED_PASSES, ConfigValues.FAILED_PASSES);
        Duration orderPollLag = value(ConfigKey.HEALTH_ORDER_POLL_LAG, null, ConfigValues.POSITIVE_DURATION);
        Duration cacheFor = edgeValue(ConfigKey.HEALTH_CACHE_FOR, ConfigValues.HEALTH_CACHE);
        if (freeMib == null || failedPasses == null || cacheFor == null) {
            return null;
        }
        return new HealthConfig(freeMib, failedPasses, orderPollLag, cacheFor);
    }

    /** A key whose documented default ({@link ConfigKey#defaultText()}) is its default value. */
    private <T> @Nullable T edgeValue(ConfigKey key, ConfigValues.ValueType<T> type) {
        return value(key, key.defaultText(), type);
    }

    /**
     * When the key was given a list or a mapping: reports it as the wrong type and forgets it.
     *
     * @return whether it was
     */
    private boolean wrongType(String key, String expected) {
        String found = shapes.remove(key);
        if (found == null) {
            return false;
        }
        problems.add(new ConfigProblem(key, "expected " + expected + ", found " + found));
        return true;
    }

    private @Nullable Secret secret(ConfigKey key, int minLength) {
        if (wrongType(key.name(), "a text of at least " + minLength + " characters")) {
            return null;
        }
        String value = raw.remove(key.name());
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() < minLength) {
            problems.add(new ConfigProblem(key.name(), "is too short" + from(key.name()) + ": use at least "
                    + minLength + " characters (or leave it out to have one generated)"));
            return null;
        }
        return Secret.of(value);
    }

    private <T> @Nullable T secretValue(ConfigKey key, ConfigValues.ValueType<T> type) {
        if (wrongType(key.name(), type.expected())) {
            return null;
        }
        String value = raw.remove(key.name());
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return type.parser().apply(value.trim());
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(key.name(), "the value" + from(key.name()) + " " + e.getMessage()));
            return null;
        }
    }

    private <T> @Nullable T value(ConfigKey key, @Nullable String defaultValue, ConfigValues.ValueType<T> type) {
        if (wrongType(key.name(), type.expected())) {
            return null;
        }
        String value = raw.remove(key.name());
        if (value == null || value.isBlank()) {
            return defaultValue == null ? null : type.parser().apply(defaultValue);
        }
        return check(key.name(), value.trim(), type.parser());
    }

    private <T> @Nullable T check(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeException e) {
            problems.add(new ConfigProblem(key, "\"" + value + "\"" + from(key) + " " + e.getMessage()));
            return null;
        }
    }

    private String from(String key) {
        String source = origin.get(key);
        return source != null && source.startsWith(ConfigKey.ENV_PREFIX) ? " (from " + source + ")" : "";
    }

    private String suggestion(String unknown) {
        String generic = unknown.replaceFirst("^stores\\[\\d+]\\.", "stores[N].");
        String section = generic.contains(".") ? generic.substring(0, generic.lastIndexOf('.')) : "";
        List<String> siblings = ConfigKey.ALL.stream().map(ConfigKey::name)
                .filter(n -> n.startsWith(section + ".") && n.lastIndexOf('.') == section.length())
                .map(n -> n.substring(section.length() + 1))
                .toList();
        return siblings.isEmpty() ? "" : " (known in " + section.replace("stores[N]", "a store") + ": "
                + String.join(", ", siblings) + ")";
    }
}
