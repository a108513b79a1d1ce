/**
 * The embeddable Golisto Sync engine: what a host application uses.
 *
 * <p>{@link com.golisto.sync.core.SyncEngine#builder()} builds the engine from a database, a
 * {@link com.golisto.sync.core.MasterKey}, the host's public URL and optional
 * {@link com.golisto.sync.core.EngineOptions}; the engine then registers and connects stores
 * ({@link com.golisto.sync.core.StoreRegistration}, {@link com.golisto.sync.core.StoreView}), runs catalog
 * and order synchronisation ({@link com.golisto.sync.core.SyncMode}, {@link com.golisto.sync.core.RunView}),
 * takes inbound webhooks, keeps dead letters ({@link com.golisto.sync.core.DeadLetterView}) and reports
 * {@link com.golisto.sync.core.EngineEvent}s to {@link com.golisto.sync.core.EngineListener}s. Everything
 * else in the module is internal.
 *
 * <p>Null-marked: no parameter, return value or record component is null unless it is annotated
 * {@link org.jspecify.annotations.Nullable @Nullable} (such as {@link com.golisto.sync.core.RunView#finishedAt()}
 * while a run is running).
 */
@NullMarked
package com.golisto.sync.core;

import org.jspecify.annotations.NullMarked;
