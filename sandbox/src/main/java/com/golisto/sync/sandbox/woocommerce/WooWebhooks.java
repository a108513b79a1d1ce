package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Webhooks as WooCommerce keeps and delivers them: CRUD, a synchronous form-encoded ping at creation,
 * pending deliveries coalesced per (webhook, resource) whose payload is built at send time, no retries,
 * {@code failure_count} and auto-disable on the 7th consecutive failure. The HTTP side (signed POSTs with
 * every {@code X-WC-Webhook-*} header, URL rules) is {@link WooHookshot}.
 */
final class WooWebhooks implements AutoCloseable {

    static final Set<String> RESOURCES = Set.of("coupon", "customer", "order", "product");
    static final Set<String> EVENTS = Set.of("created", "updated", "deleted", "restored");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SECRET_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()";

    private record PendingKey(long webhookId, long resourceId) {
    }

    private record Pending(WooWebhook webhook, String resource, String event, long resourceId) {
    }

    private final Clock clock;
    private final boolean enabled;
    private final Duration autoDelay;
    private final Function<Long, Optional<byte[]>> productPayload;
    private final Function<Long, Optional<byte[]>> orderPayload;
    private final ConcurrentSkipListMap<Long, WooWebhook> hooks = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong(0);
    private final Object deliveryLock = new Object();
    /** Serialises sending (not queueing): a receiver may change the store while it is being called. */
    private final Object sendLock = new Object();
    private final LinkedHashMap<PendingKey, Pending> pending = new LinkedHashMap<>();
    private final CopyOnWriteArrayList<WebhookDelivery> log = new CopyOnWriteArrayList<>();
    private final WooHookshot hookshot;
    private final ScheduledExecutorService scheduler;

    WooWebhooks(Clock clock, java.util.function.Supplier<String> home, boolean enabled, boolean strictUrls, Duration autoDelay,
                Function<Long, Optional<byte[]>> productPayload, Function<Long, Optional<byte[]>> orderPayload) {
        this.clock = clock;
        this.enabled = enabled;
        this.autoDelay = autoDelay;
        this.productPayload = productPayload;
        this.orderPayload = orderPayload;
        this.hookshot = new WooHookshot(clock, home, strictUrls);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "woo-webhook-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    // ------------------------------------------------------------------ CRUD

    Optional<WooWebhook> get(long id) {
        return Optional.ofNullable(hooks.get(id));
    }

    List<WooWebhook> all() {
        return List.copyOf(hooks.values());
    }

    WooWebhook create(JsonNode body) {
        String topic = body.path("topic").asText("");
        if (!validTopic(topic)) {
            throw new WooError(400, "woocommerce_rest_webhook_invalid_topic", "Webhook topic is required and must be valid.");
        }
        String url = body.path("delivery_url").asText("");
        if (!validUrl(url)) {
            throw new WooError(400, "woocommerce_rest_webhook_invalid_delivery_url",
                    "Webhook delivery URL must be a valid URL starting with http:// or https://.");
        }
        String status = body.path("status").asText("active");
        checkStatus(status);
        String secret = body.path("secret").asText("");
        if (secret.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                sb.append(SECRET_CHARS.charAt(RANDOM.nextInt(SECRET_CHARS.length())));
            }
            secret = sb.toString();
        }
        java.time.Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String name = body.path("name").asText("Webhook created on " + now);
        WooWebhook hook = new WooWebhook(ids.incrementAndGet(), name, status, topic, url, secret, now, now, 0, true);
        hooks.put(hook.id(), hook);
        ping(hook);
        return hooks.get(hook.id());
    }

    WooWebhook update(long id, JsonNode body) {
        WooWebhook old = hooks.get(id);
        if (old == null) {
            throw new WooError(400, "woocommerce_rest_webhook_invalid_id", "Invalid ID.");
        }
        String topic = body.path("topic").asText(old.topic());
        if (!validTopic(topic)) {
            throw new WooError(400, "woocommerce_rest_webhook_invalid_topic", "Webhook topic is required and must be valid.");
        }
        String url = body.path("delivery_url").asText(old.deliveryUrl());
        if (!validUrl(url)) {
            throw new WooError(400, "woocommerce_rest_webhook_invalid_delivery_url",
                    "Webhook delivery URL must be a valid URL starting with http:// or https://.");
        }
        String status = body.path("status").asText(old.status());
        checkStatus(status);
        WooWebhook updated = new WooWebhook(id, body.path("name").asText(old.name()), status, topic, url,
                body.path("secret").asText(old.secret()), old.created(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), old.failureCount(),
                old.pendingDelivery() || !url.equals(old.deliveryUrl()));
        hooks.put(id, updated);
        if (updated.pendingDelivery() && "active".equals(status)) {
            ping(updated);
        }
        return hooks.get(id);
    }

    WooWebhook delete(long id, boolean force) {
        if (!force) {
            throw new WooError(501, "woocommerce_rest_trash_not_supported", "Webhooks do not support trashing.");
        }
        WooWebhook old = hooks.remove(id);
        if (old == null) {
            throw new WooError(404, "woocommerce_rest_webhook_invalid_id", "Invalid ID.");
        }
        return old;
    }

    private static void checkStatus(String status) {
        if (!Set.of("active", "paused", "disabled").contains(status)) {
            throw WooError.invalidParam("status", "status is not one of active, paused, and disabled.");
        }
    }

