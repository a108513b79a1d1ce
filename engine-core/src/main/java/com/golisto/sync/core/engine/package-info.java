/**
 * The engine behind the {@link com.golisto.sync.core.SyncEngine} facade. {@code Engine} wires and
 * delegates; the work is in small parts: per-store runtimes (open connectors, contexts, the pipeline
 * lock), run execution (leases, run rows, events, error handling), the work of each run kind, store
 * registration, the connect and status flows, inbound webhooks, dead-letter replays, the due-work tick and
 * the background loop that drives it, and the store id in the logging MDC. Internal to the engine.
 */
package com.golisto.sync.core.engine;
