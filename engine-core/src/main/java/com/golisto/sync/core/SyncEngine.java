package com.golisto.sync.core;

import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.core.wiring.EngineServices;
import com.golisto.sync.core.wiring.EngineSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The embeddable Golisto Sync engine: per-store pipelines that keep a shop's catalog on a marketplace
 * and bring the marketplace's sales into the shop, through the connector SPI only.
 *
 * <p>A host builds it in a few lines:
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder()
 *         .jdbcUrl("jdbc:hsqldb:file:data/state")
 *         .masterKey(MasterKey.loadOrCreate(Path.of("data/master.key")))
 *         .publicUrl(URI.create("https://sync.example.com"))
 *         .build();
 * engine.registerStore(new StoreRegistration("shop-1", "woocommerce", shopSettings, "golisto", marketplaceSettings));
 * engine.start();   // background scheduler on virtual threads
 * }</pre>
 * and routes its HTTP endpoints to the engine: {@code /connect/return} to {@link #completeConnect},
 * {@code /wc-auth/callback/{state}} to {@link #completeCredentialGrant},
 * {@code /webhooks/woocommerce/{storeId}} to {@link #handleShopWebhook} and {@code /webhooks/golisto} to
 * {@link #handleMarketplaceWebhook} (paths relative to {@link Builder#publicUrl}; the shop-side paths use
 * the shop connector's id).
 *
 * <p><b>Approval gate.</b> Until the marketplace approves a store, the engine sends the shop nothing but
 * what connecting needs (reading the shop's currency and home URL), registers no webhook and schedules
 * no synchronisation; only connection-status polls run.
 *
 * <p><b>Threading.</b> Every method is thread-safe. Work for one store never runs twice at once (a lease
 * in the database also keeps other nodes off it); different stores run in parallel on virtual threads,
 * and a failing store never blocks the others. Methods that talk to remotes block the caller (they
 * declare {@link InterruptedException}); {@link #sync} returns at once.
 *
 * <p><b>Errors.</b> Unknown store ids throw {@link UnknownStoreException}; connect-flow misuse throws
 * {@link ConnectFlowException}; invalid settings throw
 * {@link com.golisto.sync.api.spi.InvalidSettingsException}; a marketplace that refuses the store's
 * credentials marks the store disconnected.
 */
public interface SyncEngine extends EngineViews, EngineAdministration, EngineDryRuns, AutoCloseable {

    /** A new single-use builder. */
    static Builder builder() {
        return new Builder();
    }

    // ---- stores and connecting ----

    /**
     * Registers a store, or updates the settings of a registered one (keeping the settings the engine
     * obtained itself, such as granted API keys and the marketplace token). Validates both connectors'
     * settings; makes no remote call.
     *
     * @throws com.golisto.sync.api.spi.InvalidSettingsException listing every problem
     * @throws IllegalArgumentException when a connector id is unknown
     */
    StoreView registerStore(StoreRegistration registration);

    /**
     * Starts connecting a store to its marketplace: reads the shop's currency and home URL and returns
     * the marketplace page the merchant opens. The merchant comes back to
     * {@code publicUrl + "/connect/return"} with a state and a code for {@link #completeConnect}.
     */
    URI beginConnect(String storeId) throws InterruptedException;

    /**
     * Completes connecting: checks the one-time state, generates the store's webhook secret, hands the
     * marketplace the shop's API keys, the secret and the webhook URL ({@code publicUrl + "/webhooks/golisto"}),
     * and stores the marketplace's grant. The store then usually awaits approval. Every completed connect is a
     * new marketplace connection that holds none of a previous connection's listings: the engine forgets what
     * it believed was listed (and its cursors), so the full pass after approval lists every product again;
     * which shop order holds which marketplace sale is kept.
     *
     * @throws ConnectFlowException for an unknown, used or expired state, or when the shop has no API keys
     *     yet (see {@link #beginCredentialGrant})
     */
    StoreView completeConnect(String state, String code) throws InterruptedException;

    /**
     * Starts the shop's own API-key grant flow: returns the shop page where the merchant grants keys. The
     * shop posts the keys to {@code publicUrl + "/wc-auth/callback/" + state}.
     */
    URI beginCredentialGrant(String storeId);

    /**
     * Stores the API keys the shop posted to the grant callback.
     *
     * @param state the state from the callback path
     * @param callback the shop's request, raw
     * @throws ConnectFlowException for an unknown, used or expired state
     */
    StoreView completeCredentialGrant(String state, InboundRequest callback);

    /**
     * Asks the marketplace for the store's connection status and acts on a change: on approval, registers
     * the shop's webhooks and starts the first full sync; on disconnection (or rejected credentials),
     * stops the store, removes its webhooks and erases its secrets.
     */
    StoreView refreshStatus(String storeId) throws InterruptedException;

    /**
     * Disconnects a store: tells the marketplace, removes the shop webhooks the engine registered, stops
     * all work for the store and erases its keys and secrets. Idempotent.
     */
    StoreView disconnect(String storeId) throws InterruptedException;

    // ---- synchronising ----

    /**
     * Starts a catalog pass for an approved store and returns at once. When the store's pipeline is busy,
     * the pass runs after the current work.
     *
     * @throws com.golisto.sync.api.spi.NotApprovedException when the store is not approved
     */
    RunId sync(String storeId, SyncMode mode);

    /** Runs a catalog pass and waits for it. */
    RunView syncAndWait(String storeId, SyncMode mode) throws InterruptedException;

    /**
     * Writes the marketplace's new and changed sales into the shop now, and waits. The run also counts the
     * products whose stock it re-read and pushed after creating orders.
     *
     * @throws com.golisto.sync.api.spi.NotApprovedException when the store is not approved
     */
    RunView pollOrders(String storeId) throws InterruptedException;

    /**
     * Waits until a run finished.
     *
     * @return the run, finished, or as it stands when the timeout passed first
     */
    RunView awaitRun(RunId runId, Duration timeout) throws InterruptedException;

    /**
     * Why a shop product is (not) on the marketplace. The product is named by its shop id or by its SKU: a text
     * that is not the id of a product the ledger knows, but is the SKU of one, names that product (the ledger
     * keeps each product's SKU as a pass last saw it). {@link UnknownStoreException} for no store.
     */
    ProductExplanation explain(String storeId, String productIdOrSku) throws InterruptedException;

    // ---- webhooks ----

    /**
     * Handles a webhook the shop sent to {@code publicUrl + "/webhooks/<shop connector id>/" + storeId}.
     * Verifies it, ignores repeated deliveries, and marks the products it names dirty: they are re-read
     * from the shop and synced once the debounce passed (by {@link #runDueWork()} or the background
     * loop). Does no network I/O. Answer {@link WebhookVerdict.Rejected} with 401, everything else with 200.
     */
    WebhookVerdict handleShopWebhook(String storeId, InboundRequest request);

    /**
     * Handles a webhook the marketplace sent to {@code publicUrl + "/webhooks/golisto"}: finds the store
     * by the connection it names, verifies it, ignores repeated deliveries, and acts: connection events make
     * a status poll due at once (an approval then registers the shop webhooks and starts the first full
     * sync), order events make an order poll due one {@link EngineOptions#webhookDebounce()} after the first
     * event of a burst, so a burst costs one poll. Both happen at the next {@link #runDueWork()} (or tick of
     * the background loop) after the delay, also when the delivery arrives before the scheduler's first
     * tick. Does no network I/O.
     */
    WebhookVerdict handleMarketplaceWebhook(InboundRequest request);

    // ---- dead letters ----

    /**
     * Replays one dead letter: re-reads the item and syncs it again. The dead letter is removed when the
     * replay succeeds, and counted up when it fails again.
     *
     * @return the replay run
     */
    RunView replayDeadLetter(long deadLetterId) throws InterruptedException;

    /**
     * Replays every dead letter of every approved store, store by store.
     *
     * @return one replay run per store that had any
     */
    List<RunView> replayAllDeadLetters() throws InterruptedException;

    // ---- operating the engine ----

    /**
     * Master-key rotation: re-seals, under the key this engine was built with, every stored secret and
     * secret setting that was sealed under {@code previous}, in one transaction. Build the engine with the
     * new key, call this once with the old one, then retire the old key. Values already under the current
     * key (or under a third key) are left alone, so calling it again is harmless. Connectors reopen with
     * the re-sealed values at their next use.
     *
     * @param previous the key the secrets were sealed with until now
     * @return how many values were re-sealed (0 when {@code previous} is the current key)
     * @throws com.golisto.sync.api.spi.SyncException when a value sealed under {@code previous} does not
     *     decrypt (it was altered): nothing is re-sealed then, and the message names the value, never its
     *     content
     */
    int reencryptSecrets(MasterKey previous);

    // ---- events and scheduling ----

    /**
     * Subscribes a listener to engine events.
     *
     * @return closing it unsubscribes
     */
    AutoCloseable subscribe(EngineListener listener);

    /**
     * Does the work that is due at the clock's current instant and waits for it: synchronises products
     * whose webhook debounce passed, and starts the scheduled full and incremental passes, order polls
     * and status polls that are due, then the history sweep when it is due
     * ({@link EngineOptions.Retention#sweepInterval()}). {@link #start()} calls the same logic in a
     * background loop; tests advance a clock and call this.
     */
    void runDueWork() throws InterruptedException;

    /** Starts the background loop (a virtual thread) that does due work every tick. Idempotent. */
    void start();

    /** Stops the background loop and all work, and closes connectors and the database. Idempotent. */
    @Override
    void close();

    /**
     * Builds a {@link SyncEngine}. Single use. Required: a database ({@link #jdbcUrl} or
     * {@link #dataSource}, not both), a {@link #masterKey} and a {@link #publicUrl}.
     */
    final class Builder {
        // null until set: the required ones are checked by build(), the others have defaults
        private @Nullable String jdbcUrl;
        private @Nullable DataSource dataSource;
        private @Nullable ConnectionPool pool;
        private @Nullable MasterKey masterKey;
        private Clock clock = Clock.systemDefaultZone();
        private @Nullable List<ConnectorProvider> connectors;
        private @Nullable HttpClient httpClient;
        private @Nullable URI publicUrl;
        private EngineOptions options = EngineOptions.defaults();
        private ConnectorContext.@Nullable Sleeper sleeper;
        private @Nullable String nodeId;
        private HealthPolicy health = HealthPolicy.defaults();
        private boolean built;

        Builder() {}

        /** The state store's JDBC URL, e.g. {@code jdbc:hsqldb:file:data/state} or a PostgreSQL URL. */
        public Builder jdbcUrl(String url) {
            this.jdbcUrl = Objects.requireNonNull(url, "jdbcUrl");
            return this;
        }

        /**
         * The state store's data source, owned by the host: the engine uses it as given (pool it yourself;
         * the engine neither pools it again nor closes it).
         */
        public Builder dataSource(DataSource source) {
            this.dataSource = Objects.requireNonNull(source, "dataSource");
            return this;
        }

        /**
         * The connection pool the engine opens over its {@link #jdbcUrl} and closes with it; default
         * {@link ConnectionPool#defaults()}. Not for a host {@link #dataSource}, which is used as given.
         */
        public Builder connectionPool(ConnectionPool settings) {
            this.pool = Objects.requireNonNull(settings, "connectionPool");
            return this;
        }

        /** The key that encrypts stored secrets. */
        public Builder masterKey(MasterKey key) {
            this.masterKey = Objects.requireNonNull(key, "masterKey");
            return this;
        }

        /** The only source of time; default the system clock in the default zone (whose zone the daily time uses). */
        public Builder clock(Clock engineClock) {
            this.clock = Objects.requireNonNull(engineClock, "clock");
            return this;
        }

        /** The connector providers; default: those {@link java.util.ServiceLoader} finds. */
        public Builder connectors(List<ConnectorProvider> providers) {
            this.connectors = List.copyOf(providers);
            return this;
        }

        /** The HTTP client connectors share; default: a new client with a 10 s connect timeout. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /** The host's public base URL, under which it routes the engine's endpoints. */
        public Builder publicUrl(URI url) {
            Objects.requireNonNull(url, "publicUrl");
            if (!url.isAbsolute() || url.getHost() == null) {
                throw new IllegalArgumentException("publicUrl must be an absolute http(s) URL: " + url);
            }
            this.publicUrl = url;
            return this;
        }

        /** Schedules and pacing; default {@link EngineOptions#defaults()}. */
        public Builder options(EngineOptions engineOptions) {
            this.options = Objects.requireNonNull(engineOptions, "options");
            return this;
        }

        /**
         * How the engine and connectors wait between retries and for rate limits; default
         * {@link Thread#sleep(Duration)}. Tests pass one that advances their clock.
         */
        public Builder sleeper(ConnectorContext.Sleeper engineSleeper) {
            this.sleeper = Objects.requireNonNull(engineSleeper, "sleeper");
            return this;
        }

        /**
         * This node's name in store leases; default the host name. Keep it stable across restarts: a
         * restarted node takes its stores back at once, while another name waits until the dead node's
         * leases expire ({@link EngineOptions#leaseDuration()}). Nodes sharing one database need distinct
         * names.
         */
        public Builder nodeId(String id) {
            this.nodeId = Objects.requireNonNull(id, "nodeId");
            return this;
        }

        /** The thresholds of {@link SyncEngine#health()}; default {@link HealthPolicy#defaults()}. */
        public Builder health(HealthPolicy policy) {
            this.health = Objects.requireNonNull(policy, "health");
            return this;
        }

        /**
         * Opens the state store (running its migrations), resolves interrupted work left by a previous
         * process (open intents, abandoned runs) and returns the engine. The background loop is not
         * started: call {@link SyncEngine#start()}.
         *
         * @throws IllegalStateException when used twice, or when required settings are missing or contradict
         */
        public SyncEngine build() {
            if (built) {
                throw new IllegalStateException("this builder was already used");
            }
            if ((jdbcUrl == null) == (dataSource == null)) {
                throw new IllegalStateException("give exactly one of jdbcUrl and dataSource");
            }
            if (pool != null && dataSource != null) {
                throw new IllegalStateException("a connectionPool applies to a jdbcUrl: a host dataSource is used as"
                        + " given, pool it yourself");
            }
            if (masterKey == null || publicUrl == null) {
                throw new IllegalStateException("a " + (masterKey == null ? "masterKey" : "publicUrl") + " is required");
            }
            built = true;
            return new EngineRouter(EngineServices.open(new EngineSetup(jdbcUrl, dataSource,
                    pool != null ? pool : ConnectionPool.defaults(), masterKey, clock, connectors,
                    httpClient != null ? httpClient
                            : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                    publicUrl, options, sleeper != null ? sleeper : Thread::sleep,
                    nodeId != null ? nodeId : EngineSetup.hostName(), health)));
        }
    }
}
