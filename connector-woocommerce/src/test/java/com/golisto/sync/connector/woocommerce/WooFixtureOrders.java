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

    void deletePermanently(ShopOrderRef ref) throws InterruptedException {
        http.send("DELETE", "/orders/{id}", "/orders/" + ref.id(), WooCommerceHttp.params("force", "true"), null);
    }
}
