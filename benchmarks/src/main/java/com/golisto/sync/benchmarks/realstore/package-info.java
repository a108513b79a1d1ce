/**
 * A manual measurement against a real WooCommerce store ({@link com.golisto.sync.benchmarks.realstore.RealStoreRun}):
 * the engine with the real connectors, the store over HTTP, a Golisto emulator in this JVM; not part of the build's
 * tests. benchmarks/real-store/ brings the store up; docs/performance.md, "Against a real WooCommerce store", has the results.
 */
package com.golisto.sync.benchmarks.realstore;
