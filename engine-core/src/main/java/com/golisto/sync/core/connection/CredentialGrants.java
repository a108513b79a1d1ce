package com.golisto.sync.core.connection;

import com.golisto.sync.api.spi.CredentialIssuer;
import com.golisto.sync.api.spi.CredentialRequest;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.IssuedCredentials;
import com.golisto.sync.core.ConnectFlowException;
import com.golisto.sync.core.connectors.ConnectorRegistry;
import com.golisto.sync.core.runtime.StoreMdc;
import com.golisto.sync.core.runtime.StoreRuntime;
import com.golisto.sync.core.runtime.StoreRuntimes;
import com.golisto.sync.core.store.Side;
import com.golisto.sync.core.store.StateStore;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's own API-key grant: the page where the merchant grants keys, and storing the keys the shop
 * posts back under a one-time state. Makes no remote call. Thread-safe.
 */
public final class CredentialGrants {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialGrants.class);
    static final String CREDENTIAL_GRANT = "credential-grant";
    private static final Duration STATE_TTL = Duration.ofMinutes(30);

    private final StateStore store;
    private final ConnectorRegistry registry;
    private final StoreRuntimes runtimes;
    private final Stores stores;
    private final Endpoints endpoints;

    /** Over the state store, the installed connectors and the stores' runtimes. */
    public CredentialGrants(StateStore store, ConnectorRegistry registry, StoreRuntimes runtimes, Stores stores,
            Endpoints endpoints) {
        this.store = store;
        this.registry = registry;
        this.runtimes = runtimes;
        this.stores = stores;
        this.endpoints = endpoints;
    }

    /** The shop page where the merchant grants API keys for this store. */
    public URI beginCredentialGrant(String storeId) {
        stores.record(storeId);
        StoreMdc mdc = StoreMdc.of(storeId);
        try {
            return grantUrl(storeId);
        } finally {
            mdc.close();
        }
    }

    private URI grantUrl(String storeId) {
        StoreRuntime runtime = runtimes.of(storeId);
        CredentialIssuer issuer = runtime.shop().credentialIssuer().orElseThrow(() -> new ConnectFlowException(
                "the shop connector of store " + storeId + " cannot grant API keys: give them in its settings"));
        String state = store.states().create(storeId, CREDENTIAL_GRANT, STATE_TTL);
        return issuer.authorizationUrl(new CredentialRequest("Golisto Sync", state,
                endpoints.endpoint("/wc-auth/return"), endpoints.endpoint("/wc-auth/callback/" + state)));
    }

    /** Stores the keys the shop posted under {@code state}; returns the store's id. */
    public String completeCredentialGrant(String state, InboundRequest callback) {
        String storeId = store.states().consume(state, CREDENTIAL_GRANT).orElseThrow(() -> new ConnectFlowException(
                "this key grant is unknown, used or expired: start granting the keys again"));
        StoreMdc mdc = StoreMdc.of(storeId);
        try {
            storeGrantedKeys(storeId, state, callback);
        } finally {
            mdc.close();
        }
        return storeId;
    }

    private void storeGrantedKeys(String storeId, String state, InboundRequest callback) {
        StoreRuntime runtime = runtimes.of(storeId);
        CredentialIssuer issuer = runtime.shop().credentialIssuer().orElseThrow(() -> new ConnectFlowException(
                "the shop connector of store " + storeId + " cannot grant API keys"));
        IssuedCredentials issued = issuer.parseCallback(callback);
        if (!issued.state().equals(state)) {
            throw new ConnectFlowException("the shop's key grant names another request: start granting again");
        }
        store.settings().merge(storeId, Side.SHOP, issued.settings(),
                registry.secretSettingNames(stores.record(storeId).shopConnector()));
        runtime.reopenConnectors();
        LOG.info("store {}: the shop granted API keys ({})", storeId, issued.settings().keySet());
    }
}
