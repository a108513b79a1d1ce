package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.app.config.GolistoConfig;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.app.http.RunnerServer;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.SyncEngine;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/stores/{id}/runs} over real HTTP on loopback, on a real HSQLDB file database holding a store's
 * run history: pages that follow each other without overlap to the end, filters, and a 400 naming each bad
 * parameter.
 */
class RunListRoutesTest {
    private static final String TOKEN = "runs-test-admin-token-0123456789abc";
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SyncEngine engine;
    private RunnerServer server;

    @BeforeEach
    void start() throws Exception {
        engine = SyncEngine.builder().jdbcUrl(jdbcUrl()).masterKey(MasterKey.generate())
                .publicUrl(URI.create("http://127.0.0.1:1")).build();
        // seven runs an hour apart: full, then incremental and orders by turns; the orders ones failed
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "SA", "")) {
            c.createStatement().execute("INSERT INTO stores (id, shop_connector, marketplace_connector, status,"
                    + " created_at, updated_at) VALUES ('my-shop', 'woocommerce', 'golisto', 'DISCONNECTED', 0, 0)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO sync_runs (store_id, kind, status,"
                    + " started_at, finished_at) VALUES ('my-shop', ?, ?, ?, ?)")) {
                for (int i = 0; i < 7; i++) {
                    String kind = i == 0 ? "FULL" : i % 2 == 1 ? "INCREMENTAL" : "ORDERS";
                    insert.setString(1, kind);
                    insert.setString(2, kind.equals("ORDERS") ? "FAILED" : "SUCCEEDED");
                    long at = T0.plus(Duration.ofHours(i)).toEpochMilli();
                    insert.setLong(3, at);
                    insert.setLong(4, at + 1000);
                    insert.executeUpdate();
                }
            }
        }
        AdminAuth auth = new AdminAuth(Secret.of(TOKEN));
        List<Route> routes = new ArrayList<>(new AdminApi(engine, auth, new ApiJson(),
                new GolistoConfig(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:1"),
                        Duration.ofMinutes(1), 1 << 20)).routes());
        server = new RunnerServer("127.0.0.1", 0, new RunnerMetrics());
        server.start(routes);
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
        http.close();
    }

    @Test
    void pagesOfThree_followEachOtherNewestFirst_withoutOverlap_toTheEnd() throws Exception {
        List<Long> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(get("/api/stores/my-shop/runs?limit=3"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), 200));
            page.path("runs").forEach(r -> seen.add(r.path("id").asLong()));
            pageSizes.add(page.path("runs").size());
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void filters_byKindStatusAndSince_combine() throws Exception {
        JsonNode failedOrders = json(get("/api/stores/my-shop/runs?kind=orders&status=failed", 200));
        JsonNode recentIncrementals = json(get("/api/stores/my-shop/runs?kind=incremental&since="
                + T0.plus(Duration.ofHours(3)), 200));

        assertThat(failedOrders.path("runs")).hasSize(3)
                .allSatisfy(r -> assertThat(r.path("kind").asText() + "/" + r.path("status").asText())
                        .isEqualTo("orders/failed"));
        assertThat(failedOrders.path("next_cursor").isNull()).isTrue();
        assertThat(recentIncrementals.path("runs")).as("the incrementals started at 3 h and 5 h").hasSize(2);
    }

    @Test
    void badParameters_are400NamingTheParameter_unknownStoreIs404_noTokenIs401() throws Exception {
        assertThat(get("/api/stores/my-shop/runs?limit=0", 400).body()).contains("limit");
        assertThat(get("/api/stores/my-shop/runs?limit=501", 400).body()).contains("limit");
        assertThat(get("/api/stores/my-shop/runs?kind=weekly", 400).body()).contains("kind").contains("incremental");
        assertThat(get("/api/stores/my-shop/runs?status=ok", 400).body()).contains("status");
        assertThat(get("/api/stores/my-shop/runs?since=yesterday", 400).body()).contains("since");
        assertThat(get("/api/stores/my-shop/runs?cursor=not-ours", 400).body()).contains("cursor");
        get("/api/stores/no-shop/runs", 404);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                server.localUri().resolve("/api/stores/my-shop/runs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private String jdbcUrl() {
        return "jdbc:hsqldb:file:" + dir.resolve("state");
    }

    private HttpResponse<String> get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.localUri().resolve(path))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(expectedStatus);
        return response;
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return mapper.readTree(response.body());
    }
}
