package com.golisto.sync.connector.woocommerce;

import com.golisto.sync.api.model.ShopCredentials;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.SettingProblem;
import com.golisto.sync.api.spi.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The WooCommerce connector's settings, parsed once from validated {@link Settings}.
 *
 * @param storeUrl the store's home URL, exactly as WooCommerce reports it, without a trailing slash
 * @param consumerKey the REST API key ({@code ck_...}), null when keys are still to be granted
 * @param consumerSecret the REST API secret ({@code cs_...}), null when keys are still to be granted
 * @param auth how requests are authenticated
 * @param maxConcurrency requests in flight toward this store at once, at least 1
 * @param requestTimeout the timeout of one request
 * @param pageSize products per list page, 1..100
 * @param cursorOverlap how far before a read's start the next incremental read begins (clock skew)
 * @param orderLookback how long before a sale's creation {@code find} starts looking for its order
 * @param strictDeliveryUrls whether webhook URLs are judged by WordPress's outbound URL rules
 * @param maxResponseBytes the largest response body read from the store, in bytes
 */
record WooCommerceConfig(URI storeUrl, @Nullable String consumerKey, @Nullable Secret consumerSecret, Auth auth,
                         int maxConcurrency,
                         Duration requestTimeout, int pageSize, Duration cursorOverlap, Duration orderLookback,
                         boolean strictDeliveryUrls, int maxResponseBytes) {

    /** How requests are authenticated. */
    enum Auth {
        /** Basic over https, OAuth 1.0a over http. */
        AUTO,
        /** HTTP Basic (https, or plain http to a loopback host only). */
        BASIC,
        /** One-legged OAuth 1.0a with HMAC-SHA256. */
        OAUTH1
    }

    WooCommerceConfig {
        Objects.requireNonNull(storeUrl, "storeUrl");
        Objects.requireNonNull(auth, "auth");
    }

    static WooCommerceConfig from(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        URI url = settings.url(WooCommerceConnectorProvider.URL).orElseThrow();
        String text = url.toString();
        URI storeUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        if (storeUrl.getRawQuery() != null || storeUrl.getRawFragment() != null) {
            problems.add(new SettingProblem(WooCommerceConnectorProvider.URL,
                    "must be the store's home URL without query or fragment"));
        }
        String key = settings.secret(WooCommerceConnectorProvider.CONSUMER_KEY).map(Secret::reveal).orElse(null);
        Secret secret = settings.secret(WooCommerceConnectorProvider.CONSUMER_SECRET).orElse(null);
        if ((key == null) != (secret == null)) {
            problems.add(new SettingProblem(key == null ? WooCommerceConnectorProvider.CONSUMER_KEY
                    : WooCommerceConnectorProvider.CONSUMER_SECRET, "consumer key and secret go together: give both or neither"));
        }
        @Nullable Auth auth = null;
        String authText = settings.requireString(WooCommerceConnectorProvider.AUTH).toUpperCase(Locale.ROOT);
        try {
            auth = Auth.valueOf(authText);
        } catch (IllegalArgumentException e) {
            problems.add(new SettingProblem(WooCommerceConnectorProvider.AUTH, "must be auto, basic or oauth1"));
        }
        if (auth == Auth.BASIC && "http".equals(storeUrl.getScheme()) && !isLoopback(storeUrl.getHost())) {
            problems.add(new SettingProblem(WooCommerceConnectorProvider.AUTH,
                    "basic would send the consumer secret in clear over plain http; WooCommerce accepts only OAuth 1.0a"
                            + " over http (use auto or oauth1, or an https URL)"));
        }
        int concurrency = settings.integer(WooCommerceConnectorProvider.MAX_CONCURRENCY).orElseThrow();
        if (concurrency < 1 || concurrency > 64) {
            problems.add(new SettingProblem(WooCommerceConnectorProvider.MAX_CONCURRENCY, "must be between 1 and 64"));
        }
        int pageSize = settings.integer(WooCommerceConnectorProvider.PAGE_SIZE).orElseThrow();
        if (pageSize < 1 || pageSize > 100) {
            problems.add(new SettingProblem(WooCommerceConnectorProvider.PAGE_SIZE,
                    "must be between 1 and 100 (WooCommerce refuses per_page above 100)"));
        }
        Duration timeout = settings.duration(WooCommerceConnectorProvider.REQUEST_TIMEOUT).orElseThrow();
        if (timeout.isZero()) {
            problems.add(new SettingProblem(WooCommerceConnectorProvider.REQUEST_TIMEOUT, "must be positive"));
        }
        int maxResponseBytes = settings.integer(WooCommerceConnectorProvider.MAX_RESPONSE_BYTES).orElseThrow();
        if (maxResponseBytes < 1024 || maxResponseBytes > 1 << 30) {
            problems.add(new SettingProblem(WooCommerceConnectorProvider.MAX_RESPONSE_BYTES,
                    "must be between 1024 (1 KiB) and 1073741824 (1 GiB)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException("connector woocommerce", problems);
        }
        // no problem means the auth setting parsed
        return new WooCommerceConfig(storeUrl, key, secret, Objects.requireNonNull(auth), concurrency, timeout, pageSize,
                settings.duration(WooCommerceConnectorProvider.CURSOR_OVERLAP).orElseThrow(),
                settings.duration(WooCommerceConnectorProvider.ORDER_LOOKBACK).orElseThrow(),
                settings.bool(WooCommerceConnectorProvider.STRICT_DELIVERY_URLS).orElseThrow(), maxResponseBytes);
    }

    /** The API key pair, when keys are configured (both or neither, as {@link #from} checks). */
    Optional<ShopCredentials> keys() {
        String key = consumerKey;
        Secret secret = consumerSecret;
        return key == null || secret == null ? Optional.empty()
                : Optional.of(new ShopCredentials(key, secret, "read_write"));
    }

    /** The auth scheme actually used for this store. */
    Auth effectiveAuth() {
        if (auth != Auth.AUTO) {
            return auth;
        }
        return "https".equals(storeUrl.getScheme()) ? Auth.BASIC : Auth.OAUTH1;
    }

    Optional<Secret> secret() {
        return Optional.ofNullable(consumerSecret);
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    @Override
    public String toString() {
        return "WooCommerceConfig[storeUrl=" + storeUrl + ", key=" + Secret.masked(consumerKey) + ", auth=" + auth
                + ", maxConcurrency=" + maxConcurrency + ", pageSize=" + pageSize + "]";
    }
}
