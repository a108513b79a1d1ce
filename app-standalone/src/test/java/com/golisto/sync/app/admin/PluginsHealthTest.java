package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.app.config.GolistoConfig;
import com.golisto.sync.app.config.Registrations;
import com.golisto.sync.app.health.FreeSpace;
import com.golisto.sync.app.health.RunnerHealth;
import com.golisto.sync.app.http.RunnerServer;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.app.plugins.PluginLoader;
import com.golisto.sync.app.plugins.Plugins;
import com.golisto.sync.core.HealthPolicy;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.SyncEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readiness answers list the plugins loaded (with their connectors) and those that failed (with why, on
 * {@code /api/health} only); a failed plugin leaves the runner ready unless a store needs a connector that is not
 * installed.
 */
class PluginsHealthTest {
    private static final String TOKEN = "plugins-health-admin-token-0123456789";

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SyncEngine engine;
    private RunnerServer server;

    @BeforeEach
    void engine() {
        engine = SyncEngine.builder().jdbcUrl("jdbc:hsqldb:file:" + dir.resolve("state")).masterKey(MasterKey.generate())
                .connectors(PluginLoader.builtIns()).publicUrl(URI.create("http://127.0.0.1:1"))
                .health(new HealthPolicy(Duration.ZERO, 3, null)).build();
        engine.registerStore(Registrations.of("woo-shop", Map.of("url", "https://shop.example"),
                new GolistoConfig(URI.create("https://api.golisto.example"), URI.create("https://golisto.example"),
                        Duration.ofMinutes(1))));
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        engine.close();
        http.close();
    }

    @Test
    void failedPluginNoStoreNeeds_isListed_andTheRunnerStaysReady() throws Exception {
        start(Set.of("woocommerce", "golisto"));

        HttpResponse<String> ready = get("/readyz", null);
        HttpResponse<String> details = get("/api/health", TOKEN);

        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode plugins = mapper.readTree(ready.body()).path("plugins");
        assertThat(plugins.path("loaded").findValuesAsText("name")).isEmpty();
        assertThat(plugins.path("failed").findValuesAsText("name")).containsExactly("broken");
        assertThat(plugins.path("failed").get(0).path("reason").isNull()).isTrue(); // reasons for the operator only
        assertThat(mapper.readTree(details.body()).path("plugins").path("failed").get(0).path("reason").asText())
                .isEqualTo("its modules do not resolve: Module test.lib not found");
    }

    @Test
    void storeWhoseConnectorIsNotInstalled_failsItsConnectorsCheck_namingTheFailedPlugins() throws Exception {
        start(Set.of("golisto")); // as if woocommerce came from the plugin that failed

        HttpResponse<String> ready = get("/readyz", null);
        HttpResponse<String> details = get("/api/health", TOKEN);

        assertThat(ready.statusCode()).isEqualTo(503);
        JsonNode check = find(mapper.readTree(details.body()), RunnerHealth.CONNECTORS);
        assertThat(check.path("store").asText()).isEqualTo("woo-shop");
        assertThat(check.path("status").asText()).isEqualTo("fail");
        assertThat(check.path("reason").asText())
                .isEqualTo("store woo-shop needs connector 'woocommerce', which is not installed");
        assertThat(check.path("detail").asText()).contains("broken (its modules do not resolve");
    }

    private void start(Set<String> installed) {
        Plugins plugins = new Plugins(dir.resolve("plugins"), List.of(), List.of(new Plugins.Failed("broken",
                dir.resolve("plugins/broken"), "its modules do not resolve: Module test.lib not found")));
        RunnerHealth health = new RunnerHealth(engine, dir, 0, FreeSpace.OF_FILE_STORE, plugins, installed);
        server = new RunnerServer("127.0.0.1", 0, new RunnerMetrics());
        server.start(new HealthRoutes(health, new AdminAuth(Secret.of(TOKEN)), new ApiJson()).routes());
    }

    private static JsonNode find(JsonNode answer, String name) {
        for (JsonNode c : answer.path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + answer);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.localUri().resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
