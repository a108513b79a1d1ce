package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.golisto.sync.app.cli.Cli;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API and the CLI for scripts against a serving runner whose stores are connected to the Golisto
 * emulator: real runs listed and filtered, a connected store removed (its Golisto connection ends), and the
 * CLI's {@code --json} and {@code stores remove} going through the runner's admin API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminScriptsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private TestingSandbox sandbox;
    private String token;
    private Map<String, String> cliEnv;

    @BeforeAll
    void start() throws Exception {
        sandbox = TestingSandbox.start(8);
        Path data = dir.resolve("data");
        sandbox.startRunner(data);
        token = sandbox.runner.adminToken().token().reveal();
        for (String store : List.of("ads-a", "ads-b", "ads-c")) {
            sandbox.connectApproveAndSync(store);
        }
        cliEnv = Map.of("GOLISTO_SYNC_STATE_DATA_DIR", data.toString(),
                "GOLISTO_SYNC_GOLISTO_API_URL", sandbox.golisto.apiBaseUri().toString(),
                "GOLISTO_SYNC_GOLISTO_WEB_URL", sandbox.golisto.webBaseUri().toString());
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void storeRuns_listTheRealRuns_filteredByKindAndStatus() throws Exception {
        JsonNode all = ok(api("GET", "/api/stores/ads-a/runs"));
        JsonNode full = ok(api("GET", "/api/stores/ads-a/runs?kind=full&status=succeeded"));
        JsonNode failed = ok(api("GET", "/api/stores/ads-a/runs?status=failed"));

        assertThat(all.path("runs").findValuesAsText("store_id")).isNotEmpty().containsOnly("ads-a");
        assertThat(full.path("runs")).hasSize(1);
        assertThat(full.path("runs").get(0).path("counts").path("read").asLong()).isEqualTo(8);
        assertThat(failed.path("runs")).isEmpty();
    }

    @Test
    void deleteStore_connectedStore_endsItsGolistoConnectionAndRemovesIt() throws Exception {
        String account = sandbox.account("ads-b");

        HttpResponse<String> removed = api("DELETE", "/api/stores/ads-b");

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(sandbox.golisto.connection(account).status().name()).isEqualTo("DISCONNECTED");
        assertThat(api("GET", "/api/stores/ads-b").statusCode()).isEqualTo(404);
        assertThat(sandbox.engine().store("ads-b")).isEmpty();
    }

    @Test
    void cli_throughTheServingRunner_syncRunsAndShowInJson_andRemovesAStoreWithYes() throws Exception {
        String account = sandbox.account("ads-c");

        Result sync = cli("sync", "ads-a", "--incremental", "--json");
        Result runs = cli("runs", "ads-a", "--kind", "incremental", "--json");
        Result show = cli("stores", "show", "ads-a", "--json");
        Result remove = cli("stores", "remove", "ads-c", "--yes");
        Result list = cli("stores", "list", "--json");

        assertThat(sync.code()).as(sync.err()).isZero();
        assertThat(sync.err()).contains("going through its admin API");
        JsonNode run = JSON.readTree(sync.out());
        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(JSON.readTree(runs.out()).path("runs").findValuesAsText("id")).contains(run.path("id").asText());
        assertThat(JSON.readTree(show.out()).path("status").asText()).isEqualTo("approved");
        assertThat(remove.code()).as(remove.err()).isZero();
        assertThat(sandbox.golisto.connection(account).status().name()).isEqualTo("DISCONNECTED");
        assertThat(JSON.readTree(list.out()).path("stores").findValuesAsText("id")).contains("ads-a")
                .doesNotContain("ads-c");
    }

    @Test
    void dryRun_throughTheServingRunner_cliJsonIsTheApiReport_andGolistoGetsNoWrite() throws Exception {
        long golistoWrites = sandbox.golisto.requests().snapshot().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("GET ")).mapToLong(Map.Entry::getValue).sum();

        Result dry = cli("sync", "ads-a", "--dry-run", "--json");

        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.err()).contains("going through its admin API");
        JsonNode report = JSON.readTree(dry.out());
        assertThat(report.path("counts").path("read").asLong()).isEqualTo(8);
        assertThat(report.path("counts").path("unchanged").asLong()).isEqualTo(8);
        assertThat(JSON.readTree(ok(api("GET", "/api/stores/ads-a/dry-run")).toString())).isEqualTo(report);
        assertThat(ok(api("GET", "/api/runs/" + report.path("run_id").asLong())).path("kind").asText())
                .isEqualTo("dry_run");
        assertThat(sandbox.golisto.requests().snapshot().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("GET ")).mapToLong(Map.Entry::getValue).sum())
                .isEqualTo(golistoWrites);
    }

    private record Result(int code, String out, String err) {
    }

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.of(cliEnv, new BufferedReader(new StringReader("")), new PrintWriter(out, true),
                new PrintWriter(err, true)).run(new ArrayList<>(List.of(args)).toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> api(String method, String path) throws Exception {
        return sandbox.http.send(HttpRequest.newBuilder(sandbox.url(path)).method(method,
                HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
