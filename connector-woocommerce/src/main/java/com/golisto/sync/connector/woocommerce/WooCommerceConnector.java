package com.golisto.sync.connector.woocommerce;

import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.CredentialIssuer;
import com.golisto.sync.api.spi.OrderTarget;
import com.golisto.sync.api.spi.StoreInfoSource;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookSubscriptions;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A WooCommerce store as the engine sees it: catalog source, order target, webhook receiver and
 * subscriptions, credential issuer and store facts. Opening it does no network I/O. Thread-safe.
 */
final class WooCommerceConnector implements Connector {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final WooCommerceCatalogReader catalog;
    private final WooCommerceOrderWriter orders;
    private final WooCommerceWebhookReceiver receiver;
    private final WooCommerceWebhookSubscriptions subscriptions;
    private final WooCommerceCredentialIssuer issuer;
    private final WooCommerceStoreInfo storeInfo;

    WooCommerceConnector(WooCommerceConfig config, ConnectorContext context) {
        WooCommerceHttp http = new WooCommerceHttp(config, context);
        this.catalog = new WooCommerceCatalogReader(http, context, executor);
        this.orders = new WooCommerceOrderWriter(http, context.storeId());
        this.receiver = new WooCommerceWebhookReceiver(context.secrets());
        this.subscriptions = new WooCommerceWebhookSubscriptions(http, context.secrets(), context.storeId());
        this.issuer = new WooCommerceCredentialIssuer(config);
        this.storeInfo = new WooCommerceStoreInfo(http, context.storeId());
    }

    @Override
    public Optional<CatalogSource> catalogSource() {
        return Optional.of(catalog);
    }

    @Override
    public Optional<OrderTarget> orderTarget() {
        return Optional.of(orders);
    }

    @Override
    public Optional<WebhookReceiver> webhookReceiver() {
        return Optional.of(receiver);
    }

    @Override
    public Optional<WebhookSubscriptions> webhookSubscriptions() {
        return Optional.of(subscriptions);
    }

    @Override
    public Optional<CredentialIssuer> credentialIssuer() {
        return Optional.of(issuer);
    }

    @Override
    public Optional<StoreInfoSource> storeInfo() {
        return Optional.of(storeInfo);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
