package com.golisto.sync.api.spi;

import java.util.Optional;

/**
 * A live connector for one store: the capabilities it offers. Each accessor returns the same instance on
 * every call, or empty when the connector does not offer the capability. Implementations are thread-safe;
 * the engine may call capabilities from several threads, but never runs two pipelines of one store at once.
 *
 * <p>A shop connector typically offers {@link #catalogSource()}, {@link #orderTarget()},
 * {@link #webhookReceiver()}, {@link #webhookSubscriptions()}, {@link #credentialIssuer()} and
 * {@link #storeInfo()}; a marketplace connector {@link #catalogTarget()}, {@link #orderSource()},
 * {@link #webhookReceiver()} and {@link #connectionLifecycle()}.
 */
public interface Connector extends AutoCloseable {

    /** Reads the shop's catalog. */
    default Optional<CatalogSource> catalogSource() {
        return Optional.empty();
    }

    /** Writes a marketplace's listings and stock. */
    default Optional<CatalogTarget> catalogTarget() {
        return Optional.empty();
    }

    /** Reads marketplace sales. */
    default Optional<OrderSource> orderSource() {
        return Optional.empty();
    }

    /** Writes orders into the shop. */
    default Optional<OrderTarget> orderTarget() {
        return Optional.empty();
    }

    /** Verifies inbound webhook deliveries. */
    default Optional<WebhookReceiver> webhookReceiver() {
        return Optional.empty();
    }

    /** Registers and repairs webhooks at the remote. */
    default Optional<WebhookSubscriptions> webhookSubscriptions() {
        return Optional.empty();
    }

    /** Connects a store to a marketplace. */
    default Optional<ConnectionLifecycle> connectionLifecycle() {
        return Optional.empty();
    }

    /** Obtains shop API keys through the shop's own grant flow. */
    default Optional<CredentialIssuer> credentialIssuer() {
        return Optional.empty();
    }

    /** Reads facts the shop states about itself. */
    default Optional<StoreInfoSource> storeInfo() {
        return Optional.empty();
    }

    /** Releases what the connector holds. Idempotent; never throws. */
    @Override
    void close();
}
