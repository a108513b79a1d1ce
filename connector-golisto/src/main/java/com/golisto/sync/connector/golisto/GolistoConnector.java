package com.golisto.sync.connector.golisto;

import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.ConnectionLifecycle;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.OrderSource;
import com.golisto.sync.api.spi.WebhookReceiver;
import java.util.Optional;

/**
 * The Golisto connector for one store: a marketplace offering {@link #connectionLifecycle()},
 * {@link #catalogTarget()}, {@link #orderSource()} and {@link #webhookReceiver()}, all sharing one
 * {@link GolistoApiClient} (so a rate-limit pause seen by one capability holds for all). Thread-safe.
 */
final class GolistoConnector implements Connector {

    private final GolistoConnectionClient lifecycle;
    private final GolistoCatalogClient catalog;
    private final GolistoOrderClient orders;
    private final GolistoWebhookReceiver webhooks;

    GolistoConnector(GolistoConfig config, ConnectorContext context) {
        GolistoApiClient api = new GolistoApiClient(config, context);
        this.lifecycle = new GolistoConnectionClient(api);
        this.catalog = new GolistoCatalogClient(api);
        this.orders = new GolistoOrderClient(api);
        this.webhooks = new GolistoWebhookReceiver(context, api::connectionId);
    }

    @Override
    public Optional<ConnectionLifecycle> connectionLifecycle() {
        return Optional.of(lifecycle);
    }

    @Override
    public Optional<CatalogTarget> catalogTarget() {
        return Optional.of(catalog);
    }

    @Override
    public Optional<OrderSource> orderSource() {
        return Optional.of(orders);
    }

    @Override
    public Optional<WebhookReceiver> webhookReceiver() {
        return Optional.of(webhooks);
    }

    /** Nothing to release: the HTTP client is the engine's. */
    @Override
    public void close() {
        // the shared HttpClient belongs to the engine and is not closed here
    }
}
