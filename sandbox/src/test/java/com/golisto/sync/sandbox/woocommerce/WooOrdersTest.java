package com.golisto.sync.sandbox.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.http.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WooOrdersTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-05-01T12:00:00Z"));
    private WooCommerceEmulator emulator;
    private TestingWooClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = WooCommerceEmulator.builder().clock(clock).webhookDelivery(false).build().start();
        emulator.loadCsv(SampleFixtures.sampleCsv());
        emulator.merchant().setStock(47, 10);
        emulator.merchant().setStock(45, 20);
        emulator.merchant().useParentStock(79);
        emulator.merchant().setStock(80, 5);
        client = TestingWooClient.oauth(emulator, emulator.createApiKey("read_write"));
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private static final String PAID_ORDER = """
            {"set_paid":true,"currency":"EUR","created_via":"golisto",
             "billing":{"first_name":"Ana","last_name":"Lima","email":"ana@example.com","country":"PT"},
             "shipping":{"first_name":"Ana","last_name":"Lima","address_1":"Rua 1","city":"Porto","country":"PT"},
             "line_items":[{"product_id":47,"quantity":2,"total":"36.00","subtotal":"36.00"},
                           {"product_id":45,"variation_id":79,"quantity":1,"total":"42.00"},
                           {"product_id":45,"variation_id":80,"quantity":3,"total":"135.00"}],
             "shipping_lines":[{"method_id":"golisto","method_title":"Golisto","total":"4.50"}],
             "meta_data":[{"key":"_golisto_order_id","value":"GO-1"},{"key":"golisto_tracking_number","value":""}]}""";

    @Test
    void create_setPaid_isProcessingAndReducesStockAtOnce() {
        TestingWooClient.Reply reply = client.post("/wp-json/wc/v3/orders", PAID_ORDER);
        assertThat(reply.status()).isEqualTo(201);
        JsonNode order = reply.json();
        assertThat(order.path("status").asText()).isEqualTo("processing");
        assertThat(order.path("date_paid_gmt").asText()).isEqualTo("2024-05-01T12:00:00");
        assertThat(reply.header("Location")).endsWith("/wp-json/wc/v3/orders/" + order.path("id").asLong());
        assertThat(emulator.merchant().product(47).orElseThrow().path("stock_quantity").asInt()).isEqualTo(8);
        assertThat(emulator.merchant().product(45).orElseThrow().path("stock_quantity").asInt()).isEqualTo(19);
        assertThat(emulator.merchant().product(80).orElseThrow().path("stock_quantity").asInt()).isEqualTo(2);
        assertThat(emulator.orderNotes(order.path("id").asLong()))
                .anySatisfy(n -> assertThat(n.path("note").asText()).startsWith("Stock levels reduced:"));
    }

    @Test
    void create_recordsRestApiAsCreatedVia_whateverTheRequestSays() {
        JsonNode supplied = client.post("/wp-json/wc/v3/orders", PAID_ORDER).json();
        JsonNode omitted = client.post("/wp-json/wc/v3/orders",
                "{\"line_items\":[{\"product_id\":47,\"quantity\":1}]}").json();
        long id = supplied.path("id").asLong();
        JsonNode updated = client.put("/wp-json/wc/v3/orders/" + id, "{\"created_via\":\"golisto\"}").json();
        assertThat(PAID_ORDER).contains("\"created_via\":\"golisto\"");
        assertThat(supplied.path("created_via").asText()).isEqualTo("rest-api");
        assertThat(omitted.path("created_via").asText()).isEqualTo("rest-api");
        assertThat(updated.path("created_via").asText()).isEqualTo("rest-api");
        assertThat(client.get("/wp-json/wc/v3/orders/" + id).json().path("created_via").asText())
                .isEqualTo("rest-api");
    }

    @Test
    void lineItemPrice_isAJsonNumber_otherMoneyFieldsStrings() {
        JsonNode order = client.post("/wp-json/wc/v3/orders", PAID_ORDER).json();
        JsonNode line = order.path("line_items").get(0);
        assertThat(line.path("price").isNumber()).isTrue();
        assertThat(line.path("price").isIntegralNumber()).isTrue();
        assertThat(line.path("price").asInt()).isEqualTo(18);
        assertThat(line.path("total").asText()).isEqualTo("36.00");
        assertThat(order.path("total").asText()).isEqualTo("217.50");
        assertThat(order.path("shipping_total").asText()).isEqualTo("4.50");
        assertThat(order.path("number").isTextual()).isTrue();
        assertThat(order.path("line_items").get(1).path("variation_id").asLong()).isEqualTo(79);
    }

    @Test
    void pendingOrder_doesNotTouchStock_cancelRestoresIt() {
        long id = client.post("/wp-json/wc/v3/orders",
                "{\"line_items\":[{\"product_id\":47,\"quantity\":4}]}").json().path("id").asLong();
        assertThat(emulator.merchant().product(47).orElseThrow().path("stock_quantity").asInt()).isEqualTo(10);
        client.put("/wp-json/wc/v3/orders/" + id, "{\"status\":\"completed\"}");
        assertThat(emulator.merchant().product(47).orElseThrow().path("stock_quantity").asInt()).isEqualTo(6);
        JsonNode cancelled = client.put("/wp-json/wc/v3/orders/" + id, "{\"status\":\"cancelled\"}").json();
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(emulator.merchant().product(47).orElseThrow().path("stock_quantity").asInt()).isEqualTo(10);
    }

    @Test
    void metaData_underscoreKeysReturned_andPutUpsertsByKey() {
        JsonNode order = client.post("/wp-json/wc/v3/orders", PAID_ORDER).json();
        long id = order.path("id").asLong();
        long metaId = metaId(order, "golisto_tracking_number");
        JsonNode updated = client.put("/wp-json/wc/v3/orders/" + id,
                "{\"meta_data\":[{\"key\":\"golisto_tracking_number\",\"value\":\"1Z999\"}]}").json();
        assertThat(metaId(updated, "golisto_tracking_number")).isEqualTo(metaId);
        assertThat(metaValue(updated, "golisto_tracking_number")).isEqualTo("1Z999");
        assertThat(metaValue(updated, "_golisto_order_id")).isEqualTo("GO-1");
    }

    @Test
    void notes_createListAndSearchNeverMatchesMeta() {
        long id = client.post("/wp-json/wc/v3/orders", PAID_ORDER).json().path("id").asLong();
        TestingWooClient.Reply note = client.post("/wp-json/wc/v3/orders/" + id + "/notes",
                "{\"note\":\"Golisto shipment sent\"}");
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().path("author").asText()).isEqualTo("system");
        JsonNode notes = client.get("/wp-json/wc/v3/orders/" + id + "/notes").json();
        assertThat(notes.get(0).path("note").asText()).isEqualTo("Golisto shipment sent");
        assertThat(client.get("/wp-json/wc/v3/orders", "search", "GO-1").json()).isEmpty();
        assertThat(client.get("/wp-json/wc/v3/orders", "search", "Lima").json()).hasSize(1);
    }

    @Test
    void unknownProduct_isRefusedWith400() {
        TestingWooClient.Reply reply = client.post("/wp-json/wc/v3/orders",
                "{\"line_items\":[{\"product_id\":999999,\"quantity\":1}]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("code").asText()).isEqualTo("woocommerce_rest_invalid_product_id");
        assertThat(emulator.orders()).isEmpty();
    }

    @Test
    void orderList_newestFirstWithAfterFilter() {
        client.post("/wp-json/wc/v3/orders", PAID_ORDER);
        clock.advance(java.time.Duration.ofHours(1));
        long second = client.post("/wp-json/wc/v3/orders", PAID_ORDER).json().path("id").asLong();
        JsonNode list = client.get("/wp-json/wc/v3/orders", "after", "2024-05-01T12:30:00", "dates_are_gmt", "true").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("id").asLong()).isEqualTo(second);
        assertThat(client.get("/wp-json/wc/v3/orders").json().get(0).path("id").asLong()).isEqualTo(second);
    }

    private static long metaId(JsonNode order, String key) {
        for (JsonNode m : order.path("meta_data")) {
            if (m.path("key").asText().equals(key)) {
                return m.path("id").asLong();
            }
        }
        return -1;
    }

    private static String metaValue(JsonNode order, String key) {
        for (JsonNode m : order.path("meta_data")) {
            if (m.path("key").asText().equals(key)) {
                return m.path("value").asText();
            }
        }
        return null;
    }
}
