package com.golisto.sync.connector.golisto;

import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import com.golisto.sync.sandbox.golisto.GolistoWebhooks;
import com.golisto.sync.sandbox.http.Fault;
import com.golisto.sync.tck.MarketplaceFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The TCK's marketplace fixture over the Golisto emulator: a store connected and approved through the real connect
 * flow ({@link GolistoTestStore}), listings read back from the emulator, sales made by its sales simulator, faults
 * through its fault injector, and webhook deliveries signed as the contract says (HMAC-SHA256 of
 * {@code timestamp.body}).
 */
final class GolistoTckFixture implements MarketplaceFixture {

    private final GolistoTestStore store = new GolistoTestStore();

    GolistoTckFixture() throws InterruptedException {
        store.connectAndApprove();
    }

    @Override
    public ConnectorProvider provider() {
        return new GolistoConnectorProvider();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("api-url", store.golisto.apiBaseUri().toString(), "web-url",
                store.golisto.webBaseUri().toString(), "connection-id", store.connectionId, "api-token",
                store.apiToken, "page-size", "2");
    }

    @Override
    public ConnectorContext context() {
        return store.context;
    }

    @Override
    public void advanceTime(Duration duration) {
        store.clock.advance(duration);
    }

    @Override
    public void failNextCall(int status, @Nullable Duration retryAfter) {
        store.golisto.faults().inject("*", ".*", Fault.status(status, retryAfter, null), 1);
    }

    @Override
    public boolean resetNextConnection() {
        store.golisto.faults().inject("*", ".*", Fault.connectionReset(), 2);
        return true;
    }

    @Override
    public boolean truncateNextAnswer() {
        store.golisto.faults().inject("*", ".*", Fault.truncatedBody(), 1);
        return true;
    }

    @Override
    public Currency currency() {
        return GolistoTestStore.EUR;
    }

    @Override
    public Product refusedProduct(String productId) {
        // Golisto lists a store's products in the currency the store connected with only
        return new Product(productId, null, "TCK refused " + productId, "", "", ProductStatus.ACTIVE,
                Money.of("9.99", "USD"), null, StockLevel.of(1, StockStatus.IN_STOCK), null,
                List.of(new Image("https://shop.example.com/img/refused.jpg", 0, "")), List.of(), Map.of(), List.of(),
                null);
    }

    @Override
    public boolean listed(String productId) {
        return store.golisto.listing(store.connectionId, productId).isPresent();
    }

    @Override
    public OptionalInt listedStock(String productId, @Nullable String variantId) {
        Optional<GolistoListing> listing = store.golisto.listing(store.connectionId, productId);
        Optional<GolistoListing.GolistoStock> stock = variantId == null ? listing.map(GolistoListing::stock)
                : listing.flatMap(l -> l.variantStock(variantId));
        return stock.map(GolistoListing.GolistoStock::quantity)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public String queueSale(String productId, @Nullable String variantId, int quantity) {
        GolistoSale.Builder sale = GolistoSale.builder(store.connectionId);
        if (variantId == null) {
            sale.line(productId, quantity);
        } else {
            sale.variantLine(productId, variantId, quantity);
        }
        return store.golisto.sales().create(sale.build());
    }

    @Override
    public InboundRequest signedDelivery(String orderId) {
        return delivery(orderId, GolistoTestStore.WEBHOOK_SECRET);
    }

    @Override
    public InboundRequest forgedDelivery(String orderId) {
        return delivery(orderId, "whsec_forged_0123456789abcdef0123456789");
    }

    private InboundRequest delivery(String orderId, String secret) {
        String body = "{\"event\":\"order.updated\",\"connection_id\":\"" + store.connectionId + "\",\"order_id\":\""
                + orderId + "\"}";
        long timestamp = store.clock.instant().getEpochSecond();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Golisto-Event", List.of("order.updated"));
        headers.put("X-Golisto-Delivery", List.of(UUID.randomUUID().toString()));
        headers.put("X-Golisto-Timestamp", List.of(Long.toString(timestamp)));
        headers.put("X-Golisto-Connection", List.of(store.connectionId));
        headers.put("X-Golisto-Signature", List.of(GolistoWebhooks.sign(secret, timestamp, body)));
        return new InboundRequest("POST", "/webhooks/golisto", "", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        store.close();
    }
}
