package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.app.health.RunnerHealth;
import com.golisto.sync.app.http.OpsRoutes;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.app.http.RunnerServer;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.core.HealthPolicy;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.SyncEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /readyz}, {@code GET /api/health}, the dashboard's health section and the health metrics over real
 * HTTP on loopback, on a real HSQLDB file database whose probe table is made read-only (a real failing write)
 * and a free-space probe that reports a full disk.
 */
class HealthRoutesTest {
    private static final String TOKEN = "health-test-admin-token-0123456789";
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private final AtomicLong freeBytes = new AtomicLong(5_000 * MIB);
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SyncEngine engine;
    private RunnerServer server;

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
    void readyz_stateStoreCannotWrite_answers503WithTheFailingCheck_andAllPassingAgain200() throws Exception {
        start();
        HttpResponse<String> ready = get("/readyz", null);

        readOnlyProbeTable(true);
        HttpResponse<String> notReady = get("/readyz", null);
        HttpResponse<String> anonymousDetails = get("/api/health", null);
        HttpResponse<String> details = get("/api/health", TOKEN);
        HttpResponse<String> dashboard = get("/", null);
        HttpResponse<String> scrape = get("/metrics", null);
        readOnlyProbeTable(false);
        HttpResponse<String> readyAgain = get("/readyz", null);

        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode up = mapper.readTree(ready.body());
        assertThat(up.path("status").asText()).isEqualTo("ready");
        assertThat(names(up)).containsExactly("state_store", "disk_space");
        assertThat(up.path("checks").findValuesAsText("status")).containsOnly("pass");

        assertThat(notReady.statusCode()).isEqualTo(503);
        JsonNode down = mapper.readTree(notReady.body());
        assertThat(down.path("status").asText()).isEqualTo("not_ready");
        JsonNode failing = down.path("checks").get(0);
        assertThat(failing.path("name").asText()).isEqualTo("state_store");
        assertThat(failing.path("status").asText()).isEqualTo("fail");
        assertThat(failing.path("reason").asText()).isEqualTo("the state store cannot write");
        assertThat(failing.path("detail").isNull()).as("no database text without the token").isTrue();
        assertThat(notReady.body()).doesNotContain("read only").doesNotContain("jdbc");

        assertThat(anonymousDetails.statusCode()).isEqualTo(401);
        assertThat(details.statusCode()).isEqualTo(503);
        assertThat(mapper.readTree(details.body()).path("checks").get(0).path("detail").asText()).contains("read only");

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<h2>Health</h2>").contains("Not ready: 1 failing")
                .contains("the state store cannot write").contains("read only");

        assertThat(scrape.body()).contains("golisto_sync_ready 0.0")
                .contains("golisto_sync_health_check{check=\"state_store\",store=\"\"} 0.0")
                .contains("golisto_sync_health_check{check=\"disk_space\",store=\"\"} 1.0");

        assertThat(readyAgain.statusCode()).isEqualTo(200);
    }

    @Test
    void readyz_dataFolderDiskBelowTheThreshold_answers503NamingTheDiskCheck() throws Exception {
        start();
        freeBytes.set(99 * MIB);

        HttpResponse<String> full = get("/readyz", null);
        freeBytes.set(100 * MIB);
        HttpResponse<String> enough = get("/readyz", null);

        assertThat(full.statusCode()).isEqualTo(503);
        JsonNode disk = mapper.readTree(full.body()).path("checks").get(1);
        assertThat(disk.path("name").asText()).isEqualTo(RunnerHealth.DISK_SPACE);
        assertThat(disk.path("status").asText()).isEqualTo("fail");
        assertThat(disk.path("reason").asText())
                .isEqualTo("the data folder's disk is (nearly) full: 99 MiB free, at least 100 MiB required");
        assertThat(enough.statusCode()).isEqualTo(200);
    }

    @Test
    void healthz_staysTheLivenessProbe_whileReadinessFails() throws Exception {
        start();
        freeBytes.set(0);

        assertThat(get("/readyz", null).statusCode()).isEqualTo(503);
        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    }

    private void start() {
        engine = SyncEngine.builder().jdbcUrl(jdbcUrl()).masterKey(MasterKey.generate())
                .publicUrl(URI.create("http://127.0.0.1:1"))
                .health(new HealthPolicy(Duration.ZERO, 3, null))
                .build();
        RunnerMetrics metrics = new RunnerMetrics();
        RunnerHealth health = new RunnerHealth(engine, dir, 100 * MIB, folder -> freeBytes.get());
        metrics.health(health::current);
        AdminAuth auth = new AdminAuth(Secret.of(TOKEN));
        List<Route> routes = new ArrayList<>(new OpsRoutes(engine, metrics).routes());
        routes.addAll(new HealthRoutes(health, auth, new ApiJson()).routes());
        routes.addAll(new DashboardPage(engine, auth, true, health).routes());
        server = new RunnerServer("127.0.0.1", 0, metrics);
        server.start(routes);
    }

    private String jdbcUrl() {
        return "jdbc:hsqldb:file:" + dir.resolve("state");
    }

    /** Makes the probe's table read-only (or writable again) through a second connection to the same database. */
    private void readOnlyProbeTable(boolean readOnly) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "SA", "");
             Statement s = c.createStatement()) {
            s.execute("SET TABLE health_probes READ " + (readOnly ? "ONLY" : "WRITE"));
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.localUri().resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> names(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.path("checks").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }
}
