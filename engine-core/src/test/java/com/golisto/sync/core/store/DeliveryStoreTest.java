package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link DeliveryStore}: webhook delivery ids recorded once, across threads and restarts. */
class DeliveryStoreTest extends TwoStoresTestBase {

    @Test
    void record_isTrueOnlyTheFirstTime() {
        assertThat(store.deliveries().record("s1", "woocommerce", "d-1")).isTrue();
        assertThat(store.deliveries().record("s1", "woocommerce", "d-1")).isFalse();
        assertThat(store.deliveries().record("s1", "golisto", "d-1")).isTrue();
        assertThat(store.deliveries().record("s2", "woocommerce", "d-1")).isTrue();
        assertThat(store.deliveries().record("s1", "woocommerce", "d-2")).isTrue();
    }

    @Test
    void record_concurrentDuplicates_exactlyOneWins() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Boolean> task = () -> {
                    start.await();
                    return store.deliveries().record("s1", "woocommerce", "burst-1");
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int firsts = 0;
            for (Future<Boolean> result : results) {
                firsts += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(firsts).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void record_unknownStore_isRefused() {
        assertThatThrownBy(() -> store.deliveries().record("ghost", "woocommerce", "d-1"))
                .isInstanceOf(UnknownStoreException.class);
    }

    @Test
    void prune_forgetsOldOnesSoTheyCountAsNewAgain() {
        store.deliveries().record("s1", "woocommerce", "old");
        clock.advance(Duration.ofHours(2));
        store.deliveries().record("s1", "woocommerce", "recent");

        assertThat(store.deliveries().prune(clock.instant().minus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(store.deliveries().record("s1", "woocommerce", "recent")).isFalse();
        assertThat(store.deliveries().record("s1", "woocommerce", "old")).isTrue();
    }
}
