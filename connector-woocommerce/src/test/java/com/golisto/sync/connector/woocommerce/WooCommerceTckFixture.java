package com.golisto.sync.connector.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.sandbox.http.Fault;
import com.golisto.sync.sandbox.http.MutableClock;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import com.golisto.sync.tck.ShopFixture;
import com.golisto.sync.tck.TckContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The TCK's shop fixture over the WooCommerce emulator: the merchant's edits go through the emulator's merchant
 * API, faults through its fault injector, webhook deliveries are signed here as WooCommerce signs them
 * (base64 HMAC-SHA256 of the body), and a time-zone change restarts the emulator in that zone on the same clock.
 */
final class WooCommerceTckFixture implements ShopFixture {

    private static final String WEBHOOK_SECRET = "tck-woo-webhook-secret-0123456789abcdef";

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T12:00:00Z"));
    private final TckContext context = new TckContext(clock, clock::advance)
            .withSecret(StoreSecrets.WEBHOOK_SECRET, WEBHOOK_SECRET);
    private final AtomicInteger deliveries = new AtomicInteger();
    private WooCommerceEmulator emulator;
    private WooApiKey key;

    WooCommerceTckFixture() {
        this.emulator = start(ZoneId.of("America/Sao_Paulo"));
        this.key = emulator.createApiKey("read_write");
    }

    private WooCommerceEmulator start(ZoneId zone) {
        return WooCommerceEmulator.builder().clock(clock).timeZone(zone).webhookDelivery(false).build().start();
    }

    @Override
    public ConnectorProvider provider() {
        return new WooCommerceConnectorProvider();
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("url", emulator.homeUrl());
        settings.put("consumer-key", key.consumerKey());
        settings.put("consumer-secret", key.consumerSecret());
        settings.put("page-size", "2");
        settings.put("strict-delivery-urls", "false");
        return settings;
    }

    @Override
    public ConnectorContext context() {
        return context;
    }

    @Override
    public void advanceTime(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void failNextCall(int status, @Nullable Duration retryAfter) {
        emulator.faults().inject("*", ".*", Fault.status(status, retryAfter, null), 1);
    }

    @Override
    public boolean resetNextConnection() {
        emulator.faults().inject("*", ".*", Fault.connectionReset(), 2);
        return true;
    }

    @Override
    public boolean truncateNextAnswer() {
        emulator.faults().inject("*", ".*", Fault.truncatedBody(), 1);
        return true;
    }

    @Override
    public String addProduct(String title, String price, int stock) {
        ObjectNode body = WooCommerceHttp.MAPPER.createObjectNode().put("name", title).put("type", "simple")
                .put("status", "publish").put("regular_price", price).put("manage_stock", true)
                .put("stock_quantity", stock);
        return emulator.merchant().createProduct(body.toString()).path("id").asText();
    }

    @Override
    public String addVariableProduct(String title, List<String> options) {
        ObjectNode body = WooCommerceHttp.MAPPER.createObjectNode().put("name", title).put("type", "variable")
                .put("status", "publish");
        ObjectNode attribute = body.putArray("attributes").addObject().put("name", "Size").put("variation", true)
                .put("visible", true);
        ArrayNode values = attribute.putArray("options");
        options.forEach(values::add);
        long id = emulator.merchant().createProduct(body.toString()).path("id").asLong();
        for (String option : options) {
            ObjectNode variation = WooCommerceHttp.MAPPER.createObjectNode().put("regular_price", "15.00")
                    .put("manage_stock", true).put("stock_quantity", 5).put("status", "publish");
            variation.putArray("attributes").addObject().put("name", "Size").put("option", option);
            emulator.merchant().createVariation(id, variation.toString());
        }
        return Long.toString(id);
    }

    @Override
    public void rename(String productId, String title) {
        emulator.merchant().rename(Long.parseLong(productId), title);
    }

    @Override
    public void setStock(String productId, @Nullable String variantId, int quantity) {
        emulator.merchant().setStock(Long.parseLong(variantId != null ? variantId : productId), quantity);
    }

    @Override
    public void delete(String productId) {
        emulator.merchant().deletePermanently(Long.parseLong(productId));
    }

    @Override
    public boolean trash(String productId) {
        emulator.merchant().trash(Long.parseLong(productId));
        return true;
    }

    @Override
    public boolean unpublish(String productId) {
        emulator.merchant().setStatus(Long.parseLong(productId), "draft");
        return true;
    }

    @Override
    public boolean setTimeZone(ZoneId zone) {
        emulator.close();
        emulator = start(zone);
        key = emulator.createApiKey("read_write");
        return true;
    }

    @Override
    public InboundRequest signedDelivery(String productId) {
        return delivery(productId, WEBHOOK_SECRET);
    }

    @Override
    public InboundRequest forgedDelivery(String productId) {
        return delivery(productId, "tck-some-other-secret-0123456789abcdef");
    }

    private InboundRequest delivery(String productId, String secret) {
        JsonNode product = emulator.merchant().product(Long.parseLong(productId))
                .orElseThrow(() -> new IllegalArgumentException("no product " + productId));
        byte[] body = product.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("X-WC-Webhook-Source", List.of(emulator.homeUrl() + "/"));
        headers.put("X-WC-Webhook-Topic", List.of("product.updated"));
        headers.put("X-WC-Webhook-Resource", List.of("product"));
        headers.put("X-WC-Webhook-Event", List.of("updated"));
        headers.put("X-WC-Webhook-ID", List.of("7"));
        headers.put("X-WC-Webhook-Delivery-ID", List.of(Integer.toString(deliveries.incrementAndGet())));
        headers.put("X-WC-Webhook-Signature", List.of(hmac(body, secret)));
        return new InboundRequest("POST", "/webhooks/woocommerce/tck-store", "", headers, body);
    }

    private static String hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int ordersFor(String saleId) {
        int count = 0;
        for (JsonNode order : emulator.orders()) {
            for (JsonNode meta : order.path("meta_data")) {
                if (WooCommerceOrderJson.ORDER_ID.equals(meta.path("key").asText())
                        && saleId.equals(meta.path("value").asText())) {
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public void close() {
        emulator.close();
        context.httpClient().close();
    }
}
