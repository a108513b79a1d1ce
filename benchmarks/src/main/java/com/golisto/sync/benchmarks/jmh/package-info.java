/**
 * JMH micro-benchmarks of the engine's per-product CPU cost: fingerprinting and diffing (planning a page
 * against the state store's fingerprints). Run with {@code bin/bench --jmh}; see docs/performance.md.
 */
package com.golisto.sync.benchmarks.jmh;
