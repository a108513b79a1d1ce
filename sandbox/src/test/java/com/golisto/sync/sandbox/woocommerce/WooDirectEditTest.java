package com.golisto.sync.sandbox.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.http.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The merchant's operations that leave no trace in timestamps or webhooks: direct edits and lost deliveries. */
class WooDirectEditTest {

    private static final String SECRET = "whsec-test-0123456789abcdefghijklmnop";
    private final MutableClock clock = MutableClock.at(Instant.parse("2024-05-01T12:00:00Z"));
    private WooCommerceEmulator emulator;
    private TestingWooClient client;
    private TestingReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        emulator = WooCommerceEmulator.builder().clock(clock).webhookAutoDeliveryDelay(Duration.ZERO).build().start();
        emulator.loadCsv(SampleFixtures.sampleCsv());
        client = TestingWooClient.oauth(emulator, emulator.createApiKey("read_write"));
        receiver = TestingReceiver.started();
        TestingWooClient.Reply reply = client.post("/wp-json/wc/v3/webhooks", "{\"name\":\"t\",\"topic\":\"product.updated\","
                + "\"delivery_url\":\"" + receiver.url("/hooks/woo") + "\",\"secret\":\"" + SECRET + "\"}");
        assertThat(reply.status()).isEqualTo(201);
        clock.advance(Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
        receiver.close();
    }

    @Test
    void editInDatabase_ofAVariation_changesPriceAndStockButNeitherDateNorWebhook() {
        String parentModified = client.get("/wp-json/wc/v3/products/45").json().path("date_modified_gmt").asText();
        String ownModified = client.get("/wp-json/wc/v3/products/79").json().path("date_modified_gmt").asText();

        emulator.merchant().editInDatabase(79, "77", 5);

        JsonNode variation = client.get("/wp-json/wc/v3/products/79").json();
        assertThat(variation.path("regular_price").asText()).isEqualTo("77");
        assertThat(variation.path("stock_quantity").asInt()).isEqualTo(5);
        assertThat(variation.path("date_modified_gmt").asText()).isEqualTo(ownModified);
        assertThat(client.get("/wp-json/wc/v3/products/45").json().path("date_modified_gmt").asText())
                .isEqualTo(parentModified);
        assertThat(client.get("/wp-json/wc/v3/products", "modified_after", "2024-05-01T12:30:00",
                "dates_are_gmt", "true").json()).isEmpty();
        assertThat(emulator.pendingWebhookDeliveries()).isZero();
    }

    @Test
    void editInDatabase_ofASimpleProductsPriceOnly_keepsItsStock() {
        JsonNode before = client.get("/wp-json/wc/v3/products/47").json();

        emulator.merchant().editInDatabase(47, "31", null);

        JsonNode after = client.get("/wp-json/wc/v3/products/47").json();
        assertThat(after.path("regular_price").asText()).isEqualTo("31");
        assertThat(after.path("stock_quantity")).isEqualTo(before.path("stock_quantity"));
        assertThat(after.path("date_modified_gmt")).isEqualTo(before.path("date_modified_gmt"));
    }

    @Test
    void merchantSave_stillMovesTheDateAndFires() {
        emulator.merchant().setRegularPrice(47, "31");

        assertThat(client.get("/wp-json/wc/v3/products/47").json().path("date_modified_gmt").asText())
                .isEqualTo("2024-05-01T13:00:00");
        assertThat(emulator.pendingWebhookDeliveries()).isEqualTo(1);
    }

    @Test
    void losePendingWebhooks_dropsTheDeliveriesButKeepsTheChange() {
        emulator.merchant().setRegularPrice(47, "31");
        emulator.merchant().setStock(48, 3);

        assertThat(emulator.losePendingWebhooks()).isEqualTo(2);

        assertThat(emulator.deliverWebhooksNow()).isEmpty();
        assertThat(client.get("/wp-json/wc/v3/products/47").json().path("regular_price").asText()).isEqualTo("31");
    }
}
