package com.golisto.sync.connector.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies WooCommerce webhook deliveries: {@code X-WC-Webhook-Signature} must equal
 * base64(HMAC-SHA256(raw body, webhook secret)), compared in constant time before anything is parsed.
 * The creation ping (a form body {@code webhook_id=N} without any {@code X-WC-*} header) is a
 * {@link WebhookVerdict.Ping}; topics other than {@code product.created/updated/deleted/restored} are
 * ignored. A variation's delivery (its own id, {@code type: "variation"}, {@code parent_id}) notifies
 * its parent as updated. The de-duplication key is the resource id and a hash of the body, both signed:
 * {@code X-WC-Webhook-Delivery-ID} is a hash of the webhook id and the current second and is not unique,
 * and no header is covered by the signature, so none may make a replayed body look new. No network I/O; thread-safe.
 */
final class WooCommerceWebhookReceiver implements WebhookReceiver {

    private static final Pattern PING = Pattern.compile("webhook_id=\\d+");
    private static final Map<String, ChangeNotification.Action> TOPICS = Map.of(
            "product.created", ChangeNotification.Action.CREATED,
            "product.updated", ChangeNotification.Action.UPDATED,
            "product.deleted", ChangeNotification.Action.DELETED,
            "product.restored", ChangeNotification.Action.RESTORED);

    private final StoreSecrets secrets;

    WooCommerceWebhookReceiver(StoreSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public WebhookVerdict verify(InboundRequest request) {
        byte[] body = request.body();
        Optional<String> signature = request.header("X-WC-Webhook-Signature");
        if (signature.isEmpty()) {
            String text = new String(body, StandardCharsets.UTF_8).trim();
            return PING.matcher(text).matches() ? new WebhookVerdict.Ping()
                    : new WebhookVerdict.Rejected("no X-WC-Webhook-Signature header");
        }
        Optional<Secret> secret = secrets.get(StoreSecrets.WEBHOOK_SECRET);
        if (secret.isEmpty()) {
            return new WebhookVerdict.Rejected("this store has no webhook secret yet");
        }
        if (body.length == 0) {
            return new WebhookVerdict.Rejected("empty body");
        }
        byte[] expected = signature(body, secret.get()).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.get().trim().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return new WebhookVerdict.Rejected("signature does not match the body");
        }
        String topic = request.header("X-WC-Webhook-Topic").orElse("");
        ChangeNotification.Action action = TOPICS.get(topic);
        if (action == null) {
            return new WebhookVerdict.Ignored("topic '" + topic + "' is not used");
        }
        JsonNode json;
        try {
            json = WooCommerceHttp.MAPPER.readTree(body);
        } catch (IOException e) {
            return new WebhookVerdict.Rejected("signed body is not JSON");
        }
        long id = json == null ? 0 : json.path("id").asLong(0);
        if (id <= 0) {
            return new WebhookVerdict.Rejected("signed body names no product id");
        }
        long resource = id;
        if ("variation".equals(json.path("type").asText()) && json.path("parent_id").asLong(0) > 0) {
            resource = json.path("parent_id").asLong();
            action = ChangeNotification.Action.UPDATED;
        }
        // only signed content: the X-WC-* headers are not signed, so a replayed body with another header would
        // otherwise pass as a new delivery
        String key = id + ":" + sha256(body);
        return new WebhookVerdict.Accepted(key,
                List.of(new ChangeNotification(ChangeNotification.Kind.PRODUCT, Long.toString(resource), action)));
    }

    /** base64(HMAC-SHA256(body, secret)), as WooCommerce signs deliveries. */
    static String signature(byte[] body, Secret secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
