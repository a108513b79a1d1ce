package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.app.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The store commands run for real on a data folder whose stores a runner connected earlier. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliCommandsIT {
    @TempDir
    static Path dir;

    private TestingSandbox sandbox;
    private Map<String, String> env;
    private String leavingAccount;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void freshOutput() {
        out = new StringWriter();
        err = new StringWriter();
    }

    @BeforeAll
    void connectStoresThenStopTheRunner() throws Exception {
        sandbox = TestingSandbox.start(8);
        Path data = dir.resolve("data");
        sandbox.startRunner(data);
        sandbox.connectApproveAndSync("cli-shop");
        leavingAccount = sandbox.registerAndLink("cli-leaving").accountId();
        sandbox.registerAndLink("cli-waiting");
        sandbox.runner.close();
        int port; // from the OS: what listens on 8080 must not matter
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        env = Map.of("GOLISTO_SYNC_STATE_DATA_DIR", data.toString(), "GOLISTO_SYNC_SERVER_PORT", Integer.toString(port),
                "GOLISTO_SYNC_GOLISTO_API_URL", sandbox.golisto.apiBaseUri().toString(),
                "GOLISTO_SYNC_GOLISTO_WEB_URL", sandbox.golisto.webBaseUri().toString());
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void syncFull_approvedStore_printsTheRunAndExits0() {
        int code = run("sync", "cli-shop", "--full");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Started full sync of cli-shop").containsPattern("Run \\d+ succeeded: read 8, ")
                .contains("unchanged 8");
    }

    @Test
    void syncDryRun_printsWhatAFullSyncWouldDo_asTextOrAsTheApiJson_andIsRefusedWithIncremental() throws Exception {
        int json = run("sync", "cli-shop", "--dry-run", "--json");
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString());
        freshOutput();
        int text = run("sync", "cli-shop", "--dry-run");
        String printed = out.toString();
        freshOutput();
        int incremental = run("sync", "cli-shop", "--incremental", "--dry-run");

        assertThat(json).as(err.toString()).isZero();
        assertThat(report.path("store_id").asText()).isEqualTo("cli-shop");
        assertThat(report.path("run_id").asLong()).isPositive();
        assertThat(report.path("counts").path("read").asLong()).isEqualTo(8);
        assertThat(report.path("counts").path("unchanged").asLong()).isEqualTo(8);
        assertThat(report.path("counts").path("would_create").asLong()).isZero();
        assertThat(report.path("creates").isArray()).isTrue();
        assertThat(text).isZero();
        assertThat(printed).contains("Dry run ").contains("nothing was written")
                .contains("A full sync would: create 0, update 0, update stock only 0, delete 0; unchanged 8");
        assertThat(incremental).isEqualTo(2);
        assertThat(err.toString()).contains("--dry-run is for full passes only");
    }

    @Test
    void syncIncremental_storeAwaitingApproval_exits1() {
        int code = run("sync", "cli-waiting", "--incremental");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("error:").contains("cli-waiting");
    }

    @Test
    void statusStoresShowAndList_printWhatTheEngineKnows() {
        assertThat(run("status", "cli-shop")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("cli-shop: approved, Golisto account con_");
        assertThat(run("stores", "show", "cli-shop")).isZero();
        assertThat(out.toString()).contains("status:          approved").contains("last catalog run: read 8")
                .contains("RUN").contains("full").contains("order polls:     last ");
        assertThat(run("stores", "list")).isZero();
        assertThat(out.toString()).contains("cli-waiting").contains("awaiting approval");
        assertThat(run("status", "nope")).isEqualTo(2);
    }

    @Test
    void connectAndDeadLetters_printLinksAndLists() {
        assertThat(run("connect", "cli-waiting")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Open this link").contains(sandbox.golisto.webBaseUri() + "/woocommerce/connect?");
        assertThat(run("dead-letters", "list")).isZero();
        assertThat(out.toString()).contains("No dead letters.");
        assertThat(run("dead-letters", "replay", "--all")).isZero();
        assertThat(out.toString()).contains("No dead letters to replay.");
    }

    @Test
    void disconnect_endsTheConnectionAtGolisto() {
        int code = run("disconnect", "cli-leaving");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Store cli-leaving is disconnected.");
        assertThat(sandbox.golisto.connection(leavingAccount).status().name()).isEqualTo("DISCONNECTED");
    }

    private int run(String... args) {
        return Cli.of(env, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    }
}
