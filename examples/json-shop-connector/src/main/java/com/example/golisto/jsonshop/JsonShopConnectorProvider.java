package com.example.golisto.jsonshop;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.SettingProblem;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.SettingType;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.SpiVersion;
import java.util.List;
import java.util.Set;

/** The JSON shop connector's entry point, found by {@link java.util.ServiceLoader}: its descriptor and factory. */
public final class JsonShopConnectorProvider implements ConnectorProvider {
    /** The id a store's configuration names this connector by. */
    public static final String ID = "json-shop";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "JSON shop", "1.0.0",
            SpiVersion.CURRENT, Set.of(Capability.CATALOG_SOURCE, Capability.STORE_INFO, Capability.CREDENTIAL_ISSUER),
            List.of(SettingSpec.required("url", SettingType.URL, "The shop's API URL, e.g. https://shop.example/api"),
                    SettingSpec.secret("api-key", true, "The shop's API key, sent in the X-Api-Key header"),
                    SettingSpec.optional("page-size", SettingType.INTEGER, "100", "Products per page, 1 to 500")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Opens a connector from settings the engine validated against the descriptor. No network I/O. */
    @Override
    public Connector open(Settings settings, ConnectorContext context) {
        int pageSize = settings.integer("page-size").orElseThrow();
        if (pageSize < 1 || pageSize > 500) {
            throw new InvalidSettingsException("connector " + ID,
                    List.of(new SettingProblem("page-size", "must be from 1 to 500, not " + pageSize)));
        }
        return new JsonShopConnector(settings.url("url").orElseThrow(), settings.secret("api-key").orElseThrow(),
                pageSize, context);
    }
}
