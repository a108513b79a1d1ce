/**
 * When periodic work is due per store (daily jittered full reconciliation, incremental passes, order and
 * status polls), computed from the engine's clock so tests never sleep. Internal to the engine.
 */
package com.golisto.sync.core.schedule;
