package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged runner, launched as the launcher does ({@code -p jar:lib -m com.golisto.sync.app serve}), with a
 * plugins folder of three plugins: two carrying two versions of one library (org.json 20231013 and 20250517,
 * copied by the build into {@code target/side-by-side-libs}) whose connectors each report the version they see,
 * and one missing a module it requires. The runner serves, both good plugins are loaded and each sees its own
 * version, the broken one is logged and listed with its reason, and a store names a plugin's shop connector.
 */
class SideBySidePluginsIT {
    private static final String TOKEN = "side-by-side-it-admin-token-0123";
    private static final String OLDER = "20231013";
    private static final String NEWER = "20250517";

    @TempDir
    Path dir;

    @Test
    void runnerProcess_loadsTwoPluginsWithTwoVersionsOfOneLibrary_andReportsTheBrokenOne() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path plugins = dir.resolve("plugins");
        jsonPlugin(plugins.resolve("json-newer"), "json-newer", NEWER, true);
        jsonPlugin(plugins.resolve("json-older"), "json-older", OLDER, true);
        jsonPlugin(plugins.resolve("lacks-json"), "lacks-json", NEWER, false);
        Path config = dir.resolve("golisto-sync.yaml");
        Files.writeString(config, """
                server: { host: 127.0.0.1, port: %d, admin-token: "%s" }
                state: { data-dir: "%s" }
                plugins: { folder: "%s" }
                stores:
                  - id: feed-shop
                    shop: { connector: json-older, settings: { feed: products.json } }
                """.formatted(port, TOKEN, dir.resolve("data"), plugins));

        try (RunnerProcess runner = RunnerProcess.start(dir, config, port, TOKEN, "plugins")) {
            JsonNode health = runner.get("/api/health").path("plugins");
            JsonNode store = runner.get("/api/stores/feed-shop");

            assertThat(health.path("loaded").findValuesAsText("name")).as(runner.logTail())
                    .containsExactly("json-newer", "json-older");
            assertThat(health.path("loaded").findValuesAsText("display_name")).containsExactly(
                    "org.json@" + NEWER + " with JSONParserConfiguration",
                    "org.json@" + OLDER + " without JSONParserConfiguration");
            assertThat(health.path("failed").findValuesAsText("name")).containsExactly("lacks-json");
            assertThat(health.path("failed").get(0).path("reason").asText())
                    .startsWith("its modules do not resolve").contains("org.json");
            assertThat(runner.log()).contains("event=plugin_failed plugin=lacks-json folder="
                    + plugins.resolve("lacks-json").toAbsolutePath());
            assertThat(store.path("shop_connector").asText()).isEqualTo("json-older");
            assertThat(store.path("marketplace_connector").asText()).isEqualTo("golisto");
        }
    }

    /** A plugin whose shop connector reports the org.json it sees; it carries org.json {@code version} or not. */
    private void jsonPlugin(Path folder, String id, String version, boolean withLibrary) throws IOException {
        Path json = Path.of(System.getProperty("gs.side-by-side.libs"), "json-" + version + ".jar");
        Files.createDirectories(folder);
        if (withLibrary) {
            Files.copy(json, folder.resolve(json.getFileName()));
        }
        String module = "test." + id.replace("-", "");
        Path src = Files.createTempDirectory(dir, "src");
        Path classes = Files.createTempDirectory(dir, "classes");
        Path info = Files.writeString(src.resolve("module-info.java"), "module " + module + " { requires"
                + " com.golisto.sync.api; requires org.json; provides com.golisto.sync.api.spi.ConnectorProvider with "
                + module + ".JsonProvider; }");
        Path provider = src.resolve(module.replace('.', '/') + "/JsonProvider.java");
        Files.createDirectories(provider.getParent());
        Files.writeString(provider, PROVIDER.formatted(module, id));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "21", "-proc:none", "-nowarn",
                "--module-path", engineApi() + java.io.File.pathSeparator + json, info.toString(), provider.toString()));
        StringWriter out = new StringWriter();
        int rc = ToolProvider.findFirst("javac").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                args.toArray(String[]::new));
        assertThat(rc).as("javac: %s", out).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream os = Files.newOutputStream(folder.resolve(id + ".jar"));
             JarOutputStream jar = new JarOutputStream(os, manifest); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
    }

    /** engine-api's jar in the runner's installation. */
    private static Path engineApi() throws IOException {
        try (Stream<Path> lib = Files.list(Path.of(System.getProperty("gs.app.lib")))) {
            return lib.filter(p -> p.getFileName().toString().startsWith("engine-api-")).findFirst().orElseThrow();
        }
    }

    private static final String PROVIDER = """
            package %s;

            import com.golisto.sync.api.model.Cursor;
            import com.golisto.sync.api.model.Page;
            import com.golisto.sync.api.model.Product;
            import com.golisto.sync.api.spi.*;
            import java.util.*;

            public final class JsonProvider implements ConnectorProvider {
                private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("%s", seen(), "1",
                        SpiVersion.CURRENT, Set.of(Capability.CATALOG_SOURCE), List.of(
                        SettingSpec.optional("feed", SettingType.STRING, "feed.json", "the feed")));

                static String seen() {
                    Module m = org.json.JSONObject.class.getModule();
                    String version = m.getDescriptor().rawVersion().orElse("unversioned");
                    boolean config;
                    try {
                        Class.forName("org.json.JSONParserConfiguration", false,
                                org.json.JSONObject.class.getClassLoader());
                        config = true;
                    } catch (ClassNotFoundException e) {
                        config = false;
                    }
                    return m.getName() + "@" + version + (config ? " with" : " without") + " JSONParserConfiguration";
                }

                @Override
                public String id() {
                    return DESCRIPTOR.id();
                }

                @Override
                public ConnectorDescriptor descriptor() {
                    return DESCRIPTOR;
                }

                @Override
                public Connector open(Settings settings, ConnectorContext context) {
                    CatalogSource empty = new CatalogSource() {
                        @Override
                        public Page<Product> readAll(String pageToken) {
                            return new Page<>(List.of(), null, null);
                        }

                        @Override
                        public Page<Product> readChanged(Cursor since, String pageToken) {
                            return new Page<>(List.of(), null, null);
                        }

                        @Override
                        public Optional<Product> read(String productId) {
                            return Optional.empty();
                        }
                    };
                    return new Connector() {
                        @Override
                        public Optional<CatalogSource> catalogSource() {
                            return Optional.of(empty);
                        }

                        @Override
                        public void close() {
                        }
                    };
                }
            }
            """;
}
