/**
 * Inbound webhooks: verified by the store's connector, de-duplicated by delivery key, and turned into due
 * work: products written to the durable webhook inbox (coalesced per product in the database), status
 * and order polls made due through {@link com.golisto.sync.core.webhooks.DueWorkRequests}. Nothing here
 * does network I/O; the engine re-reads what a notification names before writing anything.
 *
 * <p>May use: the engine API, {@code core.runtime} (the store's connectors, the MDC), {@code core.store},
 * {@code core.connectors}.
 */
package com.golisto.sync.core.webhooks;
