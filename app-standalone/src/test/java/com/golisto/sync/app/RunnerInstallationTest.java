package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's installation, as this module packages it (its jar and {@code target/lib}, what {@code java -p
 * app.jar:lib -m com.golisto.sync.app} runs), holds no emulator code: no sandbox jar, no sandbox or demo module,
 * no class of the sandbox's packages and no {@code *Emulator} class in any jar. The demo and the emulators come
 * only with the demo launch (app-demo, {@code bin/run}).
 */
class RunnerInstallationTest {
    private static final String SANDBOX_MODULE = "com.golisto.sync.sandbox";
    private static final String DEMO_MODULE = "com.golisto.sync.demo";

    @Test
    void packagedLib_holdsTheRunnersModules_andNoEmulatorCode() throws IOException {
        Path jar = Path.of(System.getProperty("gs.app.jar"));
        Path lib = Path.of(System.getProperty("gs.app.lib"));
        assertThat(jar).as("the packaged jar (built before the tests)").isRegularFile();
        assertThat(lib).as("the packaged lib/ (copied before the tests)").isDirectory();
        List<String> modules = ModuleFinder.of(jar, lib).findAll().stream().map(r -> r.descriptor().name()).toList();

        assertThat(modules).as("what the installation runs").contains("com.golisto.sync.app", "com.golisto.sync.core",
                "com.golisto.sync.connector.woocommerce", "com.golisto.sync.connector.golisto");
        assertThat(modules).doesNotContain(SANDBOX_MODULE, DEMO_MODULE);
        assertThat(emulatorCode(jar, lib)).isEmpty();
    }

    @Test
    void emulatorCode_findsASandboxJar_anEmulatorClass_andASandboxPackage(@TempDir Path lib) throws IOException {
        jar(lib.resolve("sandbox-0.1.0-SNAPSHOT.jar"), "module-info.class");
        jar(lib.resolve("tools.jar"), "org/example/FakeShopEmulator.class", "org/example/Fine.class");
        jar(lib.resolve("repackaged.jar"), "com/golisto/sync/sandbox/http/EmulatorServer.class");
        Path app = lib.resolve("app.jar");
        jar(app, "com/golisto/sync/app/Main.class");

        assertThat(emulatorCode(app, lib)).containsExactlyInAnyOrder(
                "repackaged.jar: com/golisto/sync/sandbox/http/EmulatorServer.class",
                "sandbox-0.1.0-SNAPSHOT.jar: the sandbox jar",
                "tools.jar: org/example/FakeShopEmulator.class");
    }

    /** Every jar named for the sandbox or the demo, and every emulator class, in the runner's jar and lib/. */
    private static List<String> emulatorCode(Path appJar, Path lib) throws IOException {
        List<Path> jars = new ArrayList<>();
        jars.add(appJar);
        try (Stream<Path> files = Files.list(lib)) {
            files.filter(f -> f.toString().endsWith(".jar") && !f.equals(appJar)).sorted().forEach(jars::add);
        }
        List<String> found = new ArrayList<>();
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            if (name.startsWith("sandbox-") || name.startsWith("app-demo-")) {
                found.add(name + ": the " + (name.startsWith("sandbox-") ? "sandbox" : "demo") + " jar");
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                file.stream().map(JarEntry::getName)
                        .filter(e -> e.startsWith("com/golisto/sync/sandbox/") || e.startsWith("com/golisto/sync/demo/")
                                || e.endsWith("Emulator.class"))
                        .forEach(e -> found.add(name + ": " + e));
            }
        }
        return found;
    }

    private static void jar(Path file, String... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (String entry : entries) {
                jar.putNextEntry(new JarEntry(entry));
                jar.write(new byte[] {0});
                jar.closeEntry();
            }
        }
    }
}
