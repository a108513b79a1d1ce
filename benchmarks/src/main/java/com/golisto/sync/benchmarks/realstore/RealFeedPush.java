package com.golisto.sync.benchmarks.realstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.sandbox.golisto.GolistoConnectionInfo;
import com.golisto.sync.sandbox.golisto.GolistoConnectionStatus;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The naive feed push against the real store, as {@code bin/bench}'s {@code feed_push} does it against the emulator
 * (the same listing mapping): every product page of 100, every variable product's variations, one request at a time,
 * and every product written to Golisto in catalog batches of 100 as the pages go. It has a Golisto connection of its
 * own on the emulator, made before the push and disconnected after it, before the engine connects.
 */
final class RealFeedPush {

    private static final String CURRENCY = "EUR";
    private static final int BATCH = 100;

    private final StoreClient shop;
    private final GolistoEmulator marketplace;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String token = "";
    private long pushed;
    private long failed;

    RealFeedPush(StoreClient shop, GolistoEmulator marketplace) {
        this.shop = shop;
        this.marketplace = marketplace;
    }

    long pushed() {
        return pushed;
    }

    long failed() {
        return failed;
    }

    /** Its own Golisto connection, approved; not measured. */
    void connect(URI shopUrl, String consumerKey, String consumerSecret) throws IOException, InterruptedException {
        URI page = URI.create(marketplace.webBaseUri() + "/woocommerce/connect?store_url="
                + OAuthSigner.encode(shopUrl.toString()) + "&currency=" + CURRENCY + "&return_url="
                + OAuthSigner.encode("http://127.0.0.1:9/feed-push/return") + "&state=feed");
        HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(page).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String location = redirect.headers().firstValue("location")
                .orElseThrow(() -> new IllegalStateException("the connect page answered " + redirect.statusCode()));
        String code = null;
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            if (pair.startsWith("code=")) {
                code = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        if (code == null) {
            throw new IllegalStateException("the connect page redirected without a code");
        }
        ObjectNode credentials = StoreClient.JSON.createObjectNode().put("code", code)
                .put("store_url", shopUrl.toString()).put("currency", CURRENCY).put("consumer_key", consumerKey)
                .put("consumer_secret", consumerSecret)
                .put("webhook_secret", "feed-push-" + UUID.randomUUID() + UUID.randomUUID());
        token = post("/api/woocommerce/connect/credentials", credentials).path("api_token").asText();
        for (GolistoConnectionInfo c : marketplace.connections()) {
            if (c.status() == GolistoConnectionStatus.AWAITING_APPROVAL) {
                marketplace.approve(c.connectionId());
            }
        }
    }

    void disconnect() throws IOException, InterruptedException {
        post("/api/woocommerce/disconnect", StoreClient.JSON.createObjectNode());
    }

    /** The push: reads page by page and writes a batch whenever 100 listings are ready. */
    void push() throws IOException, InterruptedException {
        List<ObjectNode> batch = new ArrayList<>(BATCH);
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            StoreClient.Page reply = shop.get("/products", List.of(Map.entry("per_page", "100"),
                    Map.entry("page", Integer.toString(page)), Map.entry("orderby", "id"), Map.entry("order", "asc")));
            pages = reply.totalPages();
            for (JsonNode product : reply.body()) {
                ObjectNode listing = listing(product);
                if ("variable".equals(product.path("type").asText())) {
                    ArrayNode variants = listing.putArray("variants");
                    int variationPages = 1;
                    for (int v = 1; v <= variationPages; v++) {
                        StoreClient.Page variations = shop.get("/products/" + product.path("id").asLong()
                                + "/variations", List.of(Map.entry("per_page", "100"),
                                Map.entry("page", Integer.toString(v))));
                        variationPages = variations.totalPages();
                        variations.body().forEach(variation -> variants.add(variant(variation)));
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
        ObjectNode body = StoreClient.JSON.createObjectNode();
        body.putArray("upsert").addAll(batch);
        for (JsonNode result : post("/api/woocommerce/catalog/batch", body).path("results")) {
            if ("failed".equals(result.path("action").asText())) {
                failed++;
            } else {
                pushed++;
            }
        }
        batch.clear();
    }

    private static ObjectNode listing(JsonNode product) {
        ObjectNode listing = StoreClient.JSON.createObjectNode();
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
        ObjectNode variant = StoreClient.JSON.createObjectNode();
        variant.put("external_id", variation.path("id").asText());
        variant.put("sku", variation.path("sku").asText(""));
        ObjectNode options = variant.putObject("options");
        variation.path("attributes").forEach(a -> options.put(a.path("name").asText(), a.path("option").asText()));
        prices(variation, variant);
        return variant;
    }

    private static void prices(JsonNode source, ObjectNode target) {
        String price = source.path("regular_price").asText("");
        String fallback = source.path("price").asText("");
        target.put("price", !price.isEmpty() ? price : fallback.isEmpty() ? "0" : fallback);
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

    private JsonNode post(String path, ObjectNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(marketplace.apiBaseUri() + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (!token.isEmpty()) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " answered " + reply.statusCode() + ": "
                    + reply.body().substring(0, Math.min(300, reply.body().length())));
        }
        return StoreClient.JSON.readTree(reply.body());
    }
}
