/**
 * Guice wiring of the runner ({@link com.golisto.sync.app.wiring.RunnerModule}, {@code @Provides} methods
 * only; the engine itself knows nothing of Guice) and the assembled {@link com.golisto.sync.app.wiring.Runner}.
 */
@NullMarked
package com.golisto.sync.app.wiring;

import org.jspecify.annotations.NullMarked;
