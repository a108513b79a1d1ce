package com.golisto.sync.benchmarks.realstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * This tool's own signed client of the shop's REST API, one request at a time: the naive sequential reader, the
 * product list the day's changes are sampled from, and the changes themselves. Counts what it sends in its own
 * {@link ShopTally}, apart from the engine's.
 */
final class StoreClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/wp-json/wc/v3";

    private final HttpClient http;
    private final String base;
    private final OAuthSigner signer;
    private final ShopTally tally = new ShopTally();

    /** One page of an answer with WooCommerce's page count. */
    record Page(JsonNode body, int totalPages) {
    }

    /** One product as the naive reader saw it: its variations are read only for variable products. */
    record ShopProduct(long id, String type, String status, JsonNode json, List<JsonNode> variations) {
    }

    StoreClient(HttpClient http, URI shopUrl, OAuthSigner signer) {
        this.http = http;
        String text = shopUrl.toString();
        this.base = (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + API;
        this.signer = signer;
    }

    ShopTally tally() {
        return tally;
    }

    Page get(String path, List<Map.Entry<String, String>> query) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = send("GET", path, query, null);
        int pages = r.headers().firstValue("X-WP-TotalPages").map(Integer::parseInt).orElse(1);
        return new Page(JSON.readTree(r.body()), pages);
    }

    JsonNode put(String path, JsonNode body) throws IOException, InterruptedException {
        return JSON.readTree(send("PUT", path, List.of(), body).body());
    }

    private HttpResponse<byte[]> send(String method, String path, List<Map.Entry<String, String>> query,
            @Nullable JsonNode body) throws IOException, InterruptedException {
        String url = signer.signedUrl(method, base + path, query);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofMinutes(5)).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long started = System.nanoTime();
        int status = -1;
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = r.statusCode();
            if (status / 100 != 2) {
                throw new IOException(method + " " + path + " answered " + status + ": "
                        + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).substring(0,
                        Math.min(300, r.body().length)));
            }
            return r;
        } finally {
            tally.record(method, API + path, status, System.nanoTime() - started);
        }
    }

    /**
     * The naive sequential reader: every product page of 100 ({@code status=any}), then every variable product's
     * variations (pages of 100), one request at a time.
     */
    List<ShopProduct> readAll() throws IOException, InterruptedException {
        List<JsonNode> products = new ArrayList<>();
        int page = 1;
        int pages;
        do {
            Page p = get("/products", List.of(Map.entry("per_page", "100"), Map.entry("page", Integer.toString(page)),
                    Map.entry("orderby", "id"), Map.entry("order", "asc")));
            p.body().forEach(products::add);
            pages = p.totalPages();
            page++;
        } while (page <= pages);
        List<ShopProduct> out = new ArrayList<>(products.size());
        for (JsonNode product : products) {
            long id = product.path("id").asLong();
            List<JsonNode> variations = new ArrayList<>();
            if ("variable".equals(product.path("type").asText())) {
                int vpage = 1;
                int vpages;
                do {
                    Page p = get("/products/" + id + "/variations", List.of(Map.entry("per_page", "100"),
                            Map.entry("page", Integer.toString(vpage))));
                    p.body().forEach(variations::add);
                    vpages = p.totalPages();
                    vpage++;
                } while (vpage <= vpages);
            }
            out.add(new ShopProduct(id, product.path("type").asText(), product.path("status").asText(), product,
                    List.copyOf(variations)));
        }
        return out;
    }
}
