package com.golisto.sync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands for scripts: {@code --json} output parsed back with Jackson, {@code stores remove} and its
 * confirmation, and {@code --config} given after a group command's name.
 */
class CliJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @Test
    void configOption_afterAGroupCommandsName_isHonoured() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "server: { port: 123456 }\n");
        Path declaring = dir.resolve("stores.yaml");
        Files.writeString(declaring, """
                stores:
                  - id: from-config
                    woocommerce: { url: "https://shop.example" }
                """);

        // only the data folder from the environment: the file's server port is under test
        Map<String, String> dataDirOnly = Map.of("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString());
        int badCode = run(dataDirOnly, "", "stores", "--config", bad.toString(), "list");
        String badErr = err.toString();
        JsonNode listed = json(run(env(), "", "stores", "--config", declaring.toString(), "list", "--json"));
        int deadLettersCode = run(dataDirOnly, "", "dead-letters", "--config", bad.toString(), "list");

        assertThat(badCode).isEqualTo(ExitCodes.USAGE);
        assertThat(badErr).contains("server.port:");
        assertThat(listed.path("stores").get(0).path("id").asText()).isEqualTo("from-config");
        assertThat(deadLettersCode).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void json_storesAddListShowRunsAndDeadLetters_printOneJsonDocumentEach() throws Exception {
        Map<String, String> env = env();

        JsonNode added = json(run(env, "", "stores", "add", "shop-a", "--url", "https://shop.example", "--json"));
        JsonNode list = json(run(env, "", "stores", "list", "--json"));
        JsonNode show = json(run(env, "", "stores", "show", "shop-a", "--json"));
        JsonNode runs = json(run(env, "", "runs", "shop-a", "--kind", "full", "--json"));
        JsonNode letters = json(run(env, "", "dead-letters", "list", "--json"));

        assertThat(added.path("id").asText()).isEqualTo("shop-a");
        assertThat(added.path("shop_credentials_present").asBoolean()).isFalse();
        assertThat(list.path("stores")).hasSize(1);
        assertThat(list.path("stores").get(0).path("status").asText()).isEqualTo(added.path("status").asText());
        assertThat(show.path("id").asText()).isEqualTo("shop-a");
        assertThat(show.path("last_runs").isArray()).isTrue();
        assertThat(runs.path("runs").isArray()).isTrue();
        assertThat(runs.path("runs")).isEmpty();
        assertThat(letters.path("dead_letters").isArray()).isTrue();
    }

    @Test
    void storesRemove_asksToTypeTheId_withoutItKeepsTheStoreAndExits1_withYesRemovesIt() throws Exception {
        Map<String, String> env = env();
        run(env, "", "stores", "add", "shop-a", "--url", "https://shop.example");
        run(env, "", "stores", "add", "shop-b", "--url", "https://shop.example");

        int refused = run(env, "no\n", "stores", "remove", "shop-a");
        String refusedErr = err.toString();
        int confirmed = run(env, "shop-a\n", "stores", "remove", "shop-a");
        int yes = run(env, "", "stores", "remove", "--yes", "shop-b");
        int unknown = run(env, "", "stores", "remove", "--yes", "shop-c");
        JsonNode left = json(run(env, "", "stores", "list", "--json"));

        assertThat(refused).isEqualTo(ExitCodes.FAILURE);
        assertThat(refusedErr).contains("Type the store's id to confirm").contains("was not removed");
        assertThat(confirmed).isEqualTo(ExitCodes.OK);
        assertThat(yes).isEqualTo(ExitCodes.OK);
        assertThat(unknown).isEqualTo(ExitCodes.USAGE);
        assertThat(left.path("stores")).isEmpty();
    }

    @Test
    void runs_aLimitOutOfRangeOrAnUnknownKind_exits2() {
        Map<String, String> env = env();
        run(env, "", "stores", "add", "shop-a", "--url", "https://shop.example");

        assertThat(run(env, "", "runs", "shop-a", "--limit", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(env, "", "runs", "shop-a", "--kind", "weekly")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(env, "", "runs", "nope")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void help_theNewCommands_printUsageAndSucceed() {
        assertThat(run(Map.of(), "", "runs", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: golisto-sync runs").contains("--json").contains("--since");
        assertThat(run(Map.of(), "", "stores", "remove", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: golisto-sync stores remove").contains("--yes");
        assertThat(run(Map.of(), "", "--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:").contains("--json");
    }

    /** The exit code must be 0 and standard output one JSON document. */
    private JsonNode json(int code) throws Exception {
        assertThat(code).as(err.toString()).isZero();
        return MAPPER.readTree(out.toString());
    }

    private Map<String, String> env() {
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return Map.of("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString(),
                    "GOLISTO_SYNC_SERVER_PORT", Integer.toString(free.getLocalPort()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs a command line with fresh output and the given standard input. */
    private int run(Map<String, String> env, String input, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        return Cli.of(env, new BufferedReader(new StringReader(input)), new PrintWriter(out, true),
                new PrintWriter(err, true)).run(all.toArray(String[]::new));
    }
}
