package com.golisto.sync.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.app.config.ConfigLoader;
import com.golisto.sync.app.config.RunnerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} over real HTTP on loopback: per-store series for each registered store (and never for a store id
 * that only appeared in a request path), webhook deliveries by result, and the JVM's and the process's meters.
 */
class RunnerStoreMetricsTest {

    @TempDir
    Path dir;

    @Test
    void metrics_haveSeriesForRegisteredStoresOnly_andTheJvmsMeters() throws Exception {
        Path file = Files.writeString(dir.resolve("sync.yaml"), """
                stores:
                  - id: metrics-shop
                    woocommerce:
                      url: https://shop.example
                """);
        RunnerConfig config = ConfigLoader.create(Map.of("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString(),
                "GOLISTO_SYNC_SERVER_PORT", "0")).load(Optional.of(file));
        try (HttpClient http = HttpClient.newHttpClient(); Runner runner = Runner.create(config, null, true)) {
            runner.serveHttp();
            HttpResponse<String> known = post(http, runner, "/webhooks/woocommerce/metrics-shop");
            HttpResponse<String> unknown = post(http, runner, "/webhooks/woocommerce/ghost-shop");
            String metrics = get(http, runner, "/metrics").body();

            assertThat(known.statusCode()).isBetween(200, 499);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(metrics).contains("golisto_sync_store_listings{store=\"metrics-shop\"} 0.0")
                    .contains("golisto_sync_store_pending_work{store=\"metrics-shop\"} 0.0")
                    .contains("golisto_sync_store_webhook_deliveries{result=\"accepted\",store=\"metrics-shop\"} 0.0")
                    .doesNotContain("ghost-shop");
            // the unsigned delivery to a store that is not connected counts under one result, not accepted
            assertThat(metrics.lines().filter(l -> l.startsWith("golisto_sync_store_webhook_deliveries{")
                    && l.contains("store=\"metrics-shop\"") && l.endsWith(" 1.0"))).hasSize(1);
            assertThat(metrics).contains("jvm_memory_used_bytes{").contains("jvm_threads_live_threads ")
                    .contains("jvm_classes_loaded_classes ").contains("process_uptime_seconds ")
                    .contains("system_cpu_count ").contains("jvm_gc_");
        }
    }

    private static HttpResponse<String> post(HttpClient http, Runner runner, String path) throws Exception {
        URI base = runner.localUri().orElseThrow();
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":1}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, Runner runner, String path) throws Exception {
        URI base = runner.localUri().orElseThrow();
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
