package com.golisto.sync.api.spi;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Registers, checks and removes the webhooks a shop sends to the engine. Registration uses the store's
 * {@link StoreSecrets#WEBHOOK_SECRET}.
 */
public interface WebhookSubscriptions {

    /**
     * Makes sure every topic the engine needs is registered to this URL and delivering: registers missing
     * ones and re-activates disabled or paused ones. Idempotent.
     *
     * @return the subscriptions to this URL after the repair
     */
    List<WebhookSubscription> ensure(URI deliveryUrl) throws InterruptedException;

    /** The subscriptions registered to this URL, with their health. */
    List<WebhookSubscription> list(URI deliveryUrl) throws InterruptedException;

    /** Removes every subscription registered to this URL. Idempotent. */
    void remove(URI deliveryUrl) throws InterruptedException;

    /**
     * Why the shop could not deliver to this URL (for instance a loopback address or a port the shop
     * refuses), judged without network I/O; empty when no reason is known.
     */
    Optional<String> reachabilityProblem(URI deliveryUrl);
}
