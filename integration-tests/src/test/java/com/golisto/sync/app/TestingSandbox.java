package com.golisto.sync.app;

import com.golisto.sync.app.config.ConfigLoader;
import com.golisto.sync.app.config.Registrations;
import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.app.wiring.Runner;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.http.MutableClock;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The runner on real HTTP between a WooCommerce and a Golisto emulator on loopback, all on one test
 * clock. The engine's background loop is not started: tests move the clock and call
 * {@link SyncEngine#runDueWork()} themselves, so nothing waits on a schedule.
 */
final class TestingSandbox implements AutoCloseable {
    final MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final WooCommerceEmulator woo;
    final GolistoEmulator golisto;
    final WooApiKey key = WooApiKey.random(1, "read_write");
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    Runner runner;

    private TestingSandbox(int products) {
        woo = WooCommerceEmulator.builder().clock(clock).currency("EUR").webhookAutoDeliveryDelay(Duration.ZERO).build();
        woo.start();
        woo.addApiKey(key);
        woo.seedCatalog(new WooCatalogGenerator.Spec(products, products / 4, 2, 7L));
        golisto = GolistoEmulator.builder().clock(clock).build();
        golisto.start();
        golisto.webhooks().deliverImmediately(true);
    }

    /** Emulators with this many products (a quarter variable), no runner yet. */
    static TestingSandbox start(int products) {
        return new TestingSandbox(products);
    }

    /** The configuration of a runner on this data folder, talking to the Golisto emulator, on a free port. */
    RunnerConfig config(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("GOLISTO_SYNC_STATE_DATA_DIR", dataDir.toString());
        env.put("GOLISTO_SYNC_SERVER_PORT", "0");
        env.put("GOLISTO_SYNC_GOLISTO_API_URL", golisto.apiBaseUri().toString());
        env.put("GOLISTO_SYNC_GOLISTO_WEB_URL", golisto.webBaseUri().toString());
        env.put("GOLISTO_SYNC_SYNC_WEBHOOK_DEBOUNCE", "PT1S");
        // every test's webhooks are synced after the debounce, whatever an earlier test of the class did
        env.put("GOLISTO_SYNC_SYNC_WEBHOOK_BATCH_WINDOW", "PT0S");
        return ConfigLoader.create(env).load(Optional.empty());
    }

    /** Starts a runner serving HTTP on this data folder (engine loop off). */
    Runner startRunner(Path dataDir) {
        runner = Runner.create(config(dataDir), clock, true);
        runner.serveHttp();
        return runner;
    }

    SyncEngine engine() {
        return runner.engine();
    }

    URI url(String path) {
        return runner.localUri().orElseThrow().resolve(path);
    }

    /** The WooCommerce settings of a store on the emulator, with keys, accepting loopback delivery URLs. */
    Map<String, String> wooSettings() {
        return Map.of("url", woo.homeUrl(), "consumer-key", key.consumerKey(), "consumer-secret", key.consumerSecret(),
                "strict-delivery-urls", "false");
    }

    /** Registers a store with keys and links it as the merchant's browser would; it then awaits approval. */
    StoreView registerAndLink(String storeId) throws Exception {
        engine().registerStore(Registrations.of(storeId, wooSettings(), runner.config().golisto()));
        URI connect = engine().beginConnect(storeId);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(connect).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        URI back = connect.resolve(page.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> returned = http.send(HttpRequest.newBuilder(back).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (returned.statusCode() != 200) {
            throw new AssertionError("connect return answered " + returned.statusCode() + ": " + returned.body());
        }
        return engine().store(storeId).orElseThrow();
    }

    /** Links, approves (Golisto's webhook, then the due status poll) and waits for the first full sync. */
    RunView connectApproveAndSync(String storeId) throws Exception {
        StoreView linked = registerAndLink(storeId);
        engine().runDueWork(); // the loop's tick: the engine starts following the store's schedule
        golisto.approve(linked.accountId());
        engine().runDueWork();
        RunView full = engine().recentRuns(storeId, 10).stream().filter(r -> r.kind() == RunKind.FULL).findFirst()
                .orElseThrow(() -> new AssertionError("approval started no full sync: " + engine().store(storeId)));
        return engine().awaitRun(full.id(), Duration.ofSeconds(60));
    }

    /** The account (Golisto connection) id of a store. */
    String account(String storeId) {
        return engine().store(storeId).orElseThrow().accountId();
    }

    /** Delivers WooCommerce's pending webhooks, lets the debounce pass and does the due work. */
    void deliverShopWebhooksAndSync() throws InterruptedException {
        woo.deliverWebhooksNow();
        clock.advance(Duration.ofSeconds(2));
        engine().runDueWork();
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
        golisto.close();
        woo.close();
        http.close();
    }
}
