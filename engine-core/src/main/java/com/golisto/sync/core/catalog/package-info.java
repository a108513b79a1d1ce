/**
 * The catalog pipeline, shop to marketplace: fingerprints over a canonical form, the per-page diff
 * against the state store, batching within the marketplace's limits, and full (mark-and-sweep by
 * generation), incremental (changed-since cursor) and single-product passes. Internal to the engine.
 */
package com.golisto.sync.core.catalog;
