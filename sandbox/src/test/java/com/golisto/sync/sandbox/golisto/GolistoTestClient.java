package com.golisto.sync.sandbox.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for emulator tests: real requests over loopback, JSON parsed with Jackson. */
final class GolistoTestClient implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String SECRET = "whsec_0123456789abcdef0123456789abcdef";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final GolistoEmulator emulator;

    GolistoTestClient(GolistoEmulator emulator) {
        this.emulator = emulator;
    }

    HttpResponse<String> get(String pathAndQuery, String token) {
        return send(builder(pathAndQuery, token).GET());
    }

    HttpResponse<String> post(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> post(String path, String token, JsonNode json) {
        return post(path, token, json.toString());
    }

    private HttpRequest.Builder builder(String pathAndQuery, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(emulator.baseUri() + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** The connect page's redirect query, decoded. */
    static Map<String, String> redirectParams(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    HttpResponse<String> connectPage(String storeUrl, String currency, String returnUrl, String state) {
        return get("/woocommerce/connect?store_url=" + enc(storeUrl) + "&currency=" + enc(currency)
                + "&return_url=" + enc(returnUrl) + "&state=" + enc(state), null);
    }

    String code(String storeUrl, String currency) {
        return redirectParams(connectPage(storeUrl, currency, "http://127.0.0.1:9/return", "st")).get("code");
    }

    static ObjectNode credentials(String code, String storeUrl, String currency) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("code", code);
        body.put("store_url", storeUrl);
        body.put("currency", currency);
        body.put("consumer_key", "ck_0123456789abcdef");
        body.put("consumer_secret", "cs_0123456789abcdef");
        body.put("key_permissions", "read_write");
        body.put("webhook_secret", SECRET);
        return body;
    }

    /** Links, hands over credentials; returns {connection_id, api_token, status}. */
    JsonNode link(String storeUrl, String currency, String webhookUrl) {
        ObjectNode body = credentials(code(storeUrl, currency), storeUrl, currency);
        if (webhookUrl != null) {
            body.put("webhook_url", webhookUrl);
        }
        HttpResponse<String> response = post("/api/woocommerce/connect/credentials", null, body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("credentials refused: " + response.body());
        }
        return json(response);
    }

    /** Links and approves a EUR store; returns the api_token and the connection id. */
    Store approvedStore() {
        JsonNode linked = link("https://shop.example.com", "EUR", null);
        emulator.approve(linked.get("connection_id").asText());
        emulator.webhooks().discardPending();
        return new Store(linked.get("connection_id").asText(), linked.get("api_token").asText());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }

    record Store(String connectionId, String token) {
    }
}
