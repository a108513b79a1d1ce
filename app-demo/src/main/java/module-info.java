import org.jspecify.annotations.NullMarked;

/**
 * The Golisto Sync demo: the runner's {@code demo} command over the WooCommerce and Golisto emulators. Only
 * the demo launch ({@code bin/run}) puts this module, and with it the sandbox, on the module path; the runner
 * binds it through its {@code uses com.golisto.sync.app.demo.DemoProvider}. Exports nothing.
 *
 * <p>Null-marked: nothing is null unless it is annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
module com.golisto.sync.demo {
    // JSpecify's nullness annotations, checked by NullAway at compile time; nothing of it is needed at run time
    requires static org.jspecify;
    requires com.golisto.sync.api;
    requires com.golisto.sync.core;
    requires com.golisto.sync.app;
    requires com.golisto.sync.sandbox;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;

    provides com.golisto.sync.app.demo.DemoProvider with com.golisto.sync.demo.EmulatorDemoProvider;
}
