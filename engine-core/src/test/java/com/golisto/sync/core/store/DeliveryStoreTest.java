package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.core.UnknownStoreException;
import java.time.Duration;
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
        int firsts = winnersOfRace(8, i -> () -> store.deliveries().record("s1", "woocommerce", "burst-1"));

        assertThat(firsts).isEqualTo(1);
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
