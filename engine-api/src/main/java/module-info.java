import org.jspecify.annotations.NullMarked;

/**
 * The Golisto Sync connector SPI and neutral commerce model. Connector authors depend on this module
 * only; it depends on nothing but the JDK (JSpecify's nullness annotations are needed only to compile).
 *
 * <p>Null-marked: no parameter, return value, record component or type argument is null unless it is
 * annotated {@link org.jspecify.annotations.Nullable @Nullable}. Both exported packages say so too, for
 * tools and callers that read them from the class path, where a module's annotations are not seen.
 */
@NullMarked
module com.golisto.sync.api {
    // JSpecify's nullness annotations appear in the exported signatures (transitive: readers see them when
    // they compile against this module); static: nothing of it is needed at run time
    requires static transitive org.jspecify;
    // HttpClient appears in ConnectorContext, the SPI's public signature
    requires transitive java.net.http;

    exports com.golisto.sync.api.model;
    exports com.golisto.sync.api.spi;
}
