package com.golisto.sync.connector.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.NotFoundException;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.api.spi.WebhookSubscription;
import com.golisto.sync.api.spi.WebhookSubscriptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the four product webhooks ({@code product.created/updated/deleted/restored}) with the store's
 * webhook secret, reports their status (WooCommerce disables a webhook after its 7th consecutive failed
 * delivery and never retries), re-activates disabled or paused ones and removes them. WooCommerce
 * accepts any URL at creation and refuses loopback, private or odd-port URLs only when delivering, so
 * {@link #reachabilityProblem} judges the URL by WordPress's own rules beforehand. Thread-safe.
 */
final class WooCommerceWebhookSubscriptions implements WebhookSubscriptions {

    static final List<String> TOPICS = List.of("product.created", "product.updated", "product.deleted",
            "product.restored");
    private static final Logger LOG = LoggerFactory.getLogger(WooCommerceWebhookSubscriptions.class);

    private final WooCommerceHttp http;
    private final StoreSecrets secrets;
    private final String storeId;

    WooCommerceWebhookSubscriptions(WooCommerceHttp http, StoreSecrets secrets, String storeId) {
        this.http = http;
        this.secrets = secrets;
        this.storeId = storeId;
    }

    @Override
    public List<WebhookSubscription> ensure(URI deliveryUrl) throws InterruptedException {
        Secret secret = secrets.get(StoreSecrets.WEBHOOK_SECRET).orElseThrow(() -> new InvalidItemException(
                "no_webhook_secret", "the store has no webhook secret yet: connect it first"));
        List<JsonNode> existing = registered(deliveryUrl);
        List<WebhookSubscription> result = new ArrayList<>();
        for (String topic : TOPICS) {
            JsonNode hook = existing.stream().filter(h -> topic.equals(h.path("topic").asText()))
                    .filter(h -> "active".equals(h.path("status").asText())).findFirst()
                    .orElseGet(() -> existing.stream().filter(h -> topic.equals(h.path("topic").asText()))
                            .findFirst().orElse(null));
            if (hook == null) {
                ObjectNode body = WooCommerceHttp.MAPPER.createObjectNode().put("name", "Golisto Sync " + topic)
                        .put("topic", topic).put("delivery_url", deliveryUrl.toString()).put("status", "active")
                        .put("secret", secret.reveal());
                hook = http.send("POST", "/webhooks", "/webhooks", List.of(), body).body();
            } else if (!"active".equals(hook.path("status").asText())) {
                // re-activate with the current secret (it may have been rotated meanwhile)
                ObjectNode body = WooCommerceHttp.MAPPER.createObjectNode().put("status", "active")
                        .put("secret", secret.reveal());
                hook = http.send("PUT", "/webhooks/{id}", "/webhooks/" + hook.path("id").asLong(), List.of(), body)
                        .body();
                LOG.info("store {}: re-activated WooCommerce webhook {} ({})", storeId, hook.path("id").asLong(), topic);
            }
            result.add(subscription(hook));
        }
        return result;
    }

    @Override
    public List<WebhookSubscription> list(URI deliveryUrl) throws InterruptedException {
        return registered(deliveryUrl).stream().map(WooCommerceWebhookSubscriptions::subscription).toList();
    }

    @Override
    public void remove(URI deliveryUrl) throws InterruptedException {
        for (JsonNode hook : registered(deliveryUrl)) {
            try {
                http.send("DELETE", "/webhooks/{id}", "/webhooks/" + hook.path("id").asLong(),
                        WooCommerceHttp.params("force", "true"), null);
            } catch (NotFoundException alreadyGone) {
                LOG.debug("store {}: webhook {} was already removed", storeId, hook.path("id").asLong());
            }
        }
    }

    @Override
    public Optional<String> reachabilityProblem(URI deliveryUrl) {
        String scheme = deliveryUrl.getScheme() == null ? "" : deliveryUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("WooCommerce delivers webhooks only to http or https URLs, not " + deliveryUrl);
        }
        if (deliveryUrl.getHost() == null) {
            return Optional.of("the webhook URL " + deliveryUrl + " has no host");
        }
        if (!http.config().strictDeliveryUrls()) {
            return Optional.empty();
        }
        URI store = http.config().storeUrl();
        String host = deliveryUrl.getHost().toLowerCase(Locale.ROOT);
        boolean sameHost = host.equals(store.getHost() == null ? "" : store.getHost().toLowerCase(Locale.ROOT));
        if (!sameHost && isPrivate(host)) {
            return Optional.of("the store cannot reach " + deliveryUrl + ": WordPress refuses to deliver to loopback "
                    + "or private addresses (give the runner a public URL)");
        }
        int port = deliveryUrl.getPort();
        boolean storePort = sameHost && port == effectivePort(store);
        if (port != -1 && port != 80 && port != 443 && port != 8080 && !storePort) {
            return Optional.of("the store cannot reach " + deliveryUrl + ": WordPress delivers only to ports 80, 443 "
                    + "and 8080 (put the runner behind one of them)");
        }
        return Optional.empty();
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** Literal addresses and {@code localhost} only: judging a name would need DNS (network I/O). */
    private static boolean isPrivate(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        boolean literal = host.matches("[0-9.]+") || host.startsWith("[") || host.contains(":");
        if (!literal) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(host.replace("[", "").replace("]", ""));
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private List<JsonNode> registered(URI deliveryUrl) throws InterruptedException {
        List<JsonNode> hooks = new ArrayList<>();
        int page = 1;
        int pages;
        do {
            WooCommerceHttp.Response r = http.get("/webhooks", "/webhooks", WooCommerceHttp.params(
                    "status", "all", "per_page", "100", "page", Integer.toString(page)));
            for (JsonNode h : r.body()) {
                if (deliveryUrl.toString().equals(h.path("delivery_url").asText())
                        && TOPICS.contains(h.path("topic").asText())) {
                    hooks.add(h);
                }
            }
            pages = r.totalPages();
            page++;
        } while (page <= pages);
        return hooks;
    }

    private static WebhookSubscription subscription(JsonNode hook) {
        WebhookSubscription.Health health = switch (hook.path("status").asText()) {
            case "active" -> WebhookSubscription.Health.ACTIVE;
            case "paused" -> WebhookSubscription.Health.PAUSED;
            default -> WebhookSubscription.Health.DISABLED;
        };
        return new WebhookSubscription(hook.path("id").asText(), hook.path("topic").asText(),
                URI.create(hook.path("delivery_url").asText()), health);
    }
}
