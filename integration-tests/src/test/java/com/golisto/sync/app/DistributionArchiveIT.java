package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as operations installs it (docs/operations.md): app-standalone's
 * {@code golisto-sync-<version>.tar.gz}, unpacked with {@code tar} into a temporary folder and started through its
 * own {@code bin/golisto-sync}. Also the launchers' JDK detection against a stand-in {@code java} that claims to be a
 * JDK 21 and, like one, refuses {@code --sun-misc-unsafe-memory-access} (a JDK 23 option).
 */
class DistributionArchiveIT {

    @TempDir
    static Path unpacked;

    @TempDir
    Path dir;

    private static String version;
    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        // the archive lies beside the runner's jar: <app-standalone>/<target>/golisto-sync-<version>.tar.gz
        Path jar = Path.of(System.getProperty("gs.app.jar"));
        String name = jar.getFileName().toString();
        version = name.substring("app-standalone-".length(), name.length() - ".jar".length());
        Path archive = jar.resolveSibling("golisto-sync-" + version + ".tar.gz");
        assertThat(archive).as("the distribution archive (built by app-standalone's package phase)").exists();
        Result untar = run(new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString()));
        assertThat(untar.code()).as(untar.toString()).isZero();
        home = unpacked.resolve("golisto-sync-" + version);
    }

    @Test
    void archive_holdsTheLauncherTheRunnerItsLibrariesAndTheExampleConfig() throws IOException {
        Path launcher = home.resolve("bin/golisto-sync");

        assertThat(launcher).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(launcher))).startsWith("rwx");
        assertThat(jars()).extracting(p -> p.getFileName().toString())
                .contains("app-standalone-" + version + ".jar", "engine-core-" + version + ".jar",
                        "connector-woocommerce-" + version + ".jar", "connector-golisto-" + version + ".jar")
                .anyMatch(n -> n.startsWith("guice-")).anyMatch(n -> n.startsWith("logback-classic-"));
        assertThat(home.resolve("config/golisto-sync.example.yaml")).isRegularFile();
    }

    @Test
    void archive_holdsNoEmulatorOrDemoCode() throws IOException {
        List<String> emulatorEntries = new ArrayList<>();
        for (Path jar : jars()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                file.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith("com/golisto/sync/sandbox/") || n.startsWith("com/golisto/sync/demo/"))
                        .forEach(n -> emulatorEntries.add(jar.getFileName() + "!" + n));
            }
        }

        assertThat(jars()).extracting(p -> p.getFileName().toString())
                .noneMatch(n -> n.startsWith("sandbox-") || n.startsWith("app-demo-"));
        assertThat(emulatorEntries).isEmpty();
    }

    @Test
    void exampleConfig_isTheCompleteFileOfTheConfigurationDocs() throws IOException {
        String docs = Files.readString(Path.of(System.getProperty("gs.repo.root"), "docs", "configuration.md"));
        String section = docs.substring(docs.indexOf("## A complete file"));
        String yaml = section.substring(section.indexOf("```yaml\n") + "```yaml\n".length(), section.indexOf("\n```\n") + 1);

        assertThat(Files.readString(home.resolve("config/golisto-sync.example.yaml"))).isEqualTo(yaml);
    }

    @Test
    void help_fromTheUnpackedArchive_printsUsage() throws Exception {
        Result r = run(launcher("--help"));

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Usage: golisto-sync").contains("serve").contains("stores");
    }

    @Test
    void version_fromTheUnpackedArchive_printsTheArchivesVersion() throws Exception {
        Result r = run(launcher("--version"));

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("golisto-sync " + version).contains("Java " + Runtime.version().feature());
    }

    @Test
    void exampleConfig_loadsIntoTheRunner() throws Exception {
        Result r = run(launcher("stores", "list", "--config", home.resolve("config/golisto-sync.example.yaml").toString()));

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("invalid configuration");
    }

    @Test
    void launcher_onAJdk21_passesOnlyFlagsItAccepts() throws Exception {
        Path jdk = fakeJdk(21);

        ProcessBuilder launch = launcher("--help");
        launch.environment().put("JAVA_HOME", jdk.toString());
        Result r = run(launch);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("fake-java ").contains("-XX:+ExitOnOutOfMemoryError")
                .contains("-p " + home.resolve("lib")).contains("-m com.golisto.sync.app --help")
                .doesNotContain("--sun-misc-unsafe-memory-access");
    }

    @Test
    void launcher_onAJdk25_silencesUnsafeWarnings() throws Exception {
        Path jdk = fakeJdk(25);

        ProcessBuilder launch = launcher("version");
        launch.environment().put("JAVA_HOME", jdk.toString());
        Result r = run(launch);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("--sun-misc-unsafe-memory-access=allow").contains("-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void findJdk_major_reportsTheFeatureVersionOfTheJdkItFinds() throws Exception {
        Path jdk = fakeJdk(21);
        ProcessBuilder find = new ProcessBuilder(Path.of(System.getProperty("gs.repo.root"), "bin", "find-jdk")
                .toAbsolutePath().normalize().toString(), "--major");
        find.environment().put("JAVA_HOME", jdk.toString());

        Result r = run(find);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("21");
    }

    /**
     * A JDK home whose {@code java} (and {@code javac}) reports {@code major} and, when it is below 23, refuses
     * {@code --sun-misc-unsafe-memory-access} as a real JDK 21 does; otherwise it prints its arguments.
     */
    private Path fakeJdk(int major) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("jdk-" + major + "/bin"));
        String script = """
                #!/bin/sh
                for a in "$@"; do
                    case "$a" in
                        --sun-misc-unsafe-memory-access*)
                            [ %1$d -lt 23 ] && { echo "Unrecognized option: $a" >&2; exit 1; } ;;
                        -XshowSettings:properties)
                            echo "    java.specification.version = %1$d" >&2; exit 0 ;;
                    esac
                done
                echo "fake-java $*"
                """.formatted(major);
        for (String tool : List.of("java", "javac")) {
            Path file = bin.resolve(tool);
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin.getParent();
    }

    /** bin/golisto-sync with the JDK running this test, in a clean environment, from a scratch working folder. */
    private ProcessBuilder launcher(String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/golisto-sync").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GOLISTO_SYNC_") || k.equals("JAVA_OPTS"));
        env.put("JAVA_HOME", Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent()
                .toString());
        env.put("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString());
        return pb;
    }

    private static List<Path> jars() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Result run(ProcessBuilder launch) throws IOException, InterruptedException {
        Path out = Files.createTempFile(unpacked, "out", ".txt");
        Path err = Files.createTempFile(unpacked, "err", ".txt");
        Process p = launch.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not exit within 120 s: " + String.join(" ", launch.command()));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
