package com.golisto.sync.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh state store on a test clock, holding stores s1 and s2, on each database
 * ({@link StateStoreTestBase}); closed after each test.
 */
abstract class TwoStoresTestBase extends StateStoreTestBase {

    StateStore store;

    @BeforeEach
    void openStore() {
        store = db.open(clock);
        store.stores().create("s1", "woocommerce", "golisto");
        store.stores().create("s2", "woocommerce", "golisto");
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    /**
     * Starts {@code threads} contenders at the same instant and counts how many answered true: for
     * "exactly one wins" races on the database's uniqueness and conditional updates.
     *
     * @param contender the call of contender {@code i}
     */
    static int winnersOfRace(int threads, IntFunction<Callable<Boolean>> contender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Boolean> call = contender.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }
}
