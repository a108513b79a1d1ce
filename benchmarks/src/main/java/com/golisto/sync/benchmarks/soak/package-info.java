/**
 * The fault soak ({@code bin/soak}, see docs/reliability.md): the packaged runner in a child process against the
 * WooCommerce and Golisto emulators with randomized faults, catalog changes, Golisto sales and {@code kill -9}
 * restarts, then one reconcile and a check of the invariants (no duplicate or lost order, marketplace equal to
 * the shop). Not part of the test suite.
 */
package com.golisto.sync.benchmarks.soak;
