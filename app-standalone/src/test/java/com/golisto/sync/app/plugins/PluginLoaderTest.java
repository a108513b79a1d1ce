package com.golisto.sync.app.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.spi.ConnectorProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each subfolder of the plugins folder is one plugin in its own module layer; a plugin that cannot be used is
 * reported with its reason and the others are loaded.
 */
class PluginLoaderTest {
    @TempDir
    static Path work;

    private static Path libJar;

    @TempDir
    Path plugins;

    @BeforeAll
    static void buildLibrary() {
        libJar = PluginJars.module(work, work.resolve("lib/test-lib.jar"), Map.of(
                "module-info.java", "module test.lib { exports test.lib; }",
                "test/lib/Lib.java", "package test.lib; public final class Lib { public static String name() {"
                        + " return \"Good\"; } }"), List.of());
    }

    @Test
    void goodPlugin_isLoadedInItsOwnLayer_withItsConnectors() throws IOException {
        Path folder = goodPlugin("a-good", "good-shop", true);

        Plugins result = new PluginLoader().load(plugins, PluginLoader.builtIns());

        assertThat(result.failed()).isEmpty();
        assertThat(result.loaded()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("a-good");
            assertThat(p.folder()).isEqualTo(folder);
            assertThat(p.connectorIds()).containsExactly("good-shop");
            assertThat(p.modules()).containsExactly("test.good", "test.lib");
        });
        ConnectorProvider provider = result.providers().get(0);
        assertThat(provider.descriptor().displayName()).isEqualTo("Good"); // from the plugin's own library
        Module module = provider.getClass().getModule();
        assertThat(module.getLayer()).isNotNull().isNotEqualTo(ModuleLayer.boot());
        assertThat(module.getLayer().parents()).contains(ConnectorProvider.class.getModule().getLayer());
    }

    @Test
    void missingRequiredModule_isReported_andTheGoodPluginStillLoads() throws IOException {
        goodPlugin("a-good", "good-shop", true);
        goodPlugin("b-missing", "other-shop", false); // requires test.lib without carrying it

        Plugins result = new PluginLoader().load(plugins, PluginLoader.builtIns());

        assertThat(result.loaded()).extracting(Plugins.Loaded::name).containsExactly("a-good");
        assertThat(result.failed()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("b-missing");
            assertThat(f.reason()).startsWith("its modules do not resolve").contains("test.lib");
        });
    }

    @Test
    void connectorIdTaken_byABuiltInOrAnEarlierPlugin_failsThatPlugin() throws IOException {
        goodPlugin("a-good", "good-shop", true);
        goodPlugin("b-same-id", "good-shop", true);
        goodPlugin("c-builtin-id", "woocommerce", true);

        Plugins result = new PluginLoader().load(plugins, PluginLoader.builtIns());

        assertThat(result.loaded()).extracting(Plugins.Loaded::name).containsExactly("a-good");
        assertThat(result.failed()).extracting(Plugins.Failed::name, Plugins.Failed::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b-same-id",
                        "connector id 'good-shop' is already taken by plugin 'a-good'"),
                org.assertj.core.groups.Tuple.tuple("c-builtin-id",
                        "connector id 'woocommerce' is already taken by the built-in connector"));
    }

    @Test
    void descriptorNotMatchingItsProvider_isReported() throws IOException {
        plugin("bad-descriptor", "test.bad", "test.bad.BadProvider", PluginJars.provider("test.bad", "BadProvider",
                "bad-shop", PluginJars.shopDescriptor("other-id", "\"Bad\"", "1"), ""));

        Plugins result = new PluginLoader().load(plugins, PluginLoader.builtIns());

        assertThat(result.loaded()).isEmpty();
        assertThat(result.failed()).singleElement().extracting(Plugins.Failed::reason).asString()
                .contains("has id 'bad-shop' but its descriptor says 'other-id'");
    }

    @Test
    void spiVersionNotSupported_isReported() throws IOException {
        plugin("future", "test.future", "test.future.FutureProvider", PluginJars.provider("test.future",
                "FutureProvider", "future-shop", PluginJars.shopDescriptor("future-shop", "\"F\"", "1", "\"2.0\""), ""));

        Plugins result = new PluginLoader().load(plugins, PluginLoader.builtIns());

        assertThat(result.loaded()).isEmpty();
        assertThat(result.failed()).singleElement().extracting(Plugins.Failed::reason).asString()
                .isEqualTo("connector 'future-shop' was built for connector SPI 2.0 and this runner implements 1.0 (a"
                        + " connector must be built for the same major version and no newer minor version)");
    }

    @Test
    void connectorThatCannotBeInstantiated_isReported() throws IOException {
        plugin("throws", "test.throwing", "test.throwing.ThrowingProvider", PluginJars.provider("test.throwing",
                "ThrowingProvider", "throwing", PluginJars.shopDescriptor("throwing", "\"T\"", "1"),
                "if (true) { throw new IllegalStateException(\"no licence file\"); }"));

        Plugins result = new PluginLoader().load(plugins, PluginLoader.builtIns());

        assertThat(result.failed()).singleElement().extracting(Plugins.Failed::reason).asString()
                .startsWith("its connector cannot be instantiated").contains("no licence file");
    }

    @Test
    void emptyFolder_noConnector_andLooseJar_areReported() throws IOException {
        Files.createDirectories(plugins.resolve("empty"));
        PluginJars.module(work, plugins.resolve("library-only/test-lib.jar"), Map.of(
                "module-info.java", "module test.lonely { }"), List.of());
        Files.copy(libJar, plugins.resolve("loose.jar"));

        Plugins result = new PluginLoader().load(plugins, PluginLoader.builtIns());

        assertThat(result.loaded()).isEmpty();
        assertThat(result.failed()).extracting(Plugins.Failed::name, Plugins.Failed::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("empty", "it holds no jar"),
                org.assertj.core.groups.Tuple.tuple("library-only", "it provides no connector: none of its modules"
                        + " declares 'provides com.golisto.sync.api.spi.ConnectorProvider with ...'"),
                org.assertj.core.groups.Tuple.tuple("loose.jar", "a jar directly in the plugins folder is no plugin:"
                        + " put each plugin's jars in a folder of its own"));
    }

    @Test
    void pluginBundlingTheSpi_isReported() throws IOException {
        Path folder = goodPlugin("bundles-spi", "spi-shop", true);
        Path api = PluginJars.engineApi();
        if (Files.isRegularFile(api)) {
            Files.copy(api, folder.resolve("engine-api.jar"));
        } else {
            PluginJars.module(work, folder.resolve("engine-api.jar"), Map.of("module-info.java",
                    "module com.golisto.sync.api { }"), List.of());
        }

        Plugins result = new PluginLoader().load(plugins, PluginLoader.builtIns());

        assertThat(result.failed()).singleElement().extracting(Plugins.Failed::reason).asString()
                .startsWith("it bundles com.golisto.sync.api, which the runner provides");
    }

    @Test
    void missingFolder_meansNoPlugins() {
        Plugins result = new PluginLoader().load(plugins.resolve("absent"), PluginLoader.builtIns());

        assertThat(result.loaded()).isEmpty();
        assertThat(result.failed()).isEmpty();
    }

    /** A plugin with a connector whose display name comes from {@code test.lib}; with the library jar or not. */
    private Path goodPlugin(String name, String id, boolean withLibrary) throws IOException {
        String module = "test." + name.replace("-", "");
        if (name.equals("a-good")) {
            module = "test.good";
        }
        Path folder = plugin(name, module, module + ".Provider", PluginJars.provider(module, "Provider", id,
                PluginJars.shopDescriptor(id, "test.lib.Lib.name()", "1"), ""), "test.lib");
        if (withLibrary) {
            Files.copy(libJar, folder.resolve("test-lib.jar"));
        }
        return folder;
    }

    private Path plugin(String name, String module, String providerClass, String providerSource, String... requires) {
        Path folder = plugins.resolve(name);
        String path = providerClass.replace('.', '/') + ".java";
        PluginJars.module(work, folder.resolve(name + ".jar"), Map.of(
                "module-info.java", PluginJars.moduleInfo(module, providerClass, requires),
                path, providerSource), requires.length == 0 ? List.of() : List.of(libJar));
        return folder;
    }
}
