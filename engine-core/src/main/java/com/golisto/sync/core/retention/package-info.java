/**
 * Keeping the engine's history in bounds: the periodic sweep of old runs, remembered webhook deliveries,
 * dead letters and spent one-time states, on the engine's clock, in batches. Uses the state store and the
 * engine's options only. Internal to the engine.
 */
package com.golisto.sync.core.retention;
