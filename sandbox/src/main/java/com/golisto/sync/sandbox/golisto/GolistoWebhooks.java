package com.golisto.sync.sandbox.golisto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Golisto's signed webhooks to the engine. Events are signed when they happen and queued; tests deliver
 * them synchronously with {@link #deliverPending()} (no background thread, nothing to wait for), or switch
 * on {@link #deliverImmediately(boolean)} so that each test hook delivers its events before returning.
 * A delivery goes to the {@code webhook_url} the engine gave with the credentials, else to
 * {@link #defaultUrl(URI)}.
 *
 * <p>Thread-safe.
 */
public final class GolistoWebhooks implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<GolistoWebhookDelivery> pending = new ArrayList<>();
    private final List<GolistoWebhookResult> sent = new ArrayList<>();
    private volatile @Nullable URI defaultUrl;
    private volatile boolean immediate;

    GolistoWebhooks(@Nullable URI defaultUrl) {
        this.defaultUrl = defaultUrl;
    }

    /** Sets where webhooks go for connections whose credentials named no {@code webhook_url}; null for none. */
    public void defaultUrl(@Nullable URI url) {
        this.defaultUrl = url;
    }

    /** When true, every emulator test hook delivers the webhooks it caused before it returns. */
    public void deliverImmediately(boolean deliverImmediately) {
        this.immediate = deliverImmediately;
    }

    /** The signed deliveries not yet sent, oldest first. */
    public synchronized List<GolistoWebhookDelivery> pending() {
        return List.copyOf(pending);
    }

    /** Every delivery attempt so far, oldest first. */
    public synchronized List<GolistoWebhookResult> sent() {
        return List.copyOf(sent);
    }

    /** Forgets the pending deliveries without sending them. */
    public synchronized void discardPending() {
        pending.clear();
    }

    /**
     * POSTs every pending delivery, one after the other on the calling thread, and returns what each got.
     * A delivery that fails is not retried; {@link #redeliver} sends it again.
     */
    public List<GolistoWebhookResult> deliverPending() {
        List<GolistoWebhookDelivery> batch;
        synchronized (this) {
            batch = List.copyOf(pending);
            pending.clear();
        }
        List<GolistoWebhookResult> results = new ArrayList<>();
        for (GolistoWebhookDelivery delivery : batch) {
            results.add(redeliver(delivery));
        }
        return results;
    }

    /** POSTs one delivery (again), with its original id, timestamp and signature. */
    public GolistoWebhookResult redeliver(GolistoWebhookDelivery delivery) {
        URI target = delivery.webhookUrl() != null ? delivery.webhookUrl() : defaultUrl;
        GolistoWebhookResult result;
        if (target == null) {
            result = new GolistoWebhookResult(delivery, null, 0, "no webhook URL is known for this connection");
        } else {
            result = post(delivery, target);
        }
        synchronized (this) {
            sent.add(result);
        }
        return result;
    }

    private GolistoWebhookResult post(GolistoWebhookDelivery delivery, URI target) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Golisto-Webhooks/1.0 (sandbox)")
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.bodyBytes()));
        delivery.headers().forEach(request::header);
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new GolistoWebhookResult(delivery, target, response.statusCode(), null);
        } catch (IOException e) {
            return new GolistoWebhookResult(delivery, target, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GolistoWebhookResult(delivery, target, 0, "interrupted");
        }
    }

    /** Signs and queues one event. Called by the backend under its lock. */
    void enqueue(ConnectionRecord connection, String event, @Nullable String orderId, Instant now) {
        ObjectNode body = Json.object();
        body.put("event", event);
        body.put("connection_id", connection.id);
        if (orderId != null) {
            body.put("order_id", orderId);
        }
        String json = Json.write(body);
        // events start once the credentials brought the secret; a disconnect before them sends nothing
        String secret = Objects.requireNonNull(connection.webhookSecret, "no webhook secret yet");
        long timestamp = now.getEpochSecond();
        GolistoWebhookDelivery delivery = new GolistoWebhookDelivery(UUID.randomUUID().toString(), event,
                connection.id, orderId, timestamp, json, sign(secret, timestamp, json),
                connection.webhookUrl);
        synchronized (this) {
            pending.add(delivery);
        }
    }

    /** Delivers what is pending when immediate delivery is on; called after each test hook, outside locks. */
    void afterHook() {
        if (immediate) {
            deliverPending();
        }
    }

    /**
     * The contract's signature: base64(HMAC-SHA256(key = webhook secret, message = timestamp + "." + body)).
     *
     * @param secret the webhook secret
     * @param timestamp unix seconds
     * @param body the raw body
     * @return the base64 signature
     */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
