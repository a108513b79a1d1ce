/**
 * {@code demo}: the whole story on loopback with no setup. The runner holds only the command's contract
 * ({@link com.golisto.sync.app.demo.DemoProvider}, {@link com.golisto.sync.app.demo.Demo}, its options and
 * summary); the demo itself, with the WooCommerce and Golisto emulators, is the {@code app-demo} module, which
 * only the demo launch ({@code bin/run}) puts on the module path.
 */
@NullMarked
package com.golisto.sync.app.demo;

import org.jspecify.annotations.NullMarked;
