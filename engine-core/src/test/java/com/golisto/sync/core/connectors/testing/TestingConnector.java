package com.golisto.sync.core.connectors.testing;

import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.spi.CatalogSource;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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

    /** An empty catalog: the registry checks that a declared capability is offered. */
    @Override
    public Optional<CatalogSource> catalogSource() {
        return Optional.of(EMPTY_CATALOG);
    }

    private static final CatalogSource EMPTY_CATALOG = new EmptyCatalog();

    /** A shop with no products. */
    private static final class EmptyCatalog implements CatalogSource {
        @Override
        public Page<Product> readAll(@Nullable String pageToken) {
            return new Page<>(List.of(), null, null);
        }

        @Override
        public Page<Product> readChanged(Cursor since, @Nullable String pageToken) {
            return new Page<>(List.of(), null, null);
        }

        @Override
        public Optional<Product> read(String productId) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        // holds nothing
    }
}
