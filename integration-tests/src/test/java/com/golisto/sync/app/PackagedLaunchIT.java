package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launches the packaged runner for real: its installation (app-standalone's jar and {@code target/lib}) on the
 * module path, {@code -m com.golisto.sync.app}, with the JDK running the tests; and the demo launch as
 * {@code bin/run} starts it (app-demo's jar and {@code target/lib}, which add the demo and the emulators). The test
 * module path differs from the real one (modules nobody requires land on the class path), so green tests alone
 * do not prove the launch works. Every launch gets a free port from the OS: nothing depends on 8080.
 */
class PackagedLaunchIT {
    @TempDir
    Path dir;

    /** The runner's port in every launch of a test, from the OS. */
    private int port;

    @BeforeEach
    void freePort() throws IOException {
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
    }

    @Test
    void help_onTheModulePath_printsUsage() throws Exception {
        Result r = launch("--help");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Usage: golisto-sync").contains("demo").contains("serve").contains("dead-letters");
    }

    @Test
    void demo_onTheRunnersInstallation_saysItIsNotInstalledAndExits1() throws Exception {
        Result r = launch("demo", "--products", "12");

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("not part of this installation").contains("bin/run");
        assertThat(r.out()).doesNotContain("Emulators up");
    }

    @Test
    void storesAdd_onTheModulePath_opensTheEngineWithEveryModule() throws Exception {
        Result add = launch("stores", "add", "launch-shop", "--url", "https://shop.example",
                "--consumer-key", "ck_0123456789abcdef0123456789abcdef01234567",
                "--consumer-secret=cs_0123456789abcdef0123456789abcdef01234567");
        java.io.StringWriter out = new java.io.StringWriter();
        int listed = com.golisto.sync.app.cli.Cli.of(java.util.Map.of("GOLISTO_SYNC_STATE_DATA_DIR",
                dir.resolve("data").toString(), "GOLISTO_SYNC_SERVER_PORT", Integer.toString(port)), new java.io.PrintWriter(out, true), new java.io.PrintWriter(
                new java.io.StringWriter(), true)).run("stores", "list");

        assertThat(add.code()).as(add.toString()).isZero();
        assertThat(add.out()).contains("Store launch-shop registered").contains("Generated an admin token");
        assertThat(add.out() + add.err()).doesNotContain("cs_0123456789abcdef");
        assertThat(listed).isZero();
        assertThat(out.toString()).contains("launch-shop").contains("disconnected").doesNotContain("Generated an admin token");
    }

    @Test
    void demo_asBinRunLaunchesIt_tellsTheWholeStory() throws Exception {
        Result r = launch(demoLaunch(), List.of("demo", "--products", "12"));

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Merchant linked").contains("Full sync succeeded").contains("became WooCommerce order")
                .contains("Summary: 12 products");
    }

    @Test
    void serve_onTheModulePath_answersAndTheCliGoesThroughItsAdminApi() throws Exception {
        Path stdout = dir.resolve("serve.out");
        Path stderr = dir.resolve("serve.err");
        Process serve = process(List.of("serve"), java.util.Map.of("GOLISTO_SYNC_SERVER_PORT", Integer.toString(port)))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(stdout).contains("is serving on")) {
                assertThat(serve.isAlive()).as("serve exited early: %s", Files.readString(stderr)).isTrue();
                assertThat(System.nanoTime()).as("serve did not start within 60 s").isLessThan(deadline);
                Thread.sleep(100);
            }
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            java.util.Map<String, String> env = java.util.Map.of("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString(),
                    "GOLISTO_SYNC_SERVER_PORT", Integer.toString(port));
            com.golisto.sync.app.cli.Cli cli = com.golisto.sync.app.cli.Cli.of(env, new java.io.PrintWriter(out, true),
                    new java.io.PrintWriter(err, true));

            int added = cli.run("stores", "add", "served-shop", "--url", "https://shop.example");
            int listed = cli.run("stores", "list");
            int unknown = cli.run("stores", "show", "nope");

            assertThat(added).as(err.toString()).isZero();
            assertThat(listed).isZero();
            assertThat(unknown).isEqualTo(2);
            assertThat(err.toString()).contains("in use by a serving runner; going through its admin API at http://127.0.0.1:"
                    + port);
            assertThat(out.toString()).contains("Store served-shop registered").contains("served-shop  disconnected");
            assertThat(Files.readString(stdout)).contains("Generated an admin token");
            assertThat(Files.readString(stderr)).contains("store=served-shop").contains("event=store_registered via=api");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(stderr)).contains("event=runner_stopped");
    }

    @Test
    void badConfiguration_onTheModulePath_exits2() throws Exception {
        Result r = launch("stores", "list", "--config", dir.resolve("missing.yaml").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("config: file").contains("does not exist");
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        return launch(process(List.of(args), java.util.Map.of()), List.of(args));
    }

    private Result launch(ProcessBuilder launch, List<String> args) throws IOException, InterruptedException {
        Path stdout = dir.resolve("stdout-" + System.nanoTime());
        Path stderr = dir.resolve("stderr-" + System.nanoTime());
        Process p = launch.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the runner did not exit within 120 s: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** {@code bin/run demo --products 12}: app-demo's jar and lib/ (the runner, its libraries, the sandbox). */
    private ProcessBuilder demoLaunch() throws IOException {
        return process(Path.of(System.getProperty("gs.demo.jar")), Path.of(System.getProperty("gs.demo.lib")),
                List.of("demo", "--products", "12"), java.util.Map.of());
    }

    /** The runner's installation: app-standalone's jar and lib/. */
    private ProcessBuilder process(List<String> args, java.util.Map<String, String> extraEnv) throws IOException {
        return process(Path.of(System.getProperty("gs.app.jar")), Path.of(System.getProperty("gs.app.lib")), args,
                extraEnv);
    }

    private ProcessBuilder process(Path jar, Path lib, List<String> args, java.util.Map<String, String> extraEnv)
            throws IOException {
        assertThat(jar).as("the packaged jar (built before the tests)").exists();
        List<String> command = ChildJvm.runnerCommand();
        command.addAll(List.of("-p", jar + java.io.File.pathSeparator + lib,
                "-m", "com.golisto.sync.app"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GOLISTO_SYNC_"));
        pb.environment().put("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("GOLISTO_SYNC_SERVER_PORT", Integer.toString(port));
        pb.environment().putAll(extraEnv);
        return pb;
    }

    private record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
