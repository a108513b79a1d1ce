package com.golisto.sync.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliveryDeduplicatorTest {

    private final Set<String> table = new HashSet<>();
    private final List<String> ledgerCalls = new ArrayList<>();
    private final DeliveryDeduplicator.Ledger ledger = (store, key) -> {
        synchronized (table) {
            ledgerCalls.add(store + "/" + key);
            return table.add(store + "/" + key);
        }
    };
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void firstTime_repeatedDelivery_isFirstOnceAndAnsweredFromMemory() {
        DeliveryDeduplicator dedup = new DeliveryDeduplicator(ledger, Duration.ofMinutes(10), 1000, clock);

        assertThat(dedup.firstTime("s1", "d-1")).isTrue();
        assertThat(dedup.firstTime("s1", "d-1")).isFalse();
        assertThat(dedup.firstTime("s2", "d-1")).isTrue();
        assertThat(ledgerCalls).containsExactly("s1/d-1", "s2/d-1");
    }

    @Test
    void firstTime_afterRestart_ledgerStillRejectsRepeat() {
        new DeliveryDeduplicator(ledger, Duration.ofMinutes(10), 1000, clock).firstTime("s1", "d-1");

        DeliveryDeduplicator restarted = new DeliveryDeduplicator(ledger, Duration.ofMinutes(10), 1000, clock);

        assertThat(restarted.firstTime("s1", "d-1")).isFalse();
    }

    @Test
    void firstTime_concurrentCopies_exactlyOneIsFirst() throws Exception {
        DeliveryDeduplicator dedup = new DeliveryDeduplicator(ledger, Duration.ofMinutes(10), 1000, clock);
        AtomicInteger firsts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Thread> threads = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 16; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (dedup.firstTime("s1", "burst")) {
                    firsts.incrementAndGet();
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(firsts).hasValue(1);
    }
}
