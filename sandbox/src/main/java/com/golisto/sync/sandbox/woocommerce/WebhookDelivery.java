package com.golisto.sync.sandbox.woocommerce;

import java.util.Objects;

/**
 * One delivery attempt the emulator made (a webhook POST or a creation ping), for tests to inspect.
 *
 * @param webhookId the webhook
 * @param topic the topic, e.g. {@code product.updated}; {@code "ping"} for the creation ping
 * @param resourceId the id in the payload (a variation's own id for variation changes), 0 for a ping
 * @param status the receiver's HTTP status, or -1 when no answer arrived or the URL was refused
 * @param success whether WooCommerce counts it as delivered (2xx, 301, 302; exactly 200 for a ping)
 * @param error why it failed without an answer, empty otherwise
 */
public record WebhookDelivery(long webhookId, String topic, long resourceId, int status, boolean success,
                              String error) {

    /** Validates. */
    public WebhookDelivery {
        Objects.requireNonNull(topic, "topic");
        error = error == null ? "" : error;
    }
}
