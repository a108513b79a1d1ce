package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.PollCounts;
import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RunStore} beyond single runs: the last full pass read directly, runs whose stored kind or status
 * this version does not know, empty polls counted instead of stored, and the batched retention prune.
 */
class RunHistoryTest extends TwoStoresTestBase {

    private SyncRun finished(String storeId, RunKind kind, RunStatus status) {
        SyncRun run = store.runs().start(storeId, kind);
        clock.advance(Duration.ofSeconds(1));
        return store.runs().finish(run.id(), status, RunCounts.zero(), status == RunStatus.FAILED ? "boom" : null);
    }

    @Test
    void lastSucceeded_findsTheLastFullPass_behindHundredsOfLaterOrderRuns() {
        finished("s1", RunKind.FULL, RunStatus.SUCCEEDED);
        SyncRun last = finished("s1", RunKind.FULL, RunStatus.SUCCEEDED);
        finished("s1", RunKind.FULL, RunStatus.FAILED);
        finished("s2", RunKind.FULL, RunStatus.SUCCEEDED);
        for (int i = 0; i < 250; i++) {
            finished("s1", RunKind.ORDERS, RunStatus.SUCCEEDED);
        }

        assertThat(store.runs().lastSucceeded("s1", RunKind.FULL)).contains(last);
        assertThat(store.runs().lastSucceeded("s1", RunKind.INCREMENTAL)).isEmpty();
    }

    @Test
    void storedKindOrStatusThisVersionDoesNotKnow_readsAsUnknownAndFailed_namingTheStoredValue() throws Exception {
        SyncRun futureKind = finished("s1", RunKind.FULL, RunStatus.SUCCEEDED);
        SyncRun futureStatus = finished("s1", RunKind.INCREMENTAL, RunStatus.FAILED);
        SyncRun fine = finished("s1", RunKind.ORDERS, RunStatus.SUCCEEDED);
        store.close();
        db.rawUpdate("UPDATE sync_runs SET kind = 'REPRICE' WHERE id = " + futureKind.id());
        db.rawUpdate("UPDATE sync_runs SET status = 'PAUSED' WHERE id = " + futureStatus.id());
        store = db.open(clock);

        List<SyncRun> runs = store.runs().recent("s1", 10);

        assertThat(runs).extracting(SyncRun::id).containsExactly(fine.id(), futureStatus.id(), futureKind.id());
        assertThat(runs.get(0).kind()).isEqualTo(RunKind.ORDERS);
        assertThat(runs.get(0).errorMessage()).isNull();
        assertThat(runs.get(1)).satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RunKind.INCREMENTAL);
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.errorMessage()).isEqualTo("unreadable stored status 'PAUSED'; boom");
        });
        assertThat(runs.get(2)).satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RunKind.UNKNOWN);
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.errorMessage()).isEqualTo("unreadable stored kind 'REPRICE'");
        });
        assertThat(store.runs().find(futureKind.id())).map(SyncRun::kind).contains(RunKind.UNKNOWN);
    }

    @Test
    void finishEmptyPoll_leavesNoRow_andCountsThePoll() {
        SyncRun poll = store.runs().start("s1", RunKind.ORDERS);
        clock.advance(Duration.ofSeconds(2));
        Instant firstEnd = clock.instant();
        SyncRun done = store.runs().finishEmptyPoll(poll.id(), new RunCounts(0, 0, 0, 0, 0, 0, 1));

        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.finishedAt()).isEqualTo(firstEnd);
        assertThat(store.runs().find(poll.id())).isEmpty();
        assertThat(store.runs().pollCounts("s1", RunKind.ORDERS)).isEqualTo(new PollCounts(1, firstEnd, firstEnd));

        clock.advance(Duration.ofMinutes(1));
        store.runs().finishEmptyPoll(store.runs().start("s1", RunKind.ORDERS).id(), RunCounts.zero());
        Instant secondEnd = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        store.runs().countPoll("s1", RunKind.ORDERS);

        assertThat(store.runs().pollCounts("s1", RunKind.ORDERS))
                .isEqualTo(new PollCounts(2, secondEnd, clock.instant()));
        assertThat(store.runs().pollCounts("s2", RunKind.ORDERS)).isEqualTo(PollCounts.none());
        assertThat(store.runs().recent("s1", 10)).isEmpty();
    }

    @Test
    void finishEmptyPoll_ofARunAlreadyFinished_keepsItsRow() {
        SyncRun run = finished("s1", RunKind.ORDERS, RunStatus.FAILED);
        assertThat(store.runs().finishEmptyPoll(run.id(), RunCounts.zero()).status()).isEqualTo(RunStatus.FAILED);
        assertThat(store.runs().find(run.id())).isPresent();
        assertThat(store.runs().pollCounts("s1", RunKind.ORDERS)).isEqualTo(PollCounts.none());
    }

    @Test
    void prune_deletesOldRunsInBatches_keepingTheNewestPerKindAndTheLastSuccessfulFullPass() {
        SyncRun lastFull = finished("s1", RunKind.FULL, RunStatus.SUCCEEDED);
        SyncRun failedFull = finished("s1", RunKind.FULL, RunStatus.FAILED);
        List<SyncRun> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orders.add(finished("s1", RunKind.ORDERS, RunStatus.SUCCEEDED));
        }
        SyncRun otherStore = finished("s2", RunKind.INCREMENTAL, RunStatus.SUCCEEDED);
        SyncRun running = store.runs().start("s1", RunKind.WEBHOOK);
        clock.advance(Duration.ofDays(31));
        SyncRun recent = finished("s1", RunKind.ORDERS, RunStatus.SUCCEEDED);

        // keep 3 per kind: of the old order runs the two newest stay beside the recent one
        int deleted = store.runs().prune(clock.instant().minus(Duration.ofDays(30)), 3, 4);

        assertThat(deleted).isEqualTo(10);
        assertThat(store.runs().recent("s1", 100)).extracting(SyncRun::id).containsExactlyInAnyOrder(
                recent.id(), orders.get(11).id(), orders.get(10).id(), lastFull.id(), failedFull.id(), running.id());
        assertThat(store.runs().recent("s2", 100)).extracting(SyncRun::id).containsExactly(otherStore.id());

        // keeping none still keeps the last successful full pass and the running run
        store.runs().prune(clock.instant().plus(Duration.ofDays(1)), 0, 2);
        assertThat(store.runs().recent("s1", 100)).extracting(SyncRun::id)
                .containsExactlyInAnyOrder(lastFull.id(), running.id());
    }
}
