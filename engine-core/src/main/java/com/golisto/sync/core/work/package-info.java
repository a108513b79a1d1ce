/**
 * The work of each kind of run, built against a store's connectors: which pipeline a full, incremental,
 * webhook, order, recovery or replay run drives, with remote calls that retry and stop when the store is
 * disconnected or the engine closes; runs the host or an approval requests; and dead-letter replays.
 *
 * <p>May use: the engine API, {@code core} value types, {@code core.catalog}, {@code core.orders},
 * {@code core.connection} (approval checks, shop webhooks), {@code core.runs}, {@code core.runtime},
 * {@code core.store}, {@code core.retry}.
 */
package com.golisto.sync.core.work;
