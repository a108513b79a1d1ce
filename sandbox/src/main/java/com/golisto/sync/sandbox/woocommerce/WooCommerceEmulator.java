package com.golisto.sync.sandbox.woocommerce;

import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import com.golisto.sync.sandbox.http.EmulatorServer;
import com.golisto.sync.sandbox.http.Router;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stateful WooCommerce 8.2 REST API ({@code /wp-json/wc/v3}) on loopback, faithful to what a real
 * store does (see {@code ../shared/reference/woocommerce-rest-api.md}, section 10): products,
 * variations, categories, orders with notes and stock reduction, webhooks with real signed deliveries,
 * batch endpoints, pagination headers, {@code modified_after}/{@code dates_are_gmt}, the store's
 * currency and system status, the {@code /wc-auth/v1} key grant, and both authentication schemes
 * checked for real. Request counts and fault injection come from {@link EmulatorServer}.
 *
 * <p>Built with {@link #builder()}, then {@link #start()}ed. Java test hooks act as the merchant in
 * WooCommerce admin would ({@link #merchant()}: price, stock, status changes, trash, permanent delete,
 * all firing webhooks as WooCommerce does) and read what the API wrote ({@link #orders()},
 * {@link #orderNotes(long)}). Thread-safe.
 */
public final class WooCommerceEmulator extends EmulatorServer {

    private static final Map<String, String[]> CURRENCIES = Map.of(
            "EUR", new String[] {"Euro", "&euro;"},
            "USD", new String[] {"United States (US) dollar", "&#36;"},
            "GBP", new String[] {"Pound sterling", "&pound;"},
            "BRL", new String[] {"Brazilian real", "&#082;&#036;"},
            "PLN", new String[] {"Polish z&#x142;oty", "z&#x142;"},
            "CHF", new String[] {"Swiss franc", "CHF"},
            "JPY", new String[] {"Japanese yen", "&yen;"});

    private final String currency;
    private final ZoneId zone;
    final WooStore store;
    final WooOrders orders;
    final WooWebhooks webhooks;
    final WooAuth auth;
    final WooWcAuth wcAuth;
    final WooJson json;
    private final WooProductRoutes productRoutes;
    private final WooOrderRoutes orderRoutes;
    private final Router router = new Router();
    private final WooMerchant merchant;

    private WooCommerceEmulator(Builder b) {
        super(b.clock);
        this.currency = b.currency;
        this.zone = b.zone;
        this.store = new WooStore(b.clock);
        this.orders = new WooOrders(store, currency);
        this.auth = new WooAuth(b.clock, b.httpsMode);
        b.keys.forEach(auth::addKey);
        this.wcAuth = new WooWcAuth(auth, b.strictUrls);
        this.json = new WooJson(store, this::homeUrl, zone, currencyInfo()[1]);
        this.webhooks = new WooWebhooks(b.clock, this::homeUrl, b.webhookDelivery, b.strictUrls, b.autoDeliveryDelay,
                id -> store.get(id).map(p -> WooJson.bytes(g -> json.product(g, p))),
                id -> orders.get(id).map(o -> WooJson.bytes(g -> o.write(g, json))));
        store.events((event, p) -> webhooks.changed("product", event, p.id, p.status));
        orders.events((event, o) -> webhooks.changed("order", event, o.id, o.status));
        this.productRoutes = new WooProductRoutes(store, json, zone, this::baseUri);
        this.orderRoutes = new WooOrderRoutes(orders, webhooks, json, zone, this::baseUri);
        this.merchant = new WooMerchant(this);
        new WooRoutes(this, productRoutes, new WooCategoryRoutes(store, json, this::baseUri), orderRoutes)
                .register(router);
    }

    /** Starts configuring an emulator. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on an ephemeral loopback port. */
    @Override
    public WooCommerceEmulator start() {
        super.start();
        return this;
    }

    /** The store's home URL as it reports it ({@code http://127.0.0.1:<port>}). */
    public String homeUrl() {
        return baseUri().toString();
    }

    /** The store's currency code. */
    public String currency() {
        return currency;
    }

    /** The store's time zone (site-local dates are in it). */
    public ZoneId timeZone() {
        return zone;
    }

    String[] currencyInfo() {
        return CURRENCIES.getOrDefault(currency, new String[] {currency, currency});
    }

    // ------------------------------------------------------------------ keys

    /** Adds a key pair the store accepts. */
    public void addApiKey(WooApiKey key) {
        auth.addKey(Objects.requireNonNull(key, "key"));
    }

    /** Creates, adds and returns a random key pair with these permissions. */
    public WooApiKey createApiKey(String permissions) {
        WooApiKey key = WooApiKey.random(wcAuth.nextKeyId(), permissions);
        auth.addKey(key);
        return key;
    }

    /** Revokes a key: requests signed with it get 401 from now on. */
    public void revokeApiKey(String consumerKey) {
        auth.removeKey(consumerKey);
    }

    // ------------------------------------------------------------------ catalog

    /** Adds a generated catalog (deterministic for a given spec). */
    public CatalogSummary seedCatalog(WooCatalogGenerator.Spec spec) {
        return new WooCatalogGenerator(spec).generateInto(store);
    }

    /**
     * Loads a WooCommerce product CSV (the importer format of {@code sample_products.csv}).
     *
     * @param csv the CSV bytes, read fully by this call (the caller closes the stream)
     */
    public CatalogSummary loadCsv(java.io.InputStream csv) throws java.io.IOException {
        return WooCsvLoader.load(csv, store);
    }

    /** Loads a WooCommerce product CSV file. */
    public CatalogSummary loadCsv(java.nio.file.Path csv) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(csv)) {
            return loadCsv(in);
        }
    }

    /** How many products (not variations) the store holds, trash included. */
    public int productCount() {
        return store.productCount();
    }

    /** How many variations the store holds. */
    public int variationCount() {
        return store.variationCount();
    }

    /** Acts as the merchant in WooCommerce admin: every change fires webhooks as the store would. */
    public WooMerchant merchant() {
        return merchant;
    }

    /** Makes the next batch item with this id (decimal) or SKU fail with a per-item error. */
    public void failNextBatchItem(String idOrSku) {
        productRoutes.failBatchItem(idOrSku);
    }

    // ------------------------------------------------------------------ orders

    /** Every order as the REST API renders it, oldest first. */
    public List<com.fasterxml.jackson.databind.JsonNode> orders() {
        List<com.fasterxml.jackson.databind.JsonNode> out = new ArrayList<>();
        for (WooOrder o : orders.all()) {
            out.add(WooMerchant.tree(WooJson.bytes(g -> o.write(g, json))));
        }
        return out;
    }

    /** One order as the REST API renders it. */
    public Optional<com.fasterxml.jackson.databind.JsonNode> order(long id) {
        return orders.get(id).map(o -> WooMerchant.tree(WooJson.bytes(g -> o.write(g, json))));
    }

    /** The notes of an order, newest first, as the REST API renders them. */
    public List<com.fasterxml.jackson.databind.JsonNode> orderNotes(long orderId) {
        List<com.fasterxml.jackson.databind.JsonNode> out = new ArrayList<>();
        for (WooOrder.Note n : orders.notes(orderId)) {
            out.add(WooMerchant.tree(WooJson.bytes(g -> WooOrder.writeNote(g, n, json))));
        }
        return out;
    }

    // ------------------------------------------------------------------ webhooks

    /**
     * Loses every pending webhook delivery (a delivery that never happens: the store's cron did not run,
     * the request was dropped); the changes stay made. Returns how many deliveries were lost.
     */
    public int losePendingWebhooks() {
        return webhooks.discardPending();
    }

    /** Sends every pending webhook delivery now (tests never wait for the scheduler). */
    public List<WebhookDelivery> deliverWebhooksNow() {
        return webhooks.deliverNow();
    }

    /** Every delivery attempt so far, pings included, oldest first. */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.log();
    }

    /** How many deliveries are queued. */
    public int pendingWebhookDeliveries() {
        return webhooks.pendingCount();
    }

    /** A webhook's consecutive failure count (WooCommerce keeps it internally; REST does not show it). */
    public int webhookFailureCount(long webhookId) {
        return webhooks.get(webhookId).map(WooWebhook::failureCount).orElseThrow();
    }

    /** A webhook's status: {@code active}, {@code paused} or {@code disabled}. */
    public Optional<String> webhookStatus(long webhookId) {
        return webhooks.get(webhookId).map(WooWebhook::status);
    }

    /** Ids of every registered webhook. */
    public List<Long> webhookIds() {
        return webhooks.all().stream().map(WooWebhook::id).toList();
    }

    // ------------------------------------------------------------------ wc-auth

    /** The key grants waiting for the merchant's decision. */
    public List<WcAuthRequest> pendingAuthorizations() {
        return wcAuth.pending();
    }

    /** The merchant approves the pending grant of this {@code user_id}: keys are POSTed to the callback. */
    public WcAuthOutcome approveAuthorization(String userId) {
        return wcAuth.approve(wcAuth.tokenForUser(userId)
                .orElseThrow(() -> new IllegalArgumentException("no pending authorization for that user_id")));
    }

    /** The merchant denies the pending grant of this {@code user_id}; returns the browser's redirect. */
    public URI denyAuthorization(String userId) {
        return wcAuth.deny(wcAuth.tokenForUser(userId)
                .orElseThrow(() -> new IllegalArgumentException("no pending authorization for that user_id")));
    }

    // ------------------------------------------------------------------ HTTP

    @Override
    protected EmulatorResponse handle(EmulatorRequest request) {
        return WooRoutes.dispatch(this, router, request);
    }

    @Override
    protected String routeKey(String method, String path) {
        return router.routeKey(method, path);
    }

    @Override
    public void close() {
        super.close();
        webhooks.close();
        wcAuth.close();
    }

    /** Configures a {@link WooCommerceEmulator}; single use. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String currency = "EUR";
        private ZoneId zone = ZoneId.of("America/Sao_Paulo");
        private boolean httpsMode;
        private boolean webhookDelivery = true;
        private boolean strictUrls;
        private Duration autoDeliveryDelay = Duration.ofSeconds(1);
        private final List<WooApiKey> keys = new ArrayList<>();
        private boolean built;

        private Builder() {
        }

        /** The store's clock: dates, OAuth timestamp window, Date headers. Default: system UTC. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The store currency, an ISO code. Default EUR. */
        public Builder currency(String code) {
            if (code == null || !code.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("currency must be an upper-case ISO code: " + code);
            }
            this.currency = code;
            return this;
        }

        /** The site time zone (site-local dates differ from {@code *_gmt}). Default America/Sao_Paulo (UTC−3). */
        public Builder timeZone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "timeZone");
            return this;
        }

        /**
         * Makes the store believe it is served over HTTPS (as behind a TLS proxy): HTTP Basic and
         * {@code ?consumer_key=} are accepted although the emulator listens on plain http. Default off:
         * plain http, OAuth 1.0a only, Basic silently ignored, as a real store over http.
         */
        public Builder httpsMode(boolean value) {
            this.httpsMode = value;
            return this;
        }

        /** A key pair the store accepts. */
        public Builder apiKey(String consumerKey, String consumerSecret, String permissions) {
            keys.add(new WooApiKey(keys.size() + 1L, consumerKey, consumerSecret, permissions));
            return this;
        }

        /** Whether webhooks are delivered at all (pings included). Default on. */
        public Builder webhookDelivery(boolean value) {
            this.webhookDelivery = value;
            return this;
        }

        /**
         * How long after a change the background scheduler delivers pending webhooks; {@link Duration#ZERO}
         * leaves delivery to {@link WooCommerceEmulator#deliverWebhooksNow()}. Default 1 s.
         */
        public Builder webhookAutoDeliveryDelay(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
            this.autoDeliveryDelay = value;
            return this;
        }

        /**
         * Applies WordPress's outbound URL rules as a real store does: webhook and wc-auth callbacks to
         * loopback/private hosts other than the store's own, or to ports other than 80/443/8080 (or the
         * store's own port on its own host), are refused; wc-auth callbacks must be https. Default off,
         * so tests can receive on loopback ports.
         */
        public Builder strictUrlChecks(boolean value) {
            this.strictUrls = value;
            return this;
        }

        /** Builds the emulator (not started). */
        public WooCommerceEmulator build() {
            if (built) {
                throw new IllegalStateException("builder already used");
            }
            built = true;
            return new WooCommerceEmulator(this);
        }
    }
}
