package com.golisto.sync.tck;

import com.golisto.sync.api.model.Address;
import com.golisto.sync.api.model.Buyer;
import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.OrderLine;
import com.golisto.sync.api.model.OrderStatus;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.model.Variant;
import com.golisto.sync.api.model.WriteResult;
import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.OrderSource;
import com.golisto.sync.api.spi.SettingSpec;
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
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory marketplace and its connector, right by default; a {@link FakeRemote.Defect} breaks it on purpose
 * so that a test can show the TCK check for that defect fails. It lists products in EUR only.
 */
final class FakeMarketplace {

    static final Currency EUR = Currency.getInstance("EUR");

    private FakeMarketplace() {
    }

    /** A sale and when it last changed. */
    private record Sale(Order order, Instant updatedAt) {
    }

    /** The marketplace: listings and sales. */
    static final class Remote {
        final FakeRemote remote;
        final Map<String, Listing> listings = new ConcurrentHashMap<>();
        final Map<String, Sale> sales = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();

        Remote(Set<FakeRemote.Defect> defects) {
            this.remote = new FakeRemote(defects);
        }
    }

    /** The provider; one secret setting, the API token. */
    static final class Provider implements ConnectorProvider {
        static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("fake-market", "Fake market", "1.0",
                SpiVersion.CURRENT, Set.of(Capability.CATALOG_TARGET, Capability.ORDER_SOURCE, Capability.WEBHOOK_RECEIVER),
                List.of(SettingSpec.secret("api-token", true, "The API token.")));
        private final Remote market;

        /** For ServiceLoader: a marketplace of its own. */
        public Provider() {
            this(new Remote(Set.of()));
        }

        Provider(Remote market) {
            this.market = market;
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
            return new MarketConnector(market, context);
        }
    }

    /** The connector: catalog target, order source and webhook receiver over {@link Remote}. */
    static final class MarketConnector implements Connector, CatalogTarget, OrderSource, WebhookReceiver {
        private final Remote market;
        private final ConnectorContext context;

        MarketConnector(Remote market, ConnectorContext context) {
            this.market = market;
            this.context = context;
        }

        @Override
        public Optional<CatalogTarget> catalogTarget() {
            return Optional.of(this);
        }

        @Override
        public Optional<OrderSource> orderSource() {
            return Optional.of(this);
        }

        @Override
        public Optional<WebhookReceiver> webhookReceiver() {
            return Optional.of(this);
        }

        @Override
        public int maxBatchSize() {
            return 100;
        }

        @Override
        public int maxInventoryBatchSize() {
            return 100;
        }

        @Override
        public List<WriteResult> apply(CatalogBatch batch) {
            market.remote.call();
            List<WriteResult> results = new ArrayList<>();
            for (Listing listing : batch.upserts()) {
                String id = listing.product().id();
                if (!listing.product().price().currency().equals(EUR)) {
                    results.add(WriteResult.failed(id, null, market.remote.has(FakeRemote.Defect.ITEM_FAILURES_RETRYABLE)
                            ? WriteResult.ItemError.retryable("invalid_currency", "listings are priced in EUR")
                            : WriteResult.ItemError.rejected("invalid_currency", "listings are priced in EUR")));
                    continue;
                }
                Listing old = market.listings.put(id, listing);
                results.add(WriteResult.ok(id, old == null ? WriteResult.Outcome.CREATED
                        : old.equals(listing) ? WriteResult.Outcome.UNCHANGED : WriteResult.Outcome.UPDATED, id));
            }
            for (String id : batch.deletes()) {
                market.listings.remove(id);
                results.add(WriteResult.ok(id, WriteResult.Outcome.DELETED, null));
            }
            return results;
        }

        @Override
        public List<WriteResult> applyInventory(List<InventoryUpdate> updates) {
            market.remote.call();
            List<WriteResult> results = new ArrayList<>();
            for (InventoryUpdate u : updates) {
                Listing listing = market.listings.get(u.productId());
                if (listing == null) {
                    results.add(WriteResult.failed(u.productId(), u.variantId(), market.remote.has(FakeRemote.Defect.ITEM_FAILURES_RETRYABLE)
                            ? WriteResult.ItemError.retryable("not_found", "no listing")
                            : WriteResult.ItemError.notFound("not_found", "no listing")));
                    continue;
                }
                Product p = listing.product();
                Product changed = u.variantId() == null ? p.withStock(u.stock()) : p.withVariants(p.variants().stream()
                        .map(v -> v.id().equals(u.variantId()) ? new Variant(v.id(), v.sku(), v.options(), v.price(),
                                v.salePrice(), u.stock(), v.imageUrl()) : v).toList());
                market.listings.put(u.productId(), new Listing(changed, listing.fingerprint()));
                results.add(new WriteResult(u.productId(), u.variantId(), WriteResult.Outcome.UPDATED, null, null));
            }
            return results;
        }

        @Override
        public Optional<Listing> readListing(String productId) {
            market.remote.call();
            return Optional.ofNullable(market.listings.get(productId));
        }

