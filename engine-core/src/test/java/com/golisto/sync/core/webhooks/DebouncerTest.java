package com.golisto.sync.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DebouncerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private final Debouncer debouncer = new Debouncer(Duration.ofSeconds(2), Duration.ofSeconds(10));

    @Test
    void drainDue_burstOfMarks_yieldsProductOnceAfterQuiet() {
        for (int i = 0; i < 5; i++) {
            debouncer.mark("s1", "45", T0.plusMillis(300L * i));
        }

        assertThat(debouncer.drainDue(T0.plusMillis(1200 + 1999))).isEmpty();
        assertThat(debouncer.drainDue(T0.plusMillis(1200 + 2000))).isEqualTo(Map.of("s1", Set.of("45")));
        assertThat(debouncer.drainDue(T0.plusSeconds(60))).isEmpty();
        assertThat(debouncer.nextDue()).isEmpty();
    }

    @Test
    void drainDue_productMarkedWithoutPause_isDueAtMaxDelay() {
        for (int s = 0; s <= 12; s++) {
            debouncer.mark("s1", "45", T0.plusSeconds(s));
            Map<String, Set<String>> due = debouncer.drainDue(T0.plusSeconds(s));
            if (s < 10) {
                assertThat(due).as("second %d", s).isEmpty();
            } else if (s == 10) {
                assertThat(due).isEqualTo(Map.of("s1", Set.of("45")));
            }
        }
    }

    @Test
    void drainDue_separatesStoresAndProducts() {
        debouncer.mark("s1", "1", T0);
        debouncer.mark("s2", "1", T0);
        debouncer.mark("s1", "2", T0.plusSeconds(1));

        assertThat(debouncer.nextDue()).contains(T0.plusSeconds(2));
        assertThat(debouncer.drainDue(T0.plusSeconds(2))).isEqualTo(Map.of("s1", Set.of("1"), "s2", Set.of("1")));
        assertThat(debouncer.pending("s1")).containsExactly("2");
        assertThat(debouncer.drainDue(T0.plusSeconds(3))).isEqualTo(Map.of("s1", Set.of("2")));
    }

    @Test
    void forget_dropsStoreMarks() {
        debouncer.mark("s1", "1", T0);

        debouncer.forget("s1");

        assertThat(debouncer.drainDue(T0.plusSeconds(30))).isEmpty();
    }

    @Test
    void requeue_makesProductsDueAtOnce() {
        debouncer.requeue("s1", Set.of("7"), T0);

        assertThat(debouncer.drainDue(T0)).isEqualTo(Map.of("s1", Set.of("7")));
    }
}
