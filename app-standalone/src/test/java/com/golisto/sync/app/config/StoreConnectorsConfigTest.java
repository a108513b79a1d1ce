package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.app.plugins.PluginLoader;
import com.golisto.sync.core.StoreRegistration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store names its shop and marketplace connectors by id with their settings; the {@code woocommerce:} section is
 * the shorthand of a WooCommerce shop; the connectors' descriptors check roles and settings, every problem by key.
 */
class StoreConnectorsConfigTest {
    private static final List<ConnectorDescriptor> BUILT_IN = PluginLoader.builtIns().stream()
            .map(ConnectorProvider::descriptor).toList();

    @TempDir
    Path dir;

    @Test
    void agnosticStore_namesItsConnectorsAndSettings() throws IOException {
        RunnerConfig c = load(Map.of(), """
                golisto: { api-url: https://api.golisto.example, web-url: https://golisto.example }
                stores:
                  - id: my-shop
                    shop:
                      connector: woocommerce
                      settings: { url: https://shop.example, page-size: 50 }
                    marketplace:
                      connector: golisto
                      settings: { page-size: 20 }
                """);

        StoreConfig store = c.stores().get(0);
        assertThat(store.shorthand()).isFalse();
        StoreRegistration r = Registrations.of(store, c.golisto());
        assertThat(r.shopConnectorId()).isEqualTo("woocommerce");
        assertThat(r.shopSettings()).containsOnly(Map.entry("url", "https://shop.example"), Map.entry("page-size", "50"));
        assertThat(r.marketplaceConnectorId()).isEqualTo("golisto");
        // the store's own marketplace settings over the golisto section's
        assertThat(r.marketplaceSettings()).containsEntry("api-url", "https://api.golisto.example")
                .containsEntry("page-size", "20");
    }

    @Test
    void shorthand_isTheWooCommerceShopOnTheDefaultMarketplace() throws IOException {
        RunnerConfig shorthand = load(Map.of(), "stores: [ { id: a, woocommerce: { url: https://shop.example } } ]\n");
        RunnerConfig agnostic = load(Map.of(), """
                stores: [ { id: a, shop: { connector: woocommerce, settings: { url: https://shop.example } } } ]
                """);

        assertThat(shorthand.stores().get(0).shorthand()).isTrue();
        assertThat(Registrations.of(shorthand.stores().get(0), shorthand.golisto()))
                .isEqualTo(Registrations.of(agnostic.stores().get(0), agnostic.golisto()));
        assertThat(Registrations.of(agnostic.stores().get(0), agnostic.golisto()).marketplaceConnectorId())
                .isEqualTo(Registrations.DEFAULT_MARKETPLACE);
    }

    @Test
    void environmentVariables_nameConnectorsAndTheirSettings() throws IOException {
        RunnerConfig c = load(Map.of(
                "GOLISTO_SYNC_STORES_0_ID", "env-shop",
                "GOLISTO_SYNC_STORES_0_SHOP_CONNECTOR", "woocommerce",
                "GOLISTO_SYNC_STORES_0_SHOP_SETTINGS_URL", "https://env.example",
                "GOLISTO_SYNC_STORES_0_SHOP_SETTINGS_PAGE_SIZE", "10",
                "GOLISTO_SYNC_STORES_0_MARKETPLACE_CONNECTOR", "golisto",
                "GOLISTO_SYNC_STORES_0_MARKETPLACE_SETTINGS_PAGE_SIZE", "30"), "");

        StoreConfig store = c.store("env-shop").orElseThrow();
        assertThat(store.shop()).isEqualTo(new ConnectorChoice("woocommerce", Map.of("url", "https://env.example",
                "page-size", "10")));
        assertThat(store.marketplace()).isEqualTo(new ConnectorChoice("golisto", Map.of("page-size", "30")));
    }

