package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.SettingType;
import com.golisto.sync.api.spi.SpiVersion;
import com.golisto.sync.app.plugins.PluginLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final List<ConnectorDescriptor> BUILT_IN = PluginLoader.builtIns().stream()
            .map(ConnectorProvider::descriptor).toList();
    private static final String SERVER_KEYS = "host, port, public-url, admin-token, max-header-bytes, max-body-bytes,"
            + " idle-timeout, min-request-bytes-per-second, allowed-hosts, dashboard-open, session-lifetime";

    @TempDir
    Path dir;

    @Test
    void load_noFileNoEnvironment_givesTheEmbeddedDefaults() {
        RunnerConfig c = ConfigLoader.create(Map.of()).load(Optional.empty());

        assertThat(c.server().host()).isEqualTo("127.0.0.1");
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.server().publicUrlFor(8080)).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(c.server().configuredAdminToken()).isEmpty();
        assertThat(c.state().dataDir()).isEqualTo(Path.of("data"));
        assertThat(c.state().jdbcUrl()).isEqualTo("jdbc:hsqldb:file:" + Path.of("data", "state"));
        assertThat(c.state().masterKeyFile()).isEqualTo(Path.of("data", "master.key"));
        assertThat(c.state().poolSize()).isEqualTo(10);
        assertThat(c.golisto().apiUrl()).isEqualTo(URI.create("https://api.golisto.com"));
        assertThat(c.golisto().webUrl()).isEqualTo(URI.create("https://golisto.com"));
        assertThat(c.golisto().statusPollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.golisto().maxResponseBytes()).isEqualTo(32 * 1024 * 1024);
        assertThat(c.sync().dailyFullSyncAt()).isEqualTo(LocalTime.of(3, 0));
        assertThat(c.sync().timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(c.sync().incrementalInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.sync().orderPollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.sync().webhookDebounce()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.stores()).isEmpty();
    }

    @Test
    void load_yamlFile_readsEveryKeyAndTheStores() throws IOException {
        Path file = write("""
                server:   { host: 0.0.0.0, port: 9090, public-url: "https://sync.example.com/", admin-token: "a-very-long-admin-token-123" }
                state:    { data-dir: /var/lib/golisto, master-key-file: /etc/golisto/master.key }
                golisto:  { api-url: https://api.example.net, web-url: https://web.example.net, status-poll-interval: PT30S, max-response-bytes: 2048 }
                sync:     { daily-full-sync-at: "04:30", time-zone: Europe/Paris, incremental-interval: PT5M, order-poll-interval: PT2M, webhook-debounce: PT1S }
                stores:
                  - { id: my-shop, woocommerce: { url: https://shop.example, consumer-key: ck_abc, consumer-secret: cs_def } }
                  - id: other-shop
                    woocommerce:
                      url: https://other.example
                """);

        RunnerConfig c = ConfigLoader.create(Map.of()).load(Optional.of(file));

        assertThat(c.server().host()).isEqualTo("0.0.0.0");
        assertThat(c.server().port()).isEqualTo(9090);
        assertThat(c.server().publicUrlFor(9090)).isEqualTo(URI.create("https://sync.example.com"));
        assertThat(c.server().configuredAdminToken()).get().extracting(t -> t.reveal())
                .isEqualTo("a-very-long-admin-token-123");
        assertThat(c.state().jdbcUrl()).isEqualTo("jdbc:hsqldb:file:" + Path.of("/var/lib/golisto", "state"));
        assertThat(c.state().masterKeyFile()).isEqualTo(Path.of("/etc/golisto/master.key"));
        assertThat(c.golisto().apiUrl()).isEqualTo(URI.create("https://api.example.net"));
        assertThat(c.golisto().statusPollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.golisto().maxResponseBytes()).isEqualTo(2048);
        assertThat(Registrations.of(c.stores().get(0), c.golisto()).marketplaceSettings())
                .containsEntry("max-response-bytes", "2048");
        assertThat(c.sync().dailyFullSyncAt()).isEqualTo(LocalTime.of(4, 30));
        assertThat(c.sync().timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(c.sync().webhookDebounce()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.stores()).extracting(StoreConfig::id).containsExactly("my-shop", "other-shop");
        assertThat(c.stores().get(0).shop().settings()).containsOnly(Map.entry("url", "https://shop.example"),
                Map.entry("consumer-key", "ck_abc"), Map.entry("consumer-secret", "cs_def"));
        assertThat(c.stores().get(1).shop().settings()).containsOnly(Map.entry("url", "https://other.example"));
    }

    @Test
    void load_environmentVariables_overrideTheFile() throws IOException {
        Path file = write("server: { port: 9090 }\nstores:\n  - { id: my-shop, woocommerce: { url: https://shop.example } }\n");
        Map<String, String> env = Map.of(
                "GOLISTO_SYNC_SERVER_PORT", "7070",
                "GOLISTO_SYNC_SYNC_WEBHOOK_DEBOUNCE", "PT0S",
                "GOLISTO_SYNC_STATE_JDBC_URL", "jdbc:postgresql://db/golisto?user=sync&password=pw",
                "GOLISTO_SYNC_STORES_0_WOOCOMMERCE_CONSUMER_KEY", "ck_env",
                "GOLISTO_SYNC_STORES_0_WOOCOMMERCE_CONSUMER_SECRET", "cs_env",
                "GOLISTO_SYNC_STORES_1_ID", "env-shop",
                "GOLISTO_SYNC_STORES_1_WOOCOMMERCE_URL", "https://env.example",
                "PATH", "/usr/bin");

        RunnerConfig c = ConfigLoader.create(env).load(Optional.of(file));

        assertThat(c.server().port()).isEqualTo(7070);
        assertThat(c.sync().webhookDebounce()).isZero();
        assertThat(c.state().jdbcUrl()).isEqualTo("jdbc:postgresql://db/golisto?user=sync&password=pw");
        assertThat(c.state().jdbcUrlForDisplay()).isEqualTo("jdbc:postgresql://db/golisto").doesNotContain("pw");
        assertThat(c.store("my-shop")).get().extracting(s -> s.shop().settings()).isEqualTo(Map.of(
                "url", "https://shop.example", "consumer-key", "ck_env", "consumer-secret", "cs_env"));
        assertThat(c.store("env-shop")).get().extracting(s -> s.shop().settings())
                .isEqualTo(Map.of("url", "https://env.example"));
    }

    @Test
    void configFile_fromTheCommandLineOrTheEnvironment() {
        ConfigLoader loader = ConfigLoader.create(Map.of("GOLISTO_SYNC_CONFIG", "/etc/golisto/sync.yaml"));

        assertThat(loader.configFile(null)).contains(Path.of("/etc/golisto/sync.yaml"));
        assertThat(loader.configFile(Path.of("mine.yaml"))).contains(Path.of("mine.yaml"));
        assertThat(ConfigLoader.create(Map.of()).configFile(null)).isEmpty();
    }

    @Test
    void load_manyMistakes_listsEveryProblemByItsKey() throws IOException {
        Path file = write("""
                server:   { port: eighty, public-url: "ftp://nowhere", admin-token: short }
                state:    { jdbc-url: "postgres://db" }
                golisto:  { api-url: "not a url", status-poll-interval: 5m, max-response-bytes: 100 }
                sync:     { daily-full-sync-at: "25:00", time-zone: Mars/Olympus, incremental-interval: PT0S, webhook-debounce: -PT1S }
                colour: blue
                stores:
                  - { id: "Bad Id", woocommerce: { url: https://a.example } }
                  - { id: twice, woocommerce: { url: https://b.example } }
                  - { id: twice, woocommerce: { url: https://c.example } }
                  - { woocommerce: { url: https://d.example } }
                  - { id: no-url, woocommerce: { consumer-key: ck_x }, extra: 1 }
                """);
        Map<String, String> env = Map.of("GOLISTO_SYNC_SERVER_PROT", "1", "GOLISTO_SYNC_SYNC_ORDER_POLL_INTERVAL", "never");

        assertThatThrownBy(() -> ConfigLoader.create(env).withConnectors(BUILT_IN).load(Optional.of(file)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                            "server.port", "server.public-url", "server.admin-token", "state.jdbc-url",
                            "golisto.api-url", "golisto.status-poll-interval", "golisto.max-response-bytes",
                            "sync.daily-full-sync-at",
                            "sync.time-zone", "sync.incremental-interval", "sync.order-poll-interval",
                            "sync.webhook-debounce", "stores[0].id", "stores[2].id", "stores[3].id",
                            "stores[4].woocommerce.url", "stores[4].extra",
                            "colour", "GOLISTO_SYNC_SERVER_PROT");
                    assertThat(e.getMessage()).startsWith("invalid configuration (19 problems):")
                            .contains("server.port: \"eighty\" is not a port number")
                            .contains("sync.order-poll-interval: \"never\" (from GOLISTO_SYNC_SYNC_ORDER_POLL_INTERVAL)")
                            .contains("stores[2].id: store \"twice\" is declared twice")
                            .contains("colour: unknown key")
                            .contains("golisto.max-response-bytes: \"100\" is out of range: expected a whole number of"
                                    + " bytes from 1024 (1 KiB) to 1073741824 (1 GiB)");
                });
    }

    @Test
    void load_badSecretValues_neverRepeatsThem() throws IOException {
        Path file = write("""
                server: { admin-token: "s3cr3t!" }
                state:  { jdbc-url: "postgresql://db?password=hunter2hunter2" }
                """);

        assertThatThrownBy(() -> ConfigLoader.create(Map.of()).load(Optional.of(file)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("server.admin-token")
                .hasMessageContaining("state.jdbc-url")
                .hasMessageNotContaining("s3cr3t!")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void load_missingOrMalformedFile_isAProblemOfTheConfigItself() throws IOException {
        Path missing = dir.resolve("absent.yaml");
        Path malformed = write("server: { port: 80\n");

        assertThatThrownBy(() -> ConfigLoader.create(Map.of()).load(Optional.of(missing)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.key()).isEqualTo("config");
                            assertThat(p.message()).contains("does not exist");
                        }));
        assertThatThrownBy(() -> ConfigLoader.create(Map.of()).load(Optional.of(malformed)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.message()).contains("not valid YAML")));
    }

    @Test
    void load_valueThatDoesNotParse_namesTheKeyTheExpectedTypeAndWhatWasFound() throws IOException {
        Path file = write("server: { port: \"abc\" }\nsync: { time-zone: 42 }\n");

        assertThat(problems(ConfigLoader.create(Map.of()), file)).containsExactlyInAnyOrder(
                "server.port: \"abc\" is not a port number (0-65535)",
                "sync.time-zone: \"42\" is not a time zone (e.g. UTC, Europe/Paris)");
    }

    @Test
    void load_listOrMappingWhereOneValueBelongs_isTheWrongTypeWithTheExpectedOne_notAnUnknownKey()
            throws IOException {
        Path file = write("""
                server:  { port: { number: 80 }, host: [a, b], admin-token: [ "a-secret-token-in-a-list-0123" ] }
                state:   { jdbc-url: { url: "jdbc:postgresql://db?password=hunter2hunter2" } }
                sync:    { incremental-interval: [1, 2] }
                """);

        assertThat(problems(ConfigLoader.create(Map.of()), file)).containsExactlyInAnyOrder(
                "server.port: expected a port number (0-65535), found a mapping",
                "server.host: expected a host name or IP address, found a list",
                "server.admin-token: expected a text of at least 24 characters, found a list",
                "state.jdbc-url: expected a JDBC URL (jdbc:hsqldb:file:..., jdbc:postgresql://...), found a mapping",
                "sync.incremental-interval: expected a positive ISO-8601 duration such as PT15M, found a list");
    }

    @Test
    void load_webhookBatchWindowAndDeepCheckDays_areReadAndCheckedByName() throws IOException {
        Path good = write("sync: { webhook-batch-window: PT0S, deep-check-days: 3 }\n");
        Path bad = write("sync: { webhook-batch-window: -PT1M, deep-check-days: 0 }\n");

        RunnerConfig config = ConfigLoader.create(Map.of()).load(Optional.of(good));

        assertThat(config.sync().webhookBatchWindow()).isZero();
        assertThat(config.sync().deepCheckDays()).isEqualTo(3);
        assertThat(problems(ConfigLoader.create(Map.of()), bad)).anySatisfy(p -> assertThat(p)
                .startsWith("sync.webhook-batch-window:")).anySatisfy(p -> assertThat(p)
                .startsWith("sync.deep-check-days:").contains("1 to 366"));
        assertThat(ConfigLoader.create(Map.of()).load(Optional.empty()).sync().webhookBatchWindow())
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void load_statePoolSize_isReadCheckedByNameAndReachesTheEnginesPool() throws IOException {
        Path good = write("state: { pool-size: 25 }\n");
        Path bad = write("state: { pool-size: 0 }\n");

        RunnerConfig config = ConfigLoader.create(Map.of()).load(Optional.of(good));

        assertThat(config.state().poolSize()).isEqualTo(25);
        assertThat(config.state().connectionPool().maximumSize()).isEqualTo(25);
        assertThat(ConfigLoader.create(Map.of("GOLISTO_SYNC_STATE_POOL_SIZE", "3")).load(Optional.of(good)).state()
                .poolSize()).isEqualTo(3);
        assertThat(problems(ConfigLoader.create(Map.of()), bad)).singleElement().asString()
                .startsWith("state.pool-size:").contains("1 to 1000");
    }

    @Test
    void load_clusterKeys_areReadCheckedByName_andDefaultToTheHostNameAndAThirtySecondTakeOver() throws IOException {
        Path good = write("cluster: { node-id: runner-2, heartbeat-interval: PT1S, missed-heartbeats: 4,"
                + " lease-duration: PT4S, poll-interval: PT0.5S }\n");
        // 3: db-scheduler's least is 4, and a runner given fewer must not pass the check only to fail at start
        Path bad = write("cluster: { node-id: 'runner 2', missed-heartbeats: 3 }\n");

        ClusterConfig cluster = ConfigLoader.create(Map.of()).load(Optional.of(good)).cluster();
        ClusterConfig defaults = ConfigLoader.create(Map.of()).load(Optional.empty()).cluster();

        assertThat(cluster).isEqualTo(new ClusterConfig("runner-2", Duration.ofSeconds(1), 4, Duration.ofSeconds(4),
                Duration.ofMillis(500)));
        assertThat(defaults).isEqualTo(ClusterConfig.defaults());
        assertThat(defaults.nodeId()).isNull();
        assertThat(problems(ConfigLoader.create(Map.of()), bad)).hasSize(2)
                .anySatisfy(p -> assertThat(p).asString().startsWith("cluster.node-id:").contains("letters, digits"))
                .anySatisfy(p -> assertThat(p).asString().startsWith("cluster.missed-heartbeats:").contains("4 to 100"));
    }

    @Test
    void load_sectionGivenAsAScalarOrList_isTheWrongTypeWithTheSectionsKeys() throws IOException {
        Path file = write("""
                server: 5
                state: "jdbc:postgresql://db?password=hunter2hunter2"
                golisto: [a, b]
                sync: true
                """);
        Path noSecrets = write("sync: PT15M\n");

        assertThat(problems(ConfigLoader.create(Map.of()), file)).containsExactlyInAnyOrder(
                "server: expected a section (a mapping of " + SERVER_KEYS + "), found a number",
                "state: expected a section (a mapping of data-dir, jdbc-url, master-key-file, pool-size), found a text",
                "golisto: expected a section (a mapping of api-url, web-url, status-poll-interval, max-response-bytes),"
                        + " found a list",
                "sync: expected a section (a mapping of daily-full-sync-at, time-zone, incremental-interval,"
                        + " order-poll-interval, webhook-debounce, webhook-batch-window, deep-check-days, pass-retry, retry), found the boolean true");
        // a section holding no secret repeats what it was given; server and state (secrets inside) do not
        assertThat(problems(ConfigLoader.create(Map.of()), noSecrets)).singleElement().asString()
                .endsWith("found the text \"PT15M\"");
    }

    @Test
    void load_storesOfTheWrongShape_areTheWrongTypeWithTheExpectedOne() throws IOException {
        Path scalar = write("stores: nothing\n");
        Path mapping = write("stores: { id: my-shop }\n");
        Path items = write("""
                stores:
                  - my-shop
                  - { id: [a], woocommerce: { url: https://b.example } }
                  - { id: c, woocommerce: https://c.example }
                  - { id: d, woocommerce: { url: { href: https://d.example }, consumer-key: [ck_1] } }
                """);
        ConfigLoader loader = ConfigLoader.create(Map.of());
        String store = "a mapping of id, shop, marketplace, woocommerce";

        assertThat(problems(loader, scalar)).containsExactly(
                "stores: expected a list of stores (each " + store + "), found a text");
        assertThat(problems(loader, mapping)).containsExactly(
                "stores: expected a list of stores (each " + store + "), found a mapping");
        assertThat(problems(loader, items)).containsExactlyInAnyOrder(
                "stores[0]: expected a store (" + store + "), found a text",
                "stores[1].id: expected a store id (lower-case letters, digits and dashes, at most 63), found a list",
                "stores[2].woocommerce: expected a mapping of the connector's settings (name: value), found a text",
                "stores[3].woocommerce.url: expected a single value (a text, number or boolean), found a mapping",
                "stores[3].woocommerce.consumer-key: expected a single value (a text, number or boolean), found a"
                        + " list");
    }

    @Test
    void load_wooCommerceSettingOfTheWrongShape_namesTheTypeTheConnectorDeclares() throws IOException {
        ConnectorDescriptor woo = new ConnectorDescriptor("woocommerce", "WooCommerce", "1", SpiVersion.CURRENT,
                Set.of(Capability.CATALOG_SOURCE), List.of(
                SettingSpec.required("url", SettingType.URL, "home URL"),
                SettingSpec.optional("order-lookback", SettingType.DURATION, "PT1H", "how far find looks back"),
                SettingSpec.optional("page-size", SettingType.INTEGER, "100", "page size")));
        Path file = write("""
                stores:
                  - { id: a, woocommerce: { url: https://a.example, order-lookback: [PT1H], page-size: { n: 5 } } }
                """);

        assertThat(problems(ConfigLoader.create(Map.of()).withConnectors(List.of(woo)), file))
                .containsExactlyInAnyOrder(
                        "stores[0].woocommerce.order-lookback: expected an ISO-8601 duration such as PT15M or PT2S,"
                                + " found a list",
                        "stores[0].woocommerce.page-size: expected a whole number, found a mapping");
    }

    @Test
    void load_unknownKeyGivenAMapping_isStillAnUnknownKey() throws IOException {
        Path file = write("colour: { red: 1 }\nserver: { colour: [1] }\n");

        assertThat(problems(ConfigLoader.create(Map.of()), file)).containsExactlyInAnyOrder(
                "colour: unknown key",
                "server.colour: unknown key (known in server: " + SERVER_KEYS + ")");
    }

    @Test
    void load_environmentVariable_replacesAValueOfTheWrongShapeInTheFile() throws IOException {
        Path file = write("server: { port: [1, 2] }\n");

        RunnerConfig c = ConfigLoader.create(Map.of("GOLISTO_SYNC_SERVER_PORT", "9090")).load(Optional.of(file));

        assertThat(c.server().port()).isEqualTo(9090);
    }

    @Test
    void load_wrongTypes_neverRepeatSecretsFoundInTheirPlace() throws IOException {
        Path file = write("""
                server: { admin-token: [ "s3cr3t-s3cr3t-s3cr3t-s3cr3t" ] }
                state: "jdbc:postgresql://db?password=hunter2hunter2"
                stores: [ "cs_topsecret" ]
                """);

        assertThatThrownBy(() -> ConfigLoader.create(Map.of()).load(Optional.of(file)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("server.admin-token: expected")
                .hasMessageNotContaining("s3cr3t")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("cs_topsecret");
    }

    private static List<String> problems(ConfigLoader loader, Path file) {
        try {
            loader.load(Optional.of(file));
        } catch (InvalidConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected problems in " + file);
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("config-" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
