package com.golisto.sync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest
    @ValueSource(strings = {"", "demo", "serve", "stores", "stores add", "stores list", "stores show", "connect",
            "status", "sync", "disconnect", "dead-letters", "dead-letters list", "dead-letters replay", "admin-token",
            "admin-token rotate", "master-key", "master-key rotate", "bench", "explain"})
    void help_everyCommand_printsUsageAndSucceeds(String command) {
        List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        int code = run(Map.of(), args.toArray(String[]::new));

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("Usage: golisto-sync" + (command.isEmpty() ? "" : " " + command));
    }

    @Test
    void noCommand_printsUsageAndExits2() {
        assertThat(run(Map.of())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Usage: golisto-sync").contains("Commands:").contains("demo")
                .contains("dead-letters");
    }

    @Test
    void unknownCommandOrOption_exits2() {
        assertThat(run(Map.of(), "frobnicate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unmatched argument").contains("frobnicate");
        assertThat(run(Map.of(), "stores", "list", "--colour")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void sync_withoutOrWithBothModes_exits2() {
        assertThat(run(Map.of(), "sync", "my-shop")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--full").contains("--incremental");
        assertThat(run(Map.of(), "sync", "my-shop", "--full", "--incremental")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(Map.of(), "sync", "--full")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void syncDryRun_withIncremental_exits2BeforeTouchingState() {
        Map<String, String> env = dataDir();

        assertThat(run(env, "sync", "my-shop", "--incremental", "--dry-run")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--dry-run is for full passes only");
        assertThat(run(env, "sync", "my-shop", "--dry-run", "--incremental", "--json")).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void explain_withoutAProduct_exits2() {
        assertThat(run(Map.of(), "explain", "my-shop")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("PRODUCT");
    }

    @Test
    void storesAdd_badIdOrUrlOrHalfAKeyPair_exits2BeforeTouchingState() {
        Map<String, String> env = dataDir();
        assertThat(run(env, "stores", "add", "Bad Id", "--url", "https://shop.example")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(env, "stores", "add", "shop", "--url", "ftp://shop.example")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(env, "stores", "add", "shop", "--url", "https://shop.example", "--consumer-key", "ck_1"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("lower-case letters").contains("http or https")
                .contains("go together");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void badConfiguration_listsEveryProblemAndExits2() throws Exception {
        Path config = dir.resolve("sync.yaml");
        Files.writeString(config, "server: { port: -1 }\nsync: { incremental-interval: often }\n");
        Map<String, String> env = new HashMap<>(dataDirOnly());
        env.put("GOLISTO_SYNC_GOLISTO_API_URL", "golisto");

        int code = run(env, "stores", "list", "--config", config.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("invalid configuration (3 problems):")
                .contains("server.port:").contains("sync.incremental-interval:")
                .contains("golisto.api-url: \"golisto\" (from GOLISTO_SYNC_GOLISTO_API_URL)")
                .contains("docs/configuration.md");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void badStoreSettings_areCheckedAgainstTheWooCommerceConnectorAndListedByKey() throws Exception {
        Path config = dir.resolve("stores.yaml");
        Files.writeString(config, """
                stores:
                  - id: my-shop
                    woocommerce: { url: "https://shop.example", max-concurrency: lots, colour: blue }
                """);

        int code = run(dataDir(), "stores", "list", "--config", config.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("stores[0].woocommerce.max-concurrency:")
                .contains("stores[0].woocommerce.colour:");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void configOption_isAcceptedBeforeTheCommandToo() throws Exception {
        Path config = dir.resolve("sync.yaml");
        Files.writeString(config, "server: { port: 123456 }\n");

        int code = run(dataDirOnly(), "--config", config.toString(), "stores", "list");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("server.port:");
    }

    @Test
    void configOption_onTheGroupCommand_isHonouredByItsSubcommand() throws Exception {
        Path config = dir.resolve("sync.yaml");
        Files.writeString(config, "server: { port: 123456 }\n");

        int code = run(dataDirOnly(), "stores", "--config", config.toString(), "list");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("server.port:");
    }

    @Test
    void adminTokenRotate_printsTheNewTokenOnce() throws Exception {
        Map<String, String> env = dataDir();

        int code = run(env, "admin-token", "rotate");

        assertThat(code).isZero();
        String token = Files.readString(dir.resolve("data/admin.token")).trim();
        assertThat(out.toString()).contains(token).contains("Restart a serving runner");
    }

    @Test
    void adminTokenRotate_tokenFromConfiguration_failsWithExit1() {
        Map<String, String> env = new HashMap<>(dataDir());
        env.put("GOLISTO_SYNC_SERVER_ADMIN_TOKEN", "configured-token-0123456789abc");

        assertThat(run(env, "admin-token", "rotate")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("change it there").doesNotContain("configured-token-0123456789abc");
    }

    @Test
    void bench_withoutTheBenchmarksModule_saysHowToRunItAndExits1() {
        assertThat(run(Map.of(), "bench")).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).contains("benchmarks module").contains("docs/performance.md");
    }

    @Test
    void demo_withoutTheDemoModule_saysHowToRunItAndExits1() {
        assertThat(run(Map.of(), "demo")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("not part of this installation").contains("app-demo").contains("bin/run");
        assertThat(out.toString()).doesNotContain("Emulators up");
    }

    @Test
    void storesAdd_anotherHttpServerOnTheConfiguredPort_isNotTakenForAServingRunner() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = Thread.ofVirtual().start(() -> answerOk(other));
            Map<String, String> env = Map.of("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString(),
                    "GOLISTO_SYNC_SERVER_PORT", Integer.toString(other.getLocalPort()));

            int code = run(env, "stores", "add", "shop", "--url", "https://shop.example");

            assertThat(code).as(err.toString()).isZero();
            assertThat(err.toString()).doesNotContain("serving runner");
            assertThat(out.toString()).contains("Store shop registered");
            other.close();
            answering.join();
        }
    }

    @Test
    void masterKeyRotate_configDeclaringAStoreWithKeys_reencryptsAndExits0() throws Exception {
        Path config = dir.resolve("stores.yaml");
        Files.writeString(config, """
                stores:
                  - id: my-shop
                    woocommerce:
                      url: "https://shop.example"
                      consumer-key: "ck_0123456789abcdef0123456789abcdef01234567"
                      consumer-secret: "cs_0123456789abcdef0123456789abcdef01234567"
                """);
        Map<String, String> env = dataDir();
        assertThat(run(env, "stores", "list", "--config", config.toString())).as(err.toString()).isZero();
        String oldKey = Files.readString(dir.resolve("data/master.key")).strip();

        int rotated = run(env, "master-key", "rotate", "--config", config.toString());
        int listed = run(env, "stores", "show", "my-shop", "--config", config.toString());

        assertThat(rotated).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("Re-encrypted [1-9]\\d* stored secrets? under a new master key");
        assertThat(Files.readString(dir.resolve("data/master.key.previous")).strip()).isEqualTo(oldKey);
        assertThat(listed).as(err.toString()).isZero();
        assertThat(out.toString() + err.toString()).doesNotContain("cs_0123456789abcdef");
    }

    @Test
    void storesList_noRunnerFile_saysNoRunnerIsServingAndWorksLocally() {
        Map<String, String> env = dataDir();

        int code = run(env, "stores", "list");

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("No runner is serving the data folder").doesNotContain("going through");
    }

    @Test
    void storesList_runnerFileNamingAServerWithAnotherInstanceId_sendsItNoTokenAndWorksLocally() throws Exception {
        try (ServerSocket impostor = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> requests = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Thread answering = Thread.ofVirtual().start(() -> answerAsRunner(impostor, "another-instance", requests));
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("data/runner.json"), "{\"url\":\"http://127.0.0.1:" + impostor.getLocalPort()
                    + "\",\"instanceId\":\"the-runners-instance\",\"pid\":" + ProcessHandle.current().pid() + "}\n");
            Map<String, String> env = new HashMap<>(dataDirOnly());
            env.put("GOLISTO_SYNC_SERVER_ADMIN_TOKEN", "configured-token-0123456789abc");
            env.put("GOLISTO_SYNC_SERVER_PORT", Integer.toString(impostor.getLocalPort()));

            int code = run(env, "stores", "list");
            impostor.close();
            answering.join();

            assertThat(code).as(err.toString()).isZero();
            assertThat(err.toString()).contains("No runner is serving the data folder");
            assertThat(requests).as("the impostor was asked for its health, nothing else").isNotEmpty()
                    .allSatisfy(r -> assertThat(r).startsWith("GET /healthz ").doesNotContainIgnoringCase("authorization")
                            .doesNotContain("configured-token-0123456789abc"));
        }
    }

    @Test
    void storesList_createsTheDataFolderAndItsSecretsOwnerOnly() throws Exception {
        Path data = dir.resolve("data");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"),
                "the temporary folder's file system has no POSIX permissions: nothing to check");

        int code = run(dataDir(), "stores", "list");

        assertThat(code).as(err.toString()).isZero();
        assertThat(perms(data)).isEqualTo("rwx------");
        assertThat(perms(data.resolve("master.key"))).isEqualTo("rw-------");
        assertThat(perms(data.resolve("admin.token"))).isEqualTo("rw-------");
    }

    @Test
    void storesList_anExistingWideOpenDataFolder_isNarrowedToOwnerOnly() throws Exception {
        Path data = dir.resolve("data");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"),
                "the temporary folder's file system has no POSIX permissions: nothing to check");
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        int code = run(dataDir(), "stores", "list");

        assertThat(code).as(err.toString()).isZero();
        assertThat(perms(data)).isEqualTo("rwx------");
    }

    private static String perms(Path file) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    /**
     * Answers {@code /healthz} as a runner would (200, the runner's body) but with this instance id, recording each
     * request's head, until the socket closes.
     */
    private static void answerAsRunner(ServerSocket server, String instanceId, List<String> requests) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                byte[] buffer = new byte[8192];
                int n = s.getInputStream().read(buffer);
                requests.add(new String(buffer, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.US_ASCII));
                String body = "{\"status\":\"ok\",\"state_store\":\"reachable\"}";
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Golisto-Sync-Instance: "
                        + instanceId + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (java.io.IOException e) {
                // closed by the test, or a client gone: either way nothing more to answer
            }
        }
    }

    /** Answers every request 200 "ok", as a web server that is not a runner would, until the socket closes. */
    private static void answerOk(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.getInputStream().read(new byte[8192]);
                s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (java.io.IOException e) {
                // closed by the test, or a client gone: either way nothing more to answer
            }
        }
    }

    /**
     * A data folder, and a free port from the OS (a command first asks that port whether a runner serves there),
     * so that no test depends on what listens on 8080.
     */
    private Map<String, String> dataDir() {
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return Map.of("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString(),
                    "GOLISTO_SYNC_SERVER_PORT", Integer.toString(free.getLocalPort()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Only the data folder: for a configuration file whose own server port is under test. */
    private Map<String, String> dataDirOnly() {
        return Map.of("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString());
    }

    private int run(Map<String, String> env, String... args) {
        return Cli.of(env, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    }
}
