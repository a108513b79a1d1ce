package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link IntentStore}: intents before non-idempotent writes, one open per key. */
class IntentStoreTest extends TwoStoresTestBase {

    @Test
    void open_thenComplete_roundTrips() {
        Intent intent = store.intents().open("s1", "CREATE_ORDER", "G-1001", "{\"order\":\"G-1001\"}");

        assertThat(intent.open()).isTrue();
        assertThat(intent.createdAt()).isEqualTo(clock.instant());
        assertThat(store.intents().listOpen("s1")).containsExactly(intent);
        assertThat(store.intents().findOpen("s1", "CREATE_ORDER", "G-1001")).contains(intent);

        clock.advance(Duration.ofSeconds(2));
        assertThat(store.intents().complete(intent.id(), "wc-order-77")).isTrue();
        assertThat(store.intents().complete(intent.id(), "again")).isFalse();

        Intent done = store.intents().find(intent.id()).orElseThrow();
        assertThat(done.open()).isFalse();
        assertThat(done.completedAt()).isEqualTo(clock.instant());
        assertThat(done.resultText()).isEqualTo("wc-order-77");
        assertThat(store.intents().listOpen("s1")).isEmpty();
    }

    @Test
    void open_secondForTheSameKeyWhileOpen_isRefusedWithTheExistingOne() {
        Intent first = store.intents().open("s1", "CREATE_ORDER", "G-1001", "{}");

        assertThatThrownBy(() -> store.intents().open("s1", "CREATE_ORDER", "G-1001", "{}"))
                .isInstanceOfSatisfying(IntentAlreadyOpenException.class,
                        e -> assertThat(e.existing()).isEqualTo(first))
                .hasMessageContaining("G-1001");

        // other keys, kinds and stores are independent
        store.intents().open("s1", "CREATE_ORDER", "G-1002", "{}");
        store.intents().open("s1", "UPDATE_ORDER", "G-1001", "{}");
        store.intents().open("s2", "CREATE_ORDER", "G-1001", "{}");

        // once completed, the same key may be opened again (and completed ones stay)
        store.intents().complete(first.id(), "wc-1");
        Intent again = store.intents().open("s1", "CREATE_ORDER", "G-1001", "{}");
        store.intents().complete(again.id(), "wc-2");
        store.intents().open("s1", "CREATE_ORDER", "G-1001", "{}");
        assertThat(store.intents().listOpen()).hasSize(4);
        assertThat(store.intents().listOpen("s1")).hasSize(3);
    }

    @Test
    void openIntents_surviveAReopen() {
        Intent intent = store.intents().open("s1", "CREATE_ORDER", "G-1001", "{\"lines\":2}");
        store.close();
        store = db.open(clock);
        assertThat(store.intents().listOpen()).containsExactly(intent);
    }

    @Test
    void prune_deletesOnlyOldCompletedOnes() {
        Intent old = store.intents().open("s1", "CREATE_ORDER", "G-1", "{}");
        store.intents().complete(old.id(), "wc-1");
        Intent open = store.intents().open("s1", "CREATE_ORDER", "G-2", "{}");
        clock.advance(Duration.ofDays(31));

        assertThat(store.intents().prune(clock.instant().minus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(store.intents().find(old.id())).isEmpty();
        assertThat(store.intents().find(open.id())).isPresent();
    }

    @Test
    void claimAttempt_nodesAskingAtOnce_exactlyOneMayWrite_andNoneAgainUntilTheAttemptSettled() throws Exception {
        Intent intent = store.intents().open("s1", "CREATE_ORDER", "sale-1", "{}");
        Duration settle = Duration.ofMinutes(2);

        int granted = winnersOfRace(8, i -> () -> store.intents().claimAttempt(intent.id(), settle));

        assertThat(granted).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.intents().claimAttempt(intent.id(), settle)).as("the attempt may still be completing").isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.intents().claimAttempt(intent.id(), settle)).as("settled: one more attempt").isTrue();
        store.intents().complete(intent.id(), "shop-order-7");
        clock.advance(Duration.ofHours(1));
        assertThat(store.intents().claimAttempt(intent.id(), settle)).as("completed").isFalse();
    }

    @Test
    void openUnlessMapped_aSaleAnotherNodeFinished_isRefusedWithItsMapping_inTheSameTransactionAsTheInsert() {
        Intent first = store.intents().openUnlessMapped("s1", "CREATE_ORDER", "sale-1", "{}", EntityKind.ORDER);
        store.mappings().upsert(List.of(Mapping.of("s1", EntityKind.ORDER, "sale-1", "shop-order-7", null, null, 0, 0,
                "SYNCED", "1007")));
        store.intents().complete(first.id(), "shop-order-7");

        // a node that read "no shop order yet" before the mapping was written
        assertThatThrownBy(() -> store.intents().openUnlessMapped("s1", "CREATE_ORDER", "sale-1", "{}", EntityKind.ORDER))
                .isInstanceOfSatisfying(IntentAlreadyDoneException.class,
                        e -> assertThat(e.mapping().targetId()).isEqualTo("shop-order-7"));
        assertThat(store.intents().listOpen("s1")).isEmpty();
        assertThat(store.intents().openUnlessMapped("s1", "CREATE_ORDER", "sale-2", "{}", EntityKind.ORDER)).isNotNull();
    }
}
