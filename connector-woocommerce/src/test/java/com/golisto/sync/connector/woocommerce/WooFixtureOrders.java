package com.golisto.sync.connector.woocommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.api.model.ShopOrderRef;
import java.util.List;

/** The merchant's own order edits in WooCommerce, done over the REST API with the fixture's keys. */
final class WooFixtureOrders {

    private final WooCommerceHttp http;

    WooFixtureOrders(WooFixture fx) {
        this.http = new WooCommerceHttp(WooCommerceConfig.from(new WooCommerceConnectorProvider().descriptor()
                .validate(java.util.Map.of("url", fx.emulator.homeUrl(), "consumer-key", fx.key.consumerKey(),
                        "consumer-secret", fx.key.consumerSecret()))), TestingContext.of(fx.clock));
    }

    void setStatus(ShopOrderRef ref, String status) throws InterruptedException {
        ObjectNode body = WooCommerceHttp.MAPPER.createObjectNode().put("status", status);
        http.send("PUT", "/orders/{id}", "/orders/" + ref.id(), List.of(), body);
    }

    /**
     * An order another REST client made: paid, one line of the product, Golisto's payment method and
     * {@code transactionId}, but none of Golisto Sync's metadata.
     */
    ShopOrderRef createForeignOrder(long productId, String transactionId) throws InterruptedException {
        ObjectNode body = WooCommerceHttp.MAPPER.createObjectNode().put("set_paid", true)
                .put("created_via", "golisto").put("payment_method", "golisto").put("transaction_id", transactionId);
        body.putArray("line_items").addObject().put("product_id", productId).put("quantity", 1);
        com.fasterxml.jackson.databind.JsonNode o = http.send("POST", "/orders", "/orders", List.of(), body).body();
        return new ShopOrderRef(o.path("id").asText(), o.path("number").asText());
    }

    void deletePermanently(ShopOrderRef ref) throws InterruptedException {
        http.send("DELETE", "/orders/{id}", "/orders/" + ref.id(), WooCommerceHttp.params("force", "true"), null);
    }
}
