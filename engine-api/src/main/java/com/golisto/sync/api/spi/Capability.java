package com.golisto.sync.api.spi;

/** The capabilities a connector may offer; listed in its {@link ConnectorDescriptor}. */
public enum Capability {
    /** {@link CatalogSource}: the shop's products. */
    CATALOG_SOURCE,
    /** {@link CatalogTarget}: a marketplace's listings and stock. */
    CATALOG_TARGET,
    /** {@link OrderSource}: marketplace sales. */
    ORDER_SOURCE,
    /** {@link OrderTarget}: orders written into the shop. */
    ORDER_TARGET,
    /** {@link WebhookReceiver}: verifying inbound webhook deliveries. */
    WEBHOOK_RECEIVER,
    /** {@link WebhookSubscriptions}: registering webhooks with the remote. */
    WEBHOOK_SUBSCRIPTIONS,
    /** {@link ConnectionLifecycle}: connecting a store to a marketplace. */
    CONNECTION_LIFECYCLE,
    /** {@link CredentialIssuer}: obtaining shop API keys through the shop's own grant flow. */
    CREDENTIAL_ISSUER,
    /** {@link StoreInfoSource}: the shop's currency, home URL and version. */
    STORE_INFO
}
