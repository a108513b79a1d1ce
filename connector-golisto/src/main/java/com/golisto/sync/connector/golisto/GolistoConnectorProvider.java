package com.golisto.sync.connector.golisto;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.SpiVersion;
import com.golisto.sync.api.spi.WebhookRouting;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Golisto marketplace connector, id {@code golisto}: connects a store to Golisto, writes its listings
 * and stock, reads Golisto's sales and verifies Golisto's signed webhooks. Found through
 * {@link java.util.ServiceLoader}. Settings: {@code api-url}, {@code web-url}, {@code request-timeout},
 * {@code page-size}, {@code rate-limit-pause}, and {@code connection-id} / {@code api-token}, which the
 * engine stores from the grant of a completed connection.
 *
 * <p>Golisto posts every store's webhooks to one URL and names the connection in
 * {@code X-Golisto-Connection}; {@link #webhookRouting()} reads it. Stateless and thread-safe.
 */
public final class GolistoConnectorProvider implements ConnectorProvider {

    /** The connector id. */
    public static final String ID = "golisto";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Golisto", "0.1.0", SpiVersion.CURRENT,
            Set.of(Capability.CONNECTION_LIFECYCLE, Capability.CATALOG_TARGET, Capability.ORDER_SOURCE,
                    Capability.WEBHOOK_RECEIVER),
            GolistoConfig.SETTINGS);

    private static final WebhookRouting ROUTING = new ConnectionHeaderRouting();

    /** The provider; ServiceLoader calls this. */
    public GolistoConnectorProvider() {
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
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(context, "context");
        return new GolistoConnector(GolistoConfig.from(settings), context);
    }

    /** Routes by {@code X-Golisto-Connection}, the connection id returned in the grant's state. */
    @Override
    public Optional<WebhookRouting> webhookRouting() {
        return Optional.of(ROUTING);
    }

    /** Reads the connection id header; the store's receiver verifies the delivery afterwards. */
    private static final class ConnectionHeaderRouting implements WebhookRouting {
        @Override
        public Optional<String> accountId(InboundRequest request) {
            return request.header(GolistoWebhookReceiver.CONNECTION).map(String::trim).filter(v -> !v.isEmpty());
        }
    }
}
