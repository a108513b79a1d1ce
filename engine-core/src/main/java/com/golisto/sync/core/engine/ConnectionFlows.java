package com.golisto.sync.core.engine;

import com.golisto.sync.api.model.ConnectionState;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.model.ShopCredentials;
import com.golisto.sync.api.model.StoreInfo;
import com.golisto.sync.api.spi.ConnectCompletion;
import com.golisto.sync.api.spi.ConnectRequest;
import com.golisto.sync.api.spi.ConnectionGrant;
import com.golisto.sync.api.spi.ConnectionLifecycle;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.CredentialIssuer;
import com.golisto.sync.api.spi.CredentialRequest;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.IssuedCredentials;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreInfoSource;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.api.spi.WebhookSubscriptions;
import com.golisto.sync.core.ConnectFlowException;
import com.golisto.sync.core.EngineEvent;
import com.golisto.sync.core.connectors.ConnectorRegistry;
import com.golisto.sync.core.run.MarketplaceRefusal;
import com.golisto.sync.core.run.RemoteCalls;
import com.golisto.sync.core.store.Side;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting a store and following its connection: the connect and credential-grant flows, status
 * polls with what approval and disconnection trigger, and disconnecting. Everything here talks to the
 * shop only as far as connecting needs (its currency and home URL), until the marketplace approved the
 * store. Thread-safe.
 */
