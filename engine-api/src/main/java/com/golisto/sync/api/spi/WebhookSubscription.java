package com.golisto.sync.api.spi;

import java.net.URI;
import java.util.Objects;

/**
 * A webhook registered at a remote.
 *
 * @param id the remote's id for it
 * @param topic what it delivers, in the remote's terms (e.g. {@code product.updated})
 * @param deliveryUrl where it delivers
 * @param health whether the remote delivers it
 */
public record WebhookSubscription(String id, String topic, URI deliveryUrl, Health health) {

    /** Whether the remote delivers a webhook. */
    public enum Health {
        /** Delivering. */
        ACTIVE,
        /** Paused by a person. */
        PAUSED,
        /** Switched off by the remote after failed deliveries. */
        DISABLED
    }

    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(deliveryUrl, "deliveryUrl");
        Objects.requireNonNull(health, "health");
    }
}
