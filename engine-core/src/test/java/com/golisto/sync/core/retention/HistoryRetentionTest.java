package com.golisto.sync.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.SyncRun;
import com.golisto.sync.core.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HistoryRetention}: due on the engine's clock, one sweep at a time, everything it keeps in bounds. */
class HistoryRetentionTest {

    static final EngineOptions.Retention POLICY = new EngineOptions.Retention(Duration.ofDays(30), 1,
            Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(1), Duration.ofHours(1), 2);

    final FakeClock clock = FakeClock.at(Instant.parse("2026-11-30T12:00:00Z"));
    StateStore store;
    HistoryRetention retention;

    @BeforeEach
    void open() {
        store = StateStore.open("jdbc:hsqldb:mem:retention-" + UUID.randomUUID(), MasterKey.generate(), clock);
        store.stores().create("s1", "shop", "market");
        retention = new HistoryRetention(store, POLICY, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SyncRun finishedRun(RunKind kind) {
        SyncRun run = store.runs().start("s1", kind);
        return store.runs().finish(run.id(), RunStatus.SUCCEEDED, RunCounts.zero(), null);
    }

    @Test
    void sweep_deletesWhatEachRetentionNoLongerKeeps() {
        finishedRun(RunKind.INCREMENTAL);
        SyncRun newestOld = finishedRun(RunKind.INCREMENTAL);
        store.deliveries().record("s1", "webhook", "d-1");
        store.deadLetters().markReplayed(store.deadLetters().add("s1", "product", "7", "refused", "{}").id());
        store.states().consume(store.states().create("s1", "connect", Duration.ofMinutes(30)), "connect");
        clock.advance(Duration.ofDays(31));

        HistoryRetention.Swept swept = retention.sweep(clock.instant());

        assertThat(swept).isEqualTo(new HistoryRetention.Swept(1, 1, 1, 1));
        assertThat(store.runs().recent("s1", 10)).extracting(SyncRun::id).containsExactly(newestOld.id());
        assertThat(store.deliveries().record("s1", "webhook", "d-1")).isTrue();
        assertThat(store.deadLetters().list()).isEmpty();
    }

    @Test
    void sweeps_areDueOnTheEnginesClock_theFirstAtOnce_thenEveryInterval() {
        List<Runnable> started = new ArrayList<>();
        Executor later = started::add;

        retention.startIfDue(later);
        retention.startIfDue(later);
        assertThat(started).as("one sweep at a time").hasSize(1);
        started.get(0).run();

        clock.advance(Duration.ofMinutes(59));
        assertThat(retention.sweepIfDue()).as("not due within the interval").isEmpty();
        retention.startIfDue(later);
        assertThat(started).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(retention.sweepIfDue()).contains(new HistoryRetention.Swept(0, 0, 0, 0));
        assertThat(retention.sweepIfDue()).isEmpty();
    }

    @Test
    void aFailedSweep_isLoggedNotThrown_soTheTickGoesOn() {
        store.close();

        assertThat(retention.sweepIfDue()).isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(retention.sweepIfDue()).as("tried again at the next interval, failing again").isEmpty();
        store = StateStore.open("jdbc:hsqldb:mem:retention-" + UUID.randomUUID(), MasterKey.generate(), clock);
    }
}
