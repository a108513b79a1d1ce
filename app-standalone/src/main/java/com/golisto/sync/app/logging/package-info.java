/**
 * The runner's log output: the {@code key=value} text lines of {@code logback.xml} or one JSON object per line
 * ({@link com.golisto.sync.app.logging.JsonLayout}), and the level, chosen at start by {@link
 * com.golisto.sync.app.logging.LogSetup} from the command line, the environment and the configuration.
 */
package com.golisto.sync.app.logging;
