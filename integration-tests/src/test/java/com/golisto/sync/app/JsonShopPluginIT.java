package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.golisto.jsonshop.TestJsonShop;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third party's shop connector, run by the standalone runner from its plugins folder, end to end: the example
 * JSON shop connector's plugin folder (as examples/json-shop-connector builds it) is copied into a runner's plugins
 * folder; a store of the runner's configuration names it as its shop connector, with settings pointing at the test
 * JSON shop; connected and approved on the Golisto emulator, the store's first full pass lists the shop's products
 * there, and an incremental pass brings a changed price, reading only that product. The runner is the packaged one in a child process ({@link RunnerProcess}); nothing in it names the JSON shop.
 */
class JsonShopPluginIT {
    private static final String STORE = "json-store";
    private static final String KEY = "jsk_it_5b1f0c9e8d7a6b5c4d3e2f1a";
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private TestJsonShop shop;
    private GolistoEmulator golisto;
    private RunnerProcess runner;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() throws InterruptedException {
        try {
            if (runner != null) {
                runner.close();
            }
        } finally {
            browser.close();
            if (golisto != null) {
                golisto.close();
            }
            if (shop != null) {
                shop.close();
            }
        }
    }

    @Test
    void aShopConnectorFromThePluginsFolder_listsItsShopsProductsOnGolisto_andSyncsAChange() throws Exception {
        shop = TestJsonShop.start(KEY, "EUR");
        for (int i = 1; i <= 12; i++) {
            shop.put(shop.product("p%02d".formatted(i), "Plugin product " + i, i + ".50"));
        }
        ObjectNode hoodie = shop.product("hoodie", "Plugin hoodie", "39.00");
        shop.addVariant(hoodie, "hoodie-s", Map.of("Size", "S"), "39.00", 3);
        shop.addVariant(hoodie, "hoodie-m", Map.of("Size", "M"), "41.00", 0);
        shop.put(hoodie);
        shop.put(shop.product("draft", "Not published", "5.00").put("status", "draft"));
        shop.advance(Duration.ofHours(1)); // the first full pass starts an hour after the catalog last changed
        golisto = GolistoEmulator.builder().rateLimit(100_000, Duration.ofMinutes(1)).build().start();
        golisto.webhooks().deliverImmediately(true);
        Path plugins = dir.resolve("plugins");
        copyPlugin(Path.of(System.getProperty("gs.example.plugin")), plugins.resolve("json-shop-connector"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String token = "json-plugin-" + Long.toHexString(System.nanoTime());
        Path config = writeConfig(port, token, plugins);

        runner = RunnerProcess.start(dir, config, port, token, "json-plugin");
        JsonNode store = runner.get("/api/stores/" + STORE);
        String account = connectAndApprove();

        List<GolistoListing> listings = awaitListings(account, 13);
        assertThat(store.toString()).doesNotContain(KEY);
        assertThat(listings).extracting(GolistoListing::externalId).as("every active product, the draft not")
                .containsExactlyInAnyOrderElementsOf(Stream.concat(
                        Stream.iterate(1, i -> i + 1).limit(12).map("p%02d"::formatted), Stream.of("hoodie")).toList());
        assertThat(listings).filteredOn(l -> l.externalId().equals("p07")).singleElement().satisfies(l -> {
            assertThat(l.title()).isEqualTo("Plugin product 7");
            assertThat(l.price()).isEqualByComparingTo(new BigDecimal("7.50"));
            assertThat(l.currency()).isEqualTo("EUR");
            assertThat(l.stock().quantity()).isEqualTo(5);
        });
        assertThat(listings).filteredOn(l -> l.externalId().equals("hoodie")).singleElement().satisfies(l -> {
            assertThat(l.variantIds()).containsExactlyInAnyOrder("hoodie-s", "hoodie-m");
            assertThat(l.variantStock("hoodie-m")).get().satisfies(s -> assertThat(s.quantity()).isZero());
        });
        JsonNode loaded = runner.get("/api/health").path("plugins");
        assertThat(loaded.path("failed")).as(loaded.toString()).isEmpty();
        assertThat(loaded.path("loaded")).as(loaded.toString()).singleElement().satisfies(p -> {
            assertThat(p.path("name").asText()).isEqualTo("json-shop-connector");
            assertThat(p.path("connectors").findValuesAsText("id")).containsExactly("json-shop");
        });
        assertThat(runner.log()).contains("event=plugin_loaded plugin=json-shop-connector");
        assertThat(shop.requests()).as("the connector reads the shop page by page with its key")
                .anyMatch(r -> r.startsWith("GET /api/products?page=1&per_page=100"));
        assertThat(runner.log()).as("the runner's log").doesNotContain(KEY);

        // the merchant changes a price; an incremental pass reads only that product, from the full pass's cursor
        shop.advance(Duration.ofMinutes(10));
        shop.put(shop.get("p07").put("price", "8.25"));
        RunnerProcess.Answer started = runner.post("/api/stores/" + STORE + "/sync", "{\"mode\":\"incremental\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode incremental = awaitRun(started.body().path("run_id").asLong());
        assertThat(incremental.path("status").asText()).as(incremental.toString()).isEqualTo("succeeded");
        assertThat(incremental.path("counts").path("read").asLong()).as(incremental.toString()).isEqualTo(1);
        assertThat(golisto.listing(account, "p07")).get().satisfies(
                l -> assertThat(l.price()).isEqualByComparingTo(new BigDecimal("8.25")));
        assertThat(shop.requests()).last().asString().contains("&modified_since=");
    }

    /** Polls the admin API until the run is no longer running; the run as it shows it. */
    private JsonNode awaitRun(long runId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            JsonNode run = runner.get("/api/runs/" + runId);
            if (!run.path("status").asText().equals("running")) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " still running after " + DEADLINE + ": " + run
                        + runner.logTail());
            }
            Thread.sleep(20);
        }
    }

