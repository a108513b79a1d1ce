/**
 * Faithful HTTP emulators of WooCommerce and Golisto on loopback, for tests, the demo and benchmarks.
 */
module com.golisto.sync.sandbox {
    requires java.net.http;
    requires org.eclipse.jetty.server;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports com.golisto.sync.sandbox.http;
    exports com.golisto.sync.sandbox.woocommerce;
    exports com.golisto.sync.sandbox.golisto;
}
