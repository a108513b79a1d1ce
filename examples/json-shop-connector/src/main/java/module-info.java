/** An example shop connector for a small JSON HTTP shop (docs/connectors.md walks through it). Exports nothing. */
@org.jspecify.annotations.NullMarked
module com.example.golisto.jsonshop {
    requires static org.jspecify; // annotations only: not needed at run time
    requires com.golisto.sync.api;
    requires com.fasterxml.jackson.databind;

    // Jackson binds the shop's JSON to the connector's records reflectively
    opens com.example.golisto.jsonshop to com.fasterxml.jackson.databind;

    provides com.golisto.sync.api.spi.ConnectorProvider with com.example.golisto.jsonshop.JsonShopConnectorProvider;
}
