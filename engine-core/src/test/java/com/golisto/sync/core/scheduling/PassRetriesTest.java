package com.golisto.sync.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.EngineEvent;
import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.testing.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed pass is made due again (its cluster task moved) with a growing, capped, jittered wait; success resets it. */
class PassRetriesTest {

    private static final String STORE = "s1";
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final Schedule schedule = new Schedule(LocalTime.of(3, 0), Duration.ofHours(1), Duration.ofHours(1),
            Duration.ofMinutes(2), Duration.ofMinutes(5), ZoneOffset.UTC);
    private final FakeClock clock = FakeClock.at(NOW);
    private final List<Schedule.Work> ran = new ArrayList<>();
    private StateStore store;
    private StoreTasks tasks;
    private PassRetries retries;

    @BeforeEach
    void follow(@TempDir Path dir) {
        store = StateStore.open("jdbc:hsqldb:file:" + dir.resolve("state"), MasterKey.generate(), clock);
        tasks = new StoreTasks(store.dataSource(), schedule, clock, "node-1", EngineOptions.defaults());
        tasks.runWith((storeId, work) -> {
            ran.add(work);
            return StoreTasks.Outcome.RAN;
        });
        retries = new PassRetries(tasks, Duration.ofMinutes(1), Duration.ofMinutes(30));
        tasks.follow(STORE, NOW, NOW);
        tasks.ran(STORE, Schedule.Work.FULL_SYNC, NOW);
    }

    @AfterEach
    void close() {
        tasks.close();
        store.close();
    }

    @Test
    void delay_doublesFromTheFirstWait_isCappedAtTheMaximum_andJittersDownByAtMostHalf() {
        List<Duration> delays = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            delays.add(retries.delay(STORE, Schedule.Work.FULL_SYNC, n));
        }

        long[] ceilings = {1, 2, 4, 8, 16, 30, 30, 30, 30, 30};
        for (int i = 0; i < ceilings.length; i++) {
            Duration ceiling = Duration.ofMinutes(ceilings[i]);
            assertThat(delays.get(i)).as("failure %d", i + 1).isLessThanOrEqualTo(ceiling)
                    .isGreaterThanOrEqualTo(ceiling.dividedBy(2));
        }
        assertThat(retries.delay(STORE, Schedule.Work.FULL_SYNC, 3)).as("the same for every node")
                .isEqualTo(new PassRetries(tasks, Duration.ofMinutes(1), Duration.ofMinutes(30))
                        .delay(STORE, Schedule.Work.FULL_SYNC, 3));
        assertThat(retries.delay("another-store", Schedule.Work.FULL_SYNC, 5))
                .as("stores spread out").isNotEqualTo(retries.delay(STORE, Schedule.Work.FULL_SYNC, 5));
    }

    @Test
    void aFailedFullPass_isDueAgainWithinTheFirstWait_notAtTheNextDailySlot() {
        assertThat(tasks.nextSlot(STORE, Schedule.Work.FULL_SYNC).orElseThrow()).isAfter(NOW.plus(Duration.ofHours(12)));

        finish(RunKind.FULL, RunStatus.FAILED, NOW);

        Instant retry = tasks.nextSlot(STORE, Schedule.Work.FULL_SYNC).orElseThrow();
        assertThat(retry).isAfter(NOW).isBeforeOrEqualTo(NOW.plus(Duration.ofMinutes(1)));
        clock.advance(Duration.between(NOW, retry));
        tasks.runDue();
        assertThat(ran).contains(Schedule.Work.FULL_SYNC);
    }

    @Test
    void failuresInARow_waitLongerEachTime_andASuccessResetsTheWait() {
        Instant at = NOW;
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            finish(RunKind.FULL, RunStatus.FAILED, at);
            Instant next = tasks.nextSlot(STORE, Schedule.Work.FULL_SYNC).orElseThrow();
            waits.add(Duration.between(at, next));
            clock.advance(Duration.between(clock.instant(), next));
            tasks.runDue();
            at = next;
        }
        assertThat(waits.get(7)).isGreaterThan(waits.get(0)).isLessThanOrEqualTo(Duration.ofMinutes(30));
        assertThat(retries.failuresInARow(STORE, Schedule.Work.FULL_SYNC)).isEqualTo(8);

        finish(RunKind.FULL, RunStatus.SUCCEEDED, at);
        finish(RunKind.FULL, RunStatus.FAILED, at);

        assertThat(retries.failuresInARow(STORE, Schedule.Work.FULL_SYNC)).isEqualTo(1);
        Instant last = at;
        assertThat(tasks.nextSlot(STORE, Schedule.Work.FULL_SYNC)).get()
                .satisfies(next -> assertThat(Duration.between(last, next)).isLessThanOrEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void aFailedIncrementalPass_isRetriedBeforeItsInterval_andOtherRunKindsAreLeftToTheirSchedule() {
        finish(RunKind.INCREMENTAL, RunStatus.FAILED, NOW);
        finish(RunKind.ORDERS, RunStatus.FAILED, NOW);

        assertThat(tasks.nextSlot(STORE, Schedule.Work.INCREMENTAL_SYNC)).get()
                .satisfies(next -> assertThat(next).isBeforeOrEqualTo(NOW.plus(Duration.ofMinutes(1))));
        assertThat(retries.failuresInARow(STORE, Schedule.Work.ORDER_POLL)).isZero();
    }

    private void finish(RunKind kind, RunStatus status, Instant at) {
        RunView run = new RunView(new RunId(1), STORE, kind, status, at.minusSeconds(5), at, RunCounts.zero(),
                status == RunStatus.FAILED ? "gave up after retries: 503" : null);
        retries.onEvent(new EngineEvent.RunFinished(run, at));
    }
}