final class ConnectionFlows {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFlows.class);
    static final String CONNECT = "connect";
    static final String CREDENTIAL_GRANT = "credential-grant";
    private static final Duration STATE_TTL = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the engine does once a store is approved: start its first full sync. */
    @FunctionalInterface
    interface ApprovalHandler {
        void approved(String storeId);
    }

    private final EngineSetup setup;
    private final StateStore store;
    private final ConnectorRegistry registry;
    private final Events events;
    private final Clock clock;
    private final java.util.function.Function<String, StoreRuntime> runtimes;
    private final java.util.function.Function<StoreRuntime, RemoteCalls> calls;
    private final ApprovalHandler onApproved;
    private final java.util.function.Consumer<String> onStopped;

    ConnectionFlows(EngineSetup setup, StateStore store, ConnectorRegistry registry, Events events,
            java.util.function.Function<String, StoreRuntime> runtimes,
            java.util.function.Function<StoreRuntime, RemoteCalls> calls, ApprovalHandler onApproved,
            java.util.function.Consumer<String> onStopped) {
        this.setup = setup;
        this.store = store;
        this.registry = registry;
        this.events = events;
        this.clock = setup.clock();
        this.runtimes = runtimes;
        this.calls = calls;
        this.onApproved = onApproved;
        this.onStopped = onStopped;
    }

    // ---- connect ----

    URI beginConnect(String storeId) throws InterruptedException {
        return StoreMdc.call(storeId, () -> connectUrl(storeId));
    }

    private URI connectUrl(String storeId) throws InterruptedException {
        StoreRuntime runtime = runtimes.apply(storeId);
        shopCredentials(runtime);
        StoreInfo info = storeInfo(runtime);
        ConnectionLifecycle lifecycle = lifecycle(runtime);
        String state = store.states().create(storeId, CONNECT, STATE_TTL);
        return lifecycle.connectUrl(new ConnectRequest(info.homeUrl(), info.currency(),
                setup.endpoint("/connect/return"), state));
    }

    String completeConnect(String state, String code) throws InterruptedException {
        String storeId = store.states().consume(state, CONNECT).orElseThrow(() -> new ConnectFlowException(
                "this connect link is unknown, used or expired: start connecting the store again"));
        return StoreMdc.call(storeId, () -> connectStore(storeId, code));
    }

    private String connectStore(String storeId, String code) throws InterruptedException {
        StoreRuntime runtime = runtimes.apply(storeId);
        ShopCredentials credentials = shopCredentials(runtime);
        StoreInfo info = storeInfo(runtime);
        Secret webhookSecret = Secret.of(newWebhookSecret());
        store.secrets().put(storeId, StoreSecrets.WEBHOOK_SECRET, webhookSecret);
        StoreRecord record = record(storeId);
        URI webhookUrl = setup.endpoint("/webhooks/" + record.marketplaceConnector());
        ConnectionLifecycle lifecycle = lifecycle(runtime);
        ConnectionGrant grant = calls.apply(runtime).marketplace("complete connection", () -> lifecycle.complete(
                new ConnectCompletion(code, info.homeUrl(), info.currency(), credentials, webhookSecret, webhookUrl)));
        store.settings().merge(storeId, Side.MARKETPLACE, grant.settings(), registry.secretSettingNames(record.marketplaceConnector()));
        runtime.reopenConnectors();
        ConnectionState connection = grant.state();
        setStatus(record, connection.status(), connection.accountId() != null ? connection.accountId()
                : record.accountId(), connection.reason());
        if (connection.status() == ConnectionStatus.APPROVED) {
            approved(storeId);
        }
        return storeId;
    }

    /** The shop's API keys, which connecting hands to the marketplace. */
    private static ShopCredentials shopCredentials(StoreRuntime runtime) {
        CredentialIssuer issuer = runtime.shop().credentialIssuer().orElse(null);
        ShopCredentials credentials = issuer == null ? null : issuer.currentCredentials().orElse(null);
        if (credentials == null) {
            throw new ConnectFlowException("store " + runtime.storeId() + " has no shop API keys yet: give them in"
                    + " the shop settings or grant them (beginCredentialGrant), then connect");
        }
        return credentials;
    }

    /** 32 random bytes as URL-safe base64: 43 characters, well above the 32 marketplaces ask for. */
    static String newWebhookSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- shop credential grant ----

    URI beginCredentialGrant(String storeId) {
        StoreMdc mdc = StoreMdc.of(storeId);
        try {
            return grantUrl(storeId);
        } finally {
            mdc.close();
        }
    }

    private URI grantUrl(String storeId) {
        StoreRuntime runtime = runtimes.apply(storeId);
        CredentialIssuer issuer = runtime.shop().credentialIssuer().orElseThrow(() -> new ConnectFlowException(
                "the shop connector of store " + storeId + " cannot grant API keys: give them in its settings"));
        String state = store.states().create(storeId, CREDENTIAL_GRANT, STATE_TTL);
        return issuer.authorizationUrl(new CredentialRequest("Golisto Sync", state,
                setup.endpoint("/wc-auth/return"), setup.endpoint("/wc-auth/callback/" + state)));
    }

    String completeCredentialGrant(String state, InboundRequest callback) {
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
        StoreRuntime runtime = runtimes.apply(storeId);
        CredentialIssuer issuer = runtime.shop().credentialIssuer().orElseThrow(() -> new ConnectFlowException(
                "the shop connector of store " + storeId + " cannot grant API keys"));
        IssuedCredentials issued = issuer.parseCallback(callback);
        if (!issued.state().equals(state)) {
            throw new ConnectFlowException("the shop's key grant names another request: start granting again");
        }
        store.settings().merge(storeId, Side.SHOP, issued.settings(), registry.secretSettingNames(record(storeId).shopConnector()));
        runtime.reopenConnectors();
        LOG.info("store {}: the shop granted API keys ({})", storeId, issued.settings().keySet());
    }

    // ---- status ----

    /** Polls the marketplace and acts on a change. */
    void refreshStatus(String storeId) throws InterruptedException {
        StoreMdc.call(storeId, () -> {
            pollStatus(storeId);
            return null;
        });
    }

    private void pollStatus(String storeId) throws InterruptedException {
        StoreRuntime runtime = runtimes.apply(storeId);
        StoreRecord record = record(storeId);
        if (record.status() == ConnectionStatus.DISCONNECTED) {
            // nothing to follow: the store was never connected, or its token was erased when it disconnected
            return;
        }
        ConnectionState state;
        try {
            ConnectionLifecycle lifecycle = lifecycle(runtime);
            state = calls.apply(runtime).marketplace("connection status", lifecycle::status);
        } catch (MarketplaceRefusal e) {
            if (e.credentialsRejected()) {
                disconnected(storeId, e.getMessage(), false);
            }
            return;
        }
        ConnectionStatus before = record.status();
        if (state.status() == ConnectionStatus.DISCONNECTED) {
            if (before != ConnectionStatus.DISCONNECTED) {
                disconnected(storeId, state.reason() != null ? state.reason() : "the marketplace ended the connection",
                        false);
            }
            return;
        }
        setStatus(record, state.status(), state.accountId() != null ? state.accountId() : record.accountId(),
                state.reason());
        if (state.status() == ConnectionStatus.APPROVED && before != ConnectionStatus.APPROVED) {
            approved(storeId);
        }
    }

    private void approved(String storeId) throws InterruptedException {
        LOG.info("store {}: approved by the marketplace; registering shop webhooks and starting the first full sync",
                storeId);
        ensureWebhooks(runtimes.apply(storeId), calls.apply(runtimes.apply(storeId)));
        onApproved.approved(storeId);
    }

    /** The URL the shop posts this store's webhooks to. */
    URI shopWebhookUrl(String storeId) {
        return setup.endpoint("/webhooks/" + record(storeId).shopConnector() + "/" + storeId);
    }

    /**
     * Registers missing shop webhooks and re-activates disabled ones; problems are logged, not thrown.
     *
     * <p>When the shop connector predicts that the shop cannot deliver to our URL (a loopback address, a
     * port the shop refuses), the webhooks are registered all the same and the problem is logged once:
     * the prediction is judged from the URL alone, and a shop configured to allow the address (or one that
     * does not check it) then still delivers. Incremental passes keep the catalog in sync either way.
     */
    void ensureWebhooks(StoreRuntime runtime, RemoteCalls remote) throws InterruptedException {
        WebhookSubscriptions subscriptions = runtime.shop().webhookSubscriptions().orElse(null);
        if (subscriptions == null) {
            return;
        }
        URI url = shopWebhookUrl(runtime.storeId());
        var problem = subscriptions.reachabilityProblem(url);
        if (problem.isPresent() && !runtime.unreachableWarned) {
            runtime.unreachableWarned = true;
            LOG.warn("store {}: the shop will probably not deliver webhooks to {}: {}. Registering them anyway;"
                    + " until the runner's public URL is reachable, changes arrive with the incremental passes",
                    runtime.storeId(), url, problem.get());
        }
        try {
            var active = remote.shop("ensure shop webhooks", () -> subscriptions.ensure(url));
            LOG.debug("store {}: {} shop webhooks deliver to {}", runtime.storeId(), active.size(), url);
        } catch (com.golisto.sync.api.spi.RetryableException | com.golisto.sync.api.spi.InvalidItemException e) {
            LOG.warn("store {}: could not register the shop webhooks: {}", runtime.storeId(), e.getMessage());
        }
    }

    // ---- disconnect ----

    /** Disconnects at the marketplace (when asked to), then stops the store locally. */
    void disconnect(String storeId) throws InterruptedException {
        StoreMdc.call(storeId, () -> {
            disconnectAtMarketplace(storeId);
            return null;
        });
    }

    private void disconnectAtMarketplace(String storeId) throws InterruptedException {
        StoreRuntime runtime = runtimes.apply(storeId);
        StoreRecord record = record(storeId);
        if (record.status() != ConnectionStatus.DISCONNECTED || record.accountId() != null) {
            try {
                ConnectionLifecycle lifecycle = lifecycle(runtime);
                calls.apply(runtime).marketplace("disconnect", () -> {
                    lifecycle.disconnect();
                    return null;
                });
            } catch (MarketplaceRefusal | com.golisto.sync.api.spi.InvalidSettingsException e) {
                LOG.info("store {}: the marketplace already dropped the connection ({})", storeId, e.getMessage());
            }
        }
        disconnected(storeId, "disconnected on request", true);
    }

    /**
     * A store is disconnected: its work stops, its shop webhooks are removed, its secrets erased. Waits
     * (bounded) for a running pipeline to stop at its next remote call.
     */
    void disconnected(String storeId, String reason, boolean requested) throws InterruptedException {
        StoreMdc.call(storeId, () -> {
            stop(storeId, reason, requested);
            return null;
        });
    }

    private void stop(String storeId, String reason, boolean requested) throws InterruptedException {
        StoreRuntime runtime = runtimes.apply(storeId);
        runtime.stopReason = "store " + storeId + " was disconnected";
        onStopped.accept(storeId);
        boolean locked = runtime.pipeline.tryLock(60, TimeUnit.SECONDS);
        try {
            StoreRecord record = record(storeId);
            try {
                WebhookSubscriptions subscriptions = runtime.shop().webhookSubscriptions().orElse(null);
                if (subscriptions != null && record.status() == ConnectionStatus.APPROVED) {
                    calls.apply(runtime).shop("remove shop webhooks", () -> {
                        subscriptions.remove(shopWebhookUrl(storeId));
                        return null;
                    });
                }
            } catch (RuntimeException e) {
                LOG.warn("store {}: could not remove the shop webhooks: {}", storeId, e.getMessage());
            }
            int erased = store.secrets().eraseAll(storeId);
            runtime.reopenConnectors();
            setStatus(record, ConnectionStatus.DISCONNECTED, record.accountId(), reason);
            LOG.info("store {}: disconnected ({}); {} secrets erased{}", storeId, reason, erased,
                    requested ? "" : " after the marketplace ended the connection");
        } finally {
            runtime.stopReason = null;
            if (locked) {
                runtime.pipeline.unlock();
            }
        }
    }

    // ---- helpers ----

    private void setStatus(StoreRecord record, ConnectionStatus status, String accountId, String reason) {
        store.stores().updateConnection(record.id(), status, accountId, reason);
        if (record.status() != status) {
            LOG.info("store {}: connection {} -> {}{}", record.id(), record.status(), status,
                    reason == null ? "" : " (" + reason + ")");
            events.emit(new EngineEvent.StatusChanged(record.id(), record.status(), status, reason, clock.instant()));
        }
    }

    private StoreInfo storeInfo(StoreRuntime runtime) throws InterruptedException {
        StoreInfoSource source = runtime.shop().storeInfo().orElseThrow(() -> new ConnectFlowException(
                "the shop connector of store " + runtime.storeId() + " cannot tell its currency and home URL"));
        return calls.apply(runtime).shop("read store info", source::read);
    }

    private static ConnectionLifecycle lifecycle(StoreRuntime runtime) {
        Connector marketplace = runtime.marketplace();
        return marketplace.connectionLifecycle().orElseThrow(() -> new ConnectFlowException(
                "the marketplace connector of store " + runtime.storeId() + " cannot connect stores"));
    }

    private StoreRecord record(String storeId) {
        return store.stores().find(storeId).orElseThrow(
                () -> new com.golisto.sync.core.UnknownStoreException("no store with id " + storeId));
    }
}