        @Override
        public Page<Order> readChanged(Cursor since, String pageToken) {
            market.remote.call();
            Instant after = since.isBeginning() || market.remote.has(FakeRemote.Defect.IGNORES_CURSOR) ? Instant.MIN
                    : Instant.parse(since.value());
            Instant now = context.clock().instant();
            List<Order> changed = market.sales.values().stream().filter(s -> !s.updatedAt().isBefore(after))
                    .sorted((a, b) -> a.updatedAt().compareTo(b.updatedAt())).map(Sale::order).toList();
            return new Page<>(changed, null, new Cursor(now.toString()));
        }

        @Override
        public Optional<Order> read(String orderId) {
            market.remote.call();
            return Optional.ofNullable(market.sales.get(orderId)).map(Sale::order);
        }

        @Override
        public AckOutcome acknowledge(String orderId, ShopOrderRef shopOrder, long version) {
            market.remote.call();
            return market.sales.get(orderId).order().version() > version ? AckOutcome.STALE : AckOutcome.RECORDED;
        }

        @Override
        public WebhookVerdict verify(InboundRequest request) {
            Optional<String> signature = request.header("X-Fake-Signature");
            String secret = context.secrets().get(StoreSecrets.WEBHOOK_SECRET).orElseThrow().reveal();
            if (!market.remote.has(FakeRemote.Defect.ACCEPTS_FORGED_WEBHOOKS) && (signature.isEmpty()
                    || !MessageDigest.isEqual(signature.get().getBytes(StandardCharsets.US_ASCII),
                            FakeRemote.sign(secret, request.body()).getBytes(StandardCharsets.US_ASCII)))) {
                return new WebhookVerdict.Rejected("bad signature");
            }
            String[] parts = new String(request.body(), StandardCharsets.UTF_8).split(":");
            return new WebhookVerdict.Accepted("delivery-" + parts[2], List.of(new ChangeNotification(
                    ChangeNotification.Kind.ORDER, parts[1], ChangeNotification.Action.UPDATED)));
        }

        @Override
        public void close() {
        }
    }

    /** The fixture: reads back listings, plays the buyer. */
    static final class Fixture implements MarketplaceFixture {
        final Remote market;
        private final AtomicInteger deliveries = new AtomicInteger();

        Fixture(Set<FakeRemote.Defect> defects) {
            this.market = new Remote(defects);
        }

        @Override
        public ConnectorProvider provider() {
            return new Provider(market);
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("api-token", FakeRemote.API_SECRET);
        }

        @Override
        public ConnectorContext context() {
            return market.remote.context;
        }

        @Override
        public void advanceTime(Duration duration) {
            market.remote.clock.advance(duration);
        }

        @Override
        public void failNextCall(int status, Duration retryAfter) {
            market.remote.failNext(status, retryAfter == null ? Duration.ZERO : retryAfter);
        }

        @Override
        public Currency currency() {
            return EUR;
        }

        @Override
        public Product refusedProduct(String productId) {
            Product p = CatalogTargetChecks.simple(productId, Currency.getInstance("USD"), 1);
            return p;
        }

        @Override
        public boolean listed(String productId) {
            return market.listings.containsKey(productId);
        }

        @Override
        public OptionalInt listedStock(String productId, String variantId) {
            Listing l = market.listings.get(productId);
            if (l == null) {
                return OptionalInt.empty();
            }
            if (variantId == null) {
                return l.product().stock().knownQuantity();
            }
            return l.product().variants().stream().filter(v -> v.id().equals(variantId)).findFirst()
                    .map(v -> v.stock().knownQuantity()).orElse(OptionalInt.empty());
        }

        @Override
        public String queueSale(String productId, String variantId, int quantity) {
            Product p = market.listings.get(productId).product();
            String id = "sale-" + market.ids.incrementAndGet();
            Instant now = market.remote.clock.instant();
            Money unit = p.price();
            Order order = new Order(id, id, 1, OrderStatus.PAID, EUR, now, now, new Buyer("B", "b@example.com"),
                    Address.empty(), Address.empty(), List.of(new OrderLine(id + "-1", productId, variantId, p.sku(),
                            p.title(), quantity, unit, unit)), Money.zero(EUR), unit, List.of(), null);
            market.sales.put(id, new Sale(order, now));
            return id;
        }

        @Override
        public InboundRequest signedDelivery(String orderId) {
            return delivery(orderId, FakeRemote.WEBHOOK_SECRET);
        }

        @Override
        public InboundRequest forgedDelivery(String orderId) {
            return delivery(orderId, "another-secret-0123456789abcdef");
        }

        private InboundRequest delivery(String orderId, String secret) {
            byte[] body = ("order:" + orderId + ":" + deliveries.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            return new InboundRequest("POST", "/hooks", "", Map.of("X-Fake-Signature",
                    List.of(FakeRemote.sign(secret, body))), body);
        }
    }
}
