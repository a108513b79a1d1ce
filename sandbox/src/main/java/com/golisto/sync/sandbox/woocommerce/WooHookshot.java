package com.golisto.sync.sandbox.woocommerce;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sending half of WooCommerce webhooks ("Hookshot", as its User-Agent says): WordPress's URL rules,
 * the signed JSON POST with every {@code X-WC-Webhook-*} header, the form-encoded ping, one attempt each.
 * Which deliveries are due, and what a failure does to a webhook, is {@link WooWebhooks}' business.
 */
final class WooHookshot implements AutoCloseable {

    private static final String USER_AGENT = "WooCommerce/8.2.2 Hookshot (WordPress/6.4.1)";

    private final Clock clock;
    private final Supplier<String> home;
    private final boolean strictUrls;
    private final HttpClient http;

    WooHookshot(Clock clock, Supplier<String> home, boolean strictUrls) {
        this.clock = clock;
        this.home = home;
        this.strictUrls = strictUrls;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** POSTs one signed delivery of {@code body} about {@code resourceId}, or refuses its URL. */
    WebhookDelivery deliver(WooWebhook hook, long resourceId, byte[] body) {
        Optional<String> refused = refusal(hook.deliveryUrl());
        if (refused.isPresent()) {
            return new WebhookDelivery(hook.id(), hook.topic(), resourceId, -1, false, refused.get());
        }
        long second = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook.deliveryUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("X-WC-Webhook-Source", home.get() + "/")
                .header("X-WC-Webhook-Topic", hook.topic())
                .header("X-WC-Webhook-Resource", hook.resource())
                .header("X-WC-Webhook-Event", hook.event())
                .header("X-WC-Webhook-Signature", signature(body, hook.secret()))
                .header("X-WC-Webhook-ID", Long.toString(hook.id()))
                // a hash of the webhook id and the current second, hence not unique
                .header("X-WC-Webhook-Delivery-ID", md5(hook.id() + ":" + second))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return send(hook, resourceId, request, false);
    }

    /** The form-encoded ping WooCommerce sends when a webhook is created or its URL changes. */
    WebhookDelivery ping(WooWebhook hook) {
        Optional<String> refused = refusal(hook.deliveryUrl());
        if (refused.isPresent()) {
            return new WebhookDelivery(hook.id(), "ping", 0, -1, false, refused.get());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook.deliveryUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString("webhook_id=" + hook.id())).build();
        return send(hook, 0, request, true);
    }

    private WebhookDelivery send(WooWebhook hook, long resourceId, HttpRequest request, boolean ping) {
        String topic = ping ? "ping" : hook.topic();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            boolean ok = ping ? code == 200 : (code >= 200 && code < 300) || code == 301 || code == 302;
            return new WebhookDelivery(hook.id(), topic, resourceId, code, ok, "");
        } catch (IOException e) {
            return new WebhookDelivery(hook.id(), topic, resourceId, -1, false, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookDelivery(hook.id(), topic, resourceId, -1, false, "interrupted");
        }
    }

    /** WordPress's {@code wp_http_validate_url} rules, when strict URL checks are on. */
    private Optional<String> refusal(String url) {
        if (!strictUrls) {
            return Optional.empty();
        }
        URI target = URI.create(url);
        URI self = URI.create(home.get());
        boolean sameHost = target.getHost() != null && target.getHost().equalsIgnoreCase(self.getHost());
        if (!sameHost) {
            try {
                InetAddress address = InetAddress.getByName(target.getHost());
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress()) {
                    return Optional.of("A valid URL was not provided. (private or loopback address)");
                }
            } catch (IOException e) {
                return Optional.of("A valid URL was not provided. (unknown host)");
            }
        }
        int port = target.getPort();
        if (port == -1 || port == 80 || port == 443 || port == 8080 || (sameHost && port == self.getPort())) {
            return Optional.empty();
        }
        return Optional.of("A valid URL was not provided. (port " + port + " not allowed)");
    }

    static String signature(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
