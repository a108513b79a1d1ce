package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launches the packaged runner for real, as {@code bin/run} does: the jar and {@code target/lib} on the
 * module path, {@code -m com.golisto.sync.app}, with the JDK running the tests. Surefire's test module
 * path differs from the real one (modules nobody requires land on the class path), so green tests alone
 * do not prove the launch works.
 */
class PackagedLaunchTest {
    @TempDir
    Path dir;

    @Test
    void help_onTheModulePath_printsUsage() throws Exception {
        Result r = launch("--help");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Usage: golisto-sync").contains("serve").contains("dead-letters");
    }

    @Test
    void storesAddAndList_onTheModulePath_openTheEngineWithEveryModule() throws Exception {
        Result add = launch("stores", "add", "launch-shop", "--url", "https://shop.example",
                "--consumer-key", "ck_0123456789abcdef0123456789abcdef01234567",
                "--consumer-secret=cs_0123456789abcdef0123456789abcdef01234567");
        Result list = launch("stores", "list");

        assertThat(add.code()).as(add.toString()).isZero();
        assertThat(add.out()).contains("Store launch-shop registered").contains("Generated an admin token");
        assertThat(add.out() + add.err()).doesNotContain("cs_0123456789abcdef");
        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.out()).contains("launch-shop").contains("disconnected").doesNotContain("Generated an admin token");
    }

    @Test
    void demo_onTheModulePath_tellsTheWholeStory() throws Exception {
        Result r = launch("demo", "--products", "12");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Merchant linked").contains("Full sync succeeded").contains("became WooCommerce order")
                .contains("Summary: 12 products");
    }

    @Test
    void badConfiguration_onTheModulePath_exits2() throws Exception {
        Result r = launch("stores", "list", "--config", dir.resolve("missing.yaml").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("config: file").contains("does not exist");
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("gs.app.jar"));
        Path lib = Path.of(System.getProperty("gs.app.lib"));
        assertThat(jar).as("the packaged jar (built before the tests)").exists();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=org.jline.nativ",
                "-Dguice_bytecode_gen_option=DISABLED", "-p", jar + java.io.File.pathSeparator + lib,
                "-m", "com.golisto.sync.app"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GOLISTO_SYNC_"));
        pb.environment().put("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString());
        Path stdout = dir.resolve("stdout-" + System.nanoTime());
        Path stderr = dir.resolve("stderr-" + System.nanoTime());
        Process p = pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the runner did not exit within 120 s: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
