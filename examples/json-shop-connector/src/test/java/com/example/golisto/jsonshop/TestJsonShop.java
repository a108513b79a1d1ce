package com.example.golisto.jsonshop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JSON shop the example connector talks to, for tests: a real HTTP server (the JDK's) on a loopback port the OS
 * picks, holding its products in memory. It speaks the protocol of the example's README: {@code GET /api/store},
 * {@code GET /api/products?page=&per_page=&modified_since=} (id order, {@code modified_since} inclusive) and
 * {@code GET /api/products?ids=a,b} (a variant's id finds its product), each with the {@code X-Api-Key} header.
 *
 * <p>Its clock is its own and moves only when a test {@linkplain #advance advances} it; every product put is
 * stamped with it. Its timestamps are written with its time zone's offset ({@link #setTimeZone}; UTC at first). A
 * test can make the next answers fail ({@link #failNext}), be garbled ({@link #garbleNext}), cut short
 * ({@link #truncateNext}) or never come ({@link #resetNext}), and read the requests it served ({@link #requests()}).
 * Thread-safe: the server's threads and the test's share it. Golisto Sync's integration tests use it too.
 */
public final class TestJsonShop implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGE = 500;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String apiKey;
    private final String currency;
    private final TreeMap<String, ObjectNode> products = new TreeMap<>();
    private final Map<String, Instant> modified = new HashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Instant now = Instant.parse("2026-12-01T09:00:00Z");
    private ZoneId zone = ZoneOffset.UTC;

    /** How the shop misanswers one request. */
    private enum Misanswer { STATUS, RESET, TRUNCATE }

    private record Fault(Misanswer how, int status, String body, Map<String, String> headers) {
    }

    private TestJsonShop(String apiKey, String currency) throws IOException {
        this.apiKey = apiKey;
        this.currency = currency;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/api/", this::handle);
        server.start();
    }

    /** Starts an empty shop that accepts this API key and prices everything in this ISO currency. */
    public static TestJsonShop start(String apiKey, String currency) throws IOException {
        return new TestJsonShop(apiKey, currency);
    }

    /** The shop's API URL, the connector's {@code url} setting. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    /** The shop's clock. */
    public synchronized Instant now() {
        return now;
    }

    /** Moves the shop's clock on. */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** The shop's clock as a {@link Clock} (in UTC), for the connector's context. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId other) {
                throw new UnsupportedOperationException("the test shop's clock is in UTC");
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    /** Writes every timestamp from now on with this zone's offset, e.g. {@code 2026-12-01T22:00:00+14:00}. */
    public synchronized void setTimeZone(ZoneId zone) {
        this.zone = zone;
    }

    private String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
    }

    /**
     * A simple product (no variants) in the shop's currency, tracked stock 5: change it as a test needs before
     * {@link #put}.
     */
    public ObjectNode product(String id, String title, String price) {
        ObjectNode product = JSON.createObjectNode().put("id", id).put("sku", "SKU-" + id).put("title", title)
                .put("description", "<p>" + title + "</p>").put("status", "active").put("currency", currency)
                .put("price", price).putNull("sale_price");
        product.putObject("stock").put("quantity", 5).put("status", "in_stock");
        product.putArray("images").add("https://img.example/" + id + ".jpg");
        product.putArray("categories").add("Examples > " + title);
        product.putArray("variants");
        return product;
    }

    /** Adds a variant to a product, with its options, price and tracked stock. */
    public ObjectNode addVariant(ObjectNode product, String id, Map<String, String> options, String price, int stock) {
        ObjectNode variant = ((ArrayNode) product.get("variants")).addObject().put("id", id).put("sku", "SKU-" + id)
                .put("price", price).putNull("sale_price").putNull("image");
        options.forEach(variant.putObject("options")::put);
        variant.putObject("stock").put("quantity", stock).put("status", stock > 0 ? "in_stock" : "out_of_stock");
        return product;
    }

    /** Creates or replaces a product, stamped {@code modified_at} with the shop's clock. */
    public synchronized void put(ObjectNode product) {
        ObjectNode copy = product.deepCopy();
        copy.remove("modified_at");
        products.put(copy.get("id").asText(), copy);
        modified.put(copy.get("id").asText(), now);
    }

    /** A copy of the product as the shop holds it (without {@code modified_at}), to change and {@link #put}. */
    public synchronized ObjectNode get(String id) {
        ObjectNode product = products.get(id);
        if (product == null) {
            throw new IllegalArgumentException("the shop has no product " + id);
        }
        return product.deepCopy();
    }

    /** Deletes a product for good. */
    public synchronized void remove(String id) {
        products.remove(id);
        modified.remove(id);
    }

    /** The next request is answered with this status (and {@code Retry-After}, when not null) instead. */
    public synchronized void failNext(int status, String retryAfter) {
        faults.add(new Fault(Misanswer.STATUS, status, "{\"error\":\"injected " + status + "\"}",
                retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter)));
    }

    /** The next request is answered 200 with this body instead (not JSON, or JSON of the wrong shape). */
    public synchronized void garbleNext(String body) {
        faults.add(new Fault(Misanswer.STATUS, 200, body, Map.of()));
    }

    /** The next {@code times} requests get their connection closed without an answer. */
    public synchronized void resetNext(int times) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(Misanswer.RESET, 0, "", Map.of()));
        }
    }

    /** The next answer is cut short of the length it declares. */
    public synchronized void truncateNext() {
        faults.add(new Fault(Misanswer.TRUNCATE, 200, "{\"products\": [], \"has_more\": false, \"as_of\": \"",
                Map.of()));
    }

    /** Every request served, as {@code METHOD /path?query}, oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            requests.add(exchange.getRequestMethod() + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            Fault fault;
            synchronized (this) {
                fault = faults.poll();
            }
            if (fault != null && fault.how() == Misanswer.RESET) {
                return; // closing the exchange unanswered closes the connection
            } else if (fault != null && fault.how() == Misanswer.TRUNCATE) {
                byte[] bytes = fault.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length + 100);
                exchange.getResponseBody().write(bytes);
                exchange.getResponseBody().flush();
            } else if (fault != null) {
                fault.headers().forEach(exchange.getResponseHeaders()::add);
                send(exchange, fault.status(), fault.body());
            } else if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                send(exchange, 401, "{\"error\":\"invalid API key\"}");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "{\"error\":\"method not allowed\"}");
            } else if (uri.getRawPath().equals("/api/store")) {
                send(exchange, 200, JSON.createObjectNode().put("url", "https://json-shop.example")
                        .put("currency", currency).put("version", "test-1").toString());
            } else if (uri.getRawPath().equals("/api/products")) {
                Map<String, String> query = query(uri.getRawQuery());
                int size = Integer.parseInt(query.getOrDefault("per_page", "100"));
                if (size < 1 || size > MAX_PAGE) {
                    send(exchange, 400, "{\"error\":\"per_page must be from 1 to " + MAX_PAGE + "\"}");
                } else {
                    send(exchange, 200, products(query));
                }
            } else {
                send(exchange, 404, "{\"error\":\"no such resource\"}");
            }
        }
    }

    private synchronized String products(Map<String, String> query) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode page = answer.putArray("products");
        if (query.containsKey("ids")) {
            Set<String> ids = new LinkedHashSet<>();
            for (String raw : query.get("ids").split(",")) {
                ids.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            }
            products.values().stream().filter(p -> ids.contains(p.get("id").asText()) || variantIds(p).anyMatch(
                    ids::contains)).forEach(p -> page.add(stamped(p)));
            return answer.put("has_more", false).put("as_of", timestamp(now)).toString();
        }
        int number = Integer.parseInt(query.getOrDefault("page", "1"));
        int size = Integer.parseInt(query.getOrDefault("per_page", "100"));
        String since = query.get("modified_since");
        Instant from = since == null ? Instant.MIN
                : OffsetDateTime.parse(URLDecoder.decode(since, StandardCharsets.UTF_8)).toInstant();
        List<ObjectNode> matching = products.values().stream()
                .filter(p -> !modified.get(p.get("id").asText()).isBefore(from)).toList();
        int first = Math.min(matching.size(), (number - 1) * size);
        int last = Math.min(matching.size(), first + size);
        matching.subList(first, last).forEach(p -> page.add(stamped(p)));
        return answer.put("has_more", last < matching.size()).put("as_of", timestamp(now)).toString();
    }

    private ObjectNode stamped(ObjectNode product) {
        return product.deepCopy().put("modified_at", timestamp(modified.get(product.get("id").asText())));
    }

    private static java.util.stream.Stream<String> variantIds(ObjectNode product) {
        List<String> ids = new ArrayList<>();
        product.path("variants").forEach(v -> ids.add(v.get("id").asText()));
        return ids.stream();
    }

    /** The query's parameters, keys decoded, values raw (still encoded). */
    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            Arrays.stream(raw.split("&")).map(p -> p.split("=", 2)).forEach(p -> params.put(
                    URLDecoder.decode(p[0], StandardCharsets.UTF_8), p.length > 1 ? p[1] : ""));
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
