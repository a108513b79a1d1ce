package com.golisto.sync.core;

import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.Shipment;
import com.golisto.sync.api.model.ShopCredentials;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.StoreInfo;
import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.CredentialIssuer;
import com.golisto.sync.api.spi.CredentialRequest;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.IssuedCredentials;
import com.golisto.sync.api.spi.OrderTarget;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.SettingType;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.SpiVersion;
import com.golisto.sync.api.spi.StoreInfoSource;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookSubscription;
import com.golisto.sync.api.spi.WebhookSubscriptions;
import com.golisto.sync.api.spi.WebhookVerdict;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An in-memory shop for engine tests that need exact control: every connector call is counted as a
 * request, any call can be made to fail or to "crash" (throw {@link SimulatedCrash}, as if the process
 * died at that point), and webhooks are delivered over real HTTP to the host, signed with the store's
 * webhook secret. Its connector is offered by {@link #provider()} under the id given.
 * Thread-safe.
 */
final class TestingShop {

    /** What a killed process looks like to the code that was running: an error nothing handles. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String point) {
            super("simulated crash at " + point);
        }
    }

    /** A shop order as the shop holds it. */
    record ShopOrder(String id, String marketplaceOrderId, Order order, List<String> notes) {
    }

    private final String providerId;
    private final Clock clock;
    private final String currency;
    private final TreeMap<String, Product> products = new TreeMap<>();
    private final Map<String, Instant> changedAt = new LinkedHashMap<>();
    private final Map<String, ShopOrder> orders = new LinkedHashMap<>();
    private final Map<URI, String> webhooks = new ConcurrentHashMap<>();
    private final Map<String, List<Runnable>> hooks = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final HttpClient http = HttpClient.newHttpClient();
    private int pageSize = 3;

    TestingShop(String providerId, Clock clock, String currency) {
        this.providerId = providerId;
        this.clock = clock;
        this.currency = currency;
    }

    // ---- the merchant's side ----

    synchronized void put(Product product) {
        Product stamped = new Product(product.id(), product.sku(), product.title(), product.descriptionHtml(),
                product.shortDescriptionHtml(), product.status(), product.price(), product.salePrice(), product.stock(),
                product.weight(), product.images(), product.categories(), product.attributes(), product.variants(),
                clock.instant());
        products.put(product.id(), stamped);
        changedAt.put(product.id(), clock.instant());
    }

    synchronized void deletePermanently(String id) {
        products.remove(id);
        changedAt.remove(id);
    }

    synchronized Optional<Product> product(String id) {
        return Optional.ofNullable(products.get(id));
    }

    synchronized List<Product> products() {
        return List.copyOf(products.values());
    }

    synchronized List<ShopOrder> orders() {
        return List.copyOf(orders.values());
    }

    synchronized void pageSize(int size) {
        pageSize = size;
    }

    long requests() {
        return requests.get();
    }

    long webhookDeliveries() {
        return deliveries.get();
    }

    Set<URI> webhookUrls() {
        return Set.copyOf(webhooks.keySet());
    }

    /** The secret the registered webhooks are signed with. */
    String webhookSecret() {
        return webhooks.values().iterator().next();
    }

    /** Runs the hook at the next call that reaches {@code point} (each hook once, in order). */
    void onNext(String point, Runnable hook) {
        hooks.computeIfAbsent(point, p -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(hook);
    }

    /** Makes the next call reaching {@code point} throw. */
    void failNext(String point, RuntimeException failure) {
        onNext(point, () -> {
            throw failure;
        });
    }

    /** Makes the next call reaching {@code point} die as a killed process would. */
    void crashNext(String point) {
        onNext(point, () -> {
            throw new SimulatedCrash(point);
        });
    }

    private void at(String point) {
        List<Runnable> pending = hooks.get(point);
        if (pending != null && !pending.isEmpty()) {
            pending.remove(0).run();
        }
    }

    /** Sends a signed product webhook to every registered URL, as the shop does after a change. */
    void sendProductWebhook(String deliveryId, String productId, String action) throws Exception {
        for (Map.Entry<URI, String> hook : webhooks.entrySet()) {
            String body = "{\"delivery\":\"" + deliveryId + "\",\"product\":\"" + productId + "\",\"action\":\""
                    + action + "\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(hook.getKey())
                    .header("X-Testing-Signature", sign(hook.getValue(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            deliveries.incrementAndGet();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("webhook answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the connector ----

    ConnectorProvider provider() {
        return new Provider();
    }

    private ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(providerId, "Testing shop", "1", SpiVersion.CURRENT,
            Set.of(Capability.CATALOG_SOURCE, Capability.ORDER_TARGET, Capability.WEBHOOK_RECEIVER,
                    Capability.WEBHOOK_SUBSCRIPTIONS, Capability.CREDENTIAL_ISSUER, Capability.STORE_INFO),
            List.of(SettingSpec.required("home-url", SettingType.URL, "The shop's home URL."),
                    SettingSpec.optional("shop-key", SettingType.STRING, null, "The API key."),
                    SettingSpec.secret("shop-secret", false, "The API secret.")));
    }

    private final class Provider implements ConnectorProvider {
        private final ConnectorDescriptor descriptor = TestingShop.this.descriptor();

        @Override
        public String id() {
            return descriptor.id();
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public Connector open(Settings settings, ConnectorContext context) {
            return new ShopConnector(settings, context);
        }
    }

    private final class ShopConnector implements Connector, CatalogSource, OrderTarget, WebhookReceiver,
            WebhookSubscriptions, CredentialIssuer, StoreInfoSource {
        private final Settings settings;
        private final ConnectorContext context;

        ShopConnector(Settings settings, ConnectorContext context) {
            this.settings = settings;
            this.context = context;
        }

        private void request(String point) {
            requests.incrementAndGet();
            context.metrics().request(point, 200, Duration.ZERO);
            at(point);
        }

        @Override
        public Optional<CatalogSource> catalogSource() {
            return Optional.of(this);
        }

        @Override
        public Optional<OrderTarget> orderTarget() {
            return Optional.of(this);
        }

        @Override
        public Optional<WebhookReceiver> webhookReceiver() {
            return Optional.of(this);
        }

        @Override
        public Optional<WebhookSubscriptions> webhookSubscriptions() {
            return Optional.of(this);
        }

        @Override
        public Optional<CredentialIssuer> credentialIssuer() {
            return Optional.of(this);
        }

        @Override
        public Optional<StoreInfoSource> storeInfo() {
            return Optional.of(this);
        }

        @Override
        public void close() {
        }

        // catalog: pages by offset; the cursor is the instant the read started (as epoch millis)

        @Override
        public Page<Product> readAll(String pageToken) {
            request(pageToken == null ? "readAll" : "readAll.next");
            synchronized (TestingShop.this) {
                List<Product> all = List.copyOf(products.values());
                return page(all, pageToken, new Cursor(Long.toString(startOf(pageToken))));
            }
        }

        @Override
        public Page<Product> readChanged(Cursor since, String pageToken) {
            request("readChanged");
            synchronized (TestingShop.this) {
                long after = since.isBeginning() ? Long.MIN_VALUE : Long.parseLong(since.value());
                List<Product> changed = products.values().stream()
                        .filter(p -> changedAt.get(p.id()).toEpochMilli() > after).toList();
                return page(changed, pageToken, new Cursor(Long.toString(startOf(pageToken))));
            }
        }

        private long startOf(String pageToken) {
            return pageToken == null ? clock.millis() : Long.parseLong(pageToken.split(":")[1]);
        }

        private Page<Product> page(List<Product> items, String pageToken, Cursor cursor) {
            int offset = pageToken == null ? 0 : Integer.parseInt(pageToken.split(":")[0]);
            int end = Math.min(items.size(), offset + pageSize);
            String next = end < items.size() ? end + ":" + cursor.value() : null;
            return new Page<>(items.subList(offset, end), next, cursor);
        }

        @Override
        public Optional<Product> read(String productId) {
            request("read");
            return product(productId);
        }

        // orders

        @Override
        public ShopOrderRef create(Order order) {
            request("create");
            synchronized (TestingShop.this) {
                for (var line : order.lines()) {
                    if (!products.containsKey(line.productId())) {
                        throw new InvalidItemException("invalid_product_id", "Invalid product ID "
                                + line.productId() + ".");
                    }
                }
                String id = Integer.toString(1000 + orders.size());
                orders.put(id, new ShopOrder(id, order.id(), order, new ArrayList<>()));
                for (var line : order.lines()) {
                    Product p = products.get(line.productId());
                    if (p.stock().quantity() != null) {
                        int left = p.stock().quantity() - line.quantity();
                        put(p.withStock(StockLevel.of(left, left > 0 ? StockStatus.IN_STOCK : StockStatus.OUT_OF_STOCK)));
                    }
                }
            }
            at("create.after");
            return new ShopOrderRef(orders().getLast().id(), "#" + orders().getLast().id());
        }

        @Override
        public Optional<ShopOrderRef> find(Order order) {
            request("find");
            return orders().stream().filter(o -> o.marketplaceOrderId().equals(order.id()))
                    .map(o -> new ShopOrderRef(o.id(), "#" + o.id())).findFirst();
        }

        @Override
        public void update(ShopOrderRef shopOrder, Order order) {
            request("update");
            synchronized (TestingShop.this) {
                ShopOrder held = orders.get(shopOrder.id());
                List<String> notes = new ArrayList<>(held.notes());
                for (Shipment shipment : order.shipments()) {
                    String note = "Shipped with " + shipment.carrier() + " " + shipment.trackingNumber();
                    if (!notes.contains(note)) {
                        notes.add(note);
                    }
                }
                if (order.payout() != null) {
                    String note = "Payout " + order.payout().status() + " " + order.payout().amount();
                    if (!notes.contains(note)) {
                        notes.add(note);
                    }
                }
                orders.put(held.id(), new ShopOrder(held.id(), held.marketplaceOrderId(), order, notes));
            }
        }

        // webhooks

        @Override
        public WebhookVerdict verify(InboundRequest request) {
            Optional<Secret> secret = context.secrets().get(StoreSecrets.WEBHOOK_SECRET);
            String body = new String(request.body(), StandardCharsets.UTF_8);
            if (secret.isEmpty() || !sign(secret.get().reveal(), body).equals(
                    request.header("X-Testing-Signature").orElse(""))) {
                return new WebhookVerdict.Rejected("bad signature");
            }
            String delivery = field(body, "delivery");
            String product = field(body, "product");
            String action = field(body, "action");
            return new WebhookVerdict.Accepted(delivery, List.of(new ChangeNotification(ChangeNotification.Kind.PRODUCT,
                    product, action.equals("deleted") ? ChangeNotification.Action.DELETED
                            : ChangeNotification.Action.UPDATED)));
        }

        private static String field(String json, String name) {
            int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
            return json.substring(at, json.indexOf('"', at));
        }

        @Override
        public List<WebhookSubscription> ensure(URI deliveryUrl) {
            request("ensureWebhooks");
            String secret = context.secrets().get(StoreSecrets.WEBHOOK_SECRET).map(Secret::reveal)
                    .orElseThrow(() -> new InvalidItemException("no_secret", "no webhook secret"));
            webhooks.put(deliveryUrl, secret);
            return list(deliveryUrl);
        }

        @Override
        public List<WebhookSubscription> list(URI deliveryUrl) {
            return webhooks.containsKey(deliveryUrl)
                    ? List.of(new WebhookSubscription("1", "product.updated", deliveryUrl, WebhookSubscription.Health.ACTIVE))
                    : List.of();
        }

        @Override
        public void remove(URI deliveryUrl) {
            request("removeWebhooks");
            webhooks.remove(deliveryUrl);
        }

        @Override
        public Optional<String> reachabilityProblem(URI deliveryUrl) {
            return Optional.empty();
        }

        // keys and facts

        @Override
        public URI authorizationUrl(CredentialRequest request) {
            return URI.create(settings.requireString("home-url") + "/authorize?app=" + request.appName().replace(' ', '+'));
        }

        @Override
        public IssuedCredentials parseCallback(InboundRequest request) {
            String body = new String(request.body(), StandardCharsets.UTF_8);
            return new IssuedCredentials(field(body, "state"),
                    Map.of("shop-key", field(body, "key"), "shop-secret", field(body, "secret")));
        }

        @Override
        public Optional<ShopCredentials> currentCredentials() {
            Optional<String> key = settings.string("shop-key");
            Optional<Secret> secret = settings.secret("shop-secret");
            return key.isPresent() && secret.isPresent()
                    ? Optional.of(new ShopCredentials(key.get(), secret.get(), "read_write")) : Optional.empty();
        }

        @Override
        public StoreInfo read() {
            request("storeInfo");
            return new StoreInfo(settings.url("home-url").orElseThrow(), Money.currency(currency), "testing 1");
        }
    }

    /** Makes every product in {@code ids} fail to read with a transient error {@code times} times. */
    void flaky(Collection<String> points, int times) {
        for (String point : points) {
            for (int i = 0; i < times; i++) {
                failNext(point, new RetryableException("503 from the testing shop", null));
            }
        }
    }

    static Product active(Product p) {
        return p.status() == ProductStatus.ACTIVE ? p : new Product(p.id(), p.sku(), p.title(), p.descriptionHtml(),
                p.shortDescriptionHtml(), ProductStatus.ACTIVE, p.price(), p.salePrice(), p.stock(), p.weight(),
                p.images(), p.categories(), p.attributes(), p.variants(), p.modifiedAt());
    }
}
