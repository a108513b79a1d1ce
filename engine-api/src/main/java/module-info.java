/**
 * The Golisto Sync connector SPI and neutral commerce model. Connector authors depend on this module
 * only; it depends on nothing but the JDK.
 */
module com.golisto.sync.api {
    // HttpClient appears in ConnectorContext, the SPI's public signature
    requires transitive java.net.http;

    exports com.golisto.sync.api.model;
    exports com.golisto.sync.api.spi;
}
