/**
 * The standalone Golisto Sync runner: configuration, CLI, HTTP server (webhooks, callbacks, admin API,
 * dashboard, health, metrics) and the demo, wired with Guice. Exports nothing: it is an application,
 * started with {@code java -p app.jar:lib -m com.golisto.sync.app}.
 */
module com.golisto.sync.app {
    requires com.golisto.sync.api;
    requires com.golisto.sync.core;
    requires com.golisto.sync.sandbox;
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
    requires micrometer.registry.prometheus;
    requires me.tongfei.progressbar;
    requires org.slf4j;
    requires java.net.http;

    // picocli sets annotated option and parameter fields reflectively
    opens com.golisto.sync.app.cli to info.picocli;
    // Guice calls the @Provides methods of RunnerModule reflectively
    opens com.golisto.sync.app.wiring to com.google.guice;
    // Jackson maps the admin API's request and answer records
    opens com.golisto.sync.app.admin to com.fasterxml.jackson.databind;

    uses com.golisto.sync.api.spi.ConnectorProvider;
}
