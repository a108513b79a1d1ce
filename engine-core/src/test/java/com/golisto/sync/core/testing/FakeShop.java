package com.golisto.sync.core.testing;

import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.OrderLine;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.SettingType;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.SpiVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory shop: a catalog, the orders written into it and the webhooks registered with it, behind a
 * connector offered by {@link #provider()} (catalog source with pages, cursors and {@code readMany}, order
 * target with create and find, webhook receiver checking an HMAC signature, webhook subscriptions, key
 * grant and store info). The test plays the merchant ({@link #put}, {@link #deletePermanently}, {@link
 * #productWebhook}) and the fault injector ({@link #faults()}). Catalog cursors are change sequence numbers.
 * One instance may serve several stores; thread-safe.
 */
public final class FakeShop {

    /** The shop's operations, for {@link #faults()}. */
    public enum Op {
        STORE_INFO, READ_ALL, READ_CHANGED, READ, READ_MANY, CREATE_ORDER, FIND_ORDER, UPDATE_ORDER,
        ENSURE_WEBHOOKS, REMOVE_WEBHOOKS
    }

    /** An order as the shop holds it. */
    public record ShopOrder(String id, String marketplaceOrderId, Order order, List<String> notes) {
        public ShopOrder {
            notes = List.copyOf(notes);
        }
    }

    static final String SIGNATURE = "X-Fake-Shop-Signature";
    static final String DELIVERY = "X-Fake-Shop-Delivery";
    static final String TOPIC = "X-Fake-Shop-Topic";

    private final String providerId;
    /** Whether the connector writes orders ({@link #withoutOrders()}: a catalog-only shop connector). */
    private volatile boolean writesOrders = true;
    private final Clock clock;
    private final Currency currency;
    private final Faults<Op> faults = new Faults<>(Op.class);
    private final TreeMap<String, Product> products = new TreeMap<>();
    private final Map<String, Long> changedAt = new LinkedHashMap<>();
    private final Map<String, ShopOrder> orders = new LinkedHashMap<>();
    private final Map<URI, String> webhooks = new LinkedHashMap<>();
    private final java.util.Set<URI> disabledWebhooks = new java.util.HashSet<>();
    private long sequence;
    private long wholeReads;
    private int pageSize = 3;

    /**
     * @param providerId the connector id it registers under, e.g. {@code fake-shop}
     * @param clock stamps {@link Product#modifiedAt()}
     * @param currency the shop's currency code
     */
    public FakeShop(String providerId, Clock clock, String currency) {
        this.providerId = providerId;
        this.clock = clock;
        this.currency = Currency.getInstance(currency);
    }

    /** Fault injection and call counts of this shop's operations. */
    public Faults<Op> faults() {
        return faults;
    }

    // ---- the merchant's side ----

    /** Creates or replaces a product (stamped with the clock), as a merchant's edit. */
    public synchronized void put(Product product) {
        products.put(product.id(), Products.stamped(product, clock.instant()));
        changedAt.put(product.id(), ++sequence);
    }

    /**
     * Creates or replaces a product without moving its change position, as a direct database edit: no
     * changed-since read shows it (until something else changes it); products created this way are new to them.
     */
    public synchronized void putUnnoticed(Product product) {
        Product before = products.get(product.id());
        products.put(product.id(), before == null || before.modifiedAt() == null ? product
                : Products.stamped(product, before.modifiedAt()));
        changedAt.putIfAbsent(product.id(), 0L);
    }

    /** Changes a product's status (a draft, the trash), as a merchant's edit. */
    public synchronized void setStatus(String productId, ProductStatus status) {
        put(Products.withStatus(product(productId).orElseThrow(), status));
    }

    /** Deletes a product for good: it no longer shows in any read, changed-since reads included. */
    public synchronized void deletePermanently(String productId) {
        products.remove(productId);
        changedAt.remove(productId);
    }

    /** The product as the shop has it now. */
    public synchronized Optional<Product> product(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    /** Every product, in id order. */
    public synchronized List<Product> products() {
        return List.copyOf(products.values());
    }

    /** How many products {@code readAll} and {@code readChanged} return per page; default 3. */
    public synchronized void pageSize(int size) {
        pageSize = size;
    }

    /** The orders written into the shop, oldest first. */
    public synchronized List<ShopOrder> orders() {
        return List.copyOf(orders.values());
    }

    /** The URLs webhooks are registered to. */
    public synchronized Set<URI> webhookUrls() {
        return Set.copyOf(webhooks.keySet());
    }

    /**
     * A product webhook as the shop would post it to its (single) registered URL, signed with the secret it
     * was registered with.
     *
     * @param action {@code updated}, {@code created} or {@code deleted}
     */
    public synchronized InboundRequest productWebhook(String deliveryId, String productId, String action) {
        if (webhooks.size() != 1) {
            throw new IllegalStateException("expected one registered webhook URL, have " + webhooks.keySet());
        }
        Map.Entry<URI, String> hook = webhooks.entrySet().iterator().next();
        return webhookRequest(hook.getKey(), deliveryId, productId, action, hook.getValue());
    }

    /** The same delivery signed with a secret the shop never had. */
    public synchronized InboundRequest forgedWebhook(String deliveryId, String productId, String action) {
        URI url = webhooks.keySet().stream().findFirst().orElse(URI.create("https://engine.example/webhooks/x"));
        return webhookRequest(url, deliveryId, productId, action, "not-the-secret-not-the-secret-not-it");
    }

    private static InboundRequest webhookRequest(URI url, String deliveryId, String productId, String action,
            String secret) {
        byte[] body = productId.getBytes(StandardCharsets.UTF_8);
        return new InboundRequest("POST", url.getPath(), "", Map.of(SIGNATURE, List.of(Hmac.sign(secret, body)),
                DELIVERY, List.of(deliveryId), TOPIC, List.of("product." + action)), body);
    }

    /**
     * The merchant approves the key grant the engine's authorization URL asked for: the shop posts new keys
     * to the callback, with the state from that URL.
     */
    public InboundRequest grantKeys(URI authorizationUrl, String key, String secret) {
        String state = FakeShopConnector.queryParam(authorizationUrl, "state");
        byte[] body = ("state=" + state + "&key=" + key + "&secret=" + secret).getBytes(StandardCharsets.UTF_8);
        return new InboundRequest("POST", "/callback", "", Map.of(), body);
    }

    // ---- what the connector does to the shop ----

    synchronized Currency currency() {
        return currency;
    }

    synchronized long sequence() {
        return sequence;
    }

    synchronized int pageSizeNow() {
        return pageSize;
    }

    /** Products changed after a sequence number, oldest change first, with their sequence numbers. */
    synchronized List<Map.Entry<Long, Product>> changedAfter(long after) {
        return changedAt.entrySet().stream().filter(e -> e.getValue() > after)
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(e -> Map.entry(e.getValue(), products.get(e.getKey()))).toList();
    }

    /**
     * A product's version as a shop would tell it from its listing: its change position (which a direct edit does
     * not move); null for an unknown product.
     */
    synchronized String versionOf(String productId) {
        Long at = changedAt.get(productId);
        return at == null ? null : "v" + at;
    }

    /** Counts a product read whole by a versioned read (its variants read again). */
    synchronized void readWhole(int products) {
        wholeReads += products;
    }

    /** How many products versioned reads read whole (the others were answered unchanged). */
    public synchronized long wholeReads() {
        return wholeReads;
    }

    /** A product by its id or one of its variants' ids. */
    synchronized Optional<Product> productOrParentOf(String id) {
        Product direct = products.get(id);
        if (direct != null) {
            return Optional.of(direct);
        }
        return products.values().stream().filter(p -> p.variants().stream().anyMatch(v -> v.id().equals(id)))
                .findFirst();
    }

    synchronized ShopOrder createOrder(Order order) {
        for (OrderLine line : order.lines()) {
            if (!products.containsKey(line.productId())) {
                throw new InvalidItemException("invalid_product_id", "Invalid product ID " + line.productId() + ".");
            }
        }
        String id = Integer.toString(1000 + orders.size());
        ShopOrder created = new ShopOrder(id, order.id(), order, List.of());
        orders.put(id, created);
        for (OrderLine line : order.lines()) {
            put(Products.lessStock(products.get(line.productId()), line.variantId(), line.quantity()));
        }
        return created;
    }

    synchronized Optional<ShopOrder> findOrder(String marketplaceOrderId) {
        return orders.values().stream().filter(o -> o.marketplaceOrderId().equals(marketplaceOrderId)).findFirst();
    }

    synchronized void updateOrder(String shopOrderId, Order order, List<String> newNotes) {
        ShopOrder held = orders.get(shopOrderId);
        if (held == null) {
            throw new InvalidItemException("invalid_order_id", "No shop order " + shopOrderId + ".");
        }
        List<String> notes = new ArrayList<>(held.notes());
        newNotes.stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        orders.put(shopOrderId, new ShopOrder(held.id(), held.marketplaceOrderId(), order, notes));
    }

    synchronized void registerWebhook(URI url, String secret) {
        webhooks.put(url, secret);
        disabledWebhooks.remove(url);
    }

    /** Disables every registered webhook, as WooCommerce does after repeated failed deliveries. */
    public synchronized void disableWebhooks() {
        disabledWebhooks.addAll(webhooks.keySet());
    }

    synchronized boolean webhookDisabled(URI url) {
        return disabledWebhooks.contains(url);
    }

    synchronized boolean hasWebhook(URI url) {
        return webhooks.containsKey(url);
    }

    synchronized void removeWebhook(URI url) {
        webhooks.remove(url);
    }

    // ---- the connector ----

    /** Makes this a catalog-only shop: its connector declares and offers no order target (before the engine opens). */
    public FakeShop withoutOrders() {
        writesOrders = false;
        return this;
    }

    /** Whether the connector offers an order target. */
    boolean writesOrders() {
        return writesOrders;
    }

    /** The provider of this shop's connector, to hand to {@code SyncEngine.builder().connectors(...)}. */
    public ConnectorProvider provider() {
        return new Provider();
    }

    /** The settings: {@code home-url}, and the API key pair {@code shop-key} / {@code shop-secret}. */
    private ConnectorDescriptor descriptor() {
        Set<Capability> capabilities = EnumSet.of(Capability.CATALOG_SOURCE, Capability.ORDER_TARGET,
                Capability.WEBHOOK_RECEIVER, Capability.WEBHOOK_SUBSCRIPTIONS, Capability.CREDENTIAL_ISSUER,
                Capability.STORE_INFO);
        if (!writesOrders) {
            capabilities.remove(Capability.ORDER_TARGET);
        }
        return new ConnectorDescriptor(providerId, "Fake shop", "1", SpiVersion.CURRENT, capabilities,
                List.of(SettingSpec.required("home-url", SettingType.URL, "The shop's home URL."),
                        SettingSpec.optional("shop-key", SettingType.STRING, null, "The API key."),
                        SettingSpec.secret("shop-secret", false, "The API secret.")));
    }

    private final class Provider implements ConnectorProvider {
        private final ConnectorDescriptor descriptor = FakeShop.this.descriptor();

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
            return new FakeShopConnector(FakeShop.this, settings, context);
        }
    }
}