    @Test
    void settingsProblems_areListedByTheirFullKeys() throws IOException {
        assertThat(problems("""
                stores:
                  - id: a
                    shop: { connector: woocommerce, settings: { page-size: many, colour: red } }
                    marketplace: { connector: golisto, settings: { max-response-bytes: lots } }
                  - { id: b, woocommerce: { url: "not a url" } }
                """)).containsExactlyInAnyOrder(
                "stores[0].shop.settings.url", "stores[0].shop.settings.page-size", "stores[0].shop.settings.colour",
                "stores[0].marketplace.settings.max-response-bytes", "stores[1].woocommerce.url");
        assertThatThrownBy(() -> load(Map.of(), "stores: [ { id: a, shop: { connector: woocommerce } } ]\n"))
                .hasMessageContaining("stores[0].shop.settings.url: is required");
    }

    @Test
    void storeShapeProblems_areListedByKey() throws IOException {
        assertThat(problems("""
                stores:
                  - { id: a }
                  - { id: b, shop: { settings: { url: https://b.example } } }
                  - { id: c, woocommerce: { url: https://c.example }, shop: { connector: woocommerce } }
                  - { id: d, woocommerce: { url: https://d.example }, marketplace: { settings: { page-size: 5 } } }
                  - { id: e, shop: { connector: woocommerce, settings: { url: [ https://e.example ] } } }
                """)).containsExactlyInAnyOrder("stores[0].shop", "stores[1].shop.connector", "stores[2].woocommerce",
                "stores[3].marketplace.connector", "stores[4].shop.settings.url");
    }

    @Test
    void connectorNotInstalled_isAProblemListingTheInstalledOnes_onceThePluginsAreKnown() throws IOException {
        String yaml = "stores: [ { id: a, shop: { connector: csv-feed, settings: { file: /x.csv } } } ]\n";
        StoreConfig store = load(Map.of(), yaml).stores().get(0); // the loader leaves it to the runner: plugins

        List<ConfigProblem> problems = new StoreConnectors(BUILT_IN).problems(0, store, null, true);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("stores[0].shop.connector");
            assertThat(p.message()).startsWith("connector 'csv-feed' is not installed (installed: golisto,"
                    + " woocommerce)").contains("plugins.folder");
        });
    }

    @Test
    void shopConnectorNamedAsMarketplace_isRefusedClearly_andTheOtherWayRound() throws IOException {
        assertThatThrownBy(() -> load(Map.of(), """
                stores:
                  - id: a
                    shop: { connector: golisto }
                    marketplace: { connector: woocommerce, settings: { url: https://a.example } }
                """)).isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                .containsExactlyInAnyOrder(
                        new ConfigProblem("stores[0].shop.connector", "connector 'golisto' is a marketplace connector;"
                                + " it cannot be a store's shop (shop connectors: woocommerce)"),
                        new ConfigProblem("stores[0].marketplace.connector", "connector 'woocommerce' is a shop"
                                + " connector; it cannot be a store's marketplace (marketplace connectors: golisto)")));
    }

    @Test
    void secretSettings_areNeverShownByToString() throws IOException {
        RunnerConfig c = load(Map.of(), """
                stores: [ { id: a, shop: { connector: woocommerce, settings: { url: https://a.example,
                  consumer-key: ck_secret1, consumer-secret: cs_secret2 } } } ]
                """);

        assertThat(c.toString()).contains("consumer-key").doesNotContain("ck_secret1").doesNotContain("cs_secret2");
    }

    private RunnerConfig load(Map<String, String> env, String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("c" + System.nanoTime() + ".yaml"), yaml);
        return ConfigLoader.create(env).withConnectors(BUILT_IN).load(Optional.of(file));
    }

    private List<String> problems(String yaml) throws IOException {
        try {
            load(Map.of(), yaml);
        } catch (InvalidConfigException e) {
            return e.problems().stream().map(ConfigProblem::key).toList();
        }
        throw new AssertionError("no problem found");
    }
}
