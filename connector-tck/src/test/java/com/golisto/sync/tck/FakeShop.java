package com.golisto.sync.tck;

import com.golisto.sync.api.model.CatalogPage;
import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.KnownProduct;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.KnownProducts;
import com.golisto.sync.api.spi.OrderTarget;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.SettingType;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.SpiVersion;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookVerdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory shop and its connector, right by default; a {@link FakeRemote.Defect} breaks it on purpose so that
 * a test can show the TCK check for that defect fails.
 */
final class FakeShop {

    private FakeShop() {
    }

    /** What the shop holds of one product. */
    private record Stored(Product product, Instant modifiedAt, boolean trashed) {
    }

    /** The shop itself: products by id, orders by sale id. */
    static final class Remote {
        final FakeRemote remote;
        final Map<String, Stored> products = new ConcurrentHashMap<>();
        final Map<String, List<ShopOrderRef>> orders = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger(100);

        Remote(Set<FakeRemote.Defect> defects) {
            this.remote = new FakeRemote(defects);
        }

        String nextId() {
            return Integer.toString(ids.incrementAndGet());
        }

        void put(Product product) {
            Stored old = products.get(product.id());
            products.put(product.id(), new Stored(product, remote.clock.instant(), old != null && old.trashed()));
        }

        Product product(String id) {
            return products.get(id).product();
        }
    }

    /** The provider; its settings: a URL, a secret API key and a page size. */
    static final class Provider implements ConnectorProvider {
        static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("fake-shop", "Fake shop", "1.0",
                SpiVersion.CURRENT, Set.of(Capability.CATALOG_SOURCE, Capability.ORDER_TARGET, Capability.WEBHOOK_RECEIVER),
                List.of(SettingSpec.required("url", SettingType.URL, "The shop."),
                        SettingSpec.secret("api-secret", true, "The API secret."),
                        SettingSpec.optional("page-size", SettingType.INTEGER, "2", "Products per page.")));
        private final Remote shop;

        /** For ServiceLoader: a shop of its own. */
        public Provider() {
            this(new Remote(Set.of()));
        }

        Provider(Remote shop) {
            this.shop = shop;
        }

        @Override
        public String id() {
            return DESCRIPTOR.id();
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public Connector open(Settings settings, ConnectorContext context) {
            return new ShopConnector(shop, settings, context);
        }
    }

    /** The connector: catalog source, order target and webhook receiver over {@link Remote}. */
    static final class ShopConnector implements Connector, CatalogSource, OrderTarget, WebhookReceiver {
        private final Remote shop;
        private final Settings settings;
        private final ConnectorContext context;
        private final int pageSize;

        ShopConnector(Remote shop, Settings settings, ConnectorContext context) {
            this.shop = shop;
            this.settings = settings;
            this.context = context;
            this.pageSize = settings.integer("page-size").orElse(2);
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
        public Page<Product> readAll(String pageToken) {
            CatalogPage page = readAll(pageToken, KnownProducts.none());
            return new Page<>(page.products(), page.nextPageToken(), page.cursor());
        }

        @Override
        public CatalogPage readAll(String pageToken, KnownProducts known) {
            shop.remote.call();
            return page(sorted(Instant.MIN), pageToken, known, true);
        }

        @Override
        public Page<Product> readChanged(Cursor since, String pageToken) {
            CatalogPage page = readChanged(since, pageToken, KnownProducts.none());
            return new Page<>(page.products(), page.nextPageToken(), page.cursor());
        }

        @Override
        public CatalogPage readChanged(Cursor since, String pageToken, KnownProducts known) {
            shop.remote.call();
            Instant after = since.isBeginning() || shop.remote.has(FakeRemote.Defect.IGNORES_CURSOR) ? Instant.MIN
                    : Instant.parse(since.value());
            return page(sorted(after), pageToken, known, false);
        }

        /** Products changed at or after the instant, by id. */
        private List<Stored> sorted(Instant after) {
            return shop.products.values().stream().filter(s -> !s.modifiedAt().isBefore(after))
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(a.product().id()),
                            Integer.parseInt(b.product().id())))
                    .toList();
        }

