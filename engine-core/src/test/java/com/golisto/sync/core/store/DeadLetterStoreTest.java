package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link DeadLetterStore}: items given up on, one letter per item, replayed or resolved. */
class DeadLetterStoreTest extends TwoStoresTestBase {

    @Test
    void deadLetters_addListFindReplayAndDelete() {
        DeadLetter letter = store.deadLetters().add("s1", "ORDER", "G-1001", "unknown product 77 in line 2", "{\"id\":1}");
        store.deadLetters().add("s2", "PRODUCT", "p9", "price missing", "{}");

        assertThat(letter.attempts()).isEqualTo(1);
        assertThat(letter.replayedAt()).isNull();
        assertThat(letter.createdAt()).isEqualTo(clock.instant());
        assertThat(store.deadLetters().list()).hasSize(2);
        assertThat(store.deadLetters().list("s1")).containsExactly(letter);
        assertThat(store.deadLetters().find(letter.id())).contains(letter);

        clock.advance(Duration.ofMinutes(1));
        assertThat(store.deadLetters().markReplayed(letter.id())).isTrue();
        assertThat(store.deadLetters().find(letter.id())).map(DeadLetter::replayedAt).contains(clock.instant());

        assertThat(store.deadLetters().delete(letter.id())).isTrue();
        assertThat(store.deadLetters().delete(letter.id())).isFalse();
        assertThat(store.deadLetters().markReplayed(letter.id())).isFalse();
        assertThat(store.deadLetters().list("s1")).isEmpty();
    }

    @Test
    void add_sameItemAgain_countsAttemptsAndIsPendingAgain() {
        DeadLetter first = store.deadLetters().add("s1", "ORDER", "G-1001", "first reason", "{\"v\":1}");
        store.deadLetters().markReplayed(first.id());

        DeadLetter again = store.deadLetters().add("s1", "ORDER", "G-1001", "second reason", "{\"v\":2}");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.reason()).isEqualTo("second reason");
        assertThat(again.payload()).isEqualTo("{\"v\":2}");
        assertThat(again.replayedAt()).isNull();
        assertThat(store.deadLetters().list("s1")).hasSize(1);
    }

    @Test
    void resolve_deletesOnlyTheNamedItemsOfThatStoreAndKind() {
        store.deadLetters().add("s1", "PRODUCT", "p1", "refused", "{}");
        store.deadLetters().add("s1", "PRODUCT", "p2", "refused", "{}");
        store.deadLetters().add("s1", "ORDER", "p1", "refused", "{}");
        store.deadLetters().add("s2", "PRODUCT", "p1", "refused", "{}");

        int resolved = store.deadLetters().resolve("s1", "PRODUCT", java.util.List.of("p1", "p3", "p1"));

        assertThat(resolved).isEqualTo(1);
        assertThat(store.deadLetters().list()).extracting(d -> d.storeId() + "/" + d.kind() + "/" + d.itemId())
                .containsExactly("s1/PRODUCT/p2", "s1/ORDER/p1", "s2/PRODUCT/p1");
        assertThat(store.deadLetters().resolve("s1", "PRODUCT", java.util.List.of())).isZero();
    }

    @Test
    void deadLetter_longReasonIsCut_largePayloadKept() {
        String payload = "x".repeat(200_000);
        DeadLetter letter = store.deadLetters().add("s1", "PRODUCT", "p1", "r".repeat(3000), payload);
        assertThat(letter.reason()).hasSize(2000);
        assertThat(store.deadLetters().find(letter.id())).map(DeadLetter::payload).contains(payload);
    }
}
