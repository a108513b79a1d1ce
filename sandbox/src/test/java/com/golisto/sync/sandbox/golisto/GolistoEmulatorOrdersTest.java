package com.golisto.sync.sandbox.golisto;

import static com.golisto.sync.sandbox.golisto.GolistoTestClient.MAPPER;
import static com.golisto.sync.sandbox.golisto.GolistoTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.sandbox.http.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GolistoEmulatorOrdersTest {

    private static final String ORDERS = "/api/woocommerce/orders";

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T10:00:00Z"));
    private GolistoEmulator golisto;
    private GolistoTestClient client;
    private GolistoTestClient.Store store;

    @BeforeEach
    void start() {
        golisto = GolistoEmulator.builder().clock(clock).build().start();
        client = new GolistoTestClient(golisto);
        store = client.approvedStore();
        ObjectNode body = MAPPER.createObjectNode();
        body.putArray("upsert").add(GolistoEmulatorCatalogTest.product("1")).add(GolistoEmulatorCatalogTest.variable("2"));
        assertThat(client.post("/api/woocommerce/catalog/batch", store.token(), body).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        client.close();
        golisto.close();
    }

    private String sell() {
        return golisto.sales().create(GolistoSale.builder(store.connectionId()).line("1", 1).build());
    }

    private JsonNode get(String pathAndQuery) {
        HttpResponse<String> response = client.get(pathAndQuery, store.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void sale_createsAPaidOrder_pricedFromTheListing_withPendingPayout() {
        String id = golisto.sales().create(GolistoSale.builder(store.connectionId()).line("1", 2)
                .variantLine("2", "2-blue", 1).buyer("Kim Lee", "kim@example.com").shippingTotal("4.90").build());

        JsonNode order = get(ORDERS + "/" + id);

        assertThat(order.get("status").asText()).isEqualTo("paid");
        assertThat(order.get("version").asInt()).isEqualTo(1);
        assertThat(order.get("currency").asText()).isEqualTo("EUR");
        assertThat(order.at("/lines/0/unit_price").asText()).isEqualTo("19.90");
        assertThat(order.at("/lines/0/total").asText()).isEqualTo("39.80");
        assertThat(order.at("/lines/1/variant_external_id").asText()).isEqualTo("2-blue");
        assertThat(order.at("/lines/1/title").asText()).isEqualTo("Hoodie 2 - Blue");
        assertThat(order.get("total").asText()).isEqualTo("65.70");
        assertThat(order.get("total").isTextual()).isTrue();
        assertThat(order.at("/buyer/name").asText()).isEqualTo("Kim Lee");
        assertThat(order.at("/shipping_address/country").asText()).isEqualTo("DE");
        assertThat(order.at("/payout/status").asText()).isEqualTo("pending");
        assertThat(order.at("/payout/fee").asText()).isEqualTo("6.57");
        assertThat(order.at("/payout/amount").asText()).isEqualTo("59.13");
        assertThat(order.at("/payout/paid_at").isNull()).isTrue();
        assertThat(order.get("created_at").asText()).isEqualTo("2026-11-28T10:00:00Z");
        // Golisto's own stock view went down
        assertThat(golisto.listing(store.connectionId(), "1").orElseThrow().stock().quantity()).isEqualTo(3);
        assertThat(golisto.listing(store.connectionId(), "2").orElseThrow().variantStock("2-blue").orElseThrow()
                .quantity()).isEqualTo(1);
    }

    @Test
    void lifecycle_paidShippedDeliveredPaidOut_bumpsVersionAndUpdatedAtEachTime() {
        String id = sell();
        clock.advance(Duration.ofHours(1));
        golisto.sales().ship(id, "DHL", "JD014600", "https://dhl.example/JD014600");
        clock.advance(Duration.ofDays(1));
        golisto.sales().deliver(id);
        golisto.sales().schedulePayout(id);
        clock.advance(Duration.ofDays(7));
        golisto.sales().payPayout(id);

        JsonNode order = get(ORDERS + "/" + id);

        assertThat(order.get("version").asInt()).isEqualTo(5);
        assertThat(order.get("status").asText()).isEqualTo("delivered");
        assertThat(order.get("updated_at").asText()).isEqualTo("2026-12-06T11:00:00Z");
        assertThat(order.at("/shipments/0/carrier").asText()).isEqualTo("DHL");
        assertThat(order.at("/shipments/0/tracking_number").asText()).isEqualTo("JD014600");
        assertThat(order.at("/shipments/0/tracking_url").asText()).isEqualTo("https://dhl.example/JD014600");
        assertThat(order.at("/shipments/0/shipped_at").asText()).isEqualTo("2026-11-28T11:00:00Z");
        assertThat(order.at("/payout/status").asText()).isEqualTo("paid");
        assertThat(order.at("/payout/reference").asText()).startsWith("GPO-");
        assertThat(order.at("/payout/paid_at").asText()).isEqualTo("2026-12-06T11:00:00Z");
        assertThat(golisto.webhooks().pending()).extracting(GolistoWebhookDelivery::event)
                .containsExactly("order.created", "order.updated", "order.updated", "order.updated", "order.updated");
    }

    @Test
    void illegalMoves_andUnlistedProducts_areTestMistakes() {
        String id = sell();
        golisto.sales().cancel(id);

        assertThatThrownBy(() -> golisto.sales().ship(id, "DHL", "1", "u")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> golisto.sales().schedulePayout(id)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> golisto.sales().create(GolistoSale.builder(store.connectionId()).line("9", 1).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> golisto.sales().create(GolistoSale.builder(store.connectionId()).line("2", 1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has variants");
        assertThatThrownBy(() -> golisto.sales().create(GolistoSale.builder(store.connectionId()).line("1", 99).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("in stock");
    }

    @Test
    void refusedSale_leavesStockUntouched() {
        assertThatThrownBy(() -> golisto.sales().create(GolistoSale.builder(store.connectionId())
                .line("1", 2).line("9", 1).build())).isInstanceOf(IllegalArgumentException.class);

        assertThat(golisto.listing(store.connectionId(), "1").orElseThrow().stock().quantity()).isEqualTo(5);
        assertThat(golisto.sales().orderCount()).isZero();
    }

    @Test
    void list_isOldestChangeFirst_updatedAfterIsExclusive() {
        String first = sell();
        clock.advance(Duration.ofSeconds(10));
        String second = sell();
        clock.advance(Duration.ofSeconds(10));
        golisto.sales().ship(first, "UPS", "1Z", "https://ups.example/1Z");

        JsonNode all = get(ORDERS);
        JsonNode after = get(ORDERS + "?updated_after=2026-11-28T10:00:10Z");
        JsonNode afterOffset = get(ORDERS + "?updated_after=" + GolistoTestClient.enc("2026-11-28T11:00:09+01:00"));

        assertThat(all.get("orders")).extracting(o -> o.get("id").asText()).containsExactly(second, first);
        assertThat(all.get("next_cursor").isNull()).isTrue();
        assertThat(after.get("orders")).extracting(o -> o.get("id").asText()).containsExactly(first);
        assertThat(afterOffset.get("orders")).extracting(o -> o.get("id").asText()).containsExactly(second, first);
    }

    @Test
    void list_pagesWithCursor_untilNextCursorIsNull() {
        List<String> sold = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sold.add(sell());
        }

        List<String> seen = new ArrayList<>();
        JsonNode page = get(ORDERS + "?limit=2");
        int pages = 1;
        page.get("orders").forEach(o -> seen.add(o.get("id").asText()));
        while (!page.get("next_cursor").isNull() && pages < 10) {
            page = get(ORDERS + "?limit=2&cursor=" + GolistoTestClient.enc(page.get("next_cursor").asText()));
            page.get("orders").forEach(o -> seen.add(o.get("id").asText()));
            pages++;
        }

        assertThat(seen).containsExactlyElementsOf(sold);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void list_badLimitCursorOrTimestamp_areValidationErrors() {
        assertThat(client.get(ORDERS + "?limit=101", store.token()).statusCode()).isEqualTo(422);
        assertThat(client.get(ORDERS + "?limit=0", store.token()).statusCode()).isEqualTo(422);
        assertThat(client.get(ORDERS + "?cursor=bogus", store.token()).statusCode()).isEqualTo(422);
        assertThat(client.get(ORDERS + "?updated_after=yesterday", store.token()).statusCode()).isEqualTo(422);
        assertThat(client.get(ORDERS + "?limit=100", store.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void order_ofAnotherConnection_isNotFound() {
        String id = sell();
        GolistoTestClient.Store other = client.approvedStore();

        HttpResponse<String> response = client.get(ORDERS + "/" + id, other.token());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("not_found");
        assertThat(json(client.get(ORDERS, other.token())).get("orders")).isEmpty();
    }

    @Test
    void ack_currentVersionRecorded_idempotent_staleIs409_newerIs422_missingShopOrderIs422() {
        String id = sell();
        String ack = ORDERS + "/" + id + "/ack";

        HttpResponse<String> recorded = client.post(ack, store.token(),
                "{\"shop_order_id\":\"501\",\"shop_order_number\":\"#501\",\"version\":1}");
        HttpResponse<String> again = client.post(ack, store.token(),
                "{\"shop_order_id\":\"501\",\"shop_order_number\":\"#501\",\"version\":1}");
        golisto.sales().ship(id, "DHL", "1", "u");
        HttpResponse<String> stale = client.post(ack, store.token(), "{\"shop_order_id\":\"501\",\"version\":1}");
        HttpResponse<String> newer = client.post(ack, store.token(), "{\"shop_order_id\":\"501\",\"version\":3}");
        HttpResponse<String> missing = client.post(ack, store.token(), "{\"version\":2}");

        assertThat(recorded.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).at("/error/message").asText()).contains("version 2");
        assertThat(newer.statusCode()).isEqualTo(422);
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(json(missing).at("/error/message").asText()).contains("shop_order_id");
        assertThat(golisto.sales().acknowledgement(id)).contains(new GolistoAck("501", "#501", 1));
    }

    @Test
    void cancelAndRefund_dropTheUnpaidPayout() {
        String cancelled = sell();
        String refunded = sell();
        golisto.sales().cancel(cancelled);
        golisto.sales().ship(refunded, "DHL", "1", "u");
        golisto.sales().refund(refunded);

        assertThat(get(ORDERS + "/" + cancelled).get("status").asText()).isEqualTo("cancelled");
        assertThat(get(ORDERS + "/" + cancelled).get("payout").isNull()).isTrue();
        assertThat(get(ORDERS + "/" + refunded).get("status").asText()).isEqualTo("refunded");
        assertThat(get(ORDERS + "/" + refunded).get("version").asInt()).isEqualTo(3);
    }

    @Test
    void sale_onAStoreNotApproved_isATestMistake() {
        golisto.disconnectByGolisto(store.connectionId(), "paused");

        assertThatThrownBy(this::sell).isInstanceOf(IllegalStateException.class);
    }
}
