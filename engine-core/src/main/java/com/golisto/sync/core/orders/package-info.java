/**
 * The order pipeline, marketplace to shop, exactly once: an intent row before each order creation,
 * recovery of open intents by looking the order up in the shop before creating it again, updates for
 * later versions, acknowledgements with the version, and the cursor moved after each page. Internal to
 * the engine.
 */
package com.golisto.sync.core.orders;
