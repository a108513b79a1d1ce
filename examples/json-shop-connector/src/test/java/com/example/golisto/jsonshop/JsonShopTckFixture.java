package com.example.golisto.jsonshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.tck.ShopFixture;
import com.golisto.sync.tck.TckContext;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The TCK's shop fixture over the test JSON shop: a merchant's edits change the shop's products directly, faults
 * are the shop's injected answers (statuses, resets, cut answers), and the context's clock is the shop's. The JSON
 * shop has a trash (status {@code archived}), drafts and a time zone, but neither webhooks nor orders: the
 * connector declares neither, so the TCK never asks for them and the fixture leaves those operations out.
 */
final class JsonShopTckFixture implements ShopFixture {
    private static final String KEY = "jsk_tck_4f6c1d2e9a8b7c6d5e4f3a2b";

    private final TestJsonShop shop;
    private final TckContext context;
    private final AtomicInteger ids = new AtomicInteger();

    JsonShopTckFixture() throws IOException {
        shop = TestJsonShop.start(KEY, "EUR");
        context = new TckContext(shop.clock(), shop::advance);
    }

    @Override
    public ConnectorProvider provider() {
        return new JsonShopConnectorProvider();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("url", shop.url().toString(), "api-key", KEY, "page-size", "2");
    }

    @Override
    public ConnectorContext context() {
        return context;
    }

    @Override
    public void advanceTime(Duration duration) {
        shop.advance(duration);
    }

    @Override
    public void failNextCall(int status, Duration retryAfter) {
        shop.failNext(status, retryAfter == null ? null : Long.toString(retryAfter.toSeconds()));
    }

    @Override
    public boolean resetNextConnection() {
        shop.resetNext(2); // the JDK client resends an idempotent request once on a closed connection
        return true;
    }

    @Override
    public boolean truncateNextAnswer() {
        shop.truncateNext();
        return true;
    }

    @Override
    public String addProduct(String title, String price, int stock) {
        ObjectNode product = shop.product("tck-" + ids.incrementAndGet(), title, price);
        ((ObjectNode) product.get("stock")).put("quantity", stock);
        shop.put(product);
        return product.get("id").asText();
    }

    @Override
    public String addVariableProduct(String title, List<String> options) {
        ObjectNode product = shop.product("tck-" + ids.incrementAndGet(), title, "10.00");
        String id = product.get("id").asText();
        for (String option : options) {
            shop.addVariant(product, id + "-" + option, Map.of("Size", option), "10.00", 5);
        }
        shop.put(product);
        return id;
    }

    @Override
    public void rename(String productId, String title) {
        shop.put(shop.get(productId).put("title", title));
    }

    @Override
    public void setStock(String productId, String variantId, int quantity) {
        ObjectNode product = shop.get(productId);
        JsonNode owner = product;
        for (JsonNode variant : product.get("variants")) {
            if (variant.get("id").asText().equals(variantId)) {
                owner = variant;
            }
        }
        ((ObjectNode) owner.get("stock")).put("quantity", quantity);
        shop.put(product);
    }

    @Override
    public void delete(String productId) {
        shop.remove(productId);
    }

    @Override
    public boolean trash(String productId) {
        shop.put(shop.get(productId).put("status", "archived"));
        return true;
    }

    @Override
    public boolean unpublish(String productId) {
        shop.put(shop.get(productId).put("status", "draft"));
        return true;
    }

    @Override
    public boolean setTimeZone(ZoneId zone) {
        shop.setTimeZone(zone);
        return true;
    }

    @Override
    public void close() {
        shop.close();
    }
}
