/**
 * The catalog pipeline, shop to marketplace: fingerprints over a canonical form, the per-page diff
 * against the state store, batching within the marketplace's limits, and full (mark-and-sweep by
 * generation), incremental (changed-since cursor) and single-product passes. Stock-only changes go
 * through {@code core.inventory}.
 *
 * <p>May use: the engine API, {@code core.inventory}, {@code core.runs} (remote calls, counters,
 * failures), {@code core.store}. Exported to the JMH benchmarks only.
 */
package com.golisto.sync.core.catalog;
