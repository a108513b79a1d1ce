/**
 * Faithful HTTP emulators of WooCommerce and Golisto on loopback, for tests, the demo and benchmarks.
 */
module com.golisto.sync.sandbox {
    requires java.net.http;
    requires org.eclipse.jetty.server;
    requires org.slf4j;

    // test hooks of the WooCommerce emulator return Jackson trees (the REST JSON as WooCommerce renders it)
    requires transitive com.fasterxml.jackson.databind;

    exports com.golisto.sync.sandbox.http;
    exports com.golisto.sync.sandbox.woocommerce;
    exports com.golisto.sync.sandbox.golisto;
}
