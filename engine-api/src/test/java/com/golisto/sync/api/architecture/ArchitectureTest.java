package com.golisto.sync.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enforces the dependency direction of the whole repository. It lives in engine-api because that module
 * is built first, so a broken rule stops the build before anything else is compiled.
 */
class ArchitectureTest {

    /** Surefire runs with the module folder as working directory; the repository is its parent. */
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @Test
    void repository_followsEveryDependencyRule() {
        assertThat(REPO.resolve("engine-api/src/main/java/module-info.java")).as("repository root").exists();
        assertThat(ArchitectureRules.violations(REPO)).isEmpty();
    }

    @Test
    void rules_catchAnApiModuleThatRequiresALibrary(@TempDir Path root) throws IOException {
        writeCleanTree(root);
        write(root, "engine-api", "module com.golisto.sync.api { requires com.fasterxml.jackson.databind; }");
        assertThat(ArchitectureRules.violations(root))
                .containsExactly("engine-api requires com.fasterxml.jackson.databind: engine-api depends on nothing but the JDK");
    }

    @Test
    void rules_catchAnApiModuleThatRequiresAnAnnotationLibrary_evenAtCompileTimeOnly(@TempDir Path root)
            throws IOException {
        writeCleanTree(root);
        write(root, "engine-api", "module com.golisto.sync.api { requires static transitive org.jspecify; }");
        assertThat(ArchitectureRules.violations(root))
                .containsExactly("engine-api requires org.jspecify: engine-api depends on nothing but the JDK");
    }

    @Test
    void rules_catchAnApiModuleThatRequiresAJdkInternalModule(@TempDir Path root) throws IOException {
        writeCleanTree(root);
        write(root, "engine-api", "module com.golisto.sync.api { requires jdk.httpserver; }");
        assertThat(ArchitectureRules.violations(root))
                .containsExactly("engine-api requires jdk.httpserver: engine-api depends on nothing but the JDK");
    }

    @Test
    void rules_catchAnApiSourceThatImportsJSpecify(@TempDir Path root) throws IOException {
        writeCleanTree(root);
        Path source = root.resolve("engine-api/src/main/java/com/golisto/sync/api/model/Sku.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package com.golisto.sync.api.model;\nimport org.jspecify.annotations.Nullable;\n"
                + "record Sku(@Nullable String value) {}\n");
        assertThat(ArchitectureRules.violations(root)).singleElement().asString()
                .contains("imports org.jspecify.annotations.Nullable: engine-api depends on nothing but the JDK");
    }

    @Test
    void rules_catchAConnectorThatRequiresTheEngine(@TempDir Path root) throws IOException {
        writeCleanTree(root);
        write(root, "connector-golisto", "module c.g { requires com.golisto.sync.api; requires com.golisto.sync.core; }");
        assertThat(ArchitectureRules.violations(root)).singleElement().asString()
                .startsWith("connector-golisto requires com.golisto.sync.core");
    }

    @Test
    void rules_catchAnEngineThatNamesAConnector_inModuleInfoOrImports(@TempDir Path root) throws IOException {
        writeCleanTree(root);
        write(root, "engine-core", "module com.golisto.sync.core { requires com.golisto.sync.connector.woocommerce; }");
        Path source = root.resolve("engine-core/src/main/java/com/golisto/sync/core/Engine.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package com.golisto.sync.core;\nimport com.golisto.sync.connector.woocommerce.X;\nclass Engine {}\n");
        assertThat(ArchitectureRules.violations(root)).hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("engine-core requires com.golisto.sync.connector.woocommerce"))
                .anySatisfy(v -> assertThat(v).contains("imports com.golisto.sync.connector.woocommerce.X"));
    }

    @Test
    void rules_catchGuiceOutsideTheRunner_andOpenOrMissingModules(@TempDir Path root) throws IOException {
        writeCleanTree(root);
        write(root, "engine-core", "open module com.golisto.sync.core { requires com.google.guice; }");
        Files.delete(root.resolve("sandbox/src/main/java/module-info.java"));
        assertThat(ArchitectureRules.violations(root)).containsExactlyInAnyOrder(
                "engine-core is an open module: open single packages to the modules that need them",
                "engine-core requires com.google.guice: Guice lives in app-standalone only",
                "sandbox has no module-info.java: every module is a named JPMS module");
    }

    @Test
    void rules_acceptGuiceInTheRunner(@TempDir Path root) throws IOException {
        writeCleanTree(root);
        write(root, "app-standalone", "module com.golisto.sync.app { requires com.google.guice; requires com.golisto.sync.core; }");
        assertThat(ArchitectureRules.violations(root)).isEmpty();
    }

    @Test
    void rules_catchTheRunnerRequiringOrImportingTheSandbox(@TempDir Path root) throws IOException {
        writeCleanTree(root);
        write(root, "app-standalone", "module com.golisto.sync.app { requires com.golisto.sync.sandbox; }");
        Path source = root.resolve("app-standalone/src/main/java/com/golisto/sync/app/Demo.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package com.golisto.sync.app;\nimport com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;\nclass Demo {}\n");
        assertThat(ArchitectureRules.violations(root)).hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("app-standalone requires com.golisto.sync.sandbox: app-standalone may depend on"))
                .anySatisfy(v -> assertThat(v).contains("imports com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator")
                        .contains("no emulator code"));
    }

    @Test
    void rules_acceptTheDemoRequiringTheRunnerAndTheSandbox(@TempDir Path root) throws IOException {
        writeCleanTree(root);
        write(root, "app-demo", "module com.golisto.sync.demo { requires com.golisto.sync.app; requires com.golisto.sync.sandbox; }");
        assertThat(ArchitectureRules.violations(root)).isEmpty();
    }

    @Test
    void rules_catchAnEngineTestThatUsesAConnectorOrTheEmulators(@TempDir Path root) throws IOException {
        writeCleanTree(root);
        Path test = root.resolve("engine-core/src/test/java/com/golisto/sync/core/EngineTest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, "package com.golisto.sync.core;\nimport com.golisto.sync.core.testing.FakeShop;\n"
                + "import com.golisto.sync.sandbox.http.MutableClock;\nclass EngineTest {}\n");
        assertThat(ArchitectureRules.violations(root)).singleElement().asString()
                .contains("imports com.golisto.sync.sandbox.http.MutableClock")
                .contains("engine-core is tested alone");
    }

    @Test
    void rules_catchMainCodeInTheIntegrationTests(@TempDir Path root) throws IOException {
        writeCleanTree(root);
        Files.createDirectories(root.resolve("integration-tests/src/main/java"));
        assertThat(ArchitectureRules.violations(root))
                .containsExactly("integration-tests has src/main: it is test code only (*IT classes under src/test)");
    }

    private static void writeCleanTree(Path root) throws IOException {
        for (String module : ArchitectureRules.MODULES) {
            write(root, module, "module m." + module.replace('-', '.') + " { requires java.net.http; }");
        }
    }

    private static void write(Path root, String module, String moduleInfo) throws IOException {
        Path file = root.resolve(module).resolve("src/main/java/module-info.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "// a comment naming com.google.guice must not count\n" + moduleInfo + "\n");
    }
}
