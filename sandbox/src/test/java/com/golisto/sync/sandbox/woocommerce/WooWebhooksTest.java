package com.golisto.sync.sandbox.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WooWebhooksTest {

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
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
        receiver.close();
    }

    private long register(String topic) {
        TestingWooClient.Reply reply = client.post("/wp-json/wc/v3/webhooks", "{\"name\":\"t\",\"topic\":\"" + topic
                + "\",\"delivery_url\":\"" + receiver.url("/hooks/woo") + "\",\"secret\":\"" + SECRET + "\"}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().has("secret")).isFalse();
        return reply.json().path("id").asLong();
    }

    @Test
    void creation_pingsWithAFormBodyAndNoWooHeaders() {
        long id = register("product.updated");
        EmulatorRequest ping = receiver.received().get(0);
        assertThat(ping.bodyText()).isEqualTo("webhook_id=" + id);
        assertThat(ping.header("content-type")).hasValue("application/x-www-form-urlencoded");
        assertThat(ping.header("x-wc-webhook-signature")).isEmpty();
        assertThat(ping.header("x-wc-webhook-topic")).isEmpty();
    }

    @Test
    void delivery_isSignedWithEveryHeader_andCarriesTheProductJson() throws Exception {
        long id = register("product.updated");
        emulator.merchant().setRegularPrice(47, "21");
        List<WebhookDelivery> sent = emulator.deliverWebhooksNow();
        assertThat(sent).singleElement().satisfies(d -> {
            assertThat(d.success()).isTrue();
            assertThat(d.resourceId()).isEqualTo(47);
        });
        EmulatorRequest delivery = receiver.received().get(1);
        byte[] body = delivery.body();
        assertThat(delivery.header("x-wc-webhook-signature")).hasValue(hmac(body));
        assertThat(delivery.header("x-wc-webhook-topic")).hasValue("product.updated");
        assertThat(delivery.header("x-wc-webhook-resource")).hasValue("product");
        assertThat(delivery.header("x-wc-webhook-event")).hasValue("updated");
        assertThat(delivery.header("x-wc-webhook-id")).hasValue(Long.toString(id));
        assertThat(delivery.header("x-wc-webhook-source")).hasValue(emulator.homeUrl() + "/");
        assertThat(delivery.header("x-wc-webhook-delivery-id")).isPresent();
        assertThat(delivery.header("user-agent").orElseThrow()).startsWith("WooCommerce/8.2.2 Hookshot");
        JsonNode json = TestingWooClient.MAPPER.readTree(body);
        assertThat(json.path("id").asLong()).isEqualTo(47);
        assertThat(json.path("regular_price").asText()).isEqualTo("21");
    }

    @Test
    void burstOfChanges_coalescesIntoOneDeliveryWithTheFinalState() throws Exception {
        register("product.updated");
        emulator.merchant().setRegularPrice(47, "21");
        emulator.merchant().setRegularPrice(47, "22");
        emulator.merchant().setRegularPrice(47, "23");
        assertThat(emulator.pendingWebhookDeliveries()).isEqualTo(1);
        assertThat(emulator.deliverWebhooksNow()).hasSize(1);
        JsonNode json = TestingWooClient.MAPPER.readTree(receiver.received().get(1).body());
        assertThat(json.path("regular_price").asText()).isEqualTo("23");
    }

    @Test
    void variationChange_arrivesAsProductUpdatedWithTheVariationsId() throws Exception {
        register("product.updated");
        emulator.merchant().setStock(79, 4);
        emulator.deliverWebhooksNow();
        JsonNode json = TestingWooClient.MAPPER.readTree(receiver.received().get(1).body());
        assertThat(json.path("id").asLong()).isEqualTo(79);
        assertThat(json.path("type").asText()).isEqualTo("variation");
        assertThat(json.path("parent_id").asLong()).isEqualTo(45);
    }

    @Test
    void trashFiresDeletedWithIdOnly_permanentDeleteFiresNothing() throws Exception {
        register("product.deleted");
        emulator.merchant().trash(58);
        emulator.merchant().deletePermanently(60);
        client.delete("/wp-json/wc/v3/products/62", "force", "true");
        List<WebhookDelivery> sent = emulator.deliverWebhooksNow();
        assertThat(sent).extracting(WebhookDelivery::resourceId).containsExactly(58L);
        assertThat(receiver.received().get(1).bodyText()).isEqualTo("{\"id\":58}");
    }

    @Test
    void restoreFromTrash_firesRestoredWithTheProduct() throws Exception {
        register("product.restored");
        emulator.merchant().trash(58);
        emulator.merchant().restore(58);
        assertThat(emulator.deliverWebhooksNow()).singleElement().extracting(WebhookDelivery::topic)
                .isEqualTo("product.restored");
        JsonNode json = TestingWooClient.MAPPER.readTree(receiver.received().get(1).body());
        assertThat(json.path("id").asLong()).isEqualTo(58);
        assertThat(json.path("status").asText()).isEqualTo("publish");
    }

    @Test
    void draftProducts_areNotDelivered() {
        register("product.updated");
        emulator.merchant().setStatus(47, "draft");
        emulator.merchant().rename(47, "Draft shirt");
        assertThat(emulator.deliverWebhooksNow()).isEmpty();
    }

    @Test
    void failures_countUp_andTheSeventhConsecutiveOneDisables() {
        long id = register("product.updated");
        receiver.answering(500);
        for (int i = 1; i <= 6; i++) {
            emulator.merchant().setRegularPrice(47, Integer.toString(20 + i));
            emulator.deliverWebhooksNow();
            assertThat(emulator.webhookFailureCount(id)).isEqualTo(i);
            assertThat(emulator.webhookStatus(id)).hasValue("active");
        }
        emulator.merchant().setRegularPrice(47, "30");
        emulator.deliverWebhooksNow();
        assertThat(emulator.webhookStatus(id)).hasValue("disabled");
        assertThat(client.get("/wp-json/wc/v3/webhooks/" + id).json().path("status").asText()).isEqualTo("disabled");
        emulator.merchant().setRegularPrice(47, "31");
        assertThat(emulator.deliverWebhooksNow()).isEmpty();
        client.put("/wp-json/wc/v3/webhooks/" + id, "{\"status\":\"active\"}");
        receiver.answering(200);
        emulator.merchant().setRegularPrice(47, "32");
        assertThat(emulator.deliverWebhooksNow()).singleElement().extracting(WebhookDelivery::success).isEqualTo(true);
        assertThat(emulator.webhookFailureCount(id)).isZero();
    }

    @Test
    void deliveryId_isNotUniqueWithinOneSecond() {
        register("product.updated");
        emulator.merchant().setRegularPrice(47, "21");
        emulator.merchant().setRegularPrice(48, "21");
        emulator.deliverWebhooksNow();
        List<EmulatorRequest> got = receiver.received();
        assertThat(got.get(1).header("x-wc-webhook-delivery-id")).isEqualTo(got.get(2).header("x-wc-webhook-delivery-id"));
    }

    @Test
    void webhookDelete_needsForce() {
        long id = register("product.created");
        assertThat(client.delete("/wp-json/wc/v3/webhooks/" + id).status()).isEqualTo(501);
        assertThat(client.delete("/wp-json/wc/v3/webhooks/" + id, "force", "true").status()).isEqualTo(200);
        assertThat(emulator.webhookIds()).isEmpty();
    }

    @Test
    void strictUrlChecks_refuseLoopbackOddPorts_untilDisabled() {
        try (WooCommerceEmulator strict = WooCommerceEmulator.builder().clock(clock).strictUrlChecks(true)
                .webhookAutoDeliveryDelay(Duration.ZERO).build().start();
             TestingWooClient c = TestingWooClient.oauth(strict, strict.createApiKey("read_write"))) {
            long productId = c.post("/wp-json/wc/v3/products", "{\"name\":\"A\",\"regular_price\":\"1\"}")
                    .json().path("id").asLong();
            JsonNode hook = c.post("/wp-json/wc/v3/webhooks", "{\"topic\":\"product.updated\",\"delivery_url\":\""
                    + receiver.url("/hooks") + "\",\"secret\":\"s\"}").json();
            long id = hook.path("id").asLong();
            assertThat(strict.webhookDeliveries()).singleElement().satisfies(p -> assertThat(p.error()).contains("port"));
            for (int i = 0; i < 7; i++) {
                strict.merchant().setRegularPrice(productId, Integer.toString(i + 2));
                strict.deliverWebhooksNow();
            }
            assertThat(strict.webhookStatus(id)).hasValue("disabled");
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void automaticDelivery_happensInTheBackground() throws Exception {
        try (WooCommerceEmulator auto = WooCommerceEmulator.builder().clock(clock)
                .webhookAutoDeliveryDelay(Duration.ofMillis(10)).build().start();
             TestingWooClient c = TestingWooClient.oauth(auto, auto.createApiKey("read_write"))) {
            long productId = c.post("/wp-json/wc/v3/products", "{\"name\":\"A\",\"regular_price\":\"1\"}")
                    .json().path("id").asLong();
            c.post("/wp-json/wc/v3/webhooks", "{\"topic\":\"product.updated\",\"delivery_url\":\""
                    + receiver.url("/hooks") + "\",\"secret\":\"s\"}");
            auto.merchant().setRegularPrice(productId, "3");
            // bounded poll for the background thread (no fixed sleep)
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (receiver.received().size() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(receiver.received()).hasSize(2);
        }
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
