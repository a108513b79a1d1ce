package com.golisto.sync.core.connectors.testing;

import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.Settings;

/** What {@link TestingConnectorProvider} opens: it remembers the store and the settings it was given. */
public final class TestingConnector implements Connector {

    private final String storeId;
    private final Settings settings;

    TestingConnector(String storeId, Settings settings) {
        this.storeId = storeId;
        this.settings = settings;
    }

    /** The store it was opened for. */
    public String storeId() {
        return storeId;
    }

    /** The validated settings it was opened with. */
    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        // holds nothing
    }
}
