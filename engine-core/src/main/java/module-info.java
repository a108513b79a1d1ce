import org.jspecify.annotations.NullMarked;

/**
 * The Golisto Sync engine: per-store reconciliation pipelines over the connector SPI, the Jdbi state
 * store and the connector registry. Hosts embed it through the exported {@code com.golisto.sync.core}
 * package.
 *
 * <p>Null-marked: no parameter, return value, record component or type argument is null unless it is
 * annotated {@link org.jspecify.annotations.Nullable @Nullable}. The exported package says so too, for
 * tools and callers that read it from the class path, where a module's annotations are not seen.
 */
@NullMarked
module com.golisto.sync.core {
    // JSpecify's nullness annotations appear in the exported signatures (transitive: readers see them when
    // they compile against this module); static: nothing of it is needed at run time
    requires static transitive org.jspecify;
    requires org.jdbi.v3.core;
    requires org.jdbi.v3.sqlobject;
    // Jdbi's automatic module needs it at run time but does not declare it
    requires io.leangen.geantyref;
    requires org.hsqldb;
    requires com.zaxxer.hikari;
    requires com.github.kagkarlsson.scheduler;
    requires com.github.benmanes.caffeine;
    requires com.fasterxml.jackson.databind;
    requires flyway.core;
    // Flyway's automatic module loads Jackson 3 at run time but cannot declare it; without this line
    // `java -p … -m …` fails with ClassNotFoundException: tools.jackson.databind.ObjectMapper
    requires tools.jackson.databind;
    requires dev.failsafe.core;
    requires org.slf4j;
    // the SPI and model types appear in the engine's public signatures
    requires transitive com.golisto.sync.api;
    // SyncEngine.Builder#dataSource takes a javax.sql.DataSource
    requires transitive java.sql;

    exports com.golisto.sync.core;
    // the JMH benchmarks measure fingerprinting and diffing directly
    exports com.golisto.sync.core.catalog to com.golisto.sync.benchmarks;

    // Jdbi maps the state-store records by constructor and proxies its package-private DAOs
    opens com.golisto.sync.core.store to org.jdbi.v3.core, org.jdbi.v3.sqlobject;

    uses com.golisto.sync.api.spi.ConnectorProvider;
}
