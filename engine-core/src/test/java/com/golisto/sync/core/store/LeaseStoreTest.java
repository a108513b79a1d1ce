package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link LeaseStore}: store work leases, exclusive until they expire, atomic across runners. */
class LeaseStoreTest extends TwoStoresTestBase {

    @Test
    void lease_isExclusiveUntilItExpires() {
        Duration ttl = Duration.ofSeconds(30);
        assertThat(store.leases().tryAcquire("s1", "runner-a", ttl)).isTrue();
        assertThat(store.leases().tryAcquire("s1", "runner-b", ttl)).isFalse();
        assertThat(store.leases().tryAcquire("s1", "runner-a", ttl)).isTrue();
        assertThat(store.leases().tryAcquire("s2", "runner-b", ttl)).isTrue();
        assertThat(store.leases().find("s1")).get().satisfies(l -> {
            assertThat(l.owner()).isEqualTo("runner-a");
            assertThat(l.expiresAt()).isEqualTo(clock.instant().plus(ttl));
        });

        clock.advance(Duration.ofSeconds(29));
        assertThat(store.leases().tryAcquire("s1", "runner-b", ttl)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.leases().tryAcquire("s1", "runner-b", ttl)).isTrue();
        assertThat(store.leases().renew("s1", "runner-a", ttl)).isFalse();
        assertThat(store.leases().release("s1", "runner-a")).isFalse();
    }

    @Test
    void renew_extendsTheHoldersLease() {
        Duration ttl = Duration.ofSeconds(30);
        store.leases().tryAcquire("s1", "runner-a", ttl);
        clock.advance(Duration.ofSeconds(20));
        assertThat(store.leases().renew("s1", "runner-a", ttl)).isTrue();
        clock.advance(Duration.ofSeconds(20));
        assertThat(store.leases().tryAcquire("s1", "runner-b", ttl)).isFalse();
    }

    @Test
    void release_letsAnotherRunnerTakeItAtOnce() {
        Duration ttl = Duration.ofMinutes(5);
        store.leases().tryAcquire("s1", "runner-a", ttl);
        assertThat(store.leases().release("s1", "runner-a")).isTrue();
        assertThat(store.leases().find("s1")).isEmpty();
        assertThat(store.leases().tryAcquire("s1", "runner-b", ttl)).isTrue();
    }

    @Test
    void tryAcquire_concurrentRunners_exactlyOneWins() throws Exception {
        int winners = winnersOfRace(8, i -> () -> store.leases().tryAcquire("s1", "runner-" + i, Duration.ofMinutes(1)));

        assertThat(winners).isEqualTo(1);
    }

    @Test
    void tryAcquire_rejectsNonPositiveTtl() {
        assertThatThrownBy(() -> store.leases().tryAcquire("s1", "runner-a", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    }
}
