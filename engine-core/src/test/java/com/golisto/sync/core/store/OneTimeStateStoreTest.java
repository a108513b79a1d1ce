package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link OneTimeStateStore}: connect states, usable once, stored as hashes. */
class OneTimeStateStoreTest extends StateStoreTestBase {

    @Test
    void consume_worksOnceForItsPurpose() {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            String state = store.states().create("shop-1", "connect", Duration.ofMinutes(10));

            assertThat(state).matches("[A-Za-z0-9_-]{43}");
            assertThat(store.states().consume(state, "credentials")).isEmpty();
            assertThat(store.states().consume(state, "connect")).contains("shop-1");
            assertThat(store.states().consume(state, "connect")).isEmpty();
            assertThat(store.states().consume("forged", "connect")).isEmpty();
            assertThat(store.states().consume("", "connect")).isEmpty();
        }
    }

    @Test
    void consume_afterExpiry_isRefused() {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            String fresh = store.states().create("shop-1", "connect", Duration.ofMinutes(10));
            String stale = store.states().create("shop-1", "connect", Duration.ofMinutes(10));
            clock.advance(Duration.ofMinutes(9));
            assertThat(store.states().consume(fresh, "connect")).contains("shop-1");
            clock.advance(Duration.ofMinutes(1));
            assertThat(store.states().consume(stale, "connect")).isEmpty();
        }
    }

    @Test
    void create_keepsOnlyItsHash() throws Exception {
        String state;
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            state = store.states().create("shop-1", "connect", Duration.ofMinutes(10));
        }
        assertThat(db.rawColumn("SELECT state_hash FROM one_time_states"))
                .singleElement().asString().hasSize(64).isNotEqualTo(state).doesNotContain(state);
    }
}
