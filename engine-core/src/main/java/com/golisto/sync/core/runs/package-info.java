/**
 * Runs: executing a store's work as a run (the store's pipeline lock and database lease, the run row and
 * its live counts, run and item events, failures turned into a failed run, items given up on turned into
 * dead letters, marketplace refusals handed on), waiting for runs, and what every pipeline run shares:
 * its counters, the remote-call wrapper (retries, the store's limit on concurrent shop requests, stopping)
 * and the sink for items given up on.
 *
 * <p>May use: the engine API, {@code core} value types, {@code core.runtime}, {@code core.store},
 * {@code core.retry}. Used by the pipelines ({@code catalog}, {@code inventory}, {@code orders}) and
 * everything above them.
 */
package com.golisto.sync.core.runs;
