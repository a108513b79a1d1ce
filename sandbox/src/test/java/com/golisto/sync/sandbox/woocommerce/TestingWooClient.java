package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A small test client for the emulator: OAuth 1.0a query signing (with the emulator's own signer, whose
 * output is pinned by an independent vector in {@link WooAuthTest}) or HTTP Basic.
 */
final class TestingWooClient implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A response with its parsed JSON body (null when the body is not JSON). */
    record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final URI base;
    private final String key;
    private final String secret;
    private final Clock clock;
    private final boolean basic;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TestingWooClient(URI base, String key, String secret, Clock clock, boolean basic) {
        this.base = base;
        this.key = key;
        this.secret = secret;
        this.clock = clock;
        this.basic = basic;
    }

    static TestingWooClient oauth(WooCommerceEmulator emulator, WooApiKey key) {
        return new TestingWooClient(emulator.baseUri(), key.consumerKey(), key.consumerSecret(), emulator.clock(), false);
    }

    static TestingWooClient basic(WooCommerceEmulator emulator, WooApiKey key) {
        return new TestingWooClient(emulator.baseUri(), key.consumerKey(), key.consumerSecret(), emulator.clock(), true);
    }

    Reply get(String path, String... params) {
        return send("GET", path, null, params);
    }

    Reply post(String path, String json, String... params) {
        return send("POST", path, json, params);
    }

    Reply put(String path, String json, String... params) {
        return send("PUT", path, json, params);
    }

    Reply delete(String path, String... params) {
        return send("DELETE", path, null, params);
    }

    /** Signed query for a request, as a string (for replay tests). */
    String signedQuery(String method, String path, String... params) {
        Map<String, String> all = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            all.put(params[i], params[i + 1]);
        }
        if (!basic) {
            all.put("oauth_consumer_key", key);
            all.put("oauth_nonce", UUID.randomUUID().toString().replace("-", ""));
            all.put("oauth_signature_method", "HMAC-SHA256");
            all.put("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
            all.put("oauth_signature", WooAuth.sign(method, base + path, all, secret, "HMAC-SHA256"));
        }
        StringBuilder sb = new StringBuilder();
        all.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(WooAuth.rawUrlEncode(k)).append('=')
                .append(WooAuth.rawUrlEncode(v)));
        return sb.toString();
    }

    Reply send(String method, String path, String json, String... params) {
        return raw(method, path + "?" + signedQuery(method, path, params), json);
    }

    Reply raw(String method, String pathAndQuery, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (basic) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            try {
                node = MAPPER.readTree(resp.body());
            } catch (IOException notJson) {
                node = null;
            }
            return new Reply(resp.statusCode(), resp, node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
