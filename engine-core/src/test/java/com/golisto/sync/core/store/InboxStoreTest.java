package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.core.UnknownStoreException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InboxStore}: the durable webhook inbox, its debounce, claims across nodes and the batch-window hold. */
class InboxStoreTest extends TwoStoresTestBase {

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofSeconds(10);
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private boolean receive(String storeId, String key, String... products) {
        return store.inbox().receive(storeId, "webhook", key, List.of(products), QUIET, MAX);
    }

    @Test
    void receive_recordsTheDeliveryOnceAndMarksItsProducts() {
        assertThat(receive("s1", "d-1", "p1", "p2")).isTrue();
        assertThat(receive("s1", "d-1", "p1", "p2")).isFalse();

        assertThat(store.inbox().pendingCount("s1")).isEqualTo(2);
        assertThat(store.inbox().pendingCount("s2")).isZero();
        // the same delivery table as before: a repeat recorded either way is a repeat
        assertThat(store.deliveries().record("s1", "webhook", "d-1")).isFalse();
    }

    @Test
    void receive_concurrentCopiesOfOneDelivery_exactlyOneWins() throws Exception {
        int firsts = winnersOfRace(8, i -> () -> receive("s1", "burst-1", "p1"));

        assertThat(firsts).isEqualTo(1);
        assertThat(store.inbox().pendingCount("s1")).isEqualTo(1);
    }

    @Test
    void receive_concurrentDeliveriesForOneProduct_allMarkOneRow() throws Exception {
        int firsts = winnersOfRace(8, i -> () -> receive("s1", "d-" + i, "p1"));

        assertThat(firsts).isEqualTo(8);
        assertThat(store.inbox().pendingCount("s1")).isEqualTo(1);
    }

    @Test
    void receive_unknownStore_isRefused() {
        assertThatThrownBy(() -> receive("ghost", "d-1", "p1")).isInstanceOf(UnknownStoreException.class);
    }

    @Test
    void claimDue_onlyAfterTheProductWasQuietForTheDebounce() {
        receive("s1", "d-1", "p1");
        clock.advance(Duration.ofSeconds(1));
        receive("s1", "d-2", "p1");
        clock.advance(Duration.ofSeconds(1));

        assertThat(store.inbox().claimDue("s1", "n1", CLAIM).products()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.inbox().claimDue("s1", "n1", CLAIM).products()).containsExactly("p1");
    }

    @Test
    void claimDue_aProductThatKeepsBeingNotifiedIsDueAtTheMaximumDelay() {
        for (int i = 0; i < 9; i++) {
            receive("s1", "d-" + i, "p1");
            clock.advance(Duration.ofSeconds(1));
            assertThat(store.inbox().claimDue("s1", "n1", CLAIM).products()).isEmpty();
        }
        receive("s1", "d-last", "p1");
        clock.advance(Duration.ofSeconds(1));

        assertThat(store.inbox().claimDue("s1", "n1", CLAIM).products()).containsExactly("p1");
    }

    @Test
    void claimDue_anotherNodeGetsNothingClaimedUntilTheClaimExpires() {
        receive("s1", "d-1", "p1", "p2");
        clock.advance(QUIET);

        assertThat(store.inbox().claimDue("s1", "n1", CLAIM).products()).containsExactlyInAnyOrder("p1", "p2");
        assertThat(store.inbox().claimDue("s1", "n2", CLAIM).products()).isEmpty();
        clock.advance(CLAIM);
        assertThat(store.inbox().claimDue("s1", "n2", CLAIM).products()).containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void claimDue_concurrentNodes_eachProductGoesToOne() throws Exception {
        receive("s1", "d-1", "p1");
        clock.advance(QUIET);

        int winners = winnersOfRace(6, i -> () -> !store.inbox().claimDue("s1", "n" + i, CLAIM).products().isEmpty());

        assertThat(winners).isEqualTo(1);
    }

    @Test
    void done_forgetsTheClaimedProductsButKeepsOnesNotifiedDuringThePass() {
        receive("s1", "d-1", "p1", "p2");
        clock.advance(QUIET);
        InboxStore.Claim claim = store.inbox().claimDue("s1", "n1", CLAIM);
        receive("s1", "d-2", "p2");

        store.inbox().done(claim);

        assertThat(store.inbox().pendingCount("s1")).isEqualTo(1);
        clock.advance(QUIET);
        assertThat(store.inbox().claimDue("s1", "n2", CLAIM).products()).containsExactly("p2");
    }

    @Test
    void done_afterTheClaimExpiredAndAnotherNodeFinished_keepsARowNotifiedAnewSince() {
        receive("s1", "d-1", "p1");
        clock.advance(QUIET);
        InboxStore.Claim slow = store.inbox().claimDue("s1", "n1", CLAIM);
        clock.advance(CLAIM);
        store.inbox().done(store.inbox().claimDue("s1", "n2", CLAIM));
        clock.advance(Duration.ofSeconds(1));
        receive("s1", "d-2", "p1");

        store.inbox().done(slow);

        assertThat(store.inbox().pendingCount("s1")).isEqualTo(1);
    }

    @Test
    void release_leavesTheProductsDueForAnyNode() {
        receive("s1", "d-1", "p1");
        clock.advance(QUIET);
        store.inbox().release(store.inbox().claimDue("s1", "n1", CLAIM));

        assertThat(store.inbox().claimDue("s1", "n2", CLAIM).products()).containsExactly("p1");
    }

    @Test
    void holdUntil_nothingOfTheStoreIsDueBeforeTheHoldEnds() {
        store.inbox().holdUntil("s1", clock.instant().plus(Duration.ofMinutes(10)));
        store.inbox().holdUntil("s1", clock.instant().plus(Duration.ofMinutes(10)));
        receive("s1", "d-1", "p1");
        receive("s2", "d-1", "p1");
        clock.advance(QUIET);

        assertThat(store.inbox().claimDue("s1", "n1", CLAIM).products()).isEmpty();
        assertThat(store.inbox().claimDue("s2", "n1", CLAIM).products()).containsExactly("p1");
        clock.advance(Duration.ofMinutes(10));
        assertThat(store.inbox().claimDue("s1", "n1", CLAIM).products()).containsExactly("p1");
    }

    @Test
    void forget_dropsTheStoresProductsAndHold() {
        receive("s1", "d-1", "p1");
        store.inbox().holdUntil("s1", clock.instant().plus(Duration.ofHours(1)));
        store.inbox().forget("s1");
        receive("s1", "d-2", "p2");
        clock.advance(QUIET);

        assertThat(store.inbox().pendingCount()).isEqualTo(1);
        assertThat(store.inbox().claimDue("s1", "n1", CLAIM).products()).containsExactly("p2");
    }
}
