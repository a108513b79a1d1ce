package com.golisto.sync.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.SyncEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /healthz} and {@code /metrics} over real HTTP on loopback. */
class OpsRoutesTest {
    @TempDir
    Path dir;

    @Test
    void healthz_stateStoreReachable200_closed503() throws Exception {
        SyncEngine engine = SyncEngine.builder().jdbcUrl("jdbc:hsqldb:file:" + dir.resolve("state"))
                .masterKey(MasterKey.generate()).publicUrl(URI.create("http://127.0.0.1:1")).build();
        RunnerMetrics metrics = new RunnerMetrics();
        try (RunnerServer server = new RunnerServer("127.0.0.1", 0, metrics);
             HttpClient http = HttpClient.newHttpClient()) {
            server.start(new OpsRoutes(engine, metrics).routes());
            HttpRequest health = HttpRequest.newBuilder(server.localUri().resolve("/healthz")).GET().build();

            HttpResponse<String> up = http.send(health, HttpResponse.BodyHandlers.ofString());
            engine.close();
            HttpResponse<String> down = http.send(health, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(server.localUri().resolve("/metrics")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).contains("\"state_store\":\"reachable\"");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"state_store\":\"unreachable\"");
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(scrape.body()).contains("golisto_sync_http_requests_seconds_count{route=\"GET /healthz\",status=\"503\"} 1");
        } finally {
            engine.close();
        }
    }

    @Test
    void healthz_withAnInstanceId_answersItInAHeader() throws Exception {
        SyncEngine engine = testingEngine(new AtomicBoolean(true));
        RunnerMetrics metrics = new RunnerMetrics();
        try (RunnerServer server = new RunnerServer("127.0.0.1", 0, metrics);
             HttpClient http = HttpClient.newHttpClient()) {
            server.start(new OpsRoutes(engine, metrics, "instance-1234").routes());

            HttpResponse<String> up = http.send(HttpRequest.newBuilder(server.localUri().resolve("/healthz")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.headers().firstValue(OpsRoutes.INSTANCE_HEADER)).hasValue("instance-1234");
        }
    }

    @Test
    void healthz_answersWhatTheEnginesHealthProbeSays_withoutAskingForStores() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(true);
        SyncEngine engine = testingEngine(healthy);
        RunnerMetrics metrics = new RunnerMetrics();
        try (RunnerServer server = new RunnerServer("127.0.0.1", 0, metrics);
             HttpClient http = HttpClient.newHttpClient()) {
            server.start(new OpsRoutes(engine, metrics).routes());
            HttpRequest health = HttpRequest.newBuilder(server.localUri().resolve("/healthz")).GET().build();

            HttpResponse<String> up = http.send(health, HttpResponse.BodyHandlers.ofString());
            healthy.set(false);
            HttpResponse<String> down = http.send(health, HttpResponse.BodyHandlers.ofString());

            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"status\":\"ok\",\"state_store\":\"reachable\"}");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"state_store\":\"unreachable\"");
        }
    }

    /** An engine whose only answer is {@code healthy()}; any other call fails the request it serves. */
    private static SyncEngine testingEngine(AtomicBoolean healthy) {
        return (SyncEngine) Proxy.newProxyInstance(SyncEngine.class.getClassLoader(), new Class<?>[] {SyncEngine.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "healthy" -> healthy.get();
                    case "toString" -> "TestingSyncEngine";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
