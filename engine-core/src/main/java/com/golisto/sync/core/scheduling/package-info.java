/**
 * When work is due and doing it: the per-store schedule (daily jittered full reconciliation, incremental
 * passes, order and status polls, computed from the engine's clock so tests never sleep), the due-work
 * tick that starts each store's due runs in parallel, the background loop that drives the tick, and what
 * connection changes mean for a store's schedule.
 *
 * <p>May use: the engine API, {@code core} value types, {@code core.work}, {@code core.connection},
 * {@code core.webhooks} (the dirty products), {@code core.runs}, {@code core.runtime}, {@code core.store}.
 */
package com.golisto.sync.core.scheduling;
