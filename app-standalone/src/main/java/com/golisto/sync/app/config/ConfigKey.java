package com.golisto.sync.app.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One configuration key: its name in the YAML file, the environment variable that overrides it, its
 * default and what it means. {@link #ALL} is the catalogue the loader checks against and
 * {@code docs/configuration.md} documents (a test keeps the two in step).
 *
 * <p>Keys under {@code stores[N]} are {@linkplain #storeKey(String) per store}; {@code N} is the
 * position in the list, from 0.
 *
 * @param name the dotted key, e.g. {@code server.port}; store keys use {@code stores[N].} as prefix
 * @param defaultText the default as documentation shows it, empty when there is none
 * @param secret whether the value is secret (never echoed in messages or output)
 * @param description one sentence
 */
public record ConfigKey(String name, String defaultText, boolean secret, String description) {
    /** The prefix of every environment variable the runner reads. */
    public static final String ENV_PREFIX = "GOLISTO_SYNC_";
    /** The environment variable that names the configuration file. */
    public static final String CONFIG_ENV = "GOLISTO_SYNC_CONFIG";

    public static final ConfigKey SERVER_HOST = new ConfigKey("server.host", "127.0.0.1", false,
            "The address the HTTP server listens on (0.0.0.0 for every interface).");
    public static final ConfigKey SERVER_PORT = new ConfigKey("server.port", "8080", false,
            "The HTTP server's port; 0 picks a free one.");
    public static final ConfigKey SERVER_PUBLIC_URL = new ConfigKey("server.public-url", "http://127.0.0.1:8080", false,
            "The runner's URL as WooCommerce, Golisto and the merchant's browser reach it; webhook, callback and"
                    + " return URLs are built from it. Defaults to http://<host>:<port>.");
    public static final ConfigKey SERVER_ADMIN_TOKEN = new ConfigKey("server.admin-token", "", true,
            "The bearer token of the admin API. When absent, one is generated on first start, printed once and kept"
                    + " in <data-dir>/admin.token.");
    public static final ConfigKey SERVER_MAX_HEADER_BYTES = new ConfigKey("server.max-header-bytes", "8192", false,
            "The largest request line plus headers, in bytes (1024 to 65536); beyond it the answer is 431.");
    public static final ConfigKey SERVER_MAX_BODY_BYTES = new ConfigKey("server.max-body-bytes", "1048576", false,
            "The largest request body, in bytes (1024 to 67108864); beyond it the answer is 413.");
    public static final ConfigKey SERVER_IDLE_TIMEOUT = new ConfigKey("server.idle-timeout", "PT30S", false,
            "How long a connection may send nothing before it is closed (ISO-8601 duration, PT1S to PT1H).");
    public static final ConfigKey SERVER_MIN_REQUEST_BYTES_PER_SECOND = new ConfigKey(
            "server.min-request-bytes-per-second", "128", false,
            "The slowest a request body may arrive once a route reads it, in bytes per second (0 to 1048576);"
                    + " 0 turns the check off.");
    public static final ConfigKey SERVER_ALLOWED_HOSTS = new ConfigKey("server.allowed-hosts", "", false,
            "Further host names or IP addresses a request may name in its Host header, besides the public URL's"
                    + " host and the bound address (a list; comma-separated in the environment).");
    public static final ConfigKey SERVER_DASHBOARD_OPEN = new ConfigKey("server.dashboard-open", "false", false,
            "Whether the dashboard page is shown without the admin token; its actions and the admin API always"
                    + " need it.");
    public static final ConfigKey SERVER_SESSION_LIFETIME = new ConfigKey("server.session-lifetime", "PT12H", false,
            "How long a dashboard session lasts after signing in (ISO-8601 duration, PT1M to P30D).");
    public static final ConfigKey STATE_DATA_DIR = new ConfigKey("state.data-dir", "data", false,
            "The folder holding the embedded database, the master key and the generated admin token.");
    public static final ConfigKey STATE_JDBC_URL = new ConfigKey("state.jdbc-url", "jdbc:hsqldb:file:data/state", true,
            "The state store's JDBC URL: HSQLDB file mode (embedded) or PostgreSQL"
                    + " (jdbc:postgresql://host/db?user=...&password=...). Defaults to an HSQLDB database in"
                    + " <data-dir>/state. Treated as secret: never shown in messages or logs.");
    public static final ConfigKey STATE_MASTER_KEY_FILE = new ConfigKey("state.master-key-file", "data/master.key", false,
            "The key that encrypts every stored secret; created with owner-only permissions on first start."
                    + " Defaults to <data-dir>/master.key.");
    public static final ConfigKey STATE_POOL_SIZE = new ConfigKey("state.pool-size", "10", false,
            "The most database connections the state store holds open at once (1 to 1000); several runners on"
                    + " one PostgreSQL need runners x pool-size below its max_connections.");
    public static final ConfigKey GOLISTO_API_URL = new ConfigKey("golisto.api-url", "https://api.golisto.com", false,
            "The Golisto API's base URL.");
    public static final ConfigKey GOLISTO_WEB_URL = new ConfigKey("golisto.web-url", "https://golisto.com", false,
            "Golisto's web site, where merchants open the connect page.");
    public static final ConfigKey GOLISTO_STATUS_POLL_INTERVAL = new ConfigKey("golisto.status-poll-interval", "PT1M",
            false, "How often each store's connection status is polled (ISO-8601 duration).");
    public static final ConfigKey GOLISTO_MAX_RESPONSE_BYTES = new ConfigKey("golisto.max-response-bytes", "33554432",
            false, "The largest response body read from Golisto, in bytes (1024 to 1073741824); a larger answer"
                    + " fails the call.");
    public static final ConfigKey SYNC_DAILY_FULL_SYNC_AT = new ConfigKey("sync.daily-full-sync-at", "03:00", false,
            "The time of day (HH:mm, in sync.time-zone) around which each store's daily full reconciliation runs;"
                    + " stores are spread after it.");
    public static final ConfigKey SYNC_TIME_ZONE = new ConfigKey("sync.time-zone", "UTC", false,
            "The time zone of sync.daily-full-sync-at.");
    public static final ConfigKey SYNC_INCREMENTAL_INTERVAL = new ConfigKey("sync.incremental-interval", "PT15M", false,
            "How often each approved store's incremental pass runs (ISO-8601 duration).");
    public static final ConfigKey SYNC_ORDER_POLL_INTERVAL = new ConfigKey("sync.order-poll-interval", "PT1M", false,
            "How often Golisto sales are polled for each approved store (ISO-8601 duration).");
    public static final ConfigKey SYNC_WEBHOOK_DEBOUNCE = new ConfigKey("sync.webhook-debounce", "PT2S", false,
            "How long product webhooks for one product are coalesced before it is re-read (ISO-8601 duration).");
    public static final ConfigKey SYNC_WEBHOOK_BATCH_WINDOW = new ConfigKey("sync.webhook-batch-window", "PT10M",
            false, "After a webhook-triggered pass of a store, how long its further product webhooks wait to be synced"
                    + " together (ISO-8601 duration; PT0S syncs every burst on its own).");
    public static final ConfigKey SYNC_DEEP_CHECK_DAYS = new ConfigKey("sync.deep-check-days", "7", false,
            "Over how many days the daily full pass re-reads every product whole, one slice a day (1 to 366; 1"
                    + " re-reads everything every day).");
    public static final ConfigKey HEALTH_MIN_FREE_DISK_MIB = new ConfigKey("health.min-free-disk-mib", "100", false,
            "The least free space, in MiB, the file store of state.data-dir must have; below it /readyz answers 503"
                    + " (0 to 1048576; 0 turns the check off).");
    public static final ConfigKey HEALTH_FAILED_PASSES = new ConfigKey("health.failed-passes", "3", false,
            "How many of a store's latest catalog passes (full and incremental) must all have failed for its"
                    + " passes check to fail (1 to 100).");
    public static final ConfigKey HEALTH_ORDER_POLL_LAG = new ConfigKey("health.order-poll-lag", "", false,
            "How long an approved store may go without a successful order poll before its order_polls check"
                    + " fails (ISO-8601 duration); default ten times sync.order-poll-interval.");
    public static final ConfigKey HEALTH_CACHE_FOR = new ConfigKey("health.cache-for", "PT5S", false,
            "How long one computed health answer, and so the state store's write probe, is reused (ISO-8601"
                    + " duration, PT0S to PT5M).");

    public static final ConfigKey RETENTION_RUNS = new ConfigKey("retention.runs", "P30D", false,
            "How long finished runs are kept (ISO-8601 duration); each store always keeps its newest"
                    + " retention.runs-kept-per-kind runs of every kind and its last successful full pass.");
    public static final ConfigKey RETENTION_RUNS_KEPT_PER_KIND = new ConfigKey("retention.runs-kept-per-kind", "20",
            false, "How many of its newest runs of each kind a store keeps however old they are (0 to 10000).");
    public static final ConfigKey RETENTION_WEBHOOK_DELIVERIES = new ConfigKey("retention.webhook-deliveries", "P7D",
            false, "How long handled webhook deliveries are remembered to drop redeliveries (ISO-8601 duration).");
    public static final ConfigKey RETENTION_DEAD_LETTERS = new ConfigKey("retention.dead-letters", "P30D", false,
            "How long a dead letter is kept after a replay that did not get it through (ISO-8601 duration).");
    public static final ConfigKey RETENTION_PENDING_DEAD_LETTERS = new ConfigKey("retention.pending-dead-letters",
            "P90D", false, "How long a dead letter that was never replayed is kept (ISO-8601 duration).");
    public static final ConfigKey RETENTION_ONE_TIME_STATES = new ConfigKey("retention.one-time-states", "P1D", false,
            "How long used or expired connect and key-grant states are kept (ISO-8601 duration).");
    public static final ConfigKey RETENTION_SWEEP_INTERVAL = new ConfigKey("retention.sweep-interval", "PT1H", false,
            "How often the runner deletes history older than its retention (ISO-8601 duration).");

    public static final ConfigKey SYNC_PASS_RETRY_FIRST = new ConfigKey("sync.pass-retry.first", "PT1M", false,
            "The longest wait before a failed full or incremental pass is tried again (ISO-8601 duration); each"
                    + " further failure in a row doubles it, up to sync.pass-retry.max.");
    public static final ConfigKey SYNC_PASS_RETRY_MAX = new ConfigKey("sync.pass-retry.max", "PT30M", false,
            "The longest wait between retries of a pass that keeps failing (ISO-8601 duration).");
    public static final ConfigKey SYNC_RETRY_REQUEST_BUDGET = new ConfigKey("sync.retry.request-budget", "PT2M", false,
            "How long one request to the shop or Golisto may keep retrying 429/503 answers, resets and timeouts"
                    + " (waiting at least their Retry-After) before its pass fails and is retried later"
                    + " (ISO-8601 duration).");

    public static final ConfigKey LOG_LEVEL = new ConfigKey("log.level", "", false,
            "The log level: TRACE, DEBUG, INFO, WARN, ERROR or OFF (default INFO for serve, WARN for the other"
                    + " commands); the system property -Dgolisto.log.level wins over it.");
    public static final ConfigKey LOG_FORMAT = new ConfigKey("log.format", "text", false,
            "The log lines' format: text (key=value) or json (one JSON object per line); serve --log-format wins"
                    + " over it.");

    public static final ConfigKey PLUGINS_FOLDER = new ConfigKey("plugins.folder", "plugins", false,
            "The folder whose subfolders are plugins, each loaded into its own module layer at start; absent means"
                    + " no plugins.");

    public static final ConfigKey CLUSTER_NODE_ID = new ConfigKey("cluster.node-id", "", false,
            "This runner's name among the runners sharing one database (letters, digits, '.', '_', '-'; at most 50);"
                    + " default the host name. Distinct per runner, stable across its restarts.");
    public static final ConfigKey CLUSTER_HEARTBEAT_INTERVAL = new ConfigKey("cluster.heartbeat-interval", "PT5S", false,
            "How often a runner marks the store tasks it runs as alive (ISO-8601 duration).");
    public static final ConfigKey CLUSTER_MISSED_HEARTBEATS = new ConfigKey("cluster.missed-heartbeats", "6", false,
            "After how many missed heartbeats a silent runner's store tasks are taken over by another (4 to 100).");
    public static final ConfigKey CLUSTER_LEASE_DURATION = new ConfigKey("cluster.lease-duration", "PT30S", false,
            "How long a store's work lease lasts (renewed every third of it while work runs): after a runner dies,"
                    + " another may work its stores once their leases expired (ISO-8601 duration).");
    public static final ConfigKey CLUSTER_POLL_INTERVAL = new ConfigKey("cluster.poll-interval", "PT0.25S", false,
            "How often a runner looks for due work: store tasks and the webhook inbox (ISO-8601 duration).");

    public static final ConfigKey STORE_ID = new ConfigKey("stores[N].id", "", false,
            "The store's id: lower-case letters, digits and dashes; used in URLs, logs and the CLI.");
    public static final ConfigKey STORE_SHOP_CONNECTOR = new ConfigKey("stores[N].shop.connector", "", false,
            "The id of the store's shop connector: a built-in one (woocommerce) or one from the plugins folder.");
    public static final ConfigKey STORE_SHOP_SETTINGS = new ConfigKey("stores[N].shop.settings.<name>", "", false,
            "A setting of the shop connector, by the name its descriptor declares; checked by the connector.");
    public static final ConfigKey STORE_MARKETPLACE_CONNECTOR = new ConfigKey("stores[N].marketplace.connector",
            "golisto", false, "The id of the store's marketplace connector; default golisto with the golisto section.");
    public static final ConfigKey STORE_MARKETPLACE_SETTINGS = new ConfigKey("stores[N].marketplace.settings.<name>",
            "", false, "A setting of the marketplace connector, by the name its descriptor declares.");
    public static final ConfigKey STORE_WOO_URL = new ConfigKey("stores[N].woocommerce.url", "", false,
            "The WooCommerce store's home URL.");
    public static final ConfigKey STORE_WOO_CONSUMER_KEY = new ConfigKey("stores[N].woocommerce.consumer-key", "",
            false, "A WooCommerce REST API consumer key (ck_...) with read/write access; when absent, keys are"
                    + " obtained through WooCommerce's own authorization page while connecting.");
    public static final ConfigKey STORE_WOO_CONSUMER_SECRET = new ConfigKey("stores[N].woocommerce.consumer-secret", "",
            true, "The consumer secret (cs_...) that goes with the consumer key.");

    /** Every key, in documentation order. */
    public static final List<ConfigKey> ALL = List.of(SERVER_HOST, SERVER_PORT, SERVER_PUBLIC_URL, SERVER_ADMIN_TOKEN,
            SERVER_MAX_HEADER_BYTES, SERVER_MAX_BODY_BYTES, SERVER_IDLE_TIMEOUT, SERVER_MIN_REQUEST_BYTES_PER_SECOND,
            SERVER_ALLOWED_HOSTS, SERVER_DASHBOARD_OPEN, SERVER_SESSION_LIFETIME,
            STATE_DATA_DIR, STATE_JDBC_URL, STATE_MASTER_KEY_FILE, STATE_POOL_SIZE,
            GOLISTO_API_URL, GOLISTO_WEB_URL, GOLISTO_STATUS_POLL_INTERVAL, GOLISTO_MAX_RESPONSE_BYTES,
            SYNC_DAILY_FULL_SYNC_AT, SYNC_TIME_ZONE, SYNC_INCREMENTAL_INTERVAL, SYNC_ORDER_POLL_INTERVAL,
            SYNC_WEBHOOK_DEBOUNCE, SYNC_WEBHOOK_BATCH_WINDOW, SYNC_DEEP_CHECK_DAYS, SYNC_PASS_RETRY_FIRST, SYNC_PASS_RETRY_MAX, SYNC_RETRY_REQUEST_BUDGET,
            RETENTION_RUNS, RETENTION_RUNS_KEPT_PER_KIND, RETENTION_WEBHOOK_DELIVERIES, RETENTION_DEAD_LETTERS,
            RETENTION_PENDING_DEAD_LETTERS, RETENTION_ONE_TIME_STATES, RETENTION_SWEEP_INTERVAL,
            HEALTH_MIN_FREE_DISK_MIB, HEALTH_FAILED_PASSES, HEALTH_ORDER_POLL_LAG, HEALTH_CACHE_FOR,
            LOG_LEVEL, LOG_FORMAT, PLUGINS_FOLDER, CLUSTER_NODE_ID, CLUSTER_HEARTBEAT_INTERVAL, CLUSTER_MISSED_HEARTBEATS,
            CLUSTER_LEASE_DURATION, CLUSTER_POLL_INTERVAL,
            STORE_ID, STORE_SHOP_CONNECTOR, STORE_SHOP_SETTINGS, STORE_MARKETPLACE_CONNECTOR, STORE_MARKETPLACE_SETTINGS,
            STORE_WOO_URL, STORE_WOO_CONSUMER_KEY, STORE_WOO_CONSUMER_SECRET);

    /**
     * The keys that take a list of values: a YAML list (of single values) or, in the file or the environment, one
     * text with the values separated by commas.
     */
    public static final Set<ConfigKey> LISTS = Set.of(SERVER_ALLOWED_HOSTS);

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultText, "defaultText");
        Objects.requireNonNull(description, "description");
    }

    /** Whether this key takes a list of values ({@link #LISTS}). */
    public boolean takesList() {
        return LISTS.contains(this);
    }

    /** Whether this key is repeated per store ({@code stores[N].…}). */
    public boolean perStore() {
        return name.startsWith("stores[N].");
    }

    /** The key for store number {@code index}; the key itself for global keys. */
    public String forStore(int index) {
        return perStore() ? name.replace("[N]", "[" + index + "]") : name;
    }

    /**
     * The environment variable that overrides this key: {@code GOLISTO_SYNC_} and the key upper-cased,
     * dots, dashes and brackets turned into underscores ({@code stores[0].woocommerce.url} is
     * {@code GOLISTO_SYNC_STORES_0_WOOCOMMERCE_URL}). For store keys, {@code N} stays a placeholder.
     */
    public String envVar() {
        return envVarOf(name);
    }

    /** The environment variable for a concrete key such as {@code stores[2].id}. */
    public static String envVarOf(String key) {
        return ENV_PREFIX + key.replace("[", ".").replace("]", "")
                .replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The catalogued key with this concrete name ({@code stores[3].id} finds {@code stores[N].id}). */
    public static Optional<ConfigKey> find(String concreteKey) {
        String generic = concreteKey.replaceFirst("^stores\\[\\d+]\\.", "stores[N].");
        return ALL.stream().filter(k -> k.name.equals(generic)).findFirst();
    }
}
