package com.golisto.sync.sandbox.golisto;

import static com.golisto.sync.sandbox.golisto.GolistoTestClient.MAPPER;
import static com.golisto.sync.sandbox.golisto.GolistoTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.sandbox.http.MutableClock;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GolistoEmulatorCatalogTest {

    private static final String BATCH = "/api/woocommerce/catalog/batch";
    private static final String INVENTORY = "/api/woocommerce/inventory/batch";

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T10:00:00Z"));
    private GolistoEmulator golisto;
    private GolistoTestClient client;
    private GolistoTestClient.Store store;

    @BeforeEach
    void start() {
        golisto = GolistoEmulator.builder().clock(clock).build().start();
        client = new GolistoTestClient(golisto);
        store = client.approvedStore();
    }

    @AfterEach
    void stop() {
        client.close();
        golisto.close();
    }

    static ObjectNode product(String id) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("external_id", id);
        p.put("title", "Hoodie " + id);
        p.put("status", "active");
        p.put("currency", "EUR");
        p.put("price", "19.90");
        p.putNull("sale_price");
        p.put("quantity", 5);
        p.put("stock_status", "in_stock");
        p.put("fingerprint", "fp-" + id);
        return p;
    }

    static ObjectNode variable(String id) {
        ObjectNode p = product(id);
        ArrayNode variants = p.putArray("variants");
        ObjectNode blue = variants.addObject();
        blue.put("external_id", id + "-blue");
        blue.putObject("options").put("Color", "Blue");
        blue.put("price", "21.00");
        blue.put("quantity", 2);
        blue.put("stock_status", "in_stock");
        return p;
    }

    private JsonNode batch(ArrayNode upserts, String... deletes) {
        ObjectNode body = MAPPER.createObjectNode();
        body.set("upsert", upserts);
        ArrayNode d = body.putArray("delete");
        for (String id : deletes) {
            d.add(id);
        }
        HttpResponse<String> response = client.post(BATCH, store.token(), body);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).get("results");
    }

    private static ArrayNode items(JsonNode... nodes) {
        ArrayNode array = MAPPER.createArrayNode();
        for (JsonNode node : nodes) {
            array.add(node);
        }
        return array;
    }

    @Test
    void batch_createsUpdatesKeepsAndDeletes_withAResultPerItem() {
        JsonNode created = batch(items(product("1"), variable("2")));
        JsonNode unchanged = batch(items(product("1")));
        ObjectNode changed = product("1");
        changed.put("price", "17.00");
        changed.put("fingerprint", "fp-1b");
        clock.advance(Duration.ofMinutes(1));
        JsonNode updated = batch(items(changed), "2");

        assertThat(created).extracting(r -> r.get("action").asText()).containsExactly("created", "created");
        assertThat(created.get(0).get("listing_id").asText()).startsWith("lst_");
        assertThat(unchanged.get(0).get("action").asText()).isEqualTo("unchanged");
        assertThat(unchanged.get(0).get("listing_id").asText()).isEqualTo(created.get(0).get("listing_id").asText());
        assertThat(updated).extracting(r -> r.get("action").asText()).containsExactly("updated", "deleted");
        GolistoListing listing = golisto.listing(store.connectionId(), "1").orElseThrow();
        assertThat(listing.price()).isEqualByComparingTo(new BigDecimal("17.00"));
        assertThat(listing.updatedAt()).isEqualTo(Instant.parse("2026-11-28T10:01:00Z"));
        assertThat(golisto.listings(store.connectionId())).extracting(GolistoListing::externalId).containsExactly("1");
    }

    @Test
    void batch_sameContentWithoutFingerprint_isUnchanged() {
        ObjectNode p = product("1");
        p.remove("fingerprint");
        batch(items(p));

        assertThat(batch(items(p.deepCopy())).get(0).get("action").asText()).isEqualTo("unchanged");
    }

    @Test
    void batch_moneyAsAJsonNumber_failsThatItemOnly() {
        ObjectNode number = product("1");
        number.put("price", 19.9);
        ObjectNode variantNumber = variable("3");
        ((ObjectNode) variantNumber.get("variants").get(0)).put("price", 21);

        JsonNode results = batch(items(number, product("2"), variantNumber));

        assertThat(results).extracting(r -> r.get("action").asText()).containsExactly("failed", "created", "failed");
        assertThat(results.get(0).get("external_id").asText()).isEqualTo("1");
        assertThat(results.get(0).at("/error/code").asText()).isEqualTo("validation_failed");
        assertThat(results.get(0).at("/error/message").asText()).contains("price must be a decimal string");
        assertThat(results.get(2).at("/error/message").asText()).contains("variants[0].price");
        assertThat(golisto.listing(store.connectionId(), "1")).isEmpty();
    }

    @Test
    void batch_badMoneyStrings_failTheItem() {
        ObjectNode tooPrecise = product("1");
        tooPrecise.put("price", "1.23456");
        ObjectNode comma = product("2");
        comma.put("sale_price", "1,50");
        ObjectNode exponent = product("3");
        exponent.put("price", "1e3");

        assertThat(batch(items(tooPrecise, comma, exponent))).extracting(r -> r.get("action").asText())
                .containsExactly("failed", "failed", "failed");
    }

    @Test
    void batch_currencyOtherThanTheConnections_failsTheItem() {
        ObjectNode usd = product("1");
        usd.put("currency", "USD");

        JsonNode result = batch(items(usd)).get(0);

        assertThat(result.get("action").asText()).isEqualTo("failed");
        assertThat(result.at("/error/message").asText()).contains("currency must be EUR");
    }

    @Test
    void batch_unknownCurrency_failsTheItem() {
        ObjectNode unknown = product("1");
        unknown.put("currency", "XYZ");

        JsonNode result = batch(items(unknown)).get(0);

        assertThat(result.get("action").asText()).isEqualTo("failed");
        assertThat(result.at("/error/message").asText()).contains("XYZ is not a known ISO 4217 code");
    }

    @Test
    void batch_missingRequiredFieldsAndBadEnums_areNamedInTheError() {
        ObjectNode missing = MAPPER.createObjectNode();
        missing.put("external_id", "9");
        ObjectNode badStatus = product("10");
        badStatus.put("status", "published");
        badStatus.put("stock_status", "plenty");
        ObjectNode variantMissing = variable("11");
        ((ObjectNode) variantMissing.get("variants").get(0)).remove("options");

        JsonNode results = batch(items(missing, badStatus, variantMissing));

        assertThat(results.get(0).at("/error/message").asText()).contains("title is required", "status is required",
                "currency is required", "price is required", "stock_status is required");
        assertThat(results.get(1).at("/error/message").asText()).contains("status must be one of", "published",
                "plenty");
        assertThat(results.get(2).at("/error/message").asText()).contains("variants[0].options is required");
    }

    @Test
    void batch_101Items_isTooLarge_upsertsAndDeletesCountedTogether() {
        ArrayNode upserts = MAPPER.createArrayNode();
        for (int i = 0; i < 60; i++) {
            upserts.add(product("p" + i));
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.set("upsert", upserts);
        ArrayNode deletes = body.putArray("delete");
        for (int i = 0; i < 41; i++) {
            deletes.add("d" + i);
        }

        HttpResponse<String> response = client.post(BATCH, store.token(), body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("batch_too_large");
        assertThat(golisto.listings(store.connectionId())).isEmpty();
    }

    @Test
    void batch_exactly100Items_isAccepted() {
        ArrayNode upserts = MAPPER.createArrayNode();
        for (int i = 0; i < 100; i++) {
            upserts.add(product("p" + i));
        }

        assertThat(batch(upserts)).hasSize(100);
    }

    @Test
    void batch_upsertThatIsNotAnArray_isAValidationError() {
        HttpResponse<String> response = client.post(BATCH, store.token(), "{\"upsert\":{}}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).at("/error/message").asText()).contains("upsert must be an array");
    }

    @Test
    void inventory_updatesExistingListingsAndVariants_only() {
        batch(items(product("1"), variable("2")));
        String body = """
                {"items":[
                  {"external_id":"1","quantity":0,"stock_status":"out_of_stock"},
                  {"external_id":"1","quantity":0,"stock_status":"out_of_stock"},
                  {"external_id":"2","variant_external_id":"2-blue","quantity":null,"stock_status":"backorder"},
                  {"external_id":"3","quantity":1,"stock_status":"in_stock"},
                  {"external_id":"2","variant_external_id":"2-red","quantity":1,"stock_status":"in_stock"},
                  {"external_id":"1","quantity":"7","stock_status":"in_stock"},
                  {"external_id":"1","quantity":7}
                ]}""";

        HttpResponse<String> response = client.post(INVENTORY, store.token(), body);

        JsonNode results = json(response).get("results");
        assertThat(results).extracting(r -> r.get("action").asText()).containsExactly("updated", "unchanged",
                "updated", "failed", "failed", "failed", "failed");
        assertThat(results.get(2).get("variant_external_id").asText()).isEqualTo("2-blue");
        assertThat(results.get(3).at("/error/code").asText()).isEqualTo("not_found");
        assertThat(results.get(5).at("/error/message").asText()).contains("quantity must be an integer");
        assertThat(results.get(6).at("/error/message").asText()).contains("stock_status is required");
        GolistoListing two = golisto.listing(store.connectionId(), "2").orElseThrow();
        assertThat(two.variantStock("2-blue").orElseThrow())
                .isEqualTo(new GolistoListing.GolistoStock("2-blue", null, "backorder"));
        assertThat(golisto.listing(store.connectionId(), "1").orElseThrow().stock().quantity()).isZero();
    }

    @Test
    void inventory_501Items_isTooLarge() {
        ArrayNode items = MAPPER.createArrayNode();
        for (int i = 0; i < 501; i++) {
            items.addObject().put("external_id", "p" + i).put("stock_status", "in_stock");
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.set("items", items);

        assertThat(client.post(INVENTORY, store.token(), body).statusCode()).isEqualTo(413);
    }

    @Test
    void listing_returnsWhatGolistoHolds_or404() {
        batch(items(variable("2")));

        HttpResponse<String> found = client.get("/api/woocommerce/catalog/2", store.token());
        HttpResponse<String> missing = client.get("/api/woocommerce/catalog/404", store.token());

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json(found).get("price").asText()).isEqualTo("19.90");
        assertThat(json(found).at("/variants/0/options/Color").asText()).isEqualTo("Blue");
        assertThat(json(found).get("updated_at").asText()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).at("/error/code").asText()).isEqualTo("not_found");
    }

    @Test
    void everyResponse_carriesTheRateLimitHeader_andRequestsAreCountedByRoute() {
        batch(items(product("1")));
        client.get("/api/woocommerce/catalog/1", store.token());
        client.get("/api/woocommerce/catalog/2", store.token());

        assertThat(client.get("/api/woocommerce/catalog/1", store.token()).headers()
                .firstValue("X-RateLimit-Remaining")).isPresent();
        assertThat(golisto.requests().count("GET /api/woocommerce/catalog/{external_id}")).isEqualTo(3);
        assertThat(golisto.requests().count("POST /api/woocommerce/catalog/batch")).isEqualTo(1);
    }
}
