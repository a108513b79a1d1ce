package com.golisto.sync.core.connection;

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
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreInfoSource;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.core.ConnectFlowException;
import com.golisto.sync.core.EngineEvent;
import com.golisto.sync.core.connectors.ConnectorRegistry;
import com.golisto.sync.core.retry.RetryPolicy;
import com.golisto.sync.core.runs.Events;
import com.golisto.sync.core.runs.MarketplaceRefusal;
import com.golisto.sync.core.runs.RemoteCalls;
import com.golisto.sync.core.runtime.StoreMdc;
import com.golisto.sync.core.runtime.StoreRuntime;
import com.golisto.sync.core.runtime.StoreRuntimes;
import com.golisto.sync.core.store.Side;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting a store and following its connection: the connect flow, status polls with what approval
 * and disconnection trigger, disconnecting, and acting on a marketplace that refuses a store during a run.
 * Everything here talks to the shop only as far as connecting needs (its currency and home URL), until the
 * marketplace approved the store. What follows a change elsewhere in the engine is the
 * {@link ConnectionListener}'s business. Remote calls here retry, and stop only when the engine closes (a
 * disconnection must still remove webhooks). Thread-safe.
 */
public final class ConnectionFlows {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFlows.class);
    static final String CONNECT = "connect";
    private static final Duration STATE_TTL = Duration.ofMinutes(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StateStore store;
    private final ConnectorRegistry registry;
    private final Events events;
    private final Clock clock;
    private final StoreRuntimes runtimes;
    private final Stores stores;
    private final ShopWebhooks webhooks;
    private final Endpoints endpoints;
    private final RetryPolicy retry;
    private final BooleanSupplier closing;
    private final ConnectionListener listener;

    /**
     * @param closing whether the engine is closing (remote calls then stop)
     * @param listener what the rest of the engine does on approval, stop and host status polls
     */
    public ConnectionFlows(StateStore store, ConnectorRegistry registry, Events events, Clock clock,
            StoreRuntimes runtimes, Stores stores, ShopWebhooks webhooks, Endpoints endpoints, RetryPolicy retry,
            BooleanSupplier closing, ConnectionListener listener) {
        this.store = store;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
        this.runtimes = runtimes;
        this.stores = stores;
        this.webhooks = webhooks;
        this.endpoints = endpoints;
        this.retry = retry;
        this.closing = closing;
        this.listener = listener;
    }

    // ---- connect ----

    /** The marketplace page where the merchant connects the store. */
    public URI beginConnect(String storeId) throws InterruptedException {
        stores.record(storeId);
        return StoreMdc.call(storeId, () -> connectUrl(storeId));
    }

    private URI connectUrl(String storeId) throws InterruptedException {
        StoreRuntime runtime = runtimes.of(storeId);
        shopCredentials(runtime);
        StoreInfo info = storeInfo(runtime);
        ConnectionLifecycle lifecycle = lifecycle(runtime);
        String state = store.states().create(storeId, CONNECT, STATE_TTL);
        return lifecycle.connectUrl(new ConnectRequest(info.homeUrl(), info.currency(),
                endpoints.endpoint("/connect/return"), state));
    }

    /** Completes connecting the store named by the one-time {@code state}; returns its id. */
    public String completeConnect(String state, String code) throws InterruptedException {
        String storeId = store.states().consume(state, CONNECT).orElseThrow(() -> new ConnectFlowException(
                "this connect link is unknown, used or expired: start connecting the store again"));
        return StoreMdc.call(storeId, () -> connectStore(storeId, code));
    }

    private String connectStore(String storeId, String code) throws InterruptedException {
        StoreRuntime runtime = runtimes.of(storeId);
        ShopCredentials credentials = shopCredentials(runtime);
        StoreInfo info = storeInfo(runtime);
        Secret webhookSecret = Secret.of(newWebhookSecret());
        store.secrets().put(storeId, StoreSecrets.WEBHOOK_SECRET, webhookSecret);
        StoreRecord record = stores.record(storeId);
        URI webhookUrl = endpoints.endpoint("/webhooks/" + record.marketplaceConnector());
        ConnectionLifecycle lifecycle = lifecycle(runtime);
        ConnectionGrant grant = calls(runtime).marketplace("complete connection", () -> lifecycle.complete(
                new ConnectCompletion(code, info.homeUrl(), info.currency(), credentials, webhookSecret, webhookUrl)));
        startFromNothing(runtime);
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

    /**
     * A completed connect is a new marketplace connection: it holds none of the previous connection's listings
     * or sales, and the contract offers no way to enumerate what it holds. So the engine forgets what it
     * believed about the marketplace before it stores the new connection's settings (a crash in between
     * leaves it believing nothing, never the old beliefs under the new token), and the full pass after
     * approval writes every listing again through the idempotent upsert. Waits (bounded) for a pass of the
     * previous connection to finish, so that it cannot record old beliefs afterwards.
     */
    private void startFromNothing(StoreRuntime runtime) throws InterruptedException {
        boolean locked = runtime.tryLockPipeline(STOP_WAIT);
        try {
            int forgotten = store.mappings().forgetMarketplaceSide(runtime.storeId());
            LOG.info("store {}: new marketplace connection; forgot {} listings of the previous one, the first full"
                    + " pass lists every product again", runtime.storeId(), forgotten);
        } finally {
            if (locked) {
                runtime.unlockPipeline();
            }
        }
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

    // ---- status ----

    /** The host asks for the store's status: polls it and acts on a change; returns the store's id. */
    public String refreshStatusOnRequest(String storeId) throws InterruptedException {
        stores.record(storeId);
        refreshStatus(storeId);
        listener.statusPolled(storeId);
        return storeId;
    }

    /** Polls the marketplace and acts on a change. */
    public void refreshStatus(String storeId) throws InterruptedException {
        StoreMdc.call(storeId, () -> {
            pollStatus(storeId);
            return null;
        });
    }

    private void pollStatus(String storeId) throws InterruptedException {
        StoreRuntime runtime = runtimes.of(storeId);
        StoreRecord record = stores.record(storeId);
        if (record.status() == ConnectionStatus.DISCONNECTED) {
            // nothing to follow: the store was never connected, or its token was erased when it disconnected
            return;
        }
        ConnectionState state;
        try {
            ConnectionLifecycle lifecycle = lifecycle(runtime);
            state = calls(runtime).marketplace("connection status", lifecycle::status);
        } catch (MarketplaceRefusal e) {
            if (e.credentialsRejected()) {
                disconnected(storeId, e.reason(), false);
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
        webhooks.ensure(runtimes.of(storeId), calls(runtimes.of(storeId)));
        listener.approved(storeId);
    }

    // ---- disconnect ----

    /** Disconnects at the marketplace (when asked to), then stops the store locally; returns its id. */
    public String disconnect(String storeId) throws InterruptedException {
        stores.record(storeId);
        StoreMdc.call(storeId, () -> {
            disconnectAtMarketplace(storeId);
            return null;
        });
        return storeId;
    }

    private void disconnectAtMarketplace(String storeId) throws InterruptedException {
        StoreRuntime runtime = runtimes.of(storeId);
        StoreRecord record = stores.record(storeId);
        if (record.status() != ConnectionStatus.DISCONNECTED || record.accountId() != null) {
            try {
                ConnectionLifecycle lifecycle = lifecycle(runtime);
                calls(runtime).marketplace("disconnect", () -> {
                    lifecycle.disconnect();
                    return null;
                });
            } catch (MarketplaceRefusal | InvalidSettingsException e) {
                LOG.info("store {}: the marketplace already dropped the connection ({})", storeId, e.getMessage());
            }
        }
        disconnected(storeId, "disconnected on request", true);
    }

    /**
     * A store is disconnected: its work stops, its shop webhooks are removed, its secrets erased. Waits
     * (bounded) for a running pipeline to stop at its next remote call.
     */
    public void disconnected(String storeId, String reason, boolean requested) throws InterruptedException {
        StoreMdc.call(storeId, () -> {
            stop(storeId, reason, requested);
            return null;
        });
    }

    private void stop(String storeId, String reason, boolean requested) throws InterruptedException {
        StoreRuntime runtime = runtimes.of(storeId);
        runtime.stopping("store " + storeId + " was disconnected");
        listener.stopped(storeId);
        boolean locked = runtime.tryLockPipeline(STOP_WAIT);
        try {
            StoreRecord record = stores.record(storeId);
            webhooks.remove(runtime, calls(runtime), record.status() == ConnectionStatus.APPROVED);
            int erased = store.secrets().eraseAll(storeId);
            runtime.reopenConnectors();
            setStatus(record, ConnectionStatus.DISCONNECTED, record.accountId(), reason);
            LOG.info("store {}: disconnected ({}); {} secrets erased{}", storeId, reason, erased,
                    requested ? "" : " after the marketplace ended the connection");
        } finally {
            runtime.stopDone();
            if (locked) {
                runtime.unlockPipeline();
            }
        }
    }

    // ---- helpers ----

    /**
     * Records the store's connection and tells the listeners when the status changed.
     *
     * @param accountId the marketplace's account id; null clears it
     * @param reason why, for people; null when no reason is known
     */
    private void setStatus(StoreRecord record, ConnectionStatus status, @Nullable String accountId,
            @Nullable String reason) {
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
        return calls(runtime).shop("read store info", source::read);
    }

    private static ConnectionLifecycle lifecycle(StoreRuntime runtime) {
        Connector marketplace = runtime.marketplace();
        return marketplace.connectionLifecycle().orElseThrow(() -> new ConnectFlowException(
                "the marketplace connector of store " + runtime.storeId() + " cannot connect stores"));
    }

    /** Remote calls of the flows: they retry, and stop only when the engine closes. */
    private RemoteCalls calls(StoreRuntime runtime) {
        return new RemoteCalls(retry, runtime.shopPermits(),
                () -> closing.getAsBoolean() ? "the engine is closing" : null);
    }

    /**
     * A run's marketplace refusal: rejected credentials disconnect the store; a missing approval re-polls
     * its status. Problems are logged, not thrown.
     */
    public void refused(StoreRuntime runtime, MarketplaceRefusal refusal) {
        String storeId = runtime.storeId();
        try {
            if (refusal.credentialsRejected()) {
                disconnected(storeId, refusal.reason(), false);
            } else {
                refreshStatus(storeId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("store {}: could not act on the marketplace's refusal: {}", storeId, e.toString());
        }
    }
}
