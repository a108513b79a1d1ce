package com.golisto.sync.sandbox.golisto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import com.golisto.sync.sandbox.http.EmulatorServer;
import com.golisto.sync.sandbox.http.MutableClock;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GolistoWebhooksTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T10:00:00Z"));
    private final Receiver receiver = new Receiver();
    private GolistoEmulator golisto;
    private GolistoTestClient client;

    @BeforeEach
    void start() {
        receiver.start();
        golisto = GolistoEmulator.builder().clock(clock).build().start();
        client = new GolistoTestClient(golisto);
    }

    @AfterEach
    void stop() {
        client.close();
        golisto.close();
        receiver.close();
    }

    @Test
    void approval_isSignedAsTheContractSays_andPostedToTheWebhookUrlFromTheCredentials() throws Exception {
        JsonNode linked = client.link("https://shop.example.com", "EUR", receiver.baseUri() + "/webhooks/golisto");
        String connectionId = linked.get("connection_id").asText();
        golisto.approve(connectionId);

        List<GolistoWebhookResult> results = golisto.webhooks().deliverPending();

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.accepted()).isTrue();
        });
        EmulatorRequest received = receiver.received.get(0);
        assertThat(received.path()).isEqualTo("/webhooks/golisto");
        assertThat(received.header("X-Golisto-Event")).contains("connection.approved");
        assertThat(received.header("X-Golisto-Connection")).contains(connectionId);
        assertThat(received.header("X-Golisto-Timestamp")).contains("1795860000");
        assertThat(received.header("X-Golisto-Delivery").orElseThrow()).matches("[0-9a-f-]{36}");
        String expected = base64HmacSha256(GolistoTestClient.SECRET, "1795860000." + received.bodyText());
        assertThat(received.header("X-Golisto-Signature")).contains(expected);
        JsonNode body = GolistoTestClient.MAPPER.readTree(received.bodyText());
        assertThat(body.get("event").asText()).isEqualTo("connection.approved");
        assertThat(body.get("connection_id").asText()).isEqualTo(connectionId);
        assertThat(golisto.webhooks().pending()).isEmpty();
    }

    @Test
    void withoutAWebhookUrl_theConfiguredDefaultIsUsed() {
        golisto.webhooks().defaultUrl(URI.create(receiver.baseUri() + "/default"));
        String connectionId = client.link("https://shop.example.com", "EUR", null).get("connection_id").asText();
        golisto.reject(connectionId, "incomplete");

        golisto.webhooks().deliverPending();

        assertThat(receiver.received).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/default");
            assertThat(r.header("X-Golisto-Event")).contains("connection.disconnected");
        });
    }

    @Test
    void withoutAnyUrl_theDeliveryFailsVisibly() {
        String connectionId = client.link("https://shop.example.com", "EUR", null).get("connection_id").asText();
        golisto.approve(connectionId);

        assertThat(golisto.webhooks().deliverPending()).singleElement()
                .satisfies(r -> assertThat(r.failure()).contains("no webhook URL"));
    }

    @Test
    void deliverImmediately_sendsWithinTheTestHook() {
        golisto.webhooks().deliverImmediately(true);
        String connectionId = client.link("https://shop.example.com", "EUR", receiver.baseUri() + "/wh")
                .get("connection_id").asText();

        golisto.approve(connectionId);

        assertThat(receiver.received).hasSize(1);
        assertThat(golisto.webhooks().sent()).hasSize(1);
    }

    @Test
    void redelivery_keepsTheDeliveryIdTimestampAndSignature() {
        String connectionId = client.link("https://shop.example.com", "EUR", receiver.baseUri() + "/wh")
                .get("connection_id").asText();
        golisto.approve(connectionId);
        GolistoWebhookDelivery delivery = golisto.webhooks().pending().get(0);

        golisto.webhooks().deliverPending();
        golisto.webhooks().redeliver(delivery);

        assertThat(receiver.received).hasSize(2);
        assertThat(receiver.received).extracting(r -> r.header("X-Golisto-Delivery").orElseThrow())
                .containsOnly(delivery.deliveryId());
        assertThat(receiver.received).extracting(r -> r.header("X-Golisto-Signature").orElseThrow())
                .containsOnly(delivery.signature());
    }

    @Test
    void engineDisconnect_sendsNoWebhook_golistoDisconnectDoes() {
        GolistoTestClient.Store first = client.approvedStore();
        GolistoTestClient.Store second = client.approvedStore();

        client.post("/api/woocommerce/disconnect", first.token(), "");
        golisto.disconnectByGolisto(second.connectionId(), "fraud review");

        assertThat(golisto.webhooks().pending()).singleElement().satisfies(d -> {
            assertThat(d.event()).isEqualTo("connection.disconnected");
            assertThat(d.connectionId()).isEqualTo(second.connectionId());
        });
    }

    private static String base64HmacSha256(String key, String message) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        return java.util.Base64.getEncoder().encodeToString(
                mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The engine's webhook endpoint in miniature: records what arrives, answers 204. */
    private static final class Receiver extends EmulatorServer {
        final List<EmulatorRequest> received = new CopyOnWriteArrayList<>();

        @Override
        protected EmulatorResponse handle(EmulatorRequest request) {
            received.add(request);
            return EmulatorResponse.empty(204);
        }
    }
}
