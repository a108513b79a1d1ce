import org.jspecify.annotations.NullMarked;

/**
 * The connector TCK: abstract JUnit 5 contracts ({@link com.golisto.sync.tck.ShopConnectorContract},
 * {@link com.golisto.sync.tck.MarketplaceConnectorContract}) that a connector author extends in a test class with
 * a fixture of theirs. Depends on engine-api, JUnit Jupiter's API and AssertJ only; see {@code docs/tck.md}.
 */
@NullMarked
module com.golisto.sync.tck {
    // JSpecify's annotations only; nothing of it is needed at run time
    requires static org.jspecify;
    requires org.assertj.core;
    // the fixtures and contracts name SPI and model types (ConnectorProvider, InboundRequest, Product)
    requires transitive com.golisto.sync.api;
    // the contracts are JUnit classes an author extends: their annotations and Assumptions are part of them
    requires transitive org.junit.jupiter.api;

    exports com.golisto.sync.tck;

    uses com.golisto.sync.api.spi.ConnectorProvider;
}
