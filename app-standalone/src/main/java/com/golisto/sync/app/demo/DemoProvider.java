package com.golisto.sync.app.demo;

import java.io.PrintWriter;

/**
 * Where the {@code demo} command finds the demo: a {@link java.util.ServiceLoader} service that only the
 * {@code app-demo} module provides (it brings the WooCommerce and Golisto emulators). The runner's own
 * installation has no provider, so it holds no emulator code; {@code bin/run} puts {@code app-demo} on the
 * module path, where the runner's {@code uses} clause binds it.
 */
public interface DemoProvider {

    /**
     * Starts the emulators and a runner on loopback; the caller then {@linkplain Demo#run() runs} the story.
     * Called once per {@code demo} command, on the command's thread.
     *
     * @param options how to run
     * @param out where the story is told
     * @return the started demo, to close
     * @throws IllegalStateException when the emulators or the runner cannot start
     */
    Demo start(DemoOptions options, PrintWriter out);
}
