package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.app.config.GolistoConfig;
import com.golisto.sync.app.health.FreeSpace;
import com.golisto.sync.app.health.RunnerHealth;
import com.golisto.sync.app.http.EdgePolicy;
import com.golisto.sync.app.http.HttpLimits;
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
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API's lists, runs, store removal, settings and OpenAPI document over real loopback HTTP with a
 * real engine. Runs and dead letters are written straight into the engine's database (the same in-process
 * HSQLDB), since making real ones needs an approved store.
 */
class AdminApiTest {
    private static final String TOKEN = "testing-admin-token-0123456789";
    private static final String SECRET = "cs_testing_secret_value_42";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private SyncEngine engine;
    private RunnerServer server;
    private List<Route> routes;
    private String jdbcUrl;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        List<ConnectorProvider> providers = new ArrayList<>();
        ServiceLoader.load(ConnectorProvider.class).forEach(providers::add);
        jdbcUrl = "jdbc:hsqldb:file:" + dir.resolve("state");
        engine = SyncEngine.builder().jdbcUrl(jdbcUrl).masterKey(MasterKey.generate())
                .connectors(providers).publicUrl(URI.create("http://127.0.0.1:1")).build();
        AdminAuth auth = new AdminAuth(Secret.of(TOKEN));
        GolistoConfig golisto = new GolistoConfig(URI.create("https://api.golisto.example"),
                URI.create("https://golisto.example"), Duration.ofMinutes(5));
        ApiJson json = new ApiJson();
        routes = new ArrayList<>(new AdminApi(engine, auth, json, golisto).routes());
        routes.addAll(new HealthRoutes(new RunnerHealth(engine, dir, 0, FreeSpace.OF_FILE_STORE), auth, json).routes());
        routes.addAll(new ProductRoutes(engine, auth, json).routes());
        server = new RunnerServer("127.0.0.1", 0, new RunnerMetrics(), HttpLimits.defaults(),
                EdgePolicy.of("127.0.0.1", null)).start(routes);
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
        http.close();
    }

    @Test
    void storesList_pagesByLimitAndCursor_withoutOverlap_andEnds() throws Exception {
        for (String id : List.of("shop-c", "shop-a", "shop-e", "shop-b", "shop-d")) {
            createStore(id, false);
        }

        JsonNode first = ok(get("/api/stores?limit=2"));
        JsonNode second = ok(get("/api/stores?limit=2&cursor=" + enc(first.path("next_cursor").asText())));
        JsonNode third = ok(get("/api/stores?limit=2&cursor=" + enc(second.path("next_cursor").asText())));
        JsonNode all = ok(get("/api/stores"));

        assertThat(ids(first, "stores", "id")).containsExactly("shop-a", "shop-b");
        assertThat(ids(second, "stores", "id")).containsExactly("shop-c", "shop-d");
        assertThat(ids(third, "stores", "id")).containsExactly("shop-e");
        assertThat(third.get("next_cursor").isNull()).isTrue();
        assertThat(ids(all, "stores", "id")).hasSize(5);
        assertThat(all.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void aLimitOutOfBoundsOrAForeignOrGarbledCursor_answers400NamingTheParameter() throws Exception {
        createStore("shop-a", false);
        createStore("shop-b", false);
        String storesCursor = ok(get("/api/stores?limit=1")).path("next_cursor").asText();

        for (String query : List.of("limit=0", "limit=201", "limit=ten")) {
            HttpResponse<String> r = get("/api/stores?" + query);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(r.body()).contains("invalid_parameter").contains("parameter limit");
        }
        HttpResponse<String> garbled = get("/api/stores?cursor=%25%25not-base64");
        HttpResponse<String> foreign = get("/api/dead-letters?cursor=" + enc(storesCursor));
        HttpResponse<String> foreignRuns = get("/api/stores/shop-a/runs?cursor=" + enc(storesCursor));

        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("parameter cursor");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("parameter cursor");
        assertThat(foreignRuns.statusCode()).isEqualTo(400);
        assertThat(foreignRuns.body()).contains("parameter cursor");
    }

    @Test
    void storeRuns_newestFirst_pagedWithoutOverlap_andFilteredByKindStatusAndSince() throws Exception {
        createStore("shop-a", false);
        createStore("shop-b", false);
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        long full1 = insertRun("shop-a", "FULL", "SUCCEEDED", t0);
        long inc1 = insertRun("shop-a", "INCREMENTAL", "FAILED", t0.plusSeconds(60));
        long full2 = insertRun("shop-a", "FULL", "FAILED", t0.plusSeconds(120));
        long orders = insertRun("shop-a", "ORDERS", "SUCCEEDED", t0.plusSeconds(180));
        long inc2 = insertRun("shop-a", "INCREMENTAL", "SUCCEEDED", t0.plusSeconds(240));
        insertRun("shop-b", "FULL", "SUCCEEDED", t0.plusSeconds(300));

        JsonNode p1 = ok(get("/api/stores/shop-a/runs?limit=2"));
        JsonNode p2 = ok(get("/api/stores/shop-a/runs?limit=2&cursor=" + enc(p1.path("next_cursor").asText())));
        // a run added meanwhile is newer than every page: paging on neither repeats nor skips one
        insertRun("shop-a", "FULL", "RUNNING", t0.plusSeconds(360));
        JsonNode p3 = ok(get("/api/stores/shop-a/runs?limit=2&cursor=" + enc(p2.path("next_cursor").asText())));
        JsonNode fullFailed = ok(get("/api/stores/shop-a/runs?kind=full&status=failed"));
        JsonNode since = ok(get("/api/stores/shop-a/runs?since=" + t0.plusSeconds(180)));

        assertThat(ids(p1, "runs", "id")).containsExactly(str(inc2), str(orders));
        assertThat(ids(p2, "runs", "id")).containsExactly(str(full2), str(inc1));
        assertThat(ids(p3, "runs", "id")).containsExactly(str(full1));
        assertThat(p3.get("next_cursor").isNull()).isTrue();
        assertThat(ids(fullFailed, "runs", "id")).containsExactly(str(full2));
        assertThat(fullFailed.path("runs").get(0).path("kind").asText()).isEqualTo("full");
        assertThat(ids(since, "runs", "id")).hasSize(3).contains(str(inc2), str(orders)).doesNotContain(str(full2));
    }

    @Test
    void storeRuns_aBadFilterAnswers400NamingIt_anUnknownStore404() throws Exception {
        createStore("shop-a", false);

        HttpResponse<String> kind = get("/api/stores/shop-a/runs?kind=weekly");
        HttpResponse<String> status = get("/api/stores/shop-a/runs?status=done");
        HttpResponse<String> since = get("/api/stores/shop-a/runs?since=yesterday");
        HttpResponse<String> unknown = get("/api/stores/nope/runs");

        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("parameter kind must be one of full, incremental");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(status.body()).contains("parameter status must be one of running, succeeded, failed");
        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(since.body()).contains("parameter since");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void deadLetters_pageOldestFirst_withoutOverlap_andEnd() throws Exception {
        createStore("shop-a", false);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(insertDeadLetter("shop-a", "product-" + i));
        }

        JsonNode p1 = ok(get("/api/dead-letters?limit=2"));
        JsonNode p2 = ok(get("/api/dead-letters?limit=2&store_id=shop-a&cursor=" + enc(p1.path("next_cursor").asText())));

        assertThat(ids(p1, "dead_letters", "id")).containsExactly(str(ids.get(0)), str(ids.get(1)));
        assertThat(ids(p2, "dead_letters", "id")).containsExactly(str(ids.get(2)));
        assertThat(p2.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void deleteStore_disconnectsAndRemovesItsData_thenTheIdIsUnknown_andCanBeRegisteredAgain() throws Exception {
        createStore("shop-a", true);
        createStore("shop-b", false);
        insertRun("shop-a", "FULL", "SUCCEEDED", Instant.parse("2026-03-01T10:00:00Z"));
        insertDeadLetter("shop-a", "product-1");

        HttpResponse<String> removed = send("DELETE", "/api/stores/shop-a", null);
        HttpResponse<String> again = send("DELETE", "/api/stores/shop-a", null);

        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(get("/api/stores/shop-a").statusCode()).isEqualTo(404);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(ids(ok(get("/api/stores")), "stores", "id")).containsExactly("shop-b");
        assertThat(count("SELECT COUNT(*) FROM sync_runs WHERE store_id = 'shop-a'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM dead_letters WHERE store_id = 'shop-a'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM store_settings WHERE store_id = 'shop-a'")).isZero();
        assertThat(createStore("shop-a", false).statusCode()).isEqualTo(201);
    }

    @Test
    void settings_everySettingReadable_secretsMaskedNeverShown() throws Exception {
        createStore("shop-a", true);

        HttpResponse<String> r = get("/api/stores/shop-a/settings");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(SECRET).doesNotContain("ck_testing_key");
        JsonNode shop = MAPPER.readTree(r.body()).path("shop");
        assertThat(shop.path("connector").asText()).isEqualTo("woocommerce");
        assertThat(setting(shop, "url").path("value").asText()).isEqualTo("https://shop.example");
        assertThat(setting(shop, "consumer-secret").path("value").asText()).isEqualTo("********");
        assertThat(setting(shop, "consumer-secret").path("secret").asBoolean()).isTrue();
        assertThat(setting(shop, "consumer-secret").path("set").asBoolean()).isTrue();
        assertThat(setting(shop, "max-concurrency").path("set").asBoolean()).isFalse();
        assertThat(setting(shop, "max-concurrency").path("default_value").asText()).isEqualTo("4");
        assertThat(MAPPER.readTree(r.body()).path("marketplace").path("connector").asText()).isEqualTo("golisto");
    }

    @Test
    void patchSettings_changesTheNamedOnes_keepsTheOthers_andAnInvalidOneAnswers400NamingItsKey() throws Exception {
        createStore("shop-a", true);

        HttpResponse<String> invalid = send("PATCH", "/api/stores/shop-a/settings",
                "{\"shop\": {\"max-concurrency\": \"lots\", \"colour\": \"blue\"}}");
        HttpResponse<String> mask = send("PATCH", "/api/stores/shop-a/settings",
                "{\"shop\": {\"consumer-secret\": \"********\"}}");
        HttpResponse<String> empty = send("PATCH", "/api/stores/shop-a/settings", "{}");
        HttpResponse<String> changed = send("PATCH", "/api/stores/shop-a/settings",
                "{\"shop\": {\"max-concurrency\": \"2\", \"url\": \"https://new.example\"}}");

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("invalid_settings").contains("shop.max-concurrency")
                .contains("shop.colour");
        assertThat(mask.statusCode()).isEqualTo(400);
        assertThat(mask.body()).contains("shop.consumer-secret");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(changed.statusCode()).isEqualTo(200);
        JsonNode shop = MAPPER.readTree(get("/api/stores/shop-a/settings").body()).path("shop");
        assertThat(setting(shop, "max-concurrency").path("value").asText()).isEqualTo("2");
        assertThat(setting(shop, "max-concurrency").path("origin").asText()).isEqualTo("api");
        assertThat(setting(shop, "url").path("value").asText()).isEqualTo("https://new.example");
        assertThat(setting(shop, "consumer-secret").path("set").asBoolean()).isTrue();
    }

    @Test
    void dryRun_startsADryRunRunOfAnApprovedStoreOnly_andItsReportIsReadBack_404BeforeOne() throws Exception {
        createStore("shop-a", false);

        HttpResponse<String> none = get("/api/stores/shop-a/dry-run");
        HttpResponse<String> notApproved = send("POST", "/api/stores/shop-a/sync", "{\"mode\":\"full\",\"dry_run\":true}");
        HttpResponse<String> incremental = send("POST", "/api/stores/shop-a/sync",
                "{\"mode\":\"incremental\",\"dry_run\":true}");
        HttpResponse<String> notABoolean = send("POST", "/api/stores/shop-a/sync", "{\"mode\":\"full\",\"dry_run\":\"yes\"}");
        HttpResponse<String> unknown = send("POST", "/api/stores/shop-a/sync", "{\"mode\":\"full\",\"dry\":true}");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("not_found").contains("no dry-run report");
        assertThat(notApproved.statusCode()).isEqualTo(409);
        assertThat(notApproved.body()).contains("not_approved");
        assertThat(incremental.statusCode()).isEqualTo(400);
        assertThat(incremental.body()).contains("field dry_run");
        assertThat(notABoolean.statusCode()).isEqualTo(400);
        assertThat(notABoolean.body()).contains("dry_run");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown_field");
        assertThat(count("SELECT COUNT(*) FROM sync_runs")).as("nothing refused was started").isZero();

        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            c.createStatement().executeUpdate("UPDATE stores SET status = 'APPROVED' WHERE id = 'shop-a'");
        }
        HttpResponse<String> started = send("POST", "/api/stores/shop-a/sync", "{\"mode\":\"full\",\"dry_run\":true}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long runId = MAPPER.readTree(started.body()).path("run_id").asLong();
        assertThat(ok(get("/api/runs/" + runId)).path("kind").asText()).isEqualTo("dry_run");
        assertThat(ids(ok(get("/api/stores/shop-a/runs?kind=dry_run")), "runs", "id")).containsExactly(str(runId));

        insertDryRunReport("shop-a", runId);
        JsonNode report = ok(get("/api/stores/shop-a/dry-run"));
        assertThat(report.path("store_id").asText()).isEqualTo("shop-a");
        assertThat(report.path("run_id").asLong()).isEqualTo(runId);
        assertThat(report.path("counts").path("would_update").asLong()).isEqualTo(1);
        assertThat(report.path("skip_reasons").path("no price").asLong()).isEqualTo(3);
        assertThat(report.path("updates").get(0).path("changed_fields").get(0).asText()).isEqualTo("price");
        assertThat(report.path("creates").get(0).path("title").asText()).isEqualTo("Gloves");
        assertThat(report.path("deletes").get(0).path("reason").asText()).isEqualTo("removed in shop");
        assertThat(report.has("finished_at")).isTrue();
    }

    private void insertDryRunReport(String store, long runId) throws Exception {
        String json = "{\"counts\":{\"read\":9,\"would_create\":1,\"would_update\":1,\"would_update_stock\":0,"
                + "\"would_delete\":1,\"unchanged\":3,\"skipped\":3},\"skip_reasons\":{\"no price\":3},"
                + "\"delete_reasons\":{\"removed in shop\":1},\"sample_limit\":20,"
                + "\"creates\":[{\"product_id\":\"105\",\"sku\":\"SKU-105\",\"title\":\"Gloves\",\"reason\":null,"
                + "\"changed_fields\":[]}],\"updates\":[{\"product_id\":\"101\",\"sku\":null,\"title\":\"Beanie\","
                + "\"reason\":null,\"changed_fields\":[\"price\"]}],\"stock_updates\":[],"
                + "\"deletes\":[{\"product_id\":\"104\",\"sku\":null,\"title\":null,\"reason\":\"removed in shop\","
                + "\"changed_fields\":[]}],\"skips\":[]}";
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement s = c.prepareStatement(
                "INSERT INTO dry_run_reports (store_id, run_id, report, finished_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, store);
            s.setLong(2, runId);
            s.setString(3, json);
            s.setLong(4, Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
            s.executeUpdate();
        }
    }

    @Test
    void openApiDocument_documentsExactlyTheRegisteredApiRoutes() throws Exception {
        HttpResponse<String> withoutToken = http.send(HttpRequest.newBuilder(server.localUri()
                .resolve("/api/openapi.json")).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode doc = ok(get("/api/openapi.json"));
        Set<String> documented = new TreeSet<>();
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
        for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext();) {
            String path = paths.next();
            doc.path("paths").path(path).fieldNames().forEachRemaining(m -> {
                if (methods.contains(m)) {
                    documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path);
                }
            });
        }
        Set<String> registered = new TreeSet<>();
        routes.stream().filter(r -> r.pattern().startsWith("/api/")).forEach(r -> registered.add(r.key()));

        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(documented).isEqualTo(registered);
        assertThat(registered).contains("DELETE /api/stores/{id}", "GET /api/stores/{id}/runs",
                "PATCH /api/stores/{id}/settings", "GET /api/openapi.json");
    }

    private static JsonNode setting(JsonNode side, String name) {
        for (JsonNode s : side.path("settings")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no setting " + name + " in " + side);
    }

    private HttpResponse<String> createStore(String id, boolean keys) throws Exception {
        String woo = "{\"url\":\"https://shop.example\"" + (keys
                ? ",\"consumer_key\":\"ck_testing_key\",\"consumer_secret\":\"" + SECRET + "\"" : "") + "}";
        HttpResponse<String> r = send("POST", "/api/stores", "{\"id\":\"" + id + "\",\"woocommerce\":" + woo + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r;
    }

    private long insertRun(String store, String kind, String status, Instant startedAt) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement s = c.prepareStatement(
                "INSERT INTO sync_runs (store_id, kind, status, started_at, finished_at) VALUES (?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            s.setString(1, store);
            s.setString(2, kind);
            s.setString(3, status);
            s.setLong(4, startedAt.toEpochMilli());
            if (status.equals("RUNNING")) {
                s.setNull(5, java.sql.Types.BIGINT);
            } else {
                s.setLong(5, startedAt.toEpochMilli() + 1000);
            }
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private long insertDeadLetter(String store, String item) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement s = c.prepareStatement(
                "INSERT INTO dead_letters (store_id, kind, item_id, reason, payload, created_at, attempts)"
                        + " VALUES (?, 'product', ?, 'testing', '{}', ?, 1)", new String[] {"id"})) {
            s.setString(1, store);
            s.setString(2, item);
            s.setLong(3, Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> ids(JsonNode page, String list, String field) {
        List<String> out = new ArrayList<>();
        page.path(list).forEach(n -> out.add(n.path(field).asText()));
        assertThat(new HashSet<>(out)).as("no item twice in a page").hasSize(out.size());
        return out;
    }

    private static String str(long n) {
        return Long.toString(n);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return MAPPER.readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.localUri().resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
