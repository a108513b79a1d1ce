package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link RunStore}: sync runs with their counts, abandoned and old runs. */
class RunStoreTest extends TwoStoresTestBase {

    @Test
    void runs_startFinishAndListNewestFirst() {
        SyncRun first = store.runs().start("s1", RunKind.FULL);
        assertThat(first.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(first.counts()).isEqualTo(RunCounts.zero());
        assertThat(first.finishedAt()).isNull();

        clock.advance(Duration.ofSeconds(40));
        RunCounts counts = new RunCounts(120, 100, 5, 2, 13, 1, 9);
        SyncRun finished = store.runs().finish(first.id(), RunStatus.SUCCEEDED, counts, null);

        assertThat(finished).isEqualTo(new SyncRun(first.id(), "s1", RunKind.FULL, RunStatus.SUCCEEDED,
                first.startedAt(), clock.instant(), counts, null));
        assertThat(store.runs().find(first.id())).contains(finished);

        clock.advance(Duration.ofSeconds(1));
        SyncRun second = store.runs().start("s1", RunKind.INCREMENTAL);
        SyncRun failed = store.runs().finish(second.id(), RunStatus.FAILED, RunCounts.zero(), "HTTP 503 from shop");
        store.runs().start("s2", RunKind.ORDERS);

        assertThat(failed.errorMessage()).isEqualTo("HTTP 503 from shop");
        assertThat(store.runs().recent("s1", 10)).extracting(SyncRun::id).containsExactly(second.id(), first.id());
        assertThat(store.runs().recent("s1", 1)).extracting(SyncRun::id).containsExactly(second.id());
    }

    @Test
    void finish_twice_keepsTheFirstOutcome() {
        SyncRun run = store.runs().start("s1", RunKind.WEBHOOK);
        store.runs().finish(run.id(), RunStatus.SUCCEEDED, new RunCounts(1, 0, 1, 0, 0, 0, 2), null);
        SyncRun again = store.runs().finish(run.id(), RunStatus.FAILED, RunCounts.zero(), "late");
        assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(again.counts().updated()).isEqualTo(1);
        assertThatThrownBy(() -> store.runs().finish(run.id(), RunStatus.RUNNING, RunCounts.zero(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.runs().finish(9999, RunStatus.FAILED, RunCounts.zero(), null))
                .hasMessageContaining("9999");
    }

    @Test
    void failAbandoned_marksRunningRunsInterrupted() {
        SyncRun a = store.runs().start("s1", RunKind.FULL);
        SyncRun b = store.runs().start("s2", RunKind.ORDERS);
        SyncRun done = store.runs().start("s1", RunKind.STATUS);
        store.runs().finish(done.id(), RunStatus.SUCCEEDED, RunCounts.zero(), null);
        store.close();
        store = db.open(clock);

        assertThat(store.runs().failAbandoned("s2")).isEqualTo(1);
        assertThat(store.runs().failAbandoned()).isEqualTo(1);

        assertThat(store.runs().find(a.id())).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.errorMessage()).isEqualTo("interrupted");
            assertThat(r.finishedAt()).isEqualTo(clock.instant());
        });
        assertThat(store.runs().find(b.id())).map(SyncRun::status).contains(RunStatus.FAILED);
        assertThat(store.runs().find(done.id())).map(SyncRun::status).contains(RunStatus.SUCCEEDED);
    }

    @Test
    void prune_keepsRunningAndRecentRuns() {
        SyncRun old = store.runs().start("s1", RunKind.FULL);
        store.runs().finish(old.id(), RunStatus.SUCCEEDED, RunCounts.zero(), null);
        SyncRun running = store.runs().start("s1", RunKind.FULL);
        clock.advance(Duration.ofDays(10));
        SyncRun recent = store.runs().start("s1", RunKind.FULL);
        store.runs().finish(recent.id(), RunStatus.SUCCEEDED, RunCounts.zero(), null);

        assertThat(store.runs().prune(clock.instant().minus(Duration.ofDays(7)))).isEqualTo(1);
        assertThat(store.runs().recent("s1", 10)).extracting(SyncRun::id).containsExactly(recent.id(), running.id());
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
        SyncRun run = store.runs().start("s1", RunKind.FULL);
        assertThat(run.startedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
    }
}
