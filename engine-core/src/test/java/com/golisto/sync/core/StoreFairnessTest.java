package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.SyncException;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeMarketplace.SaleLine;
import com.golisto.sync.core.testing.FakeShop;
import com.golisto.sync.core.testing.Faults;
import com.golisto.sync.core.testing.Products;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-store fairness of the cluster tasks: while one very large store's full pass runs (100,000 products, held in
 * the middle), the ten small stores' order polls stay on time, run by the background scheduler as a deployed runner
 * runs them. The node runs one catalog pass at a time ({@code storeParallelism} 1): without threads that only polls
 * get, the held pass would take the only one.
 */
class StoreFairnessTest {

    private static final int SMALL_STORES = 10;
    private static final Duration ORDER_POLL = Duration.ofMinutes(2);

    private EngineHarness h;

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void largeStoresFullPass_running_smallStoresOrderPollsStillRunEveryInterval() throws Exception {
        h = EngineHarness.create(EngineHarness.defaultOptions()
                .withDailyFullSync(LocalTime.of(3, 0), Duration.ZERO)
                .withIntervals(Duration.ofHours(6), ORDER_POLL, Duration.ofHours(6))
                .withConcurrency(2, 1)
                .withTiming(Duration.ofMillis(50), Duration.ofSeconds(30)))
                .seedCatalog();
        FakeShop large = h.addShop("large-shop");
        large.put(Products.simple("1", "First", "10", null, 5));
        h.open();
        List<String> small = IntStream.range(0, SMALL_STORES).mapToObj(i -> "small-" + i).toList();
        for (String store : small) {
            h.register(store);
            h.connect(store);
            h.approve(store);
        }
        // the large store's first pass fails, so its task is due again within a minute: that is the pass to hold
        large.faults().failNext(FakeShop.Op.READ_ALL, 1, () -> new SyncException(ErrorCategory.EXTERNAL, "the shop is down for maintenance"));
        h.register("large", "large-shop", EngineHarness.SHOP_SETTINGS);
        h.connect("large");
        assertThat(h.approve("large").status()).isEqualTo(RunStatus.FAILED);
        IntStream.rangeClosed(2, 100_000).forEach(i -> large.putUnnoticed(
                Products.simple(Integer.toString(i), "Product " + i, "10", null, 5)));

        Faults.Gate held = large.faults().hold(FakeShop.Op.READ_ALL);
        Map<String, CountDownLatch> polled = new ConcurrentHashMap<>();
        Set<String> orderPolls = ConcurrentHashMap.newKeySet();
        h.engine().subscribe(event -> {
            if (event instanceof EngineEvent.RunFinished f && f.run().kind() == RunKind.ORDERS
                    && f.run().counts().created() > 0) {
                orderPolls.add(f.run().storeId() + "@" + f.at());
                CountDownLatch latch = polled.get(f.run().storeId());
                if (latch != null) {
                    latch.countDown();
                }
            }
        });
        h.engine().start();
        // the retry comes: the pass starts on a scheduler thread and stops at its first page
        h.clock.advance(Duration.ofMinutes(1));
        assertThat(held.awaitEntered(60)).as("the large store's full pass is running").isTrue();

        for (int round = 1; round <= 3; round++) {
            for (String store : small) {
                polled.put(store, new CountDownLatch(1));
                h.marketplace.createSale(h.account(store), new SaleLine("101", null, 1));
            }
            h.clock.advance(ORDER_POLL);
            for (String store : small) {
                assertThat(polled.get(store).await(60, TimeUnit.SECONDS))
                        .as("round %d: %s's order poll ran while the large pass is held", round, store).isTrue();
            }
        }

        assertThat(h.engine().recentRuns("large", 5)).first().satisfies(run -> {
            assertThat(run.kind()).isEqualTo(RunKind.FULL);
            assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        });
        assertThat(h.shop.orders()).as("every sale of the small stores is a shop order").hasSize(3 * SMALL_STORES);
        held.release();
    }
}
