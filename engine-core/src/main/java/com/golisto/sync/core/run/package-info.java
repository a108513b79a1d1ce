/**
 * What every pipeline run shares: its counters, the remote-call wrapper (retries, the per-store limit on
 * concurrent shop requests) and the sink for items given up on. Internal to the engine.
 */
package com.golisto.sync.core.run;
