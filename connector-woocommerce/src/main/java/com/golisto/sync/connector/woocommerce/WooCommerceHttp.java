package com.golisto.sync.connector.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.golisto.sync.api.model.ShopCredentials;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.NotFoundException;
import com.golisto.sync.api.spi.ResponseCap;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.SyncException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One store's REST client: builds {@code /wp-json/wc/v3} URLs itself, authenticates every attempt
 * (Basic over https, OAuth 1.0a signed anew each time over http), bounds the requests in flight,
 * reports each request to the metrics and maps failures to the SPI's exception types. Bodies are read
 * with a cap ({@code max-response-bytes}). It never retries: the engine does. Thread-safe.
 */
final class WooCommerceHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(WooCommerceHttp.class);
    private static final String API = "/wp-json/wc/v3";
    private static final String USER_AGENT = "GolistoSync/" + WooCommerceConnectorProvider.VERSION + " (WooCommerce connector)";

    /**
     * A successful answer.
     *
     * @param status the 2xx status
     * @param body the parsed JSON body
     * @param headers the response headers
     */
    record Response(int status, JsonNode body, HttpHeaders headers) {

        /** {@code X-WP-TotalPages}, 1 when absent. */
        int totalPages() {
            return headers.firstValue("X-WP-TotalPages").map(v -> parseInt(v, 1)).orElse(1);
        }

        /** {@code X-WP-Total}, -1 when absent. */
        int total() {
            return headers.firstValue("X-WP-Total").map(v -> parseInt(v, -1)).orElse(-1);
        }

        /** The store's clock, from the {@code Date} header. */
        Optional<Instant> date() {
            return headers.firstValue("Date").flatMap(WooCommerceHttp::httpDate);
        }
    }

    private final WooCommerceConfig config;
    private final ConnectorContext context;
    private final HttpClient http;
    private final Semaphore inFlight;

    WooCommerceHttp(WooCommerceConfig config, ConnectorContext context) {
        this.config = config;
        this.context = context;
        this.http = context.httpClient();
        this.inFlight = new Semaphore(config.maxConcurrency(), true);
    }

    WooCommerceConfig config() {
        return config;
    }

    Response get(String endpoint, String path, List<Map.Entry<String, String>> query) throws InterruptedException {
        return send("GET", endpoint, path, query, null);
    }

    /**
     * Sends one request.
     *
     * @param method the method
     * @param endpoint a low-cardinality name for metrics and messages, e.g. {@code /products/{id}}
     * @param path the path below {@code /wp-json/wc/v3}, e.g. {@code /products/42}
     * @param query the query parameters (decoded), in order
     * @param body a JSON body, or null
     */
    Response send(String method, String endpoint, String path, List<Map.Entry<String, String>> query,
            @Nullable JsonNode body)
            throws InterruptedException {
        ShopCredentials keys = config.keys().orElseThrow(() -> new CredentialsRejectedException(
                "no WooCommerce API keys are configured for this store yet: "
                        + "grant them through wc-auth or set consumer-key and consumer-secret"));
        String name = method + " " + endpoint;
        HttpRequest request = build(method, path, query, body, keys);
        inFlight.acquire();
        long started = System.nanoTime();
        int status = -1;
        try {
            HttpResponse<byte[]> response = http.send(request,
                    ResponseCap.handler("WooCommerce at " + config.storeUrl().getHost(), config.maxResponseBytes()));
            status = response.statusCode();
            return interpret(name, response);
        } catch (HttpTimeoutException e) {
            throw new RetryableException("WooCommerce " + name + " timed out after " + config.requestTimeout(), e);
        } catch (IOException e) {
            if (ResponseCap.find(e).isPresent()) {
                // not retryable: the same request gets the same oversized answer, and each attempt costs the
                // transfer again; someone must look at the store (or raise the cap)
                throw new SyncException(ErrorCategory.EXTERNAL, "WooCommerce " + name + " at " + config.storeUrl()
                        .getHost() + " answered with a body larger than " + config.maxResponseBytes() + " bytes, the"
                        + " max-response-bytes cap; the answer was dropped (raise the setting if such answers are"
                        + " expected)", e);
            }
            throw new RetryableException("WooCommerce " + name + " failed without a complete answer ("
                    + e.getClass().getSimpleName() + ": connection reset, refused or answer cut short)", e);
        } finally {
            inFlight.release();
            context.metrics().request(name, status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private HttpRequest build(String method, String path, List<Map.Entry<String, String>> query,
            @Nullable JsonNode body, ShopCredentials keys) {
        String base = config.storeUrl() + API + path;
        List<Map.Entry<String, String>> params = new ArrayList<>(query);
        // HTTP/1.1: no h2c upgrade dance with shared hosting's proxies
        HttpRequest.Builder b = HttpRequest.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .timeout(config.requestTimeout())
                .header("Accept", "application/json").header("User-Agent", USER_AGENT);
        if (config.effectiveAuth() == WooCommerceConfig.Auth.OAUTH1) {
            params.addAll(WooCommerceOAuth1.oauthParams(method, base, query, keys.key(),
                    keys.secret().reveal(), context.clock().instant().getEpochSecond(),
                    WooCommerceOAuth1.nonce()));
        } else {
            String credentials = keys.key() + ":" + keys.secret().reveal();
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        StringBuilder url = new StringBuilder(base);
        for (int i = 0; i < params.size(); i++) {
            url.append(i == 0 ? '?' : '&').append(WooCommerceOAuth1.encode(params.get(i).getKey())).append('=')
                    .append(WooCommerceOAuth1.encode(params.get(i).getValue()));
        }
        b.uri(URI.create(url.toString()));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            try {
                b.method(method, HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON body", e);
            }
        }
        return b.build();
    }

    private Response interpret(String name, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        byte[] bytes = response.body();
        if (status >= 200 && status < 300) {
            try {
                JsonNode json = bytes.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(bytes);
                return new Response(status, json, response.headers());
            } catch (IOException e) {
                throw new RetryableException("WooCommerce " + name + " answered " + status + " with a body that is not "
                        + "JSON (a cache, firewall or PHP notice in front of the API?)", e);
            }
        }
        throw failure(name, status, bytes, response.headers());
    }

    private RuntimeException failure(String name, int status, byte[] bytes, HttpHeaders headers) {
        JsonNode json = null;
        try {
            json = bytes.length == 0 ? null : MAPPER.readTree(bytes);
        } catch (IOException notJson) {
            json = null;
        }
        String code = json != null && json.isObject() ? json.path("code").asText("") : "";
        String text = json != null && json.isObject() ? json.path("message").asText("") : "";
        String detail = code.isEmpty() ? "" : " " + code + ": " + text;
        if (json != null && json.path("data").path("status").isInt()) {
            detail += " (data.status " + json.path("data").path("status").asInt() + ")";
        }
        String message = "WooCommerce " + name + " answered " + status + detail;
        if (status == 401 || status == 403) {
            if (text.startsWith("Invalid nonce")) {
                // a replayed attempt (e.g. a transport-level resend): signing again fixes it
                return new RetryableException(message, null);
            }
            if (text.equals("Invalid timestamp.")) {
                message += "; the store's clock and ours differ by more than 15 minutes";
            }
            return new CredentialsRejectedException(message);
        }
        if (status == 404) {
            return new NotFoundException(message);
        }
        if (status >= 300 && status < 400) {
            // e.g. http to https, or a www. redirect: signatures and Basic auth do not survive redirects
            return new CredentialsRejectedException(message + "; the store redirects to "
                    + headers.firstValue("Location").map(WooCommerceHttp::withoutQuery).orElse("another URL")
                    + ": set the url setting to the store's own home URL");
        }
        if (status == 429 || status >= 500) {
            Duration retryAfter = headers.firstValue("Retry-After").flatMap(this::retryAfter).orElse(null);
            return new RetryableException(message, retryAfter, null);
        }
        if (status == 408) {
            return new RetryableException(message, null);
        }
        LOG.debug("store {}: {}", context.storeId(), message);
        return new InvalidItemException(code.isEmpty() ? "http_" + status : code, message);
    }

    private Optional<Duration> retryAfter(String value) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            return httpDate(v).map(at -> {
                Duration d = Duration.between(context.clock().instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            });
        }
    }

    static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    static int parseInt(String v, int fallback) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static List<Map.Entry<String, String>> params(String... pairs) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return out;
    }
}
