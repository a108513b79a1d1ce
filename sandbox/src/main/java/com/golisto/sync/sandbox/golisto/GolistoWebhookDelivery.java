package com.golisto.sync.sandbox.golisto;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One signed webhook Golisto sends to the engine, exactly as it goes on the wire: the headers
 * {@code X-Golisto-Event}, {@code X-Golisto-Delivery}, {@code X-Golisto-Timestamp},
 * {@code X-Golisto-Connection}, {@code X-Golisto-Signature} and the raw JSON body. Tests may feed it to a
 * webhook receiver directly, or let {@link GolistoWebhooks} POST it.
 *
 * @param deliveryId the delivery id (a UUID), the same on every redelivery
 * @param event {@code connection.approved}, {@code connection.disconnected}, {@code order.created} or
 *              {@code order.updated}
 * @param connectionId the connection it is about
 * @param orderId the order for order events, otherwise null
 * @param timestamp unix seconds of the emulator clock when it was signed
 * @param body the raw JSON body
 * @param signature base64(HMAC-SHA256(webhook_secret, timestamp + "." + body))
 * @param webhookUrl the URL the engine gave with the credentials, null when it gave none
 */
public record GolistoWebhookDelivery(String deliveryId, String event, String connectionId, @Nullable String orderId,
                                     long timestamp, String body, String signature, @Nullable URI webhookUrl) {

    /** Validates the required parts. */
    public GolistoWebhookDelivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signature, "signature");
    }

    /** The order id for order events. */
    public Optional<String> order() {
        return Optional.ofNullable(orderId);
    }

    /** The body as UTF-8 bytes, the bytes the signature covers after the timestamp and the dot. */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The X-Golisto-* headers, in a stable order, as sent. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Golisto-Event", event);
        headers.put("X-Golisto-Delivery", deliveryId);
        headers.put("X-Golisto-Timestamp", Long.toString(timestamp));
        headers.put("X-Golisto-Connection", connectionId);
        headers.put("X-Golisto-Signature", signature);
        return headers;
    }
}
