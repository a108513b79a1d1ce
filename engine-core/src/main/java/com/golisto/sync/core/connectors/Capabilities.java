package com.golisto.sync.core.connectors;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether an opened connector offers exactly the capabilities its descriptor declares: the engine plans a
 * store's work from the descriptor, so a declared capability the connector does not offer would fail later
 * and far from its cause, and an undeclared one would be silently unused.
 */
final class Capabilities {

    private Capabilities() {}

    /** One sentence per capability declared but not offered, or offered but not declared. */
    static List<String> mismatches(ConnectorDescriptor descriptor, Connector connector) {
        List<String> mismatches = new ArrayList<>();
        for (Capability capability : Capability.values()) {
            boolean declared = descriptor.capabilities().contains(capability);
            boolean offered = offered(connector, capability).isPresent();
            if (declared && !offered) {
                mismatches.add("it declares " + capability + " but offers none");
            } else if (offered && !declared) {
                mismatches.add("it offers " + capability + " but does not declare it");
            }
        }
        return mismatches;
    }

    private static Optional<?> offered(Connector connector, Capability capability) {
        return switch (capability) {
            case CATALOG_SOURCE -> connector.catalogSource();
            case CATALOG_TARGET -> connector.catalogTarget();
            case ORDER_SOURCE -> connector.orderSource();
            case ORDER_TARGET -> connector.orderTarget();
            case WEBHOOK_RECEIVER -> connector.webhookReceiver();
            case WEBHOOK_SUBSCRIPTIONS -> connector.webhookSubscriptions();
            case CONNECTION_LIFECYCLE -> connector.connectionLifecycle();
            case CREDENTIAL_ISSUER -> connector.credentialIssuer();
            case STORE_INFO -> connector.storeInfo();
        };
    }
}
