/**
 * The engine's health checks ({@link com.golisto.sync.core.SyncEngine#health()}): whether the state store
 * accepts a write (a throttled probe), and for each approved store whether its last catalog passes all failed,
 * whether the shop disabled its webhooks, and whether its order polls lag. Computed from the state store only,
 * never from a remote, and cached for a few seconds.
 *
 * <p>May use: the state store ({@code core.store}) and the {@code core} value types; nothing else of the
 * engine. The composition root feeds it the engine's events.
 */
package com.golisto.sync.core.health;
