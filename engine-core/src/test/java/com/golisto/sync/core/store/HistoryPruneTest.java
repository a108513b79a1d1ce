package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The batched retention prunes of deliveries, dead letters and one-time states. */
class HistoryPruneTest extends TwoStoresTestBase {

    @Test
    void deliveries_receivedBeforeTheCutoff_areForgottenInBatches_andThenSeenAsNew() {
        for (int i = 0; i < 7; i++) {
            store.deliveries().record("s1", "webhook", "old-" + i);
        }
        clock.advance(Duration.ofDays(8));
        store.deliveries().record("s2", "webhook", "new");

        assertThat(store.deliveries().prune(clock.instant().minus(Duration.ofDays(7)), 3)).isEqualTo(7);

        assertThat(store.deliveries().record("s1", "webhook", "old-0")).isTrue();
        assertThat(store.deliveries().record("s2", "webhook", "new")).isFalse();
    }

    @Test
    void deadLetters_replayedLongAgo_orNeverReplayedForLonger_go_theOthersStay() {
        DeadLetter replayedOld = store.deadLetters().add("s1", "product", "1", "refused", "{}");
        DeadLetter pendingOld = store.deadLetters().add("s1", "product", "2", "refused", "{}");
        DeadLetter failedAgain = store.deadLetters().add("s1", "product", "3", "refused", "{}");
        store.deadLetters().markReplayed(replayedOld.id());
        store.deadLetters().markReplayed(failedAgain.id());
        clock.advance(Duration.ofDays(40));
        store.deadLetters().add("s1", "product", "3", "refused again", "{}"); // pending again, not replayed
        DeadLetter pendingNew = store.deadLetters().add("s2", "order", "9", "unknown product", "{}");
        Instant now = clock.instant();

        assertThat(store.deadLetters().prune(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(90)), 1))
                .isEqualTo(1);
        assertThat(store.deadLetters().list()).extracting(DeadLetter::id)
                .containsExactly(pendingOld.id(), failedAgain.id(), pendingNew.id());

        clock.advance(Duration.ofDays(51));
        now = clock.instant();
        assertThat(store.deadLetters().prune(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(90)), 1))
                .isEqualTo(2);
        assertThat(store.deadLetters().list()).extracting(DeadLetter::id).containsExactly(pendingNew.id());
    }

    @Test
    void oneTimeStates_usedOrExpiredBeforeTheCutoff_go_theLiveOneStays() {
        String used = store.states().create("s1", "connect", Duration.ofMinutes(30));
        store.states().create("s1", "connect", Duration.ofMinutes(30)); // expires unused
        assertThat(store.states().consume(used, "connect")).contains("s1");
        String live = store.states().create("s2", "connect", Duration.ofDays(3));
        clock.advance(Duration.ofDays(2));

        assertThat(store.states().prune(clock.instant().minus(Duration.ofDays(1)), 1)).isEqualTo(2);
        assertThat(store.states().consume(live, "connect")).contains("s2");
    }
}
