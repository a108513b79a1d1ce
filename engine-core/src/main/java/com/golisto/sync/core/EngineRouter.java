package com.golisto.sync.core;

import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.core.wiring.EngineServices;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SyncEngine} that {@link SyncEngine#builder()} builds: it checks the engine is open and routes
 * each call to the one feature service that owns it, deciding nothing itself. Hosts use it through the
 * {@link SyncEngine} interface only; it cannot be made otherwise. See {@link SyncEngine} for the contract
 * and threading.
 */
public final class EngineRouter implements SyncEngine {

    private static final Duration WAIT_FOREVER = Duration.ofDays(3650);

    private final EngineServices services;

    EngineRouter(EngineServices services) {
        this.services = services;
    }

    // ---- stores and connecting ----

    @Override
    public StoreView registerStore(StoreRegistration registration) {
        return open().registrations().register(registration);
    }

    @Override
    public URI beginConnect(String storeId) throws InterruptedException {
        return open().flows().beginConnect(storeId);
    }

    @Override
    public StoreView completeConnect(String state, String code) throws InterruptedException {
        return open().stores().view(services.flows().completeConnect(state, code));
    }

    @Override
    public URI beginCredentialGrant(String storeId) {
        return open().grants().beginCredentialGrant(storeId);
    }

    @Override
    public StoreView completeCredentialGrant(String state, InboundRequest callback) {
        return open().stores().view(services.grants().completeCredentialGrant(state, callback));
    }

    @Override
    public StoreView refreshStatus(String storeId) throws InterruptedException {
        return open().stores().view(services.flows().refreshStatusOnRequest(storeId));
    }

    @Override
    public StoreView disconnect(String storeId) throws InterruptedException {
        return open().stores().view(services.flows().disconnect(storeId));
    }

    @Override
    public void removeStore(String storeId) throws InterruptedException {
        EngineServices open = open();
        open.stores().record(storeId);
        open.flows().disconnect(storeId);
        open.store().stores().delete(storeId);
    }

    @Override
    public StoreSettingsView storeSettings(String storeId) {
        return open().registrations().settings(storeId);
    }

    @Override
    public List<StoreView> stores() {
        return open().stores().list();
    }

    @Override
    public Optional<StoreView> store(String storeId) {
        return open().stores().find(storeId);
    }

    // ---- synchronising ----

    @Override
    public RunId sync(String storeId, SyncMode mode) {
        return open().runRequests().sync(storeId, mode);
    }

    @Override
    public RunView syncAndWait(String storeId, SyncMode mode) throws InterruptedException {
        return awaitRun(sync(storeId, mode), WAIT_FOREVER);
    }

    @Override
    public RunId dryRun(String storeId) {
        return open().runRequests().dryRun(storeId);
    }

    @Override
    public Optional<DryRunReport> dryRunReport(String storeId) {
        EngineServices open = open();
        open.stores().record(storeId);
        return open.store().dryRuns().latest(storeId);
    }

    @Override
    public RunView pollOrders(String storeId) throws InterruptedException {
        return open().runRequests().pollOrders(storeId);
    }

    @Override
    public RunView awaitRun(RunId runId, Duration timeout) throws InterruptedException {
        return services.runs().await(runId.value(), timeout);
    }

    @Override
    public Optional<RunView> run(RunId runId) {
        return open().runs().find(runId.value());
    }

    @Override
    public List<RunView> recentRuns(String storeId, int limit) {
        return open().runs().recent(storeId, limit);
    }

    @Override
    public RunPage runs(String storeId, RunQuery query) {
        EngineServices services = open();
        services.stores().record(storeId);
        return services.runs().page(storeId, query);
    }

    @Override
    public ProductExplanation explain(String storeId, String productIdOrSku) throws InterruptedException {
        return open().explain(storeId, productIdOrSku);
    }

    @Override
    public List<ProductSummary> findProducts(String storeId, String text, @Nullable String afterProductId, int limit) {
        EngineServices services = open();
        services.stores().record(storeId);
        return services.findProducts(storeId, text, afterProductId, limit);
    }

    // ---- webhooks ----

    @Override
    public WebhookVerdict handleShopWebhook(String storeId, InboundRequest request) {
        return open().webhooks().shop(storeId, request);
    }

    @Override
    public WebhookVerdict handleMarketplaceWebhook(InboundRequest request) {
        return open().webhooks().marketplace(request);
    }

    // ---- dead letters ----

    @Override
    public List<DeadLetterView> deadLetters() {
        return open().deadLetters().list();
    }

    @Override
    public RunView replayDeadLetter(long deadLetterId) throws InterruptedException {
        return open().deadLetters().replay(deadLetterId);
    }

    @Override
    public List<RunView> replayAllDeadLetters() throws InterruptedException {
        return open().deadLetters().replayAll();
    }

    // ---- operating the engine ----

    @Override
    public long pendingWork() {
        return services.dueWork().pending();
    }

    @Override
    public List<StoreMetrics> storeMetrics() {
        return open().storeMetrics().all();
    }

    @Override
    public Optional<StoreActivity> activity(String storeId) {
        return open().activity(storeId);
    }

    @Override
    public boolean healthy() {
        return !services.closed() && services.store().healthy();
    }

    @Override
    public EngineHealth health() {
        if (services.closed()) {
            return new EngineHealth(services.setup().clock().instant(), List.of(HealthCheck.fail(
                    HealthCheck.STATE_STORE, null, "the engine is closed", null)));
        }
        return services.health().current();
    }

    @Override
    public int reencryptSecrets(MasterKey previous) {
        return open().stores().reencryptSecrets(previous, services.setup().masterKey());
    }

    // ---- events and scheduling ----

    @Override
    public AutoCloseable subscribe(EngineListener listener) {
        return services.events().subscribe(listener);
    }

    @Override
    public void runDueWork() throws InterruptedException {
        EngineServices open = open();
        open.dueWork().runNow();
        open.retention().sweepIfDue();
    }

    @Override
    public void start() {
        open().startBackground();
    }

    @Override
    public void close() {
        services.close();
    }

    /** The services, once the engine is known to be open. */
    private EngineServices open() {
        if (services.closed()) {
            throw new IllegalStateException("the engine is closed");
        }
        return services;
    }
}
