package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveriesAndLeasesTest {

    @TempDir
    Path dir;

    private final TestingClock clock = TestingClock.atNoon();
    private StateStore store;

    @BeforeEach
    void open() {
        store = TestingStateStores.open(dir, clock);
        store.createStore("s1", "woocommerce", "golisto");
        store.createStore("s2", "woocommerce", "golisto");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void recordDelivery_isTrueOnlyTheFirstTime() {
        assertThat(store.recordDelivery("s1", "woocommerce", "d-1")).isTrue();
        assertThat(store.recordDelivery("s1", "woocommerce", "d-1")).isFalse();
        assertThat(store.recordDelivery("s1", "golisto", "d-1")).isTrue();
        assertThat(store.recordDelivery("s2", "woocommerce", "d-1")).isTrue();
        assertThat(store.recordDelivery("s1", "woocommerce", "d-2")).isTrue();
    }

    @Test
    void recordDelivery_concurrentDuplicates_exactlyOneWins() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Boolean> task = () -> {
                    start.await();
                    return store.recordDelivery("s1", "woocommerce", "burst-1");
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
    void recordDelivery_unknownStore_isRefused() {
        assertThatThrownBy(() -> store.recordDelivery("ghost", "woocommerce", "d-1"))
                .isInstanceOf(UnknownStoreException.class);
    }

    @Test
    void pruneDeliveries_forgetsOldOnesSoTheyCountAsNewAgain() {
        store.recordDelivery("s1", "woocommerce", "old");
        clock.advance(Duration.ofHours(2));
        store.recordDelivery("s1", "woocommerce", "recent");

        assertThat(store.pruneDeliveries(clock.instant().minus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(store.recordDelivery("s1", "woocommerce", "recent")).isFalse();
        assertThat(store.recordDelivery("s1", "woocommerce", "old")).isTrue();
    }

    @Test
    void lease_isExclusiveUntilItExpires() {
        Duration ttl = Duration.ofSeconds(30);
        assertThat(store.tryAcquireLease("s1", "runner-a", ttl)).isTrue();
        assertThat(store.tryAcquireLease("s1", "runner-b", ttl)).isFalse();
        assertThat(store.tryAcquireLease("s1", "runner-a", ttl)).isTrue();
        assertThat(store.tryAcquireLease("s2", "runner-b", ttl)).isTrue();
        assertThat(store.lease("s1")).get().satisfies(l -> {
            assertThat(l.owner()).isEqualTo("runner-a");
            assertThat(l.expiresAt()).isEqualTo(clock.instant().plus(ttl));
        });

        clock.advance(Duration.ofSeconds(29));
        assertThat(store.tryAcquireLease("s1", "runner-b", ttl)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.tryAcquireLease("s1", "runner-b", ttl)).isTrue();
        assertThat(store.renewLease("s1", "runner-a", ttl)).isFalse();
        assertThat(store.releaseLease("s1", "runner-a")).isFalse();
    }

    @Test
    void renewLease_extendsTheHoldersLease() {
        Duration ttl = Duration.ofSeconds(30);
        store.tryAcquireLease("s1", "runner-a", ttl);
        clock.advance(Duration.ofSeconds(20));
        assertThat(store.renewLease("s1", "runner-a", ttl)).isTrue();
        clock.advance(Duration.ofSeconds(20));
        assertThat(store.tryAcquireLease("s1", "runner-b", ttl)).isFalse();
    }

    @Test
    void releaseLease_letsAnotherRunnerTakeItAtOnce() {
        Duration ttl = Duration.ofMinutes(5);
        store.tryAcquireLease("s1", "runner-a", ttl);
        assertThat(store.releaseLease("s1", "runner-a")).isTrue();
        assertThat(store.lease("s1")).isEmpty();
        assertThat(store.tryAcquireLease("s1", "runner-b", ttl)).isTrue();
    }

    @Test
    void tryAcquireLease_concurrentRunners_exactlyOneWins() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String owner = "runner-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return store.tryAcquireLease("s1", owner, Duration.ofMinutes(1));
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tryAcquireLease_rejectsNonPositiveTtl() {
        assertThatThrownBy(() -> store.tryAcquireLease("s1", "runner-a", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    }
}