        /** Token: offset|start instant. Full reads carry the cursor on the first page, change reads on the last. */
        private CatalogPage page(List<Stored> all, String token, KnownProducts known, boolean full) {
            int offset = token == null ? 0 : Integer.parseInt(token.split("\\|")[0]);
            Instant start = token == null ? context.clock().instant() : Instant.parse(token.split("\\|")[1]);
            List<Stored> slice = all.subList(Math.min(offset, all.size()), Math.min(offset + pageSize, all.size()));
            Map<String, KnownProduct> held = known.find(slice.stream().map(s -> s.product().id()).toList());
            List<Product> whole = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            Map<String, String> versions = new LinkedHashMap<>();
            for (Stored s : slice) {
                String version = Long.toString(s.modifiedAt().toEpochMilli());
                versions.put(s.product().id(), version);
                KnownProduct mine = held.get(s.product().id());
                boolean same = mine != null && mine.version() != null
                        && (version.equals(mine.version()) || shop.remote.has(FakeRemote.Defect.ALWAYS_UNCHANGED));
                if (same) {
                    unchanged.add(s.product().id());
                } else {
                    whole.add(withStatus(s));
                }
            }
            boolean last = offset + pageSize >= all.size();
            String next = last ? null : (offset + pageSize) + "|" + start;
            Cursor cursor = new Cursor(start.toString());
            return new CatalogPage(whole, unchanged, versions, next, full ? (token == null ? cursor : null)
                    : (last ? cursor : null));
        }

        private static Product withStatus(Stored s) {
            Product p = s.product();
            return !s.trashed() ? p : new Product(p.id(), p.sku(), p.title(), p.descriptionHtml(),
                    p.shortDescriptionHtml(), ProductStatus.ARCHIVED, p.price(), p.salePrice(), p.stock(), p.weight(),
                    p.images(), p.categories(), p.attributes(), p.variants(), s.modifiedAt());
        }

        @Override
        public Optional<Product> read(String productId) {
            shop.remote.call();
            for (Stored s : shop.products.values()) {
                if (s.product().id().equals(productId)
                        || s.product().variants().stream().anyMatch(v -> v.id().equals(productId))) {
                    return Optional.of(withStatus(s));
                }
            }
            return Optional.empty();
        }

