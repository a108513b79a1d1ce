import org.jspecify.annotations.NullMarked;

/**
 * The standalone Golisto Sync runner: configuration, CLI, HTTP server (webhooks, callbacks, admin API,
 * dashboard, health, metrics), wired with Guice. It is an application, started with
 * {@code java -p app.jar:lib -m com.golisto.sync.app}, and exports nothing to the world: only the demo module
 * ({@code app-demo}, which brings the emulators and is never in the runner's {@code lib/}) sees the packages it
 * drives a runner with, and provides the {@code demo} command's {@link com.golisto.sync.app.demo.DemoProvider}.
 *
 * <p>Null-marked: no parameter, return value, field or record component is null unless it is annotated
 * {@link org.jspecify.annotations.Nullable @Nullable}. The packages exported to the demo say so too.
 */
// the qualified exports name app-demo's module, which the runner never requires: javac would warn it is not found
@SuppressWarnings("module")
@NullMarked
module com.golisto.sync.app {
    // JSpecify's nullness annotations, checked by NullAway at compile time; nothing of it is needed at run time
    requires static org.jspecify;
    requires com.golisto.sync.api;
    requires com.golisto.sync.core;
    requires com.google.guice;
    // Guice 7's automatic module does not pull in guava on java -m; the real guava module must be required
    requires com.google.common;
    requires jakarta.inject;
    requires info.picocli;
    requires org.eclipse.jetty.server;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires micrometer.core;
    // Micrometer's JVM and process binders read the platform MXBeans (GC notifications, open files, CPU)
    requires java.management;
    requires jdk.management;
    requires micrometer.registry.prometheus;
    requires me.tongfei.progressbar;
    requires org.slf4j;
    // the log lines' format and level are chosen at start (logging.LogSetup, the JSON layout)
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires java.net.http;

    // the demo module starts a runner over its emulators (Runner, ConfigLoader, Registrations, Views, RunProgress)
    exports com.golisto.sync.app.demo to com.golisto.sync.demo;
    // as above: the demo's contract, its runner, configuration, views and progress line
    exports com.golisto.sync.app.wiring to com.golisto.sync.demo;
    // as above
    exports com.golisto.sync.app.config to com.golisto.sync.demo;
    // as above
    exports com.golisto.sync.app.admin to com.golisto.sync.demo;
    // as above
    exports com.golisto.sync.app.cli to com.golisto.sync.demo;

    // picocli sets annotated option and parameter fields reflectively
    opens com.golisto.sync.app.cli to info.picocli;
    // Guice calls the @Provides methods of RunnerModule reflectively
    opens com.golisto.sync.app.wiring to com.google.guice;
    // Jackson maps the admin API's request and answer records
    opens com.golisto.sync.app.admin to com.fasterxml.jackson.databind;

    uses com.golisto.sync.api.spi.ConnectorProvider;
    uses com.golisto.sync.app.demo.DemoProvider;
}
