import com.golisto.sync.api.annotations.NullMarked;

/**
 * The Golisto Sync connector SPI and neutral commerce model. Connector authors depend on this module
 * only; it depends on nothing but the JDK, not even at compile time.
 *
 * <p>Null-marked: no parameter, return value, record component or type argument is null unless it is
 * annotated {@link com.golisto.sync.api.annotations.Nullable @Nullable}, the module's own nullness
 * annotation (JSpecify's meaning; NullAway reads it by its name). Every exported package says so too, for
 * tools and callers that read them from the class path, where a module's annotations are not seen.
 */
@NullMarked
module com.golisto.sync.api {
    // HttpClient appears in ConnectorContext, the SPI's public signature
    requires transitive java.net.http;

    exports com.golisto.sync.api.annotations;
    exports com.golisto.sync.api.model;
    exports com.golisto.sync.api.spi;
}