        @Override
        public ShopOrderRef create(Order order) {
            shop.remote.call();
            for (var line : order.lines()) {
                if (!shop.products.containsKey(line.productId())) {
                    throw new InvalidItemException("unknown_product", "no product " + line.productId());
                }
            }
            String id = shop.nextId();
            ShopOrderRef ref = new ShopOrderRef(id, "#" + id);
            shop.orders.computeIfAbsent(order.id(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(ref);
            return ref;
        }

        @Override
        public Optional<ShopOrderRef> find(Order order) {
            shop.remote.call();
            List<ShopOrderRef> refs = shop.orders.getOrDefault(order.id(), List.of());
            return refs.isEmpty() || shop.remote.has(FakeRemote.Defect.FINDS_NO_ORDER) ? Optional.empty()
                    : Optional.of(refs.get(0));
        }

        @Override
        public void update(ShopOrderRef shopOrder, Order order) {
            shop.remote.call();
        }

        @Override
        public WebhookVerdict verify(InboundRequest request) {
            Optional<String> signature = request.header("X-Fake-Signature");
            String secret = context.secrets().get(StoreSecrets.WEBHOOK_SECRET).orElseThrow().reveal();
            if (!shop.remote.has(FakeRemote.Defect.ACCEPTS_FORGED_WEBHOOKS) && (signature.isEmpty()
                    || !MessageDigest.isEqual(signature.get().getBytes(StandardCharsets.US_ASCII),
                            FakeRemote.sign(secret, request.body()).getBytes(StandardCharsets.US_ASCII)))) {
                return new WebhookVerdict.Rejected("bad signature");
            }
            String body = new String(request.body(), StandardCharsets.UTF_8);
            String id = body.split(":")[1];
            try {
                String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.body()));
                return new WebhookVerdict.Accepted(key, List.of(new ChangeNotification(ChangeNotification.Kind.PRODUCT,
                        id, ChangeNotification.Action.UPDATED)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return "FakeShopConnector[" + (shop.remote.has(FakeRemote.Defect.SECRET_IN_TO_STRING)
                    ? settings.rawValues() : settings) + "]";
        }

        @Override
        public void close() {
        }
    }

    /** The fixture: the merchant's edits on {@link Remote}. */
    static final class Fixture implements ShopFixture {
        final Remote shop;
        private final AtomicInteger deliveries = new AtomicInteger();

        Fixture(Set<FakeRemote.Defect> defects) {
            this.shop = new Remote(defects);
        }

        @Override
        public ConnectorProvider provider() {
            return new Provider(shop);
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("url", "https://fake-shop.example.com", "api-secret", FakeRemote.API_SECRET);
        }

        @Override
        public ConnectorContext context() {
            return shop.remote.context;
        }

        @Override
        public void advanceTime(Duration duration) {
            shop.remote.clock.advance(duration);
        }

        @Override
        public void failNextCall(int status, Duration retryAfter) {
            shop.remote.failNext(status, retryAfter == null ? Duration.ZERO : retryAfter);
        }

        @Override
        public String addProduct(String title, String price, int stock) {
            String id = shop.nextId();
            shop.put(new Product(id, null, title, "", "", ProductStatus.ACTIVE, Money.of(price, "EUR"), null,
                    StockLevel.of(stock, StockStatus.IN_STOCK), null, List.of(), List.of(), Map.of(), List.of(),
                    null));
            return id;
        }

        @Override
        public String addVariableProduct(String title, List<String> options) {
            String id = shop.nextId();
            List<Variant> variants = options.stream().map(o -> new Variant(id + "-" + o, "SKU-" + id + "-" + o,
                    Map.of("Size", o), Money.of("15.00", "EUR"), null, StockLevel.of(5, StockStatus.IN_STOCK), null))
                    .toList();
            shop.put(new Product(id, null, title, "", "", ProductStatus.ACTIVE, Money.of("15.00", "EUR"), null,
                    StockLevel.untracked(StockStatus.IN_STOCK), null, List.of(), List.of(),
                    Map.of("Size", options), variants, null));
            return id;
        }

        @Override
        public void rename(String productId, String title) {
            Product p = shop.product(productId);
            shop.put(new Product(p.id(), p.sku(), title, p.descriptionHtml(), p.shortDescriptionHtml(), p.status(),
                    p.price(), p.salePrice(), p.stock(), p.weight(), p.images(), p.categories(), p.attributes(),
                    p.variants(), p.modifiedAt()));
        }

        @Override
        public void setStock(String productId, String variantId, int quantity) {
            Product p = shop.product(productId);
            StockLevel stock = StockLevel.of(quantity, StockStatus.IN_STOCK);
            shop.put(variantId == null ? p.withStock(stock) : p.withVariants(p.variants().stream()
                    .map(v -> v.id().equals(variantId) ? new Variant(v.id(), v.sku(), v.options(), v.price(),
                            v.salePrice(), stock, v.imageUrl()) : v).toList()));
        }

        @Override
        public void delete(String productId) {
            shop.products.remove(productId);
        }

        @Override
        public boolean trash(String productId) {
            Stored s = shop.products.get(productId);
            shop.products.put(productId, new Stored(s.product(), shop.remote.clock.instant(), true));
            return true;
        }

        @Override
        public boolean unpublish(String productId) {
            Product p = shop.product(productId);
            shop.put(new Product(p.id(), p.sku(), p.title(), p.descriptionHtml(), p.shortDescriptionHtml(),
                    ProductStatus.DRAFT, p.price(), p.salePrice(), p.stock(), p.weight(), p.images(), p.categories(),
                    p.attributes(), p.variants(), p.modifiedAt()));
            return true;
        }

        @Override
        public InboundRequest signedDelivery(String productId) {
            return delivery(productId, FakeRemote.WEBHOOK_SECRET);
        }

        @Override
        public InboundRequest forgedDelivery(String productId) {
            return delivery(productId, "another-secret-0123456789abcdef");
        }

        private InboundRequest delivery(String productId, String secret) {
            byte[] body = ("product:" + productId + ":" + deliveries.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            return new InboundRequest("POST", "/hooks", "", Map.of("X-Fake-Signature",
                    List.of(FakeRemote.sign(secret, body))), body);
        }

        @Override
        public int ordersFor(String saleId) {
            return shop.orders.getOrDefault(saleId, List.of()).size();
        }
    }
}
