package com.golisto.sync.core.connectors.testing;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.SettingType;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.SpiVersion;
import java.util.List;
import java.util.Set;

/**
 * A connector provider for registry tests. Self-contained (it uses only the SPI and the classes of this
 * package) because the tests also load this package's class files into a plugin class loader and a
 * plugin module layer, to prove discovery through {@link java.util.ServiceLoader}.
 */
public class TestingConnectorProvider implements ConnectorProvider {

    /** The id this provider registers under. */
    public static final String ID = "testing";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Testing", "1.0", SpiVersion.CURRENT,
            Set.of(Capability.CATALOG_SOURCE),
            List.of(SettingSpec.required("url", SettingType.URL, "where the shop answers"),
                    SettingSpec.secret("api-secret", true, "the API secret"),
                    SettingSpec.optional("page-size", SettingType.INTEGER, "100", "products per page")));

    /** For ServiceLoader. */
    public TestingConnectorProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Connector open(Settings settings, ConnectorContext context) {
        return new TestingConnector(context.storeId(), settings);
    }
}
