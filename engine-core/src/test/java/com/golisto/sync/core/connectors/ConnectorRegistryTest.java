package com.golisto.sync.core.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorMetrics;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.ConnectorRole;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.SettingProblem;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.SpiVersion;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.core.connectors.testing.TestingConnector;
import com.golisto.sync.core.connectors.testing.TestingConnectorProvider;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorRegistryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final ConnectorContext CONTEXT = new ConnectorContext() {
        @Override
        public String storeId() {
            return "shop-1";
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public HttpClient httpClient() {
            return HTTP;
        }

        @Override
        public StoreSecrets secrets() {
            return name -> Optional.empty();
        }

        @Override
        public ConnectorMetrics metrics() {
            return ConnectorMetrics.none();
        }

        @Override
        public Sleeper sleeper() {
            return duration -> { };
        }
    };

    @TempDir
    Path dir;

    @AfterAll
    static void closeHttp() {
        HTTP.shutdownNow();
    }

    @Test
    void load_classPathPlugin_isDiscoveredThroughServiceLoader() throws Exception {
        ClassLoader plugin = TestingPlugins.classPathPlugin(dir);

        ConnectorRegistry registry = ConnectorRegistry.load(plugin);

        ConnectorProvider provider = registry.requireProvider(TestingConnectorProvider.ID);
        assertThat(provider.getClass().getClassLoader()).isSameAs(plugin);
        assertThat(provider.getClass().getModule().isNamed()).isFalse();
        assertThat(registry.descriptor(TestingConnectorProvider.ID)).map(ConnectorDescriptor::displayName)
                .contains("Testing");
    }

    @Test
    void load_moduleLayerPlugin_isDiscoveredThroughItsProvidesDirective() {
        ModuleLayer layer = TestingPlugins.modulePlugin();

        ConnectorRegistry registry = ConnectorRegistry.load(layer);

        ConnectorProvider provider = registry.requireProvider(TestingConnectorProvider.ID);
        assertThat(provider.getClass().getModule().getName()).isEqualTo("gs.testing.connector");
        assertThat(provider.getClass().getModule().getLayer()).isSameAs(layer);
        Connector connector = registry.open(TestingConnectorProvider.ID,
                Map.of("url", "http://127.0.0.1:8080", "api-secret", "s3cr3t"), CONTEXT);
        assertThat(connector.getClass().getModule().getName()).isEqualTo("gs.testing.connector");
        connector.close();
    }

    @Test
    void of_twoProvidersWithOneId_isRefusedNamingBothClasses() {
        ConnectorProvider clash = new ClashingProvider();

        assertThatThrownBy(() -> ConnectorRegistry.of(List.of(new TestingConnectorProvider(), clash)))
                .isInstanceOf(ConnectorRegistryException.class)
                .hasMessageContaining("'testing'")
                .hasMessageContaining(TestingConnectorProvider.class.getName())
                .hasMessageContaining(ClashingProvider.class.getName());
    }

    @Test
    void load_pluginNextToTheSameProviderGivenTwice_isRefused() throws Exception {
        ClassLoader plugin = TestingPlugins.classPathPlugin(dir);
        ConnectorProvider fromPlugin = ConnectorRegistry.load(plugin).requireProvider(TestingConnectorProvider.ID);

        assertThatThrownBy(() -> ConnectorRegistry.of(List.of(fromPlugin, new TestingConnectorProvider())))
                .isInstanceOf(ConnectorRegistryException.class)
                .hasMessageContaining("two connector providers have the id 'testing'");
    }

    @Test
    void of_providerWhoseIdDisagreesWithItsDescriptor_isRefused() {
        ConnectorProvider liar = new ClashingProvider() {
            @Override
            public String id() {
                return "other";
            }
        };
        assertThatThrownBy(() -> ConnectorRegistry.of(List.of(liar)))
                .isInstanceOf(ConnectorRegistryException.class)
                .hasMessageContaining("'other'").hasMessageContaining("'testing'");
    }

    @Test
    void descriptorsAndIds_areSortedById() {
        ConnectorRegistry registry = ConnectorRegistry.of(List.of(new NamedProvider("zeta"),
                new TestingConnectorProvider(), new NamedProvider("alpha")));
        assertThat(registry.ids()).containsExactly("alpha", "testing", "zeta");
        assertThat(registry.descriptors()).extracting(ConnectorDescriptor::id)
                .containsExactly("alpha", "testing", "zeta");
        assertThat(registry.provider("nope")).isEmpty();
    }

    @Test
    void open_validSettings_opensWithDefaultsFilledIn() {
        ConnectorRegistry registry = ConnectorRegistry.of(List.of(new TestingConnectorProvider()));

        Connector connector = registry.open(TestingConnectorProvider.ID,
                Map.of("url", "http://127.0.0.1:8080", "api-secret", "s3cr3t"), CONTEXT);

        assertThat(connector).isInstanceOfSatisfying(TestingConnector.class, c -> {
            assertThat(c.storeId()).isEqualTo("shop-1");
            Settings settings = c.settings();
            assertThat(settings.integer("page-size")).contains(100);
            assertThat(settings.secret("api-secret")).contains(Secret.of("s3cr3t"));
        });
    }

    @Test
    void open_invalidSettings_listsEveryProblemAndOpensNothing() {
        ConnectorRegistry registry = ConnectorRegistry.of(List.of(new TestingConnectorProvider()));

        assertThatThrownBy(() -> registry.open(TestingConnectorProvider.ID,
                Map.of("url", "ftp://example", "page-size", "lots", "colour", "blue"), CONTEXT))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingProblem::setting)
                        .containsExactlyInAnyOrder("url", "api-secret", "page-size", "colour"))
                .hasMessageContaining("url").hasMessageContaining("api-secret")
                .hasMessageContaining("page-size").hasMessageContaining("colour");
    }

    @Test
    void open_unknownId_namesTheInstalledOnes() {
        ConnectorRegistry registry = ConnectorRegistry.of(List.of(new TestingConnectorProvider()));
        assertThatThrownBy(() -> registry.open("shopify", Map.of(), CONTEXT))
                .isInstanceOf(UnknownConnectorException.class)
                .hasMessageContaining("shopify").hasMessageContaining("testing");
    }

    @Test
    void load_refusesAProviderBuiltForAnSpiVersionThisEngineDoesNotImplement() {
        ConnectorProvider future = new DescribedProvider(new ConnectorDescriptor("future", "Future", "9",
                "99.0", Set.of(Capability.CATALOG_SOURCE), List.of()));
        assertThat(ConnectorRegistry.problems(future)).singleElement().asString()
                .contains("built for connector SPI 99.0").contains("implements " + SpiVersion.CURRENT);
        assertThatThrownBy(() -> ConnectorRegistry.of(List.of(future)))
                .isInstanceOf(ConnectorRegistryException.class)
                .hasMessageContaining(DescribedProvider.class.getName()).hasMessageContaining("SPI 99.0");
        assertThat(ConnectorRegistry.problems(new NamedProvider("fine"))).isEmpty();
    }

    @Test
    void requireRole_refusesAShopConnectorPlacedAsAMarketplace_namingBothRoles() {
        ConnectorRegistry registry = ConnectorRegistry.of(List.of(new NamedProvider("csv-shop")));
        assertThat(registry.requireRole("csv-shop", ConnectorRole.SHOP).id()).isEqualTo("csv-shop");
        assertThatThrownBy(() -> registry.requireRole("csv-shop", ConnectorRole.MARKETPLACE))
                .isInstanceOf(ConnectorRegistryException.class)
                .hasMessage("connector 'csv-shop' is a shop connector; it cannot be a store's marketplace"
                        + " (a marketplace connector declares CATALOG_TARGET)");
    }

    @Test
    void open_refusesAConnectorThatDoesNotOfferWhatItDeclares_andClosesIt() {
        ConnectorDescriptor overpromising = new ConnectorDescriptor("over", "Over", "1", SpiVersion.CURRENT,
                Set.of(Capability.CATALOG_SOURCE, Capability.ORDER_TARGET), List.of());
        boolean[] closed = {false};
        ConnectorProvider provider = new DescribedProvider(overpromising) {
            @Override
            public Connector open(Settings settings, ConnectorContext context) {
                Connector testing = new TestingConnectorProvider().open(
                        new TestingConnectorProvider().descriptor().validate(
                                Map.of("url", "https://shop.example", "api-secret", "s")), context);
                return new Connector() {
                    @Override
                    public Optional<com.golisto.sync.api.spi.CatalogSource> catalogSource() {
                        return testing.catalogSource();
                    }

                    @Override
                    public void close() {
                        closed[0] = true;
                    }
                };
            }
        };
        ConnectorRegistry registry = ConnectorRegistry.of(List.of(provider));
        assertThatThrownBy(() -> registry.open("over", Map.of(), CONTEXT))
                .isInstanceOf(ConnectorRegistryException.class)
                .hasMessage("connector over for store shop-1 does not offer what it declares:"
                        + " it declares ORDER_TARGET but offers none");
        assertThat(closed[0]).as("the refused connector is closed").isTrue();
    }

    /** A provider with exactly this descriptor. */
    private static class DescribedProvider implements ConnectorProvider {
        private final ConnectorDescriptor descriptor;

        DescribedProvider(ConnectorDescriptor descriptor) {
            this.descriptor = descriptor;
        }

        @Override
        public String id() {
            return descriptor.id();
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public Connector open(Settings settings, ConnectorContext context) {
            throw new AssertionError("never opened");
        }
    }

    /** Claims the testing id with a descriptor of its own. */
    private static class ClashingProvider implements ConnectorProvider {
        @Override
        public String id() {
            return TestingConnectorProvider.ID;
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor(TestingConnectorProvider.ID, "Clash", "2.0", SpiVersion.CURRENT,
                Set.of(Capability.CATALOG_SOURCE), List.of());
        }

        @Override
        public Connector open(Settings settings, ConnectorContext context) {
            throw new AssertionError("never opened");
        }
    }

    /** A provider with any id and no settings. */
    private record NamedProvider(String id) implements ConnectorProvider {
        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor(id, id, "1", SpiVersion.CURRENT, Set.of(Capability.CATALOG_SOURCE),
                    List.of());
        }

        @Override
        public Connector open(Settings settings, ConnectorContext context) {
            throw new AssertionError("never opened");
        }
    }
}
