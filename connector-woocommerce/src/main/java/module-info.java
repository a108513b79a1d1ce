import org.jspecify.annotations.NullMarked;

/**
 * The WooCommerce connector: catalog source, order target, webhook receiver and subscriptions, credential
 * issuer and store facts over the WooCommerce REST API v3. Exports nothing; the engine finds it through
 * {@link java.util.ServiceLoader}.
 */
@NullMarked
module com.golisto.sync.connector.woocommerce {
    // JSpecify's annotations only; nothing of it is needed at run time
    requires static org.jspecify;
    requires com.golisto.sync.api;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    provides com.golisto.sync.api.spi.ConnectorProvider
            with com.golisto.sync.connector.woocommerce.WooCommerceConnectorProvider;
}
