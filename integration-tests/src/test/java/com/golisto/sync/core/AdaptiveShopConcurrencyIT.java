package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.sandbox.http.Fault;
import com.golisto.sync.sandbox.http.LoadModel;
import com.golisto.sync.sandbox.http.MutableClock;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's limit on shop requests in flight adapts to a WooCommerce emulator that rejects or slows down
 * under concurrent requests, and stays at the cap (the connector's {@code max-concurrency}, 4) for one that
 * does not. Assertions are on the limit and on request counts, never on elapsed time: the emulator's
 * slowness is the engine's mutable clock advanced while a request is served.
 */
class AdaptiveShopConcurrencyIT {

    private static final String STORE = "woo-aimd";
    private static final int CAP = 4;
    /** Variable products in the seeded catalog: the variation reads of one full pass. */
    private static final int VARIATION_READS = 40;

    @TempDir(factory = TestingTempDirs.class)
    Path dir;

    final MutableClock clock = MutableClock.at(EngineFixture.START);
    WooCommerceEmulator woo;
    WooApiKey key;
    EngineFixture fx;

    @BeforeEach
    void start() throws Exception {
        woo = WooCommerceEmulator.builder().clock(clock).webhookAutoDeliveryDelay(Duration.ZERO).build();
        woo.start();
        // 40 variable products: each full pass reads 40 variation lists in parallel
        woo.seedCatalog(new WooCatalogGenerator.Spec(60, 40, 3, 7));
        // variations without SKUs: every full pass reads them per product (40 reads that can overlap), never in
        // bulk by SKU (a request or two), whatever versions the engine keeps
        for (long id : woo.merchant().productIds()) {
            for (var variation : woo.merchant().variations(id)) {
                woo.merchant().update(variation.path("id").asLong(), "{\"sku\": \"\"}");
            }
        }
        key = woo.createApiKey("read_write");
        fx = new EngineFixture(dir, clock, EngineFixture.provider("woocommerce"));
        fx.register(STORE, "woocommerce", Map.of("url", woo.homeUrl(), "consumer-key", key.consumerKey(),
                "consumer-secret", key.consumerSecret(), "strict-delivery-urls", "false",
                "max-concurrency", Integer.toString(CAP)));
        fx.connect(STORE);
        assertThat(fx.approve(STORE).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @AfterEach
    void stop() {
        fx.close();
        woo.close();
    }

    private int limit() {
        return limit(STORE);
    }

    private int limit(String store) {
        return fx.engine.storeMetrics().stream().filter(m -> m.storeId().equals(store)).findFirst()
                .orElseThrow().shopConcurrency();
    }

    private RunView fullPass() throws Exception {
        return fx.engine.syncAndWait(STORE, SyncMode.FULL);
    }

    @Test
    void aFastShop_keepsTheLimitAtTheCap() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(fullPass().status()).isEqualTo(RunStatus.SUCCEEDED);
        }

        assertThat(limit()).isEqualTo(CAP);
    }

    @Test
    void aShopAnswering429AboveTwoInFlight_lowersTheLimit_andLaterPassesMeetFew429s() throws Exception {
        AtomicLong rejected = new AtomicLong();
        Fault tooMany = Fault.status(429, null,
                "{\"code\":\"too_many_requests\",\"message\":\"Too many requests\",\"data\":{\"status\":429}}");
        Bursts bursts = new Bursts();
        // the variation reads a pass sends together are held until as many as the limit lets the engine send
        // are in flight; then those above 2 are answered 429 (and sent again)
        woo.load(variationReads(() -> {
            int position = bursts.join();
            if (position > 2) {
                rejected.incrementAndGet();
                bursts.rejected();
                return tooMany;
            }
            return null;
        }));

        bursts.newPass();
        RunView first = fullPass();
        long firstRejected = rejected.get();
        List<Long> later = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long before = rejected.get();
            bursts.newPass();
            assertThat(fullPass().status()).isEqualTo(RunStatus.SUCCEEDED);
            later.add(rejected.get() - before);
        }

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(firstRejected).as("the shop said 429 at the cap").isPositive();
        assertThat(limit()).as("the limit came down from the cap " + firstRejected + " " + later).isLessThan(CAP);
        // how far the first pass brings the limit down depends on how the engine's requests interleave with the
        // bursts (a quiet machine once gave 3, 2, 1 for the later passes), so a later pass may still shed a few; by
        // the third only the additive probe above 2 meets a 429, and no later pass meets more than the first
        assertThat(later).as("no later pass meets more 429s than the first").allSatisfy(n ->
                assertThat(n).isLessThanOrEqualTo(firstRejected));
        assertThat(later.get(later.size() - 1)).as("after adapting, only the additive probe above 2 meets a 429: "
                + later).isLessThanOrEqualTo(1);
    }

    @Test
    void aShopSlowingDownWithRequestsInFlight_settlesTheLimitLow_andAFastShopBringsItBack() throws Exception {
        Bursts bursts = new Bursts();
        // a CPU-bound shop: a burst of n variation reads held together takes 200 ms per read (engine clock)
        woo.load(variationReads(() -> {
            bursts.join(n -> clock.advance(Duration.ofMillis(200L * n)));
            return null;
        }));

        for (int i = 0; i < 3; i++) {
            bursts.newPass();
            assertThat(fullPass().status()).isEqualTo(RunStatus.SUCCEEDED);
        }
        int slow = limit();
        int most = bursts.mostInFlight();
        woo.load(null);
        for (int i = 0; i < 3; i++) {
            assertThat(fullPass().status()).isEqualTo(RunStatus.SUCCEEDED);
        }

        assertThat(most).as("the shop did see the cap's burst").isEqualTo(CAP);
        assertThat(slow).as("settled below the cap").isLessThan(CAP);
        assertThat(limit()).as("back at the cap on a fast shop").isEqualTo(CAP);
    }

    /** A fault decided for one variation read, possibly after holding it. */
    @FunctionalInterface
    interface HeldRead {
        @Nullable Fault decide() throws InterruptedException;
    }

    private static LoadModel variationReads(HeldRead model) {
        return new LoadModel() {
            @Override
            public @Nullable Fault onRequest(int inFlight) {
                return null;
            }

            @Override
            public @Nullable Fault onRequest(String method, String path, int inFlight) throws InterruptedException {
                return path.endsWith("/variations") ? model.decide() : null;
            }
        };
    }

    /**
     * Holds a pass's variation reads in bursts: a burst is released when it has as many reads as the engine's
     * limit lets it send at once (or as remain of the read), so concurrency does not depend on thread timing.
     */
    final class Bursts {
        private int burst;
        private int members;
        private int passed;
        private int most;

        synchronized void newPass() {
            passed = 0;
        }

        /** A read was answered 429: it is sent again (counting too few remaining reads only makes bursts smaller). */
        synchronized void rejected() {
            passed--;
        }

        synchronized int mostInFlight() {
            return most;
        }

        int join() throws InterruptedException {
            return join(n -> { });
        }

        /** Joins the current burst, waits for it to fill, and returns this read's position in it (from 1). */
        synchronized int join(java.util.function.IntConsumer onRelease) throws InterruptedException {
            int mine = burst;
            int position = ++members;
            most = Math.max(most, members);
            // the limit changes inside the engine without a signal to here: re-read it while waiting
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (mine == burst && members < Math.min(limit(), VARIATION_READS - passed)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("burst never filled: " + members + " held, " + passed
                            + " passed, limit " + limit());
                }
                wait(5);
            }
            if (mine == burst) {
                onRelease.accept(members);
                burst++;
                passed += members;
                members = 0;
                notifyAll();
            }
            return position;
        }
    }

    @Test
    void withAdaptationTurnedOffForTheStore_theLimitStaysAtTheCap_onASlowingShop() throws Exception {
        woo.load(inFlight -> {
            clock.advance(Duration.ofMillis(200L * inFlight));
            return null;
        });
        fx.register("woo-fixed", "woocommerce", Map.of("url", woo.homeUrl(), "consumer-key", key.consumerKey(),
                "consumer-secret", key.consumerSecret(), "strict-delivery-urls", "false",
                "max-concurrency", Integer.toString(CAP), "adaptive-concurrency", "false"));
        fx.connect("woo-fixed");

        assertThat(fx.approve("woo-fixed").status()).isEqualTo(RunStatus.SUCCEEDED);
        for (int i = 0; i < 2; i++) {
            assertThat(fx.engine.syncAndWait("woo-fixed", SyncMode.FULL).status()).isEqualTo(RunStatus.SUCCEEDED);
        }

        assertThat(limit("woo-fixed")).isEqualTo(CAP);
    }
}
