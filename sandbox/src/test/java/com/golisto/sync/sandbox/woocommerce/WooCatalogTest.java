package com.golisto.sync.sandbox.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.http.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WooCatalogTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-05-01T12:00:00Z"));
    private WooCommerceEmulator emulator;
    private TestingWooClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = WooCommerceEmulator.builder().clock(clock).timeZone(ZoneId.of("America/Sao_Paulo"))
                .webhookDelivery(false).build().start();
        emulator.loadCsv(SampleFixtures.sampleCsv());
        client = TestingWooClient.oauth(emulator, emulator.createApiKey("read_write"));
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void sampleCsv_loadsEighteenProductsAndSevenVariations() throws Exception {
        try (WooCommerceEmulator fresh = WooCommerceEmulator.builder().clock(clock).webhookDelivery(false).build()) {
            CatalogSummary summary = fresh.loadCsv(SampleFixtures.sampleCsv());
            assertThat(summary).isEqualTo(new CatalogSummary(18, 7, 6));
        }
        TestingWooClient.Reply list = client.get("/wp-json/wc/v3/products", "per_page", "100");
        assertThat(list.json()).hasSize(18);
        assertThat(list.header("X-WP-Total")).isEqualTo("18");
        List<String> types = new ArrayList<>();
        list.json().forEach(p -> types.add(p.path("type").asText()));
        assertThat(types).filteredOn("simple"::equals).hasSize(14);
        assertThat(types).contains("variable", "grouped", "external");
    }

    @Test
    void product_hasWooCommerceShapes_pricesAsStringsAndSiteLocalDates() {
        JsonNode beanie = client.get("/wp-json/wc/v3/products/48").json();
        assertThat(beanie.path("regular_price").isTextual()).isTrue();
        assertThat(beanie.path("regular_price").asText()).isEqualTo("20");
        assertThat(beanie.path("sale_price").asText()).isEqualTo("18");
        assertThat(beanie.path("price").asText()).isEqualTo("18");
        assertThat(beanie.path("on_sale").asBoolean()).isTrue();
        assertThat(beanie.path("stock_quantity").isNull()).isTrue();
        assertThat(beanie.path("categories").get(0).path("name").asText()).isEqualTo("Accessories");
        assertThat(beanie.path("date_modified_gmt").asText()).isEqualTo("2024-05-01T12:00:00");
        assertThat(beanie.path("date_modified").asText()).isEqualTo("2024-05-01T09:00:00");
        JsonNode tshirt = client.get("/wp-json/wc/v3/products/47").json();
        assertThat(tshirt.path("sale_price").asText()).isEmpty();
        JsonNode hoodie = client.get("/wp-json/wc/v3/products/45").json();
        assertThat(hoodie.path("regular_price").asText()).isEmpty();
        assertThat(hoodie.path("price").asText()).isEqualTo("42");
        assertThat(hoodie.path("variations")).extracting(JsonNode::asLong).containsExactly(90L, 79L, 80L, 81L);
    }

    @Test
    void variations_endpointHasNoNameTypeOrParent_butProductsByVariationIdDoes() {
        TestingWooClient.Reply list = client.get("/wp-json/wc/v3/products/44/variations", "per_page", "100");
        assertThat(list.json()).hasSize(3);
        JsonNode first = list.json().get(0);
        assertThat(first.has("name")).isFalse();
        assertThat(first.has("type")).isFalse();
        assertThat(first.has("parent_id")).isFalse();
        assertThat(first.path("image").isObject() || first.path("image").isNull()).isTrue();
        JsonNode asProduct = client.get("/wp-json/wc/v3/products/76").json();
        assertThat(asProduct.path("type").asText()).isEqualTo("variation");
        assertThat(asProduct.path("parent_id").asLong()).isEqualTo(44);
        assertThat(asProduct.path("name").asText()).isEqualTo("V-Neck T-Shirt - Red");
        TestingWooClient.Reply put = client.put("/wp-json/wc/v3/products/76", "{\"regular_price\":\"1\"}");
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.json().path("code").asText()).isEqualTo("woocommerce_rest_invalid_product_id");
    }

    @Test
    void skuFilter_findsVariationsAndIgnoresCase() {
        JsonNode found = client.get("/wp-json/wc/v3/products", "sku", "woo-hoodie-red,Woo-tshirt-logo").json();
        assertThat(found).hasSize(2);
        assertThat(found.get(0).path("id").asLong()).isEqualTo(79);
        assertThat(found.get(0).path("type").asText()).isEqualTo("variation");
    }

    @Test
    void pagination_headersLinksAndPastTheEnd() {
        TestingWooClient.Reply page2 = client.get("/wp-json/wc/v3/products", "per_page", "5", "page", "2",
                "orderby", "id", "order", "asc");
        assertThat(page2.header("X-WP-Total")).isEqualTo("18");
        assertThat(page2.header("X-WP-TotalPages")).isEqualTo("4");
        assertThat(page2.json()).hasSize(5);
        assertThat(page2.json().get(0).path("id").asLong()).isEqualTo(58);
        String link = page2.header("Link");
        assertThat(link).contains("rel=\"prev\"").contains("rel=\"next\"").contains("page=1").contains("page=3")
                .contains("oauth_signature=");
        TestingWooClient.Reply past = client.get("/wp-json/wc/v3/products", "per_page", "5", "page", "9");
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json()).isEmpty();
        assertThat(past.header("X-WP-Total")).isEqualTo("18");
    }

    @Test
    void perPage_outsideOneToHundred_isInvalidParam() {
        for (String bad : List.of("0", "101")) {
            TestingWooClient.Reply reply = client.get("/wp-json/wc/v3/products", "per_page", bad);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().path("code").asText()).isEqualTo("rest_invalid_param");
        }
    }

    @Test
    void modifiedAfter_followsDatesAreGmtExactlyAsARealStore() {
        clock.advance(Duration.ofHours(2));
        emulator.merchant().setRegularPrice(47, "19"); // modified 14:00 UTC, 11:00 site-local
        // correct: naive UTC with dates_are_gmt=true
        assertThat(ids("modified_after", "2024-05-01T13:00:00", "dates_are_gmt", "true")).containsExactly(47L);
        // correct: zoned value without dates_are_gmt
        assertThat(ids("modified_after", "2024-05-01T13:00:00Z")).containsExactly(47L);
        // wrong: naive UTC without dates_are_gmt is compared with local time and misses the change
        assertThat(ids("modified_after", "2024-05-01T13:00:00")).isEmpty();
        // wrong: Z with dates_are_gmt=true shifts the cutoff by the site offset (3 h): the whole catalog
        assertThat(ids("modified_after", "2024-05-01T13:00:00Z", "dates_are_gmt", "true")).hasSize(18);
    }

    @Test
    void variationChange_bumpsTheParentsModifiedDate() {
        clock.advance(Duration.ofHours(1));
        emulator.merchant().setStock(79, 3);
        assertThat(ids("modified_after", "2024-05-01T12:30:00", "dates_are_gmt", "true")).containsExactly(45L);
    }

    @Test
    void batch_overHundredItems_is413() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            items.append(i == 0 ? "" : ",").append("{\"name\":\"P").append(i).append("\"}");
        }
        TestingWooClient.Reply reply = client.post("/wp-json/wc/v3/products/batch", "{\"create\":[" + items + "]}");
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().path("code").asText()).isEqualTo("woocommerce_rest_request_entity_too_large");
    }

    @Test
    void batch_reportsErrorsPerItemInsideA200() {
        emulator.failNextBatchItem("62");
        TestingWooClient.Reply reply = client.post("/wp-json/wc/v3/products/batch", """
                {"create":[{"name":"Dup","sku":"WOO-BELT"},{"name":"New","sku":"new-1","regular_price":"5"}],
                 "update":[{"id":999999,"regular_price":"1"},{"id":60,"regular_price":"17"},{"id":62,"name":"x"}],
                 "delete":[0,66]}""");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode create = reply.json().path("create");
        assertThat(create.get(0).path("id").asLong()).isZero();
        assertThat(create.get(0).path("error").path("code").asText()).isEqualTo("product_invalid_sku");
        assertThat(create.get(0).path("error").path("data").path("resource_id").asLong()).isEqualTo(58);
        assertThat(create.get(1).path("sku").asText()).isEqualTo("new-1");
        JsonNode update = reply.json().path("update");
        assertThat(update.get(0).path("error").path("code").asText()).isEqualTo("woocommerce_rest_product_invalid_id");
        assertThat(update.get(1).path("regular_price").asText()).isEqualTo("17");
        assertThat(update.get(2).path("error").path("data").path("status").asInt()).isEqualTo(500);
        assertThat(reply.json().path("delete")).hasSize(1);
        assertThat(client.get("/wp-json/wc/v3/products/66").status()).isEqualTo(404);
    }

    @Test
    void numberWhereAStringBelongs_isInvalidParam() {
        TestingWooClient.Reply reply = client.put("/wp-json/wc/v3/products/47", "{\"regular_price\":19.5}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("code").asText()).isEqualTo("rest_invalid_param");
    }

    @Test
    void trashThenForceDelete_followWooCommerceStatuses() {
        assertThat(client.delete("/wp-json/wc/v3/products/58").json().path("status").asText()).isEqualTo("trash");
        assertThat(client.delete("/wp-json/wc/v3/products/58").status()).isEqualTo(410);
        assertThat(ids()).doesNotContain(58L);
        assertThat(client.get("/wp-json/wc/v3/products", "status", "trash").json()).hasSize(1);
        assertThat(client.delete("/wp-json/wc/v3/products/45", "force", "true").status()).isEqualTo(200);
        assertThat(client.get("/wp-json/wc/v3/products/79").status()).isEqualTo(404);
    }

    @Test
    void categories_listParentsForFullPaths() {
        JsonNode cats = client.get("/wp-json/wc/v3/products/categories", "per_page", "100").json();
        assertThat(cats).hasSize(6);
        long clothing = 0;
        for (JsonNode c : cats) {
            if (c.path("name").asText().equals("Clothing")) {
                clothing = c.path("id").asLong();
            }
        }
        for (JsonNode c : cats) {
            if (c.path("name").asText().equals("Hoodies")) {
                assertThat(c.path("parent").asLong()).isEqualTo(clothing);
            }
        }
    }

    @Test
    void storeFacts_currencyAndSystemStatus() {
        assertThat(client.get("/wp-json/wc/v3/data/currencies/current").json().path("code").asText()).isEqualTo("EUR");
        JsonNode status = client.get("/wp-json/wc/v3/system_status").json();
        assertThat(status.path("environment").path("version").asText()).isEqualTo("8.2.2");
        assertThat(status.path("environment").path("home_url").asText()).isEqualTo(emulator.homeUrl());
    }

    @Test
    void generator_isDeterministicAndSized() {
        try (WooCommerceEmulator a = WooCommerceEmulator.builder().clock(clock).webhookDelivery(false).build().start();
             WooCommerceEmulator b = WooCommerceEmulator.builder().clock(clock).webhookDelivery(false).build().start()) {
            CatalogSummary summary = a.seedCatalog(new WooCatalogGenerator.Spec(50, 10, 12, 7));
            b.seedCatalog(new WooCatalogGenerator.Spec(50, 10, 12, 7));
            assertThat(summary.products()).isEqualTo(50);
            assertThat(summary.variations()).isEqualTo(120);
            assertThat(a.productCount()).isEqualTo(50);
            assertThat(a.variationCount()).isEqualTo(120);
            for (long id : a.merchant().productIds()) {
                JsonNode pa = a.merchant().product(id).orElseThrow();
                JsonNode pb = b.merchant().product(id).orElseThrow();
                assertThat(pa.path("sku")).isEqualTo(pb.path("sku"));
                assertThat(pa.path("price")).isEqualTo(pb.path("price"));
                assertThat(pa.path("categories")).isEqualTo(pb.path("categories"));
            }
        }
    }

    @Test
    void benchmarkSizedCatalog_servesItsLastPageWithTheTotals() {
        // how fast it pages is measured by bin/bench (docs/performance.md), never timed in a unit test
        try (WooCommerceEmulator big = WooCommerceEmulator.builder().clock(clock).webhookDelivery(false).build().start();
             TestingWooClient c = TestingWooClient.oauth(big, big.createApiKey("read"))) {
            big.seedCatalog(WooCatalogGenerator.Spec.benchmark(1));
            assertThat(big.variationCount()).isEqualTo(30_000);
            TestingWooClient.Reply last = c.get("/wp-json/wc/v3/products", "per_page", "100", "page", "100",
                    "orderby", "id", "order", "asc");
            assertThat(last.json()).hasSize(100);
            assertThat(last.header("X-WP-TotalPages")).isEqualTo("100");
            assertThat(last.header("X-WP-Total")).isEqualTo("10000");
        }
    }

    private List<Long> ids(String... params) {
        String[] all = new String[params.length + 2];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = "per_page";
        all[params.length + 1] = "100";
        List<Long> ids = new ArrayList<>();
        client.get("/wp-json/wc/v3/products", all).json().forEach(p -> ids.add(p.path("id").asLong()));
        return ids;
    }
}
