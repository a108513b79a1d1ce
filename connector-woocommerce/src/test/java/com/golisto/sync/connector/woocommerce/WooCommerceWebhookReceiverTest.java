package com.golisto.sync.connector.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.api.spi.WebhookVerdict;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WooCommerceWebhookReceiverTest {

    private static final String SECRET = "golisto-webhook-secret-0123456789abcdef";
    private static final String BODY = "{\"id\":47,\"name\":\"T-Shirt\",\"type\":\"simple\",\"regular_price\":\"18\"}";
    /**
     * base64(HMAC-SHA256(BODY, SECRET)), computed independently with Python 3:
     * base64.b64encode(hmac.new(SECRET.encode(), BODY.encode(), hashlib.sha256).digest()).
     */
    private static final String BODY_SIGNATURE = "fx5lg079fFhbGfV+/xP0kiNVh1M4LHctS1s6bUkTpn0=";

    private final WooCommerceWebhookReceiver receiver = new WooCommerceWebhookReceiver(secrets(SECRET));

    private static StoreSecrets secrets(String value) {
        return name -> StoreSecrets.WEBHOOK_SECRET.equals(name) ? Optional.of(Secret.of(value)) : Optional.empty();
    }

    private static InboundRequest delivery(String body, String signature, String topic, String webhookId) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        if (signature != null) {
            headers.put("X-WC-Webhook-Signature", List.of(signature));
        }
        if (topic != null) {
            headers.put("X-WC-Webhook-Topic", List.of(topic));
        }
        headers.put("X-WC-Webhook-ID", List.of(webhookId));
        headers.put("X-WC-Webhook-Delivery-ID", List.of("a3c1f0"));
        return new InboundRequest("POST", "/hooks/woocommerce/store-1", "", headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void validSignature_isAcceptedAsAProductNotification() {
        WebhookVerdict verdict = receiver.verify(delivery(BODY, BODY_SIGNATURE, "product.updated", "12"));
        assertThat(verdict).isInstanceOfSatisfying(WebhookVerdict.Accepted.class, a -> assertThat(a.notifications())
                .containsExactly(new ChangeNotification(ChangeNotification.Kind.PRODUCT, "47",
                        ChangeNotification.Action.UPDATED)));
    }

    @Test
    void tamperedBody_isRejected() {
        String tampered = BODY.replace("\"18\"", "\"1\"");
        assertThat(receiver.verify(delivery(tampered, BODY_SIGNATURE, "product.updated", "12")))
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void wrongSecret_isRejected_andTheReasonRevealsNoSecret() {
        WooCommerceWebhookReceiver other = new WooCommerceWebhookReceiver(secrets("another-secret-of-this-store-000000"));
        WebhookVerdict verdict = other.verify(delivery(BODY, BODY_SIGNATURE, "product.updated", "12"));
        assertThat(verdict).isInstanceOfSatisfying(WebhookVerdict.Rejected.class, r -> assertThat(r.reason())
                .doesNotContain(SECRET).doesNotContain("another-secret").doesNotContain(BODY_SIGNATURE));
    }

    @Test
    void missingSignatureHeader_isRejected() {
        assertThat(receiver.verify(delivery(BODY, null, "product.updated", "12")))
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void emptyBody_isRejectedEvenWithItsOwnValidSignature() {
        String emptySignature = WooCommerceWebhookReceiver.signature(new byte[0], Secret.of(SECRET));
        assertThat(receiver.verify(delivery("", emptySignature, "product.updated", "12")))
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void creationPing_formBodyWithoutHeaders_isAPing() {
        InboundRequest ping = new InboundRequest("POST", "/hooks", "",
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                "webhook_id=12".getBytes(StandardCharsets.UTF_8));
        assertThat(receiver.verify(ping)).isInstanceOf(WebhookVerdict.Ping.class);
    }

    @Test
    void unknownTopic_isIgnored_butOnlyOnceAuthentic() {
        assertThat(receiver.verify(delivery(BODY, BODY_SIGNATURE, "order.updated", "12")))
                .isInstanceOf(WebhookVerdict.Ignored.class);
        assertThat(receiver.verify(delivery(BODY, "forged", "order.updated", "12")))
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void variationDelivery_notifiesItsParentAsUpdated() {
        String body = "{\"id\":79,\"type\":\"variation\",\"parent_id\":45}";
        String signature = WooCommerceWebhookReceiver.signature(body.getBytes(StandardCharsets.UTF_8), Secret.of(SECRET));
        WebhookVerdict verdict = receiver.verify(delivery(body, signature, "product.created", "12"));
        assertThat(verdict).isInstanceOfSatisfying(WebhookVerdict.Accepted.class, a -> assertThat(a.notifications())
                .containsExactly(new ChangeNotification(ChangeNotification.Kind.PRODUCT, "45",
                        ChangeNotification.Action.UPDATED)));
    }

    @Test
    void trashDelivery_withIdOnly_isADeletion() {
        String body = "{\"id\":58}";
        String signature = WooCommerceWebhookReceiver.signature(body.getBytes(StandardCharsets.UTF_8), Secret.of(SECRET));
        WebhookVerdict verdict = receiver.verify(delivery(body, signature, "product.deleted", "13"));
        assertThat(verdict).isInstanceOfSatisfying(WebhookVerdict.Accepted.class, a -> assertThat(a.notifications())
                .containsExactly(new ChangeNotification(ChangeNotification.Kind.PRODUCT, "58",
                        ChangeNotification.Action.DELETED)));
    }

    @Test
    void deliveryKey_isUniquePerContent_notPerDeliveryId() {
        String other = "{\"id\":48,\"name\":\"Beanie\",\"type\":\"simple\"}";
        String otherSignature = WooCommerceWebhookReceiver.signature(other.getBytes(StandardCharsets.UTF_8),
                Secret.of(SECRET));
        // same X-WC-Webhook-Delivery-ID on both, as a real store sends within one second
        String first = ((WebhookVerdict.Accepted) receiver.verify(delivery(BODY, BODY_SIGNATURE, "product.updated", "12")))
                .deliveryKey();
        String second = ((WebhookVerdict.Accepted) receiver.verify(delivery(other, otherSignature, "product.updated",
                "12"))).deliveryKey();
        String again = ((WebhookVerdict.Accepted) receiver.verify(delivery(BODY, BODY_SIGNATURE, "product.updated", "12")))
                .deliveryKey();
        assertThat(first).isNotEqualTo(second).isEqualTo(again).startsWith("47:");
    }

    @Test
    void deliveryKey_comesFromSignedContentOnly_soAReplayWithOtherHeadersIsTheSameDelivery() {
        String original = ((WebhookVerdict.Accepted) receiver.verify(delivery(BODY, BODY_SIGNATURE, "product.updated",
                "12"))).deliveryKey();
        // the same signed body replayed with unsigned headers changed
        String replayed = ((WebhookVerdict.Accepted) receiver.verify(delivery(BODY, BODY_SIGNATURE, "product.created",
                "99"))).deliveryKey();
        assertThat(replayed).isEqualTo(original);
    }

    @Test
    void noSecretForTheStore_rejects() {
        WooCommerceWebhookReceiver none = new WooCommerceWebhookReceiver(name -> Optional.empty());
        assertThat(none.verify(delivery(BODY, BODY_SIGNATURE, "product.updated", "12")))
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }
}
