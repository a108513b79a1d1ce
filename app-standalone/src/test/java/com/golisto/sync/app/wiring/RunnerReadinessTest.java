package com.golisto.sync.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.app.config.ConfigLoader;
import com.golisto.sync.app.config.RunnerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wired runner serves {@code /readyz} with the engine's checks and its disk check at the configured
 * threshold, and the health gauges in {@code /metrics}, over real HTTP on loopback.
 */
class RunnerReadinessTest {

    @TempDir
    Path dir;

    @Test
    void servingRunner_readyzAnswersItsChecks_andAnImpossibleDiskThresholdMakesIt503() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            try (Runner runner = Runner.create(config("100"), null, true)) {
                runner.serveHttp();
                HttpResponse<String> ready = get(http, runner, "/readyz");
                HttpResponse<String> metrics = get(http, runner, "/metrics");

                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(ready.body()).contains("\"name\":\"state_store\"").contains("\"name\":\"disk_space\"");
                assertThat(metrics.body()).contains("golisto_sync_ready 1.0")
                        .contains("golisto_sync_health_check{check=\"disk_space\",store=\"\"} 1.0");
            }
            // the highest threshold (1 TiB) is beyond what a test machine's temp folder has free
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    java.nio.file.Files.getFileStore(dir).getUsableSpace() < 1024L * 1024 * 1024 * 1024);
            try (Runner runner = Runner.create(config("1048576"), null, true)) {
                runner.serveHttp();
                HttpResponse<String> full = get(http, runner, "/readyz");

                assertThat(full.statusCode()).isEqualTo(503);
                assertThat(full.body()).contains("\"status\":\"not_ready\"")
                        .contains("the data folder's disk is (nearly) full");
            }
        }
    }

    private RunnerConfig config(String minFreeMib) {
        return ConfigLoader.create(Map.of("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString(),
                "GOLISTO_SYNC_SERVER_PORT", "0", "GOLISTO_SYNC_HEALTH_MIN_FREE_DISK_MIB", minFreeMib))
                .load(Optional.empty());
    }

    private static HttpResponse<String> get(HttpClient http, Runner runner, String path) throws Exception {
        URI base = runner.localUri().orElseThrow();
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
