/**
 * The stock-only path, shop to marketplace: stock updates for products whose listing is otherwise
 * unchanged, batched within the marketplace's inventory limit, retried item by item, with a per-product
 * outcome (written, listing gone so send it whole, given up) for the catalog writer to record.
 *
 * <p>May use: the engine API and {@code core.runs} (remote calls, failures, batches, result reading).
 */
package com.golisto.sync.core.inventory;
