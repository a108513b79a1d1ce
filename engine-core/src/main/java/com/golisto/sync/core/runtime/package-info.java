/**
 * The per-store state the engine holds while it runs, with one owner: {@link
 * com.golisto.sync.core.runtime.StoreRuntime} keeps a store's open connectors, pipeline lock, shop
 * permits, run request counting and stop reason private and changes them only through methods named for
 * the transition; {@link com.golisto.sync.core.runtime.StoreRuntimes} holds one per store; {@link
 * com.golisto.sync.core.runtime.StoreMdc} puts the store's id in the logging MDC.
 *
 * <p>May use: the engine API (SPI and model), {@code core} value types, {@code core.store},
 * {@code core.connectors}. Nothing else in the engine.
 */
package com.golisto.sync.core.runtime;
