package com.golisto.sync.connector.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookVerdict;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Golisto's webhooks for one store: {@code X-Golisto-Signature} must be
 * base64(HMAC-SHA256(webhook secret, timestamp + "." + raw body)), compared in constant time;
 * {@code X-Golisto-Timestamp} must be within 300 s of the context clock (either side);
 * {@code X-Golisto-Connection} must name this store's connection when it is known. A verified delivery is
 * keyed by {@code X-Golisto-Delivery} for de-duplication (a redelivery yields the same key) and becomes a
 * notification: {@code connection.*} → the connection changed, {@code order.created} /
 * {@code order.updated} → that order. Stateless, fast, no network I/O; thread-safe.
 */
final class GolistoWebhookReceiver implements WebhookReceiver {

    /** The contract's replay window. */
    static final Duration MAX_SKEW = Duration.ofSeconds(300);
    static final String EVENT = "X-Golisto-Event";
    static final String DELIVERY = "X-Golisto-Delivery";
    static final String TIMESTAMP = "X-Golisto-Timestamp";
    static final String CONNECTION = "X-Golisto-Connection";
    static final String SIGNATURE = "X-Golisto-Signature";
    private static final List<String> REQUIRED_HEADERS = List.of(EVENT, DELIVERY, TIMESTAMP, CONNECTION, SIGNATURE);

    private final ConnectorContext context;
    private final Supplier<Optional<String>> connectionId;

    GolistoWebhookReceiver(ConnectorContext context, Supplier<Optional<String>> connectionId) {
        this.context = context;
        this.connectionId = connectionId;
    }

    @Override
    public WebhookVerdict verify(InboundRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REQUIRED_HEADERS) {
            String value = request.header(name).map(String::trim).orElse("");
            if (value.isEmpty()) {
                return new WebhookVerdict.Rejected("missing header " + name);
            }
            headers.put(name, value);
        }
        Optional<Secret> secret = context.secrets().get(StoreSecrets.WEBHOOK_SECRET);
        if (secret.isEmpty()) {
            return new WebhookVerdict.Rejected("no webhook secret is held for store " + context.storeId());
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(required(headers, TIMESTAMP));
        } catch (NumberFormatException e) {
            return new WebhookVerdict.Rejected("X-Golisto-Timestamp is not unix seconds");
        }
        long skew = Math.abs(context.clock().instant().getEpochSecond() - sentAt);
        if (skew > MAX_SKEW.toSeconds()) {
            return new WebhookVerdict.Rejected("X-Golisto-Timestamp is " + skew + " s away from now (at most "
                    + MAX_SKEW.toSeconds() + " s allowed)");
        }
        if (!signatureMatches(secret.get(), required(headers, TIMESTAMP), request.body(), required(headers, SIGNATURE))) {
            return new WebhookVerdict.Rejected("X-Golisto-Signature does not match the body");
        }
        Optional<String> ours = connectionId.get();
        if (ours.isPresent() && !ours.get().equals(required(headers, CONNECTION))) {
            return new WebhookVerdict.Rejected("the delivery is for another connection");
        }
        return notifications(required(headers, EVENT), required(headers, DELIVERY), required(headers, CONNECTION), request.body());
    }

    /** A header that {@link #verify} has already found present and non-blank. */
    private static String required(Map<String, String> headers, String name) {
        return Objects.requireNonNull(headers.get(name), name);
    }

    private static WebhookVerdict notifications(String event, String deliveryId, String connection, byte[] body) {
        String key = "golisto:" + deliveryId;
        if (event.startsWith("connection.")) {
            return new WebhookVerdict.Accepted(key, List.of(
                    new ChangeNotification(ChangeNotification.Kind.CONNECTION, connection,
                            ChangeNotification.Action.UPDATED)));
        }
        if (event.equals("order.created") || event.equals("order.updated")) {
            Optional<JsonNode> json = GolistoJson.parse(body);
            String orderId = json.map(j -> j.path("order_id")).filter(JsonNode::isTextual).map(JsonNode::asText)
                    .filter(id -> !id.isBlank()).orElse(null);
            if (orderId == null) {
                return new WebhookVerdict.Rejected("an order event without order_id in its body");
            }
            return new WebhookVerdict.Accepted(key, List.of(new ChangeNotification(ChangeNotification.Kind.ORDER,
                    orderId, event.equals("order.created") ? ChangeNotification.Action.CREATED
                    : ChangeNotification.Action.UPDATED)));
        }
        return new WebhookVerdict.Ignored("Golisto event " + event + " is not one the engine follows");
    }

    /** Constant-time check of the contract's signature over the exact body bytes. */
    static boolean signatureMatches(Secret secret, String timestamp, byte[] body, String signature) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body), given);
    }

    static byte[] sign(Secret secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
