package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log level and format reach a launched runner: through the environment ({@code GOLISTO_SYNC_LOG_LEVEL},
 * {@code GOLISTO_SYNC_LOG_FORMAT}), the configuration file ({@code log.level}, {@code log.format}) and the
 * installation's launcher ({@code bin/golisto-sync} with {@code JAVA_OPTS=-Dgolisto.log.level=...}). The probe is
 * the INFO line {@code event=store_registered} that opening a runner writes for each store the file declares;
 * commands other than {@code serve} log only WARN and up unless told otherwise.
 */
class LogSettingsLaunchIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void configFile() throws IOException {
        config = Files.writeString(dir.resolve("sync.yaml"), """
                stores:
                  - id: log-shop
                    woocommerce:
                      url: https://shop.example
                """);
    }

    @Test
    void noLevelGiven_aCommandLogsWarningsOnly() throws Exception {
        Result r = launch(javaCommand(), Map.of(), "stores", "list", "--config", config.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("event=store_registered");
    }

    @Test
    void levelVariable_takesEffectInTheLaunchedProcess() throws Exception {
        Result r = launch(javaCommand(), Map.of("GOLISTO_SYNC_LOG_LEVEL", "INFO"),
                "stores", "list", "--config", config.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("level=INFO store=log-shop").contains("event=store_registered via=config");
    }

    @Test
    void launcherWithJavaOpts_setsTheLevel_andTheFormatVariableWritesJsonLines() throws Exception {
        Result r = launch(launcher(), Map.of("JAVA_OPTS", "-Dgolisto.log.level=INFO",
                "GOLISTO_SYNC_LOG_FORMAT", "json"), "stores", "list", "--config", config.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode registered = onlyJsonLines(r.err()).stream()
                .filter(line -> "store_registered".equals(line.path("event").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no store_registered line: " + r));
        assertThat(registered.get("level").asText()).isEqualTo("INFO");
        assertThat(registered.get("store").asText()).isEqualTo("log-shop");
        assertThat(registered.get("message").asText()).startsWith("event=store_registered via=config");
        assertThat(registered.get("time").asText()).endsWith("Z");
    }

    @Test
    void configurationKeys_setLevelAndFormat() throws Exception {
        Files.writeString(config, "log:\n  level: info\n  format: json\n", java.nio.file.StandardOpenOption.APPEND);

        Result r = launch(javaCommand(), Map.of(), "stores", "list", "--config", config.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(onlyJsonLines(r.err())).anySatisfy(line -> {
            assertThat(line.get("event").asText()).isEqualTo("store_registered");
            assertThat(line.get("store").asText()).isEqualTo("log-shop");
        });
    }

    /**
     * The log lines of standard error, each parsed as one JSON object; fails when a log line is still text. (The
     * commands' own sentences, such as the admin-token notice, are not log lines.)
     */
    private static List<JsonNode> onlyJsonLines(String err) throws IOException {
        assertThat(err.lines()).noneMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT\\S+ level=.*"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : err.lines().filter(l -> l.startsWith("{")).toList()) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as("not a JSON object: %s", line).isTrue();
            lines.add(node);
        }
        assertThat(lines).isNotEmpty();
        return lines;
    }

    /** The runner's installation started directly: {@code java -p jar:lib -m com.golisto.sync.app}. */
    private static List<String> javaCommand() {
        List<String> command = ChildJvm.runnerCommand();
        command.addAll(List.of("-p", System.getProperty("gs.app.jar") + java.io.File.pathSeparator
                + System.getProperty("gs.app.lib"), "-m", "com.golisto.sync.app"));
        return command;
    }

    /** The archive's launcher, {@code bin/golisto-sync}, in an installation laid out as the archive unpacks. */
    private List<String> launcher() throws IOException {
        Path home = dir.resolve("golisto-sync");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path lib = Files.createDirectories(home.resolve("lib"));
        Path script = Files.copy(Path.of(System.getProperty("gs.repo.root"), "app-standalone", "src", "assembly",
                "golisto-sync"), bin.resolve("golisto-sync"));
        assertThat(script.toFile().setExecutable(true)).isTrue();
        Path jar = Path.of(System.getProperty("gs.app.jar"));
        Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar);
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("gs.app.lib")))) {
            for (Path j : jars.toList()) {
                Files.createSymbolicLink(lib.resolve(j.getFileName()), j);
            }
        }
        return new ArrayList<>(List.of("sh", script.toString()));
    }

    private Result launch(List<String> command, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(all).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GOLISTO_SYNC_") || k.equals("JAVA_OPTS"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString());
        pb.environment().putAll(env);
        Path stdout = dir.resolve("stdout-" + System.nanoTime());
        Path stderr = dir.resolve("stderr-" + System.nanoTime());
        Process p = pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the runner did not exit within 120 s: " + all);
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
