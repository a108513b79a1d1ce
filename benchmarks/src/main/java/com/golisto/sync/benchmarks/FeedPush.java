package com.golisto.sync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The baseline a sync engine is measured against: a naive integration that pushes the whole feed, as a
 * daily cron job would. It reads every product page ({@code per_page=100}, sequentially, until
 * {@code X-WP-TotalPages}), every variable product's {@code /variations} (paged the same way), and writes
 * every product as a listing to Golisto in catalog batches of 100 upserts, the most the contract allows
 * ({@code POST /api/woocommerce/catalog/batch}, {@code maxItems: 100}). It keeps no state, so it cannot
 * skip anything. It reads no categories (it sends the product's category names, not full paths).
 *
 * <p>It has a Golisto connection of its own (connect page, credentials, approval through the emulator's
 * review), made before the measurement and disconnected after it, so the engine's connection, its
 * listings and its state are untouched; the benchmark runs it before the engine connects. Only the push
 * itself is counted.
 */
final class FeedPush {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CURRENCY = "EUR";
    private static final int PAGE = 100;
    private static final int BATCH = 100;
    private static final String PRODUCTS = "/wp-json/wc/v3/products";

    private final Emulators emulators;
    private final HttpClient http;
    private String token = "";
    private long pushed;
    private long failed;

    private FeedPush(Emulators emulators, HttpClient http) {
        this.emulators = emulators;
        this.http = http;
    }

    /**
     * Connects, pushes the feed once while measuring, and disconnects.
     *
     * @param progress receives human-readable progress lines
     */
    static ScenarioResult run(Emulators emulators, Consumer<String> progress) throws IOException, InterruptedException {
        CatalogShape shape = emulators.shape();
        progress.accept("-- feed_push: a naive integration reads every page and variation and pushes every listing");
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            FeedPush push = new FeedPush(emulators, http);
            push.connect();
            HeapMeter heap = new HeapMeter();
            emulators.resetCounts();
            heap.start();
            long start = System.nanoTime();
            long cpuStart = CatalogScenarios.processCpuNanos();
            push.pushAll();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (CatalogScenarios.processCpuNanos() - cpuStart) / 1e9;
            HeapMeter.HeapPeak peak = heap.stop();
            RequestCounts counts = emulators.counts();
            push.disconnect();
            boolean consistent = push.failed == 0 && push.pushed == shape.products();
            if (!consistent) {
                progress.accept("   pushed " + push.pushed + " of " + shape.products() + " listings, " + push.failed
                        + " failed");
            }
            progress.accept(String.format("   %.1f s, %d shop + %d marketplace requests", seconds, counts.shopTotal(),
                    counts.marketplaceTotal()));
            return new ScenarioResult("feed_push", shape, 0, seconds, cpu, counts,
                    LowerBound.fullSync(shape, shape.activeProducts()), peak,
                    Map.of("pushed", push.pushed, "failed", push.failed), consistent, counts, Map.of());
        }
    }

    private void connect() throws IOException, InterruptedException {
        String shop = emulators.shopUrl().toString();
        URI page = URI.create(emulators.marketplaceUrl() + "/woocommerce/connect?store_url=" + enc(shop)
                + "&currency=" + CURRENCY + "&return_url=" + enc("http://127.0.0.1:9/feed-push/return") + "&state=feed");
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(page).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String location = redirect.headers().firstValue("location")
                .orElseThrow(() -> new IllegalStateException("the connect page answered " + redirect.statusCode()));
        String code = null;
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            if (pair.startsWith("code=")) {
                code = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        if (code == null) {
            throw new IllegalStateException("the connect page redirected without a code: " + location);
        }
        ObjectNode credentials = JSON.createObjectNode().put("code", code).put("store_url", shop)
                .put("currency", CURRENCY).put("consumer_key", emulators.consumerKey())
                .put("consumer_secret", emulators.consumerSecret())
                .put("webhook_secret", "feed-push-" + UUID.randomUUID() + UUID.randomUUID());
        JsonNode answer = marketplace("/api/woocommerce/connect/credentials", credentials);
        token = answer.path("api_token").asText();
        if (emulators.approveAwaiting() != 1) {
            throw new IllegalStateException("the feed push's connection should be the one awaiting approval");
        }
    }

    private void disconnect() throws IOException, InterruptedException {
        marketplace("/api/woocommerce/disconnect", JSON.createObjectNode());
    }

    private void pushAll() throws IOException, InterruptedException {
        List<ObjectNode> batch = new ArrayList<>(BATCH);
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            HttpResponse<String> reply = shop(PRODUCTS, "page", Integer.toString(page));
            pages = totalPages(reply);
            for (JsonNode product : JSON.readTree(reply.body())) {
                ObjectNode listing = listing(product);
                if ("variable".equals(product.path("type").asText())) {
                    ArrayNode variants = listing.putArray("variants");
                    String path = PRODUCTS + "/" + product.path("id").asLong() + "/variations";
                    int variationPages = 1;
                    for (int v = 1; v <= variationPages; v++) {
                        HttpResponse<String> variations = shop(path, "page", Integer.toString(v));
                        variationPages = totalPages(variations);
                        for (JsonNode variation : JSON.readTree(variations.body())) {
                            variants.add(variant(variation));
                        }
                    }
                }
                batch.add(listing);
                if (batch.size() == BATCH) {
                    write(batch);
                }
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<ObjectNode> batch) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("upsert").addAll(batch);
        for (JsonNode result : marketplace("/api/woocommerce/catalog/batch", body).path("results")) {
            if ("failed".equals(result.path("action").asText())) {
                failed++;
            } else {
                pushed++;
            }
        }
        batch.clear();
    }

    private static ObjectNode listing(JsonNode product) {
        ObjectNode listing = JSON.createObjectNode();
        listing.put("external_id", product.path("id").asText());
        listing.put("sku", product.path("sku").asText(""));
        listing.put("title", product.path("name").asText());
        listing.put("description_html", product.path("description").asText(""));
        listing.put("status", "publish".equals(product.path("status").asText()) ? "active" : "draft");
        listing.put("currency", CURRENCY);
        prices(product, listing);
        ArrayNode categories = listing.putArray("categories");
        product.path("categories").forEach(c -> categories.add(c.path("name").asText()));
        ArrayNode images = listing.putArray("images");
        product.path("images").forEach(i -> images.addObject().put("url", i.path("src").asText()));
        return listing;
    }

    private static ObjectNode variant(JsonNode variation) {
        ObjectNode variant = JSON.createObjectNode();
        variant.put("external_id", variation.path("id").asText());
        variant.put("sku", variation.path("sku").asText(""));
        ObjectNode options = variant.putObject("options");
        variation.path("attributes").forEach(a -> options.put(a.path("name").asText(), a.path("option").asText()));
        prices(variation, variant);
        return variant;
    }

    private static void prices(JsonNode source, ObjectNode target) {
        String price = source.path("regular_price").asText("");
        target.put("price", price.isEmpty() ? source.path("price").asText("0").isEmpty() ? "0"
                : source.path("price").asText("0") : price);
        String sale = source.path("sale_price").asText("");
        if (sale.isEmpty()) {
            target.putNull("sale_price");
        } else {
            target.put("sale_price", sale);
        }
        JsonNode quantity = source.path("stock_quantity");
        if (quantity.isNumber()) {
            target.put("quantity", quantity.asInt());
        } else {
            target.putNull("quantity");
        }
        target.put("stock_status", switch (source.path("stock_status").asText()) {
            case "outofstock" -> "out_of_stock";
            case "onbackorder" -> "backorder";
            default -> "in_stock";
        });
    }

    private static int totalPages(HttpResponse<String> reply) {
        return reply.headers().firstValue("x-wp-totalpages").map(Integer::parseInt).orElse(1);
    }

    /** A GET of the shop's REST API with {@code per_page=100}, signed with one-legged OAuth 1.0a (HMAC-SHA256). */
    private HttpResponse<String> shop(String path, String... params) throws IOException, InterruptedException {
        TreeMap<String, String> query = new TreeMap<>();
        query.put("per_page", Integer.toString(PAGE));
        for (int i = 0; i < params.length; i += 2) {
            query.put(params[i], params[i + 1]);
        }
        query.put("oauth_consumer_key", emulators.consumerKey());
        query.put("oauth_nonce", UUID.randomUUID().toString().replace("-", ""));
        query.put("oauth_signature_method", "HMAC-SHA256");
        query.put("oauth_timestamp", Long.toString(emulators.now().getEpochSecond()));
        String base = emulators.shopUrl() + path;
        List<String> pairs = new ArrayList<>();
        query.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
        String signatureBase = "GET&" + enc(base) + "&" + enc(String.join("&", pairs));
        String signature;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((emulators.consumerSecret() + "&").getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            signature = Base64.getEncoder().encodeToString(mac.doFinal(signatureBase.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
        URI uri = URI.create(base + "?" + String.join("&", pairs) + "&oauth_signature=" + enc(signature));
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + reply.statusCode());
        }
        return reply;
    }

    private JsonNode marketplace(String path, ObjectNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulators.marketplaceUrl() + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (!token.isEmpty()) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " answered " + reply.statusCode());
        }
        return JSON.readTree(reply.body());
    }

    /** PHP's rawurlencode, as WooCommerce's OAuth signature base uses it. */
    private static String enc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