    private static boolean validTopic(String topic) {
        if (topic.startsWith("action.")) {
            return topic.length() > 7;
        }
        int dot = topic.indexOf('.');
        return dot > 0 && RESOURCES.contains(topic.substring(0, dot)) && EVENTS.contains(topic.substring(dot + 1));
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    void write(JsonGenerator g, WooWebhook h, WooJson json) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", h.id());
        g.writeStringField("name", h.name());
        g.writeStringField("status", h.status());
        g.writeStringField("topic", h.topic());
        g.writeStringField("resource", h.resource());
        g.writeStringField("event", h.event());
        g.writeArrayFieldStart("hooks");
        for (String hook : hooksFor(h.topic())) {
            g.writeString(hook);
        }
        g.writeEndArray();
        g.writeStringField("delivery_url", h.deliveryUrl());
        json.dates(g, "date_created", h.created());
        json.dates(g, "date_modified", h.modified());
        json.links(g, "/wp-json/wc/v3/webhooks/" + h.id(), "/wp-json/wc/v3/webhooks", null);
        g.writeEndObject();
    }

    private static List<String> hooksFor(String topic) {
        return switch (topic) {
            case "product.created" -> List.of("woocommerce_process_product_meta", "woocommerce_new_product",
                    "woocommerce_new_product_variation");
            case "product.updated" -> List.of("woocommerce_process_product_meta", "woocommerce_update_product",
                    "woocommerce_update_product_variation");
            case "product.deleted", "coupon.deleted", "customer.deleted" -> List.of("wp_trash_post");
            case "product.restored", "order.restored", "coupon.restored" -> List.of("untrashed_post");
            case "order.created" -> List.of("woocommerce_new_order");
            case "order.updated" -> List.of("woocommerce_update_order", "woocommerce_order_refunded");
            case "order.deleted" -> List.of("wp_trash_post", "woocommerce_trash_order");
            default -> List.of();
        };
    }

    // ------------------------------------------------------------------ deliveries

    /** Queues deliveries for a resource change; coalesced while one is pending. */
    void changed(String resource, String event, long resourceId, String resourceStatus) {
        if (!enabled) {
            return;
        }
        if ("product".equals(resource) && !"deleted".equals(event)
                && ("draft".equals(resourceStatus) || "auto-draft".equals(resourceStatus))) {
            return; // WooCommerce does not deliver for drafts
        }
        boolean queued = false;
        synchronized (deliveryLock) {
            for (WooWebhook h : hooks.values()) {
                if ("active".equals(h.status()) && h.topic().equals(resource + "." + event)) {
                    pending.putIfAbsent(new PendingKey(h.id(), resourceId), new Pending(h, resource, event, resourceId));
                    queued = true;
                }
            }
        }
        if (queued && !autoDelay.isZero()) {
            scheduler.schedule(this::deliverNow, autoDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    int pendingCount() {
        synchronized (deliveryLock) {
            return pending.size();
        }
    }

    /** Forgets every pending delivery unsent, as when a store's cron never runs them; returns how many. */
    int discardPending() {
        synchronized (deliveryLock) {
            int count = pending.size();
            pending.clear();
            return count;
        }
    }

    /** Sends every pending delivery now, in queue order; returns the attempts. */
    List<WebhookDelivery> deliverNow() {
        synchronized (sendLock) {
            List<Pending> batch;
            synchronized (deliveryLock) {
                batch = new ArrayList<>(pending.values());
                pending.clear();
            }
            List<WebhookDelivery> attempts = new ArrayList<>();
            for (Pending p : batch) {
                WooWebhook current = hooks.get(p.webhook().id());
                if (current == null || !"active".equals(current.status())) {
                    continue;
                }
                attempts.add(deliver(current, p));
            }
            return attempts;
        }
    }

    List<WebhookDelivery> log() {
        return List.copyOf(log);
    }

    private WebhookDelivery deliver(WooWebhook hook, Pending p) {
        byte[] body;
        if ("deleted".equals(p.event())) {
            body = ("{\"id\":" + p.resourceId() + "}").getBytes(StandardCharsets.UTF_8);
        } else {
            Function<Long, Optional<byte[]>> source = "order".equals(p.resource()) ? orderPayload : productPayload;
            body = source.apply(p.resourceId()).orElseGet(() -> WooJson.error(
                    new WooError(404, "woocommerce_rest_" + p.resource() + "_invalid_id", "Invalid ID.")));
        }
        WebhookDelivery attempt = hookshot.deliver(hook, p.resourceId(), body);
        recordOutcome(hook.id(), attempt.success());
        log.add(attempt);
        return attempt;
    }

    private void ping(WooWebhook hook) {
        if (!enabled) {
            return;
        }
        WebhookDelivery attempt = hookshot.ping(hook);
        log.add(attempt);
        if (attempt.success()) {
            hooks.computeIfPresent(hook.id(), (k, h) -> h.withPending(false));
        }
    }

    /** WooCommerce's {@code failed_delivery}: disable when a failure comes while the count is already over 5. */
    private void recordOutcome(long id, boolean success) {
        hooks.computeIfPresent(id, (k, h) -> {
            if (success) {
                return h.withFailures(0, h.status());
            }
            return h.failureCount() > 5 ? h.withFailures(h.failureCount(), "disabled")
                    : h.withFailures(h.failureCount() + 1, h.status());
        });
    }

    /** Forces a webhook's failure count (test hook), e.g. to check auto-disable. */
    void setFailureCount(long id, int failures) {
        hooks.computeIfPresent(id, (k, h) -> h.withFailures(failures, h.status()));
    }

    Map<Long, Integer> failureCounts() {
        Map<Long, Integer> out = new LinkedHashMap<>();
        hooks.values().forEach(h -> out.put(h.id(), h.failureCount()));
        return out;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        hookshot.close();
    }
}
