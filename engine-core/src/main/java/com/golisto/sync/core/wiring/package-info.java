/**
 * The composition root: what the builder collected ({@link com.golisto.sync.core.wiring.EngineSetup}),
 * and {@link com.golisto.sync.core.wiring.EngineServices}, which opens the state store and the connector
 * registry, builds each feature service once, hands them to the facade and closes them in order. No
 * behaviour of its own: it never decides about stores or runs.
 *
 * <p>May use: every package of the module except the facade's {@code SyncEngine} (the facade depends on
 * this package, not the other way round); it may use {@code core} value types such as
 * {@code EngineOptions} and {@code MasterKey}.
 */
package com.golisto.sync.core.wiring;
