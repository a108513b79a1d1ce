/**
 * The runner's Prometheus metrics (Micrometer): requests to remotes by remote and status, sync run
 * durations, items by outcome, webhook verifications by result, the engine's queue depth, and the
 * runner's own HTTP answers.
 */
package com.golisto.sync.app.metrics;
