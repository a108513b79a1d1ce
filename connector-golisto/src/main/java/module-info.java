import org.jspecify.annotations.NullMarked;

/**
 * The Golisto marketplace connector: connection lifecycle, listings and stock, sales, signed webhooks.
 * Exports nothing; the engine finds it through {@link java.util.ServiceLoader}.
 */
@NullMarked
module com.golisto.sync.connector.golisto {
    // JSpecify's annotations only; nothing of it is needed at run time
    requires static org.jspecify;
    requires com.golisto.sync.api;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    provides com.golisto.sync.api.spi.ConnectorProvider
            with com.golisto.sync.connector.golisto.GolistoConnectorProvider;
}
