package com.golisto.sync.api.spi;

/**
 * Verifies inbound webhook deliveries for one store and turns them into change notifications. Never
 * trusts a delivery's content as data: notifications only say what to re-read. Called on the host's
 * request threads, concurrently; must be fast and do no network I/O.
 */
public interface WebhookReceiver {

    /** Verifies the raw request (signature, timestamp window) and reads what it notifies. */
    WebhookVerdict verify(InboundRequest request);
}
