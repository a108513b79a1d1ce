package com.golisto.sync.core.testing;

import com.golisto.sync.api.model.Address;
import com.golisto.sync.api.model.Buyer;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.OrderLine;
import com.golisto.sync.api.model.OrderStatus;
import com.golisto.sync.api.model.Payout;
import com.golisto.sync.api.model.PayoutStatus;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.Shipment;
import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.SettingType;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.SpiVersion;
import com.golisto.sync.api.spi.WebhookRouting;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory marketplace: connections with their approval, listings and sales, behind a connector offered
 * by {@link #provider()} (connection lifecycle, catalog target with batches, order source, webhook receiver
 * checking an HMAC signature and a replay window, and routing of webhooks by account). The test plays the
 * merchant signing in ({@link #signIn}), the marketplace's staff ({@link #approve}, {@link #endConnection},
 * {@link #revokeToken}), the buyers ({@link #createSale}, {@link #ship}) and the fault injector
 * ({@link #faults()}). One instance serves every store; thread-safe.
 */
public final class FakeMarketplace {

    /** The marketplace's operations, for {@link #faults()}. */
    public enum Op {
        COMPLETE_CONNECTION, STATUS, DISCONNECT, APPLY, APPLY_INVENTORY, READ_LISTING, READ_ORDERS, READ_ORDER,
        ACKNOWLEDGE
    }

    /** Where the merchant's browser comes back to after signing in: the engine's state and a one-time code. */
    public record ConnectReturn(String state, String code) {
    }

    /** What the engine acknowledged for a sale. */
    public record Ack(String shopOrderId, String shopOrderNumber, long version) {
    }

    /** One line of a sale to create. {@code variantId} may be null. */
    public record SaleLine(String productId, String variantId, int quantity) {
    }

    static final String ID = "fake-marketplace";
    static final String EVENT = "X-Fake-Market-Event";
    static final String DELIVERY = "X-Fake-Market-Delivery";
    static final String TIMESTAMP = "X-Fake-Market-Timestamp";
    static final String ACCOUNT = "X-Fake-Market-Account";
    static final String SIGNATURE = "X-Fake-Market-Signature";

    /** One store's connection, with everything the marketplace holds for it. Guarded by the marketplace. */
    static final class Connection {
        final String id;
        final String token;
        final String currency;
        final String webhookSecret;
        final String shopKey;
        ConnectionStatus status = ConnectionStatus.AWAITING_APPROVAL;
        String reason;
        boolean revoked;
        java.time.Instant approvedAt;
        final TreeMap<String, Listing> listings = new TreeMap<>();
        final Map<String, Order> sales = new LinkedHashMap<>();
        final Map<String, Long> saleChangedAt = new HashMap<>();
        final Map<String, Ack> acks = new HashMap<>();

        Connection(String id, String token, String currency, String webhookSecret, String shopKey) {
            this.id = id;
            this.token = token;
            this.currency = currency;
            this.webhookSecret = webhookSecret;
            this.shopKey = shopKey;
        }
    }

    private final Clock clock;
    private final Faults<Op> faults = new Faults<>(Op.class);
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Map<String, Boolean> codes = new HashMap<>();
    private long sequence;
    private long deliveries;
    private int batchSize = 50;

    /** A marketplace reading this clock. */
    public FakeMarketplace(Clock clock) {
        this.clock = clock;
    }

    /** Fault injection and call counts of this marketplace's operations. */
    public Faults<Op> faults() {
        return faults;
    }

    /** The most upserts plus deletes one catalog batch accepts; default 50. */
    public synchronized void batchSize(int size) {
        batchSize = size;
    }

    synchronized int batchSizeNow() {
        return batchSize;
    }

    Clock clock() {
        return clock;
    }

    // ---- connecting and following the connection ----

    /** The merchant opens the engine's connect link and signs in: the marketplace sends them back with a code. */
    public synchronized ConnectReturn signIn(URI connectUrl) {
        String code = "code-" + (codes.size() + 1);
        codes.put(code, false);
        return new ConnectReturn(FakeShopConnector.queryParam(connectUrl, "state"), code);
    }

    synchronized boolean redeem(String code) {
        Boolean used = codes.get(code);
        if (used == null || used) {
            return false;
        }
        codes.put(code, true);
        return true;
    }

    synchronized Connection connect(String currency, String webhookSecret, String shopKey) {
        String id = "conn-" + (connections.size() + 1);
        Connection connection = new Connection(id, "token-" + id + "-" + Long.toHexString(System.nanoTime()),
                currency, webhookSecret, shopKey);
        connections.put(id, connection);
        return connection;
    }

    synchronized Optional<Connection> connection(String accountId) {
        return Optional.ofNullable(connections.get(accountId));
    }

    /** The marketplace approves the store. */
    public synchronized void approve(String accountId) {
        Connection c = require(accountId);
        c.status = ConnectionStatus.APPROVED;
        c.approvedAt = clock.instant();
        c.reason = null;
    }

    /** The marketplace ends the connection: further calls are refused as not approved. */
    public synchronized void endConnection(String accountId, String reason) {
        Connection c = require(accountId);
        c.status = ConnectionStatus.DISCONNECTED;
        c.reason = reason;
    }

    /** The marketplace revokes the store's token: further calls are refused as rejected credentials. */
    public synchronized void revokeToken(String accountId) {
        require(accountId).revoked = true;
    }

    /** The connection's status as the marketplace holds it. */
    public synchronized ConnectionStatus status(String accountId) {
        return require(accountId).status;
    }

    /** Whether the store's token was revoked (by {@link #revokeToken} or a disconnect). */
    public synchronized boolean tokenRevoked(String accountId) {
        return require(accountId).revoked;
    }

    /** The shop API key the engine handed over when connecting. */
    public synchronized String shopKey(String accountId) {
        return require(accountId).shopKey;
    }

    // ---- listings ----

    /** The connection's listings, in product id order. */
    public synchronized List<Listing> listings(String accountId) {
        return List.copyOf(require(accountId).listings.values());
    }

    /** One listing. */
    public synchronized Optional<Listing> listing(String accountId, String productId) {
        return Optional.ofNullable(require(accountId).listings.get(productId));
    }

    // ---- sales ----

    /** A buyer buys: a new sale at version 1, priced as listed. @return the sale's id */
    public synchronized String createSale(String accountId, SaleLine... lines) {
        Connection c = require(accountId);
        String number = Integer.toString(5000 + (int) ++sequence);
        String id = "S-" + number;
        List<OrderLine> orderLines = new ArrayList<>();
        Money total = Money.zero(Money.currency(c.currency));
        for (SaleLine line : lines) {
            Money unit = unitPrice(c, line);
            orderLines.add(new OrderLine(id + "-" + (orderLines.size() + 1), line.productId(), line.variantId(), null,
                    "item " + line.productId(), line.quantity(), unit, unit.times(line.quantity())));
            total = total.plus(unit.times(line.quantity()));
        }
        Address address = new Address("Ada", "Buyer", "", "1 Main St", "", "Berlin", "", "10115", "DE", "",
                "ada@example.com");
        Order order = new Order(id, number, 1, OrderStatus.PAID, Money.currency(c.currency), clock.instant(),
                clock.instant(), new Buyer("Ada Buyer", "ada@example.com"), address, address, orderLines, null,
                total, List.of(), null);
        c.sales.put(id, order);
        c.saleChangedAt.put(id, sequence);
        return id;
    }

    private static Money unitPrice(Connection c, SaleLine line) {
        Listing listing = c.listings.get(line.productId());
        if (listing == null) {
            return Money.of("10", c.currency);
        }
        Product p = listing.product();
        return p.variants().stream().filter(v -> v.id().equals(line.variantId())).findFirst()
                .map(v -> v.price()).orElse(p.price());
    }

    /** The sale is shipped: a new version with a shipment. */
    public synchronized void ship(String orderId, String carrier, String tracking) {
        Order o = sale(orderId);
        List<Shipment> shipments = new ArrayList<>(o.shipments());
        shipments.add(new Shipment("SH-" + (shipments.size() + 1), carrier, tracking, "", clock.instant()));
        change(new Order(o.id(), o.number(), o.version() + 1, OrderStatus.SHIPPED, o.currency(), o.createdAt(),
                clock.instant(), o.buyer(), o.shippingAddress(), o.billingAddress(), o.lines(), o.shippingTotal(),
                o.total(), shipments, o.payout()));
    }

    /** The merchant's payout is scheduled: a new version. */
    public synchronized void schedulePayout(String orderId) {
        Order o = sale(orderId);
        Money fee = Money.of("1", o.currency().getCurrencyCode());
        change(new Order(o.id(), o.number(), o.version() + 1, o.status(), o.currency(), o.createdAt(),
                clock.instant(), o.buyer(), o.shippingAddress(), o.billingAddress(), o.lines(), o.shippingTotal(),
                o.total(), o.shipments(), new Payout(PayoutStatus.SCHEDULED, o.total().minus(fee), fee, "", null)));
    }

    /** The sale as the marketplace holds it. */
    public synchronized Order sale(String orderId) {
        return connections.values().stream().map(c -> c.sales.get(orderId)).filter(java.util.Objects::nonNull)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no sale " + orderId));
    }

    private void change(Order newer) {
        for (Connection c : connections.values()) {
            if (c.sales.containsKey(newer.id())) {
                c.sales.put(newer.id(), newer);
                c.saleChangedAt.put(newer.id(), ++sequence);
            }
        }
    }

    /** What the engine acknowledged for a sale. */
    public synchronized Optional<Ack> acknowledgement(String orderId) {
        return connections.values().stream().map(c -> c.acks.get(orderId)).filter(java.util.Objects::nonNull)
                .findFirst();
    }

    // ---- webhooks ----

    /**
     * A webhook as the marketplace posts it, signed with the secret the engine handed over when connecting.
     *
     * @param event e.g. {@code connection.updated} or {@code order.created}
     * @param orderId the sale an order event is about, else {@code null}
     */
    public synchronized InboundRequest webhook(String accountId, String event, String orderId) {
        Connection c = require(accountId);
        return signedWebhook(accountId, event, orderId, c.webhookSecret);
    }

    /** The same, signed with a secret the marketplace never had. */
    public synchronized InboundRequest forgedWebhook(String accountId, String event, String orderId) {
        return signedWebhook(accountId, event, orderId, "forged-forged-forged-forged-forged-forged");
    }

    private InboundRequest signedWebhook(String accountId, String event, String orderId, String secret) {
        byte[] body = (orderId == null ? "" : orderId).getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        byte[] signed = (timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return new InboundRequest("POST", "/webhooks/" + ID, "", Map.of(EVENT, List.of(event),
                DELIVERY, List.of("d-" + ++deliveries), TIMESTAMP, List.of(timestamp), ACCOUNT, List.of(accountId),
                SIGNATURE, List.of(Hmac.sign(secret, signed))), body);
    }

    private Connection require(String accountId) {
        Connection c = connections.get(accountId);
        if (c == null) {
            throw new IllegalArgumentException("no connection " + accountId);
        }
        return c;
    }

    // ---- the connector ----

    /** The provider of this marketplace's connector, to hand to {@code SyncEngine.builder().connectors(...)}. */
    public ConnectorProvider provider() {
        return new Provider();
    }

    /** Settings: {@code connection-id} and {@code api-token}, which the engine stores from the grant. */
    static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Fake marketplace", "1", SpiVersion.CURRENT,
            Set.of(Capability.CONNECTION_LIFECYCLE, Capability.CATALOG_TARGET, Capability.ORDER_SOURCE,
                    Capability.WEBHOOK_RECEIVER),
            List.of(SettingSpec.optional("connection-id", SettingType.STRING, null, "The connection's id."),
                    SettingSpec.secret("api-token", false, "The store's API token.")));

    private final class Provider implements ConnectorProvider {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public Connector open(Settings settings, ConnectorContext context) {
            return new FakeMarketplaceConnector(FakeMarketplace.this, settings, context);
        }

        @Override
        public Optional<WebhookRouting> webhookRouting() {
            return Optional.of(request -> request.header(ACCOUNT).map(String::trim).filter(a -> !a.isEmpty()));
        }
    }
}
