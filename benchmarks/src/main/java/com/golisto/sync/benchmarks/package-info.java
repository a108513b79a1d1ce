/**
 * The end-to-end benchmark ({@link com.golisto.sync.benchmarks.EndToEndBenchmark}): the engine with the
 * real connectors against the WooCommerce and Golisto emulators over loopback, one JSON line per scenario.
 */
package com.golisto.sync.benchmarks;
