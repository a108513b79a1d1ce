package com.golisto.sync.core.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import org.junit.jupiter.api.Test;

/**
 * The engine finds the built-in connectors through {@code ServiceLoader} when their jars are on the path
 * (engine-core's own tests use no connector module; the packaged runner's module-path launch is proven by
 * {@code PackagedLaunchIT}).
 */
class ConnectorDiscoveryIT {

    @Test
    void load_findsBothBuiltInConnectorsDeclaredByTheirJars() {
        ConnectorRegistry registry = ConnectorRegistry.load();

        assertThat(registry.ids()).contains("woocommerce", "golisto");
        assertThat(registry.descriptors()).extracting(ConnectorDescriptor::id).containsExactlyElementsOf(registry.ids());
        for (String id : registry.ids()) {
            ConnectorProvider provider = registry.requireProvider(id);
            assertThat(provider.id()).isEqualTo(id);
            assertThat(provider.getClass().getName()).as("provider of " + id)
                    .startsWith("com.golisto.sync.connector." + id + ".");
        }
    }
}
