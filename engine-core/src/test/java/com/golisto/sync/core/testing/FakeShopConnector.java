package com.golisto.sync.core.testing;

import com.golisto.sync.api.model.CatalogPage;
import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.KnownProduct;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.Shipment;
import com.golisto.sync.api.model.ShopCredentials;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.model.StoreInfo;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.CredentialIssuer;
import com.golisto.sync.api.spi.CredentialRequest;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.IssuedCredentials;
import com.golisto.sync.api.spi.KnownProducts;
import com.golisto.sync.api.spi.OrderTarget;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.StoreInfoSource;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookSubscription;
import com.golisto.sync.api.spi.WebhookSubscriptions;
import com.golisto.sync.api.spi.WebhookVerdict;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link FakeShop}'s connector for one store. Every operation counts a call in the shop's
 * {@link Faults} and reports one request to the engine's metrics. Page tokens are
 * {@code offset:startSequence}; cursors are change sequence numbers. Thread-safe.
 */
final class FakeShopConnector implements Connector, CatalogSource, OrderTarget, WebhookReceiver,
        WebhookSubscriptions, CredentialIssuer, StoreInfoSource {

    private final FakeShop shop;
    private final Settings settings;
    private final ConnectorContext context;

    FakeShopConnector(FakeShop shop, Settings settings, ConnectorContext context) {
        this.shop = shop;
        this.settings = settings;
        this.context = context;
    }

    private void enter(FakeShop.Op op) throws InterruptedException {
        context.metrics().request(op.name(), 200, Duration.ZERO);
        shop.faults().enter(op);
    }

    @Override
    public Optional<CatalogSource> catalogSource() {
        return Optional.of(this);
    }

    @Override
    public Optional<OrderTarget> orderTarget() {
        return shop.writesOrders() ? Optional.of(this) : Optional.empty();
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
        // holds nothing
    }

    // ---- catalog ----

    @Override
    public Page<Product> readAll(String pageToken) throws InterruptedException {
        enter(FakeShop.Op.READ_ALL);
        long start = pageToken == null ? shop.sequence() : Long.parseLong(pageToken.split(":")[1]);
        List<Product> all = shop.products();
        return page(all, pageToken, start, new Cursor(Long.toString(start)));
    }

    @Override
    public Page<Product> readChanged(Cursor since, String pageToken) throws InterruptedException {
        enter(FakeShop.Op.READ_CHANGED);
        long after = since.isBeginning() ? 0 : Long.parseLong(since.value());
        List<Map.Entry<Long, Product>> changed = shop.changedAfter(after);
        int offset = pageToken == null ? 0 : Integer.parseInt(pageToken.split(":")[0]);
        int end = Math.min(changed.size(), offset + shop.pageSizeNow());
        long resumeAt = end == 0 ? after : Math.max(after, changed.get(end - 1).getKey());
        List<Product> items = changed.subList(offset, end).stream().map(Map.Entry::getValue).toList();
        return new Page<>(items, end < changed.size() ? end + ":" + resumeAt : null, new Cursor(Long.toString(resumeAt)));
    }

    @Override
    public CatalogPage readAll(String pageToken, KnownProducts known) throws InterruptedException {
        return versioned(readAll(pageToken), known);
    }

    @Override
    public CatalogPage readChanged(Cursor since, String pageToken, KnownProducts known) throws InterruptedException {
        return versioned(readChanged(since, pageToken), known);
    }

    /** Answers unchanged the products whose version the engine holds, as a shop that skips reading their variants. */
    private CatalogPage versioned(Page<Product> page, KnownProducts known) {
        Map<String, KnownProduct> held = known.find(page.items().stream().map(Product::id).toList());
        List<Product> whole = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, String> versions = new HashMap<>();
        for (Product p : page.items()) {
            String version = shop.versionOf(p.id());
            if (version != null) {
                versions.put(p.id(), version);
            }
            KnownProduct mine = held.get(p.id());
            if (version != null && mine != null && version.equals(mine.version())) {
                unchanged.add(p.id());
            } else {
                whole.add(p);
            }
        }
        shop.readWhole(whole.size());
        return new CatalogPage(whole, unchanged, versions, page.nextPageToken(), page.cursor());
    }

    private Page<Product> page(List<Product> items, String pageToken, long start, Cursor cursor) {
        int offset = pageToken == null ? 0 : Integer.parseInt(pageToken.split(":")[0]);
        int end = Math.min(items.size(), offset + shop.pageSizeNow());
        return new Page<>(items.subList(Math.min(offset, end), end), end < items.size() ? end + ":" + start : null,
                cursor);
    }

    @Override
    public Optional<Product> read(String productId) throws InterruptedException {
        enter(FakeShop.Op.READ);
        return shop.productOrParentOf(productId);
    }

    /** One call for all the ids, as a shop that lists products by id. */
    @Override
    public List<Product> readMany(Collection<String> productIds) throws InterruptedException {
        enter(FakeShop.Op.READ_MANY);
        Map<String, Product> found = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(productIds)) {
            shop.productOrParentOf(id).ifPresent(p -> found.putIfAbsent(p.id(), p));
        }
        return List.copyOf(found.values());
    }

    // ---- orders ----

    @Override
    public ShopOrderRef create(Order order) throws InterruptedException {
        enter(FakeShop.Op.CREATE_ORDER);
        FakeShop.ShopOrder created = shop.createOrder(order);
        shop.faults().leave(FakeShop.Op.CREATE_ORDER);
        return new ShopOrderRef(created.id(), "#" + created.id());
    }

    @Override
    public Optional<ShopOrderRef> find(Order order) throws InterruptedException {
        enter(FakeShop.Op.FIND_ORDER);
        return shop.findOrder(order.id()).map(o -> new ShopOrderRef(o.id(), "#" + o.id()));
    }

    @Override
    public void update(ShopOrderRef shopOrder, Order order) throws InterruptedException {
        enter(FakeShop.Op.UPDATE_ORDER);
        List<String> notes = new ArrayList<>();
        for (Shipment shipment : order.shipments()) {
            notes.add("Shipped with " + shipment.carrier() + " " + shipment.trackingNumber());
        }
        if (order.payout() != null) {
            notes.add("Payout " + order.payout().status() + " " + order.payout().amount());
        }
        shop.updateOrder(shopOrder.id(), order, notes);
    }

    // ---- webhooks ----

    @Override
    public WebhookVerdict verify(InboundRequest request) {
        Optional<Secret> secret = context.secrets().get(StoreSecrets.WEBHOOK_SECRET);
        if (secret.isEmpty()) {
            return new WebhookVerdict.Rejected("no webhook secret is held for store " + context.storeId());
        }
        Optional<String> signature = request.header(FakeShop.SIGNATURE);
        Optional<String> delivery = request.header(FakeShop.DELIVERY);
        Optional<String> topic = request.header(FakeShop.TOPIC);
        if (signature.isEmpty() || delivery.isEmpty() || topic.isEmpty()) {
            return new WebhookVerdict.Rejected("missing signature, delivery or topic header");
        }
        if (!Hmac.matches(secret.get().reveal(), request.body(), signature.get())) {
            return new WebhookVerdict.Rejected("the signature does not match the body");
        }
        String productId = new String(request.body(), StandardCharsets.UTF_8).trim();
        ChangeNotification.Action action = switch (topic.get()) {
            case "product.created" -> ChangeNotification.Action.CREATED;
            case "product.updated" -> ChangeNotification.Action.UPDATED;
            case "product.deleted" -> ChangeNotification.Action.DELETED;
            default -> null;
        };
        if (action == null || productId.isEmpty()) {
            return new WebhookVerdict.Ignored("topic " + topic.get() + " is not followed");
        }
        return new WebhookVerdict.Accepted("fake-shop:" + delivery.get(),
                List.of(new ChangeNotification(ChangeNotification.Kind.PRODUCT, productId, action)));
    }

    @Override
    public List<WebhookSubscription> ensure(URI deliveryUrl) throws InterruptedException {
        enter(FakeShop.Op.ENSURE_WEBHOOKS);
        String secret = context.secrets().get(StoreSecrets.WEBHOOK_SECRET).map(Secret::reveal)
                .orElseThrow(() -> new InvalidItemException("no_secret", "no webhook secret to register with"));
        shop.registerWebhook(deliveryUrl, secret);
        return list(deliveryUrl);
    }

    @Override
    public List<WebhookSubscription> list(URI deliveryUrl) {
        return shop.hasWebhook(deliveryUrl)
                ? List.of(new WebhookSubscription("1", "product.updated", deliveryUrl, shop.webhookDisabled(deliveryUrl)
                        ? WebhookSubscription.Health.DISABLED : WebhookSubscription.Health.ACTIVE))
                : List.of();
    }

    @Override
    public void remove(URI deliveryUrl) throws InterruptedException {
        enter(FakeShop.Op.REMOVE_WEBHOOKS);
        shop.removeWebhook(deliveryUrl);
    }

    @Override
    public Optional<String> reachabilityProblem(URI deliveryUrl) {
        return Optional.empty();
    }

    // ---- keys and facts ----

    @Override
    public URI authorizationUrl(CredentialRequest request) {
        return URI.create(settings.requireString("home-url") + "/authorize?app="
                + URLEncoder.encode(request.appName(), StandardCharsets.UTF_8) + "&state="
                + URLEncoder.encode(request.state(), StandardCharsets.UTF_8));
    }

    @Override
    public IssuedCredentials parseCallback(InboundRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(request.body(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if (!form.containsKey("state") || !form.containsKey("key") || !form.containsKey("secret")) {
            throw new InvalidItemException("no_keys", "the callback carries no keys");
        }
        return new IssuedCredentials(form.get("state"), Map.of("shop-key", form.get("key"),
                "shop-secret", form.get("secret")));
    }

    @Override
    public Optional<ShopCredentials> currentCredentials() {
        Optional<String> key = settings.string("shop-key");
        Optional<Secret> secret = settings.secret("shop-secret");
        return key.isPresent() && secret.isPresent()
                ? Optional.of(new ShopCredentials(key.get(), secret.get(), "read_write")) : Optional.empty();
    }

    @Override
    public StoreInfo read() throws InterruptedException {
        enter(FakeShop.Op.STORE_INFO);
        return new StoreInfo(settings.url("home-url").orElseThrow(), shop.currency(), "fake 1");
    }

    static String queryParam(URI uri, String name) {
        for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("no " + name + " in " + uri);
    }
}