    /** The example's built plugin folder (its jar and libraries), copied as an operator would. */
    private static void copyPlugin(Path from, Path to) throws IOException {
        assertThat(from).as("the example's plugin folder (built before integration-tests)").isDirectory();
        Files.createDirectories(to);
        try (Stream<Path> jars = Files.list(from)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, to.resolve(jar.getFileName()));
            }
        }
        try (Stream<Path> jars = Files.list(to)) {
            assertThat(jars.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(name -> name.startsWith("json-shop-connector-"))
                    .anyMatch(name -> name.startsWith("jackson-databind-"))
                    .noneMatch(name -> name.startsWith("engine-api"));
        }
    }

    private Path writeConfig(int port, String token, Path plugins) throws IOException {
        // the daily full sync 22 hours away, incremental passes and order polls daily: only the first full pass runs
        String daily = LocalTime.now(ZoneOffset.UTC).minusHours(2).format(DateTimeFormatter.ofPattern("HH:mm"));
        Path config = dir.resolve("golisto-sync.yaml");
        Files.writeString(config, """
                server:
                  host: 127.0.0.1
                  port: %d
                  admin-token: "%s"
                state:
                  data-dir: "%s"
                golisto:
                  api-url: "%s"
                  web-url: "%s"
                  status-poll-interval: PT1M
                sync:
                  daily-full-sync-at: "%s"
                  time-zone: UTC
                  incremental-interval: PT24H
                  order-poll-interval: PT24H
                plugins:
                  folder: "%s"
                stores:
                  - id: %s
                    shop:
                      connector: json-shop
                      settings:
                        url: "%s"
                        api-key: "%s"
                """.formatted(port, token, dir.resolve("data"), golisto.apiBaseUri(), golisto.webBaseUri(), daily,
                plugins, STORE, shop.url(), KEY));
        return config;
    }

    /**
     * Links the store as the merchant's browser does (the admin API's connect link, Golisto's connect page, its
     * redirect to the runner's {@code /connect/return}) and has Golisto approve it. Returns the account id.
     */
    private String connectAndApprove() throws IOException, InterruptedException {
        RunnerProcess.Answer link = runner.post("/api/stores/" + STORE + "/connect", "{}");
        assertThat(link.status()).as(link + runner.logTail()).isEqualTo(200);
        URI connect = URI.create(link.body().path("connect_url").asText());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(connect).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("Golisto's connect page redirects back: %s", page.body()).isEqualTo(302);
        URI back = connect.resolve(page.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> returned = browser.send(HttpRequest.newBuilder(back).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(returned.statusCode()).as(returned.body() + runner.logTail()).isEqualTo(200);
        JsonNode store = runner.get("/api/stores/" + STORE);
        assertThat(store.path("status").asText()).isEqualTo("awaiting_approval");
        String account = store.path("account_id").asText();
        golisto.approve(account); // its connection.approved webhook reaches the runner before this returns
        return account;
    }

    /** Polls the emulator's listings until there are this many, up to a generous deadline. */
    private List<GolistoListing> awaitListings(String account, int count) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (golisto.listings(account).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Golisto lists " + golisto.listings(account).size() + " of " + count
                        + " products after " + DEADLINE + "; runs: " + runner.get("/api/stores/" + STORE)
                        .path("last_runs") + runner.logTail());
            }
            Thread.sleep(20);
        }
        return golisto.listings(account);
    }
}
