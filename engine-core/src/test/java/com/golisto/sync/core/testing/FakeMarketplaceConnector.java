package com.golisto.sync.core.testing;

import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.model.ConnectionState;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.model.Variant;
import com.golisto.sync.api.model.WriteResult;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.ConnectCompletion;
import com.golisto.sync.api.spi.ConnectRequest;
import com.golisto.sync.api.spi.ConnectionGrant;
import com.golisto.sync.api.spi.ConnectionLifecycle;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.api.spi.OrderSource;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookVerdict;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link FakeMarketplace}'s connector for one store. Calls other than connecting need the store's token:
 * a revoked or missing one is refused with {@link CredentialsRejectedException}, a connection not approved
 * (any more) with {@link NotApprovedException}. A listing priced in another currency than the store's is
 * refused as an item ({@code currency_mismatch}). Every operation counts a call in the marketplace's
 * {@link Faults} and reports one request to the engine's metrics. Thread-safe.
 */
final class FakeMarketplaceConnector implements Connector, ConnectionLifecycle, CatalogTarget, OrderSource,
        WebhookReceiver {

    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final int ORDER_PAGE = 50;

    private final FakeMarketplace market;
    private final ConnectorContext context;
    private final String accountId;
    private final String token;

    FakeMarketplaceConnector(FakeMarketplace market, Settings settings, ConnectorContext context) {
        this.market = market;
        this.context = context;
        this.accountId = settings.string("connection-id").orElse(null);
        this.token = settings.secret("api-token").map(Secret::reveal).orElse(null);
    }

    @Override
    public Optional<ConnectionLifecycle> connectionLifecycle() {
        return Optional.of(this);
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
    public void close() {
        // holds nothing
    }

    private void enter(FakeMarketplace.Op op) throws InterruptedException {
        context.metrics().request(op.name(), 200, Duration.ZERO);
        market.faults().enter(op);
    }

    /** The store's connection; the caller holds the marketplace's lock. */
    private FakeMarketplace.Connection authorized() {
        FakeMarketplace.Connection c = accountId == null ? null : market.connection(accountId).orElse(null);
        if (c == null || token == null || c.revoked || !c.token.equals(token)) {
            throw new CredentialsRejectedException("the marketplace does not accept this store's token");
        }
        return c;
    }

    private FakeMarketplace.Connection approved() {
        FakeMarketplace.Connection c = authorized();
        if (c.status != ConnectionStatus.APPROVED) {
            throw new NotApprovedException("the connection is " + c.status + (c.reason == null ? "" : ": " + c.reason));
        }
        return c;
    }

    // ---- connection lifecycle ----

    @Override
    public URI connectUrl(ConnectRequest request) {
        return URI.create("https://marketplace.example/connect?store_url="
                + URLEncoder.encode(request.storeUrl().toString(), StandardCharsets.UTF_8)
                + "&state=" + URLEncoder.encode(request.state(), StandardCharsets.UTF_8));
    }

    @Override
    public ConnectionGrant complete(ConnectCompletion completion) throws InterruptedException {
        enter(FakeMarketplace.Op.COMPLETE_CONNECTION);
        if (!market.redeem(completion.code())) {
            throw new InvalidItemException("invalid_code", "the connect code is unknown or used");
        }
        FakeMarketplace.Connection c = market.connect(completion.currency().getCurrencyCode(),
                completion.webhookSecret().reveal(), completion.shopCredentials().key());
        return new ConnectionGrant(new ConnectionState(c.status, c.id, null, null),
                Map.of("connection-id", c.id, "api-token", c.token));
    }

    @Override
    public ConnectionState status() throws InterruptedException {
        enter(FakeMarketplace.Op.STATUS);
        synchronized (market) {
            FakeMarketplace.Connection c = authorized();
            return new ConnectionState(c.status, c.id, c.approvedAt, c.reason);
        }
    }

    @Override
    public void disconnect() throws InterruptedException {
        if (token == null) {
            return;
        }
        enter(FakeMarketplace.Op.DISCONNECT);
        synchronized (market) {
            FakeMarketplace.Connection c = market.connection(accountId).orElse(null);
            if (c != null && c.token.equals(token)) {
                c.status = ConnectionStatus.DISCONNECTED;
                c.reason = "disconnected by the store";
                c.revoked = true;
            }
        }
    }

    // ---- catalog ----

    @Override
    public int maxBatchSize() {
        return market.batchSizeNow();
    }

    @Override
    public List<WriteResult> apply(CatalogBatch batch) throws InterruptedException {
        enter(FakeMarketplace.Op.APPLY);
        List<WriteResult> results = new ArrayList<>();
        synchronized (market) {
            FakeMarketplace.Connection c = approved();
            for (Listing listing : batch.upserts()) {
                Product p = listing.product();
                if (!p.price().currency().getCurrencyCode().equals(c.currency)) {
                    results.add(WriteResult.failed(p.id(), null, WriteResult.ItemError.rejected("currency_mismatch",
                            "the store sells in " + c.currency + ", not " + p.price().currency())));
                    continue;
                }
                Listing before = c.listings.put(p.id(), listing);
                WriteResult.Outcome outcome = before == null ? WriteResult.Outcome.CREATED
                        : listing.fingerprint() != null && listing.fingerprint().equals(before.fingerprint())
                                ? WriteResult.Outcome.UNCHANGED : WriteResult.Outcome.UPDATED;
                results.add(WriteResult.ok(p.id(), outcome, "L-" + p.id()));
            }
            for (String id : batch.deletes()) {
                results.add(c.listings.remove(id) != null ? WriteResult.ok(id, WriteResult.Outcome.DELETED, "L-" + id)
                        : WriteResult.failed(id, null, WriteResult.ItemError.notFound("not_found", "no listing")));
            }
        }
        market.faults().leave(FakeMarketplace.Op.APPLY);
        return results;
    }

    @Override
    public int maxInventoryBatchSize() {
        return 100;
    }

    @Override
    public List<WriteResult> applyInventory(List<InventoryUpdate> updates) throws InterruptedException {
        enter(FakeMarketplace.Op.APPLY_INVENTORY);
        List<WriteResult> results = new ArrayList<>();
        synchronized (market) {
            FakeMarketplace.Connection c = approved();
            for (InventoryUpdate update : updates) {
                Listing listing = c.listings.get(update.productId());
                if (listing == null) {
                    results.add(new WriteResult(update.productId(), update.variantId(), WriteResult.Outcome.FAILED,
                            null, WriteResult.ItemError.notFound("not_found", "no listing")));
                    continue;
                }
                Product p = listing.product();
                Product changed = update.variantId() == null ? p.withStock(update.stock())
                        : p.withVariants(p.variants().stream().map(v -> !v.id().equals(update.variantId()) ? v
                                : new Variant(v.id(), v.sku(), v.options(), v.price(), v.salePrice(), update.stock(),
                                        v.imageUrl())).toList());
                c.listings.put(p.id(), new Listing(changed, listing.fingerprint()));
                results.add(new WriteResult(update.productId(), update.variantId(), WriteResult.Outcome.UPDATED,
                        "L-" + p.id(), null));
            }
        }
        return results;
    }

    @Override
    public Optional<Listing> readListing(String productId) throws InterruptedException {
        enter(FakeMarketplace.Op.READ_LISTING);
        synchronized (market) {
            return Optional.ofNullable(approved().listings.get(productId));
        }
    }

    // ---- orders ----

    @Override
    public Page<Order> readChanged(Cursor since, String pageToken) throws InterruptedException {
        enter(FakeMarketplace.Op.READ_ORDERS);
        synchronized (market) {
            FakeMarketplace.Connection c = approved();
            long after = since.isBeginning() ? 0 : Long.parseLong(since.value());
            List<Map.Entry<String, Long>> changed = c.saleChangedAt.entrySet().stream()
                    .filter(e -> e.getValue() > after).sorted(Map.Entry.comparingByValue()).toList();
            int offset = pageToken == null ? 0 : Integer.parseInt(pageToken);
            int end = Math.min(changed.size(), offset + ORDER_PAGE);
            long resumeAt = end == 0 ? after : changed.get(end - 1).getValue();
            List<Order> items = changed.subList(offset, end).stream().map(e -> c.sales.get(e.getKey())).toList();
            return new Page<>(items, end < changed.size() ? Integer.toString(end) : null,
                    new Cursor(Long.toString(resumeAt)));
        }
    }

    @Override
    public Optional<Order> read(String orderId) throws InterruptedException {
        enter(FakeMarketplace.Op.READ_ORDER);
        synchronized (market) {
            return Optional.ofNullable(approved().sales.get(orderId));
        }
    }

    @Override
    public AckOutcome acknowledge(String orderId, ShopOrderRef shopOrder, long version) throws InterruptedException {
        enter(FakeMarketplace.Op.ACKNOWLEDGE);
        AckOutcome outcome;
        synchronized (market) {
            FakeMarketplace.Connection c = approved();
            Order current = c.sales.get(orderId);
            if (current == null) {
                throw new InvalidItemException("unknown_order", "no sale " + orderId);
            }
            if (current.version() > version) {
                outcome = AckOutcome.STALE;
            } else {
                c.acks.put(orderId, new FakeMarketplace.Ack(shopOrder.id(), shopOrder.number(), version));
                outcome = AckOutcome.RECORDED;
            }
        }
        market.faults().leave(FakeMarketplace.Op.ACKNOWLEDGE);
        return outcome;
    }

    // ---- webhooks ----

    @Override
    public WebhookVerdict verify(InboundRequest request) {
        Optional<Secret> secret = context.secrets().get(StoreSecrets.WEBHOOK_SECRET);
        if (secret.isEmpty()) {
            return new WebhookVerdict.Rejected("no webhook secret is held for store " + context.storeId());
        }
        String event = request.header(FakeMarketplace.EVENT).orElse("");
        String delivery = request.header(FakeMarketplace.DELIVERY).orElse("");
        String timestamp = request.header(FakeMarketplace.TIMESTAMP).orElse("");
        String account = request.header(FakeMarketplace.ACCOUNT).orElse("");
        String signature = request.header(FakeMarketplace.SIGNATURE).orElse("");
        if (event.isEmpty() || delivery.isEmpty() || timestamp.isEmpty() || account.isEmpty()) {
            return new WebhookVerdict.Rejected("missing headers");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return new WebhookVerdict.Rejected("the timestamp is not unix seconds");
        }
        if (Math.abs(context.clock().instant().getEpochSecond() - sentAt) > MAX_SKEW.toSeconds()) {
            return new WebhookVerdict.Rejected("the timestamp is outside the replay window");
        }
        byte[] signed = (timestamp + "." + new String(request.body(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        if (!Hmac.matches(secret.get().reveal(), signed, signature)) {
            return new WebhookVerdict.Rejected("the signature does not match the body");
        }
        if (accountId != null && !accountId.equals(account)) {
            return new WebhookVerdict.Rejected("the delivery is for another connection");
        }
        String body = new String(request.body(), StandardCharsets.UTF_8).trim();
        String key = "fake-market:" + delivery;
        if (event.startsWith("connection.")) {
            return new WebhookVerdict.Accepted(key, List.of(new ChangeNotification(ChangeNotification.Kind.CONNECTION,
                    account, ChangeNotification.Action.UPDATED)));
        }
        if ((event.equals("order.created") || event.equals("order.updated")) && !body.isEmpty()) {
            return new WebhookVerdict.Accepted(key, List.of(new ChangeNotification(ChangeNotification.Kind.ORDER, body,
                    event.equals("order.created") ? ChangeNotification.Action.CREATED
                            : ChangeNotification.Action.UPDATED)));
        }
        return new WebhookVerdict.Ignored("event " + event + " is not followed");
    }
}
