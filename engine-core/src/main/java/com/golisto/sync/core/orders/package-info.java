/**
 * The order pipeline, marketplace to shop, exactly once: an intent row before each order creation,
 * recovery of open intents by looking the order up in the shop before creating it again, updates for
 * later versions, acknowledgements with the version, and the cursor moved after each page. The stock an
 * order changed is pushed through a callback, so this package does not know the catalog.
 *
 * <p>May use: the engine API, {@code core.runs} (remote calls, counters, failures), {@code core.store}.
 */
package com.golisto.sync.core.orders;
