import org.jspecify.annotations.NullMarked;

/**
 * Faithful HTTP emulators of WooCommerce and Golisto on loopback, for tests, the demo and benchmarks.
 *
 * <p>Null-marked: nothing is null unless its type says {@link org.jspecify.annotations.Nullable @Nullable}.
 * The exported packages say so too, for readers on the class path, where a module's annotations are not seen.
 */
@NullMarked
module com.golisto.sync.sandbox {
    // @Nullable appears in the exported signatures (transitive: readers see it when they compile against
    // this module); static: nothing of JSpecify is needed at run time
    requires static transitive org.jspecify;
    requires java.net.http;
    requires org.eclipse.jetty.server;
    requires org.slf4j;

    // test hooks of the WooCommerce emulator return Jackson trees (the REST JSON as WooCommerce renders it)
    requires transitive com.fasterxml.jackson.databind;

    exports com.golisto.sync.sandbox.http;
    exports com.golisto.sync.sandbox.woocommerce;
    exports com.golisto.sync.sandbox.golisto;
}
