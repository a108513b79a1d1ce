/**
 * Finding and opening connectors: {@link com.golisto.sync.core.connectors.ConnectorRegistry} discovers
 * {@link com.golisto.sync.api.spi.ConnectorProvider}s with {@link java.util.ServiceLoader} (module path,
 * class path, or a plugin {@link java.lang.ModuleLayer}) or takes an explicit list, refuses ambiguous ids,
 * and opens a connector only with validated settings. Not exported: the engine facade uses it.
 */
package com.golisto.sync.core.connectors;
