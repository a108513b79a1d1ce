package com.golisto.sync.api.spi;

import java.util.Optional;

/**
 * Tells which store an inbound webhook belongs to, for remotes that post every store's webhooks to one
 * URL. Reads only routing information; the store's {@link WebhookReceiver} verifies the delivery after.
 */
public interface WebhookRouting {

    /**
     * The marketplace account (connection) id the delivery names, as returned in
     * {@link ConnectionGrant#state()}; empty when the request names none.
     */
    Optional<String> accountId(InboundRequest request);
}
