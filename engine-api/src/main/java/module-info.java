import org.jspecify.annotations.NullMarked;

/**
 * The Golisto Sync connector SPI and neutral commerce model. Connector authors depend on this module
 * only; at run time it needs nothing but the JDK.
 *
 * <p>Null-marked with <a href="https://jspecify.dev">JSpecify</a>: no parameter, return value, record
 * component or type argument is null unless it is annotated {@link org.jspecify.annotations.Nullable
 * @Nullable}. JSpecify is read at compile time only ({@code requires static}): a connector that wants its
 * nullness checked (NullAway, IntelliJ, Kotlin) adds {@code org.jspecify:jspecify} to its own build. Every
 * exported package is marked too, for tools and callers that read them from the class path, where a
 * module's annotations are not seen.
 */
@NullMarked
module com.golisto.sync.api {
    // HttpClient appears in ConnectorContext, the SPI's public signature
    requires transitive java.net.http;
    // nullness annotations, compile time only
    requires static org.jspecify;

    exports com.golisto.sync.api.model;
    exports com.golisto.sync.api.spi;
}
