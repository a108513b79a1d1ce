package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.http.MutableClock;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Everything an end-to-end engine test runs on: a mutable clock shared by the engine and the emulators,
 * the Golisto emulator and its real connector (wrapped by {@link TestingFaults}), the host that routes
 * the engine's endpoints, and an engine on an HSQLDB file database that can be closed and reopened as
 * after a crash. The retry sleeper advances the clock instead of sleeping.
 */
final class EngineFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

    final MutableClock clock;
    final GolistoEmulator golisto;
    final TestingFaults marketplace;
    final TestingHost host;
    final List<ConnectorProvider> shops = new ArrayList<>();
    final Path dataDir;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    final EngineOptions options;
    /** The master key the engine is built with; {@link #open(MasterKey)} changes it (a key rotation). */
    MasterKey key = MasterKey.generate();
    SyncEngine engine;

    EngineFixture(Path dataDir, MutableClock clock, EngineOptions options, ConnectorProvider... shopProviders) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.options = options;
        this.golisto = GolistoEmulator.builder().clock(clock).build();
        golisto.start();
        this.marketplace = new TestingFaults(provider("golisto"));
        this.host = new TestingHost(clock).startHost();
        shops.addAll(List.of(shopProviders));
        open();
    }

    EngineFixture(Path dataDir, MutableClock clock, ConnectorProvider... shopProviders) {
        this(dataDir, clock, defaultOptions(), shopProviders);
    }

    /**
     * Default options with quick retries (the sleeper advances the clock anyway) and no webhook batch window, so that
     * each test's webhooks are synced after the debounce whatever ran before (tests of the window set it).
     */
    static EngineOptions defaultOptions() {
        return EngineOptions.defaults().withRetry(
                new EngineOptions.Retry(6, Duration.ofMillis(200), Duration.ofSeconds(5), 0.2))
                .withCatalogSchedule(new EngineOptions.CatalogSchedule(Duration.ZERO, 7));
    }

    static ConnectorProvider provider(String id) {
        for (ConnectorProvider provider : ServiceLoader.load(ConnectorProvider.class)) {
            if (provider.id().equals(id)) {
                return provider;
            }
        }
        throw new IllegalStateException("no connector " + id + " on the test class path");
    }

    /** Opens an engine on the fixture's database with another master key (after {@link #closeEngine()}). */
    SyncEngine open(MasterKey newKey) {
        key = newKey;
        return open();
    }

    /** Opens an engine on the fixture's database (again, after {@link #closeEngine()}). */
    SyncEngine open() {
        List<ConnectorProvider> providers = new ArrayList<>(shops);
        providers.add(marketplace);
        engine = SyncEngine.builder()
                .jdbcUrl("jdbc:hsqldb:file:" + dataDir.resolve("state").toAbsolutePath())
                .masterKey(key)
                .clock(clock)
                .connectors(providers)
                .publicUrl(host.baseUri())
                .options(options)
                .sleeper(clock::advance)
                .nodeId("node-1")
                .build();
        host.engine(engine);
        return engine;
    }

    /** Closes the engine as a restart would (after a simulated crash, the run rows stay as they were). */
    void closeEngine() {
        host.engine(null);
        engine.close();
    }

    SyncEngine reopen() {
        closeEngine();
        return open();
    }

    /** Registers a store with the Golisto emulator as its marketplace. */
    StoreView register(String storeId, String shopConnector, Map<String, String> shopSettings) {
        return register(storeId, shopConnector, shopSettings, Map.of());
    }

    /** Registers a store with the Golisto emulator as its marketplace, with extra marketplace settings. */
    StoreView register(String storeId, String shopConnector, Map<String, String> shopSettings,
            Map<String, String> marketplaceSettings) {
        Map<String, String> marketplace = new java.util.HashMap<>(marketplaceSettings);
        marketplace.put("api-url", golisto.apiBaseUri().toString());
        marketplace.put("web-url", golisto.webBaseUri().toString());
        return engine.registerStore(new StoreRegistration(storeId, shopConnector, shopSettings, "golisto",
                marketplace));
    }

    /** The merchant follows the connect link; Golisto redirects the browser back to the host. */
    StoreView connect(String storeId) throws Exception {
        URI link = engine.beginConnect(storeId);
        HttpResponse<String> landing = http.send(HttpRequest.newBuilder(link).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(landing.statusCode()).as(landing.body()).isEqualTo(200);
        return engine.store(storeId).orElseThrow();
    }

    /** Golisto approves the store, the engine polls the status and runs the first full sync. */
    RunView approve(String storeId) throws Exception {
        String connectionId = engine.store(storeId).orElseThrow().accountId();
        golisto.approve(connectionId);
        golisto.webhooks().discardPending();
        StoreView view = engine.refreshStatus(storeId);
        assertThat(view.status()).isEqualTo(ConnectionStatus.APPROVED);
        RunView first = engine.recentRuns(storeId, 1).get(0);
        assertThat(first.kind()).isEqualTo(RunKind.FULL);
        return engine.awaitRun(first.id(), Duration.ofSeconds(60));
    }

    /**
     * Registers a store on a WooCommerce emulator (a new read-write key, delivery URLs on loopback allowed),
     * connects it, has Golisto approve it, asserts its first full sync succeeded, and delivers the webhooks that
     * sync's registration made the shop queue.
     */
    void approvedWooCommerceStore(String storeId, WooCommerceEmulator woo) throws Exception {
        WooApiKey key = woo.createApiKey("read_write");
        register(storeId, "woocommerce", Map.of("url", woo.homeUrl(), "consumer-key", key.consumerKey(),
                "consumer-secret", key.consumerSecret(), "strict-delivery-urls", "false"));
        connect(storeId);
        assertThat(approve(storeId).status()).isEqualTo(RunStatus.SUCCEEDED);
        woo.deliverWebhooksNow();
    }

    String connectionId(String storeId) {
        return engine.store(storeId).orElseThrow().accountId();
    }

    /** Moves the clock and does what is due, as the background loop would. */
    void advance(Duration by) throws InterruptedException {
        clock.advance(by);
        engine.runDueWork();
    }

    @Override
    public void close() {
        try {
            if (engine != null) {
                engine.close();
            }
        } catch (IllegalStateException e) {
            // already closed
        }
        host.close();
        golisto.close();
    }
}
