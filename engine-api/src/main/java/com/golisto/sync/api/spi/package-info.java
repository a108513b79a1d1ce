/**
 * The connector SPI: what a connector author implements to plug a shop or a marketplace into the
 * engine.
 *
 * <p>A connector module {@code provides} a {@link com.golisto.sync.api.spi.ConnectorProvider}, found
 * through {@link java.util.ServiceLoader} on the module path or the class path. The provider describes
 * itself and its settings ({@link com.golisto.sync.api.spi.ConnectorDescriptor}), and opens a
 * {@link com.golisto.sync.api.spi.Connector} for one store from validated
 * {@link com.golisto.sync.api.spi.Settings} and a {@link com.golisto.sync.api.spi.ConnectorContext}.
 * A connector offers the capabilities it has as small interfaces ({@code catalogSource()},
 * {@code orderTarget()}, ...); the engine pairs a shop connector with a marketplace connector.
 *
 * <p>Errors are unchecked and rooted at {@link com.golisto.sync.api.spi.SyncException}; the subtype says
 * what the engine should do: retry later, dead-letter the item, stop the store, or treat the resource as
 * gone. Connectors do not retry by themselves: the engine owns retries and backoff.
 */
@NullMarked
package com.golisto.sync.api.spi;

import com.golisto.sync.api.annotations.NullMarked;
