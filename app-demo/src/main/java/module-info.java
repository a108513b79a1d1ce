/**
 * The Golisto Sync demo: the runner's {@code demo} command over the WooCommerce and Golisto emulators. Only
 * the demo launch ({@code bin/run}) puts this module, and with it the sandbox, on the module path; the runner
 * binds it through its {@code uses com.golisto.sync.app.demo.DemoProvider}. Exports nothing.
 */
module com.golisto.sync.demo {
    requires com.golisto.sync.api;
    requires com.golisto.sync.core;
    requires com.golisto.sync.app;
    requires com.golisto.sync.sandbox;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;

    provides com.golisto.sync.app.demo.DemoProvider with com.golisto.sync.demo.EmulatorDemoProvider;
}
