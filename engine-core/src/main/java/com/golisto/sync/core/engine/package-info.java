/**
 * The engine behind the {@link com.golisto.sync.core.SyncEngine} facade: per-store runtimes (open
 * connectors, contexts, the pipeline lock), run execution (leases, run rows, events, error handling), the
 * connect and status flows, and the due-work loop. Internal to the engine.
 */
package com.golisto.sync.core.engine;
