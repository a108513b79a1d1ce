/**
 * Inbound webhooks as notifications: de-duplication by delivery key and per-product coalescing (debounce)
 * driven by the engine's clock. The engine re-reads what a notification names before writing anything.
 * Internal to the engine.
 */
package com.golisto.sync.core.webhooks;
