package com.golisto.sync.app.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.golisto.sync.app.config.ConfigLoader;
import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.app.wiring.Runner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two plugins carrying two versions of one library (org.json 20231013 and 20250517, copied by the build into
 * {@code target/side-by-side-libs}) run side by side in one runner: each connector sees its own version, and a
 * store names one of them as its shop connector.
 */
class SideBySidePluginsTest {
    private static final String OLDER = "20231013";
    private static final String NEWER = "20250517";

    @TempDir
    Path dir;

    @Test
    void twoPlugins_withTwoVersionsOfOneLibrary_eachSeeTheirOwn_inOneRunner() throws Exception {
        Path plugins = dir.resolve("plugins");
        jsonPlugin(plugins.resolve("json-older"), "json-older", OLDER);
        jsonPlugin(plugins.resolve("json-newer"), "json-newer", NEWER);
        Files.writeString(dir.resolve("config.yaml"), """
                plugins: { folder: %s }
                stores:
                  - id: feed-shop
                    shop: { connector: json-older, settings: { feed: products.json } }
                """.formatted(plugins));
        RunnerConfig config = ConfigLoader.create(Map.of("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString(),
                "GOLISTO_SYNC_SERVER_PORT", "0", "GOLISTO_SYNC_SERVER_ADMIN_TOKEN", "side-by-side-admin-token-0123"))
                .load(Optional.of(dir.resolve("config.yaml")));

        try (Runner runner = Runner.create(config, null, true); HttpClient http = HttpClient.newHttpClient()) {
            runner.serveHttp();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(runner.localUri().orElseThrow()
                    .resolve("/api/health")).header("Authorization", "Bearer side-by-side-admin-token-0123").build(),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode loaded = new ObjectMapper().readTree(health.body()).path("plugins").path("loaded");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(loaded.findValuesAsText("name")).containsExactly("json-newer", "json-older");
            // each connector's display name says which org.json it sees; only the newer has JSONParserConfiguration
            assertThat(loaded.findValuesAsText("display_name")).containsExactly(
                    "org.json@" + NEWER + " with JSONParserConfiguration",
                    "org.json@" + OLDER + " without JSONParserConfiguration");
            assertThat(runner.engine().store("feed-shop")).get()
                    .satisfies(s -> assertThat(s.shopConnectorId()).isEqualTo("json-older"));
        }
    }

    @Test
    void eachPluginsLibrary_isItsOwnClass_inItsOwnLayer() {
        Path plugins = dir.resolve("plugins");
        jsonPlugin(plugins.resolve("a"), "json-older", OLDER);
        jsonPlugin(plugins.resolve("b"), "json-newer", NEWER);

        Plugins result = new PluginLoader().load(plugins, PluginLoader.builtIns());

        assertThat(result.failed()).isEmpty();
        List<Module> jsonModules = result.loaded().stream().map(p -> p.providers().get(0).getClass().getModule()
                .getLayer().findModule("org.json").orElseThrow()).toList();
        assertThat(jsonModules.get(0)).isNotSameAs(jsonModules.get(1));
        assertThat(jsonModules.get(0).getClassLoader()).isNotSameAs(jsonModules.get(1).getClassLoader());
        assertThat(ModuleLayer.boot().findModule("org.json")).isEmpty();
    }

    /** A plugin whose shop connector reports the org.json it sees, carrying org.json {@code version}. */
    private void jsonPlugin(Path folder, String id, String version) {
        Path json = Path.of(System.getProperty("gs.side-by-side.libs"), "json-" + version + ".jar");
        String module = "test." + id.replace("-", "");
        try {
            Files.createDirectories(folder);
            Files.copy(json, folder.resolve(json.getFileName()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PluginJars.module(dir, folder.resolve(id + ".jar"), Map.of(
                "module-info.java", PluginJars.moduleInfo(module, module + ".JsonProvider", "org.json"),
                module.replace('.', '/') + "/JsonProvider.java", """
                        package %s;

                        import com.golisto.sync.api.model.Cursor;
                        import com.golisto.sync.api.model.Page;
                        import com.golisto.sync.api.model.Product;
                        import com.golisto.sync.api.spi.*;
                        import java.util.*;

                        public final class JsonProvider implements ConnectorProvider {
                            private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("%s",
                                    seen(), "1", SpiVersion.CURRENT, Set.of(Capability.CATALOG_SOURCE), List.of(
                                    SettingSpec.optional("feed", SettingType.STRING, "feed.json", "the feed")));

                            /** Which org.json this plugin's class loader gives it. */
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
                                return m.getName() + "@" + version + (config ? " with" : " without")
                                        + " JSONParserConfiguration";
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
                        """.formatted(module, id)), List.of(json));
    }
}
