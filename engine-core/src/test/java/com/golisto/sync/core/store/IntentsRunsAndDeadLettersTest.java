package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentsRunsAndDeadLettersTest {

    @TempDir
    Path dir;

    private final TestingClock clock = TestingClock.atNoon();
    private StateStore store;

    @BeforeEach
    void open() {
        store = TestingStateStores.open(dir, clock);
        store.createStore("s1", "woocommerce", "golisto");
        store.createStore("s2", "woocommerce", "golisto");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void openIntent_thenComplete_roundTrips() {
        Intent intent = store.openIntent("s1", "CREATE_ORDER", "G-1001", "{\"order\":\"G-1001\"}");

        assertThat(intent.open()).isTrue();
        assertThat(intent.createdAt()).isEqualTo(clock.instant());
        assertThat(store.openIntents("s1")).containsExactly(intent);
        assertThat(store.findOpenIntent("s1", "CREATE_ORDER", "G-1001")).contains(intent);

        clock.advance(Duration.ofSeconds(2));
        assertThat(store.completeIntent(intent.id(), "wc-order-77")).isTrue();
        assertThat(store.completeIntent(intent.id(), "again")).isFalse();

        Intent done = store.findIntent(intent.id()).orElseThrow();
        assertThat(done.open()).isFalse();
        assertThat(done.completedAt()).isEqualTo(clock.instant());
        assertThat(done.resultText()).isEqualTo("wc-order-77");
        assertThat(store.openIntents("s1")).isEmpty();
    }

    @Test
    void openIntent_secondForTheSameKeyWhileOpen_isRefusedWithTheExistingOne() {
        Intent first = store.openIntent("s1", "CREATE_ORDER", "G-1001", "{}");

        assertThatThrownBy(() -> store.openIntent("s1", "CREATE_ORDER", "G-1001", "{}"))
                .isInstanceOfSatisfying(IntentAlreadyOpenException.class,
                        e -> assertThat(e.existing()).isEqualTo(first))
                .hasMessageContaining("G-1001");

        // other keys, kinds and stores are independent
        store.openIntent("s1", "CREATE_ORDER", "G-1002", "{}");
        store.openIntent("s1", "UPDATE_ORDER", "G-1001", "{}");
        store.openIntent("s2", "CREATE_ORDER", "G-1001", "{}");

        // once completed, the same key may be opened again (and completed ones stay)
        store.completeIntent(first.id(), "wc-1");
        Intent again = store.openIntent("s1", "CREATE_ORDER", "G-1001", "{}");
        store.completeIntent(again.id(), "wc-2");
        store.openIntent("s1", "CREATE_ORDER", "G-1001", "{}");
        assertThat(store.openIntents()).hasSize(4);
        assertThat(store.openIntents("s1")).hasSize(3);
    }

    @Test
    void openIntents_surviveAReopen() {
        Intent intent = store.openIntent("s1", "CREATE_ORDER", "G-1001", "{\"lines\":2}");
        store.close();
        store = TestingStateStores.open(dir, clock);
        assertThat(store.openIntents()).containsExactly(intent);
    }

    @Test
    void pruneIntents_deletesOnlyOldCompletedOnes() {
        Intent old = store.openIntent("s1", "CREATE_ORDER", "G-1", "{}");
        store.completeIntent(old.id(), "wc-1");
        Intent open = store.openIntent("s1", "CREATE_ORDER", "G-2", "{}");
        clock.advance(Duration.ofDays(31));

        assertThat(store.pruneIntents(clock.instant().minus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(store.findIntent(old.id())).isEmpty();
        assertThat(store.findIntent(open.id())).isPresent();
    }

    @Test
    void deadLetters_addListFindReplayAndDelete() {
        DeadLetter letter = store.addDeadLetter("s1", "ORDER", "G-1001", "unknown product 77 in line 2", "{\"id\":1}");
        store.addDeadLetter("s2", "PRODUCT", "p9", "price missing", "{}");

        assertThat(letter.attempts()).isEqualTo(1);
        assertThat(letter.replayedAt()).isNull();
        assertThat(letter.createdAt()).isEqualTo(clock.instant());
        assertThat(store.deadLetters()).hasSize(2);
        assertThat(store.deadLetters("s1")).containsExactly(letter);
        assertThat(store.findDeadLetter(letter.id())).contains(letter);

        clock.advance(Duration.ofMinutes(1));
        assertThat(store.markReplayed(letter.id())).isTrue();
        assertThat(store.findDeadLetter(letter.id())).map(DeadLetter::replayedAt).contains(clock.instant());

        assertThat(store.deleteDeadLetter(letter.id())).isTrue();
        assertThat(store.deleteDeadLetter(letter.id())).isFalse();
        assertThat(store.markReplayed(letter.id())).isFalse();
        assertThat(store.deadLetters("s1")).isEmpty();
    }

    @Test
    void addDeadLetter_sameItemAgain_countsAttemptsAndIsPendingAgain() {
        DeadLetter first = store.addDeadLetter("s1", "ORDER", "G-1001", "first reason", "{\"v\":1}");
        store.markReplayed(first.id());

        DeadLetter again = store.addDeadLetter("s1", "ORDER", "G-1001", "second reason", "{\"v\":2}");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.reason()).isEqualTo("second reason");
        assertThat(again.payload()).isEqualTo("{\"v\":2}");
        assertThat(again.replayedAt()).isNull();
        assertThat(store.deadLetters("s1")).hasSize(1);
    }

    @Test
    void resolveDeadLetters_deletesOnlyTheNamedItemsOfThatStoreAndKind() {
        store.addDeadLetter("s1", "PRODUCT", "p1", "refused", "{}");
        store.addDeadLetter("s1", "PRODUCT", "p2", "refused", "{}");
        store.addDeadLetter("s1", "ORDER", "p1", "refused", "{}");
        store.addDeadLetter("s2", "PRODUCT", "p1", "refused", "{}");

        int resolved = store.resolveDeadLetters("s1", "PRODUCT", java.util.List.of("p1", "p3", "p1"));

        assertThat(resolved).isEqualTo(1);
        assertThat(store.deadLetters()).extracting(d -> d.storeId() + "/" + d.kind() + "/" + d.itemId())
                .containsExactly("s1/PRODUCT/p2", "s1/ORDER/p1", "s2/PRODUCT/p1");
        assertThat(store.resolveDeadLetters("s1", "PRODUCT", java.util.List.of())).isZero();
    }

    @Test
    void deadLetter_longReasonIsCut_largePayloadKept() {
        String payload = "x".repeat(200_000);
        DeadLetter letter = store.addDeadLetter("s1", "PRODUCT", "p1", "r".repeat(3000), payload);
        assertThat(letter.reason()).hasSize(2000);
        assertThat(store.findDeadLetter(letter.id())).map(DeadLetter::payload).contains(payload);
    }

    @Test
    void runs_startFinishAndListNewestFirst() {
        SyncRun first = store.startRun("s1", RunKind.FULL);
        assertThat(first.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(first.counts()).isEqualTo(RunCounts.zero());
        assertThat(first.finishedAt()).isNull();

        clock.advance(Duration.ofSeconds(40));
        RunCounts counts = new RunCounts(120, 100, 5, 2, 13, 1, 9);
        SyncRun finished = store.finishRun(first.id(), RunStatus.SUCCEEDED, counts, null);

        assertThat(finished).isEqualTo(new SyncRun(first.id(), "s1", RunKind.FULL, RunStatus.SUCCEEDED,
                first.startedAt(), clock.instant(), counts, null));
        assertThat(store.findRun(first.id())).contains(finished);

        clock.advance(Duration.ofSeconds(1));
        SyncRun second = store.startRun("s1", RunKind.INCREMENTAL);
        SyncRun failed = store.finishRun(second.id(), RunStatus.FAILED, RunCounts.zero(), "HTTP 503 from shop");
        store.startRun("s2", RunKind.ORDERS);

        assertThat(failed.errorMessage()).isEqualTo("HTTP 503 from shop");
        assertThat(store.recentRuns("s1", 10)).extracting(SyncRun::id).containsExactly(second.id(), first.id());
        assertThat(store.recentRuns("s1", 1)).extracting(SyncRun::id).containsExactly(second.id());
    }

    @Test
    void finishRun_twice_keepsTheFirstOutcome() {
        SyncRun run = store.startRun("s1", RunKind.WEBHOOK);
        store.finishRun(run.id(), RunStatus.SUCCEEDED, new RunCounts(1, 0, 1, 0, 0, 0, 2), null);
        SyncRun again = store.finishRun(run.id(), RunStatus.FAILED, RunCounts.zero(), "late");
        assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(again.counts().updated()).isEqualTo(1);
        assertThatThrownBy(() -> store.finishRun(run.id(), RunStatus.RUNNING, RunCounts.zero(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.finishRun(9999, RunStatus.FAILED, RunCounts.zero(), null))
                .hasMessageContaining("9999");
    }

    @Test
    void failAbandonedRuns_marksRunningRunsInterrupted() {
        SyncRun a = store.startRun("s1", RunKind.FULL);
        SyncRun b = store.startRun("s2", RunKind.ORDERS);
        SyncRun done = store.startRun("s1", RunKind.STATUS);
        store.finishRun(done.id(), RunStatus.SUCCEEDED, RunCounts.zero(), null);
        store.close();
        store = TestingStateStores.open(dir, clock);

        assertThat(store.failAbandonedRuns("s2")).isEqualTo(1);
        assertThat(store.failAbandonedRuns()).isEqualTo(1);

        assertThat(store.findRun(a.id())).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.errorMessage()).isEqualTo("interrupted");
            assertThat(r.finishedAt()).isEqualTo(clock.instant());
        });
        assertThat(store.findRun(b.id())).map(SyncRun::status).contains(RunStatus.FAILED);
        assertThat(store.findRun(done.id())).map(SyncRun::status).contains(RunStatus.SUCCEEDED);
    }

    @Test
    void pruneRuns_keepsRunningAndRecentRuns() {
        SyncRun old = store.startRun("s1", RunKind.FULL);
        store.finishRun(old.id(), RunStatus.SUCCEEDED, RunCounts.zero(), null);
        SyncRun running = store.startRun("s1", RunKind.FULL);
        clock.advance(Duration.ofDays(10));
        SyncRun recent = store.startRun("s1", RunKind.FULL);
        store.finishRun(recent.id(), RunStatus.SUCCEEDED, RunCounts.zero(), null);

        assertThat(store.pruneRuns(clock.instant().minus(Duration.ofDays(7)))).isEqualTo(1);
        assertThat(store.recentRuns("s1", 10)).extracting(SyncRun::id).containsExactly(recent.id(), running.id());
    }

    @Test
    void runCounts_addUpAndRejectNegatives() {
        assertThat(new RunCounts(1, 2, 3, 4, 5, 6, 7).plus(new RunCounts(1, 1, 1, 1, 1, 1, 1)))
                .isEqualTo(new RunCounts(2, 3, 4, 5, 6, 7, 8));
        assertThatThrownBy(() -> new RunCounts(0, 0, 0, 0, 0, -1, 0)).hasMessageContaining("failed");
    }

    @Test
    void timestamps_keepMillisecondsWhateverTheClockPrecision() {
        clock.advance(Duration.ofNanos(123_456_789));
        SyncRun run = store.startRun("s1", RunKind.FULL);
        assertThat(run.startedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
    }
}
