package com.golisto.sync.api.spi;

import java.util.Optional;

/**
 * The entry point of a connector module, found through {@link java.util.ServiceLoader}. A connector
 * module declares {@code provides com.golisto.sync.api.spi.ConnectorProvider with ...} in its
 * {@code module-info.java} and also lists the class in
 * {@code META-INF/services/com.golisto.sync.api.spi.ConnectorProvider} so the class path works too.
 *
 * <p>Implementations have a public no-argument constructor, hold no per-store state and are
 * thread-safe: one instance serves every store.
 */
public interface ConnectorProvider {

    /** The connector's id, equal to {@code descriptor().id()}. Ids are unique among loaded providers. */
    String id();

    /** What the connector is and which settings it accepts. Called often; return a constant. */
    ConnectorDescriptor descriptor();

    /**
     * Opens a connector for one store. Must not do network I/O: the connection is checked by its first
     * use. Called once per store each time its settings change or the engine starts.
     *
     * @param settings settings validated by {@code descriptor().validate(...)}
     * @param context what the engine offers this store's connector
     * @throws InvalidSettingsException when values are individually valid but do not fit together
     */
    Connector open(Settings settings, ConnectorContext context);

    /**
     * How to tell which store an inbound webhook belongs to when the remote posts every store's webhooks
     * to one URL. Empty (the default) when each store has its own webhook URL.
     */
    default Optional<WebhookRouting> webhookRouting() {
        return Optional.empty();
    }
}
