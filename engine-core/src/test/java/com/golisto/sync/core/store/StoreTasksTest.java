package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.scheduling.Schedule;
import com.golisto.sync.core.scheduling.Schedule.Work;
import com.golisto.sync.core.scheduling.StoreTasks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StoreTasks}: each store's periodic work as db-scheduler tasks in the shared database, on HSQLDB and
 * PostgreSQL. Several nodes are several {@code StoreTasks} over one database, each with its own name, as runners
 * sharing it are.
 */
class StoreTasksTest extends TwoStoresTestBase {

    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withTiming(Duration.ofMillis(250), Duration.ofSeconds(30));

    private final Schedule schedule = new Schedule(LocalTime.of(3, 0), Duration.ofHours(1), Duration.ofMinutes(15),
            Duration.ofMinutes(2), Duration.ofMinutes(5), clock.getZone());
    private final List<StoreTasks> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(StoreTasks::close);
    }

    private StoreTasks node(String name, StoreTasks.Runner runner) {
        StoreTasks tasks = new StoreTasks(store.dataSource(), schedule, clock, name, OPTIONS);
        tasks.runWith(runner);
        nodes.add(tasks);
        return tasks;
    }

    @Test
    void follow_givesEachStoreOneTaskPerKindOfWork_atItsFirstSlot_onceAcrossNodes() throws Exception {
        Instant now = clock.instant();
        StoreTasks a = node("node-a", (storeId, work) -> StoreTasks.Outcome.RAN);
        StoreTasks b = node("node-b", (storeId, work) -> StoreTasks.Outcome.RAN);

        a.follow("s1", now, now);
        b.follow("s1", now, now);

        for (Work work : Work.values()) {
            assertThat(b.nextSlot("s1", work)).as("%s: the first node's slot", work)
                    .contains(schedule.first("s1", work, now, now));
        }
        assertThat(db.rawColumn("SELECT task_instance FROM scheduled_tasks")).hasSize(4).containsOnly("s1");
    }

    @Test
    void follow_afterTheDailyTimeWasChanged_movesTheDailyPassToTheNewTime_andKeepsTheOtherSlots() {
        Instant now = clock.instant();
        StoreTasks before = node("node-a", (storeId, work) -> StoreTasks.Outcome.RAN);
        before.follow("s1", now, now);
        Instant orderPoll = before.nextSlot("s1", Work.ORDER_POLL).orElseThrow();
        Schedule changed = new Schedule(LocalTime.of(5, 30), Duration.ZERO, Duration.ofMinutes(15),
                Duration.ofMinutes(2), Duration.ofMinutes(5), clock.getZone());

        // the runner restarted with sync.daily-full-sync-at: "05:30"
        StoreTasks after = new StoreTasks(store.dataSource(), changed, clock, "node-a", OPTIONS);
        nodes.add(after);
        after.follow("s1", now, now);

        assertThat(after.nextSlot("s1", Work.FULL_SYNC)).contains(changed.first("s1", Work.FULL_SYNC, now, now));
        assertThat(after.nextSlot("s1", Work.ORDER_POLL)).contains(orderPoll);
    }

    @Test
    void dueTasks_twoNodesPickingAtOnce_runEachSlotExactlyOnce() throws Exception {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        StoreTasks.Runner counting = (storeId, work) -> {
            runs.computeIfAbsent(storeId + "/" + work + "@" + clock.instant(), k -> new AtomicInteger()).incrementAndGet();
            return StoreTasks.Outcome.RAN;
        };
        StoreTasks a = node("node-a", counting);
        StoreTasks b = node("node-b", counting);
        for (String storeId : List.of("s1", "s2")) {
            a.follow(storeId, clock.instant(), clock.instant());
            b.follow(storeId, clock.instant(), clock.instant());
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int minute = 0; minute < 30; minute++) {
                clock.advance(Duration.ofMinutes(1));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> picks = new ArrayList<>();
                for (StoreTasks node : List.of(a, b)) {
                    picks.add(pool.submit(() -> {
                        start.await();
                        node.runDue();
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> pick : picks) {
                    pick.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(runs.values()).as("every slot ran on one node, once").allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(runs.keySet().stream().filter(k -> k.startsWith("s1/ORDER_POLL"))).as("2-minute order polls")
                .hasSizeBetween(14, 15);
        assertThat(runs.keySet().stream().filter(k -> k.startsWith("s2/INCREMENTAL_SYNC"))).hasSizeBetween(1, 2);
    }

    @Test
    void retryAt_movesASlotOnlyEarlier_andRan_movesItToTheFollowingSlot() {
        Instant now = clock.instant();
        StoreTasks tasks = node("node-a", (storeId, work) -> StoreTasks.Outcome.RAN);
        tasks.follow("s1", now, now);
        Instant daily = tasks.nextSlot("s1", Work.FULL_SYNC).orElseThrow();

        tasks.retryAt("s1", Work.FULL_SYNC, now.plus(Duration.ofMinutes(1)));
        tasks.retryAt("s1", Work.FULL_SYNC, now.plus(Duration.ofMinutes(5)));
        assertThat(tasks.nextSlot("s1", Work.FULL_SYNC)).contains(now.plus(Duration.ofMinutes(1))).isNotEqualTo(daily);

        tasks.ran("s1", Work.INCREMENTAL_SYNC, now);
        assertThat(tasks.nextSlot("s1", Work.INCREMENTAL_SYNC)).contains(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aRetryAskedForWhileTheTaskRuns_appliesWhenTheRunCompletes() {
        AtomicReference<StoreTasks> self = new AtomicReference<>();
        StoreTasks tasks = node("node-a", (storeId, work) -> {
            if (work == Work.ORDER_POLL) {
                // a marketplace webhook while the poll runs: one more poll right away
                self.get().retryAt(storeId, Work.ORDER_POLL, clock.instant());
            }
            return StoreTasks.Outcome.RAN;
        });
        self.set(tasks);
        tasks.follow("s1", clock.instant(), clock.instant());
        clock.advance(Duration.ofMinutes(2));

        tasks.runDue();

        assertThat(tasks.nextSlot("s1", Work.ORDER_POLL)).contains(clock.instant());
    }

    @Test
    void aBusyStore_isDueAgainAfterAThirdOfTheLeaseOrItsIntervalWhenShorter_notAtItsNextSlot() {
        StoreTasks tasks = node("node-a", (storeId, work) -> StoreTasks.Outcome.BUSY);
        tasks.follow("s1", clock.instant(), clock.instant());
        clock.advance(Duration.ofMinutes(2));

        tasks.runDue();

        assertThat(tasks.nextSlot("s1", Work.ORDER_POLL)).contains(clock.instant().plus(Duration.ofSeconds(10)));
    }

    @Test
    void aStoreThatIsGone_losesItsTasks() throws Exception {
        StoreTasks tasks = node("node-a", (storeId, work) -> StoreTasks.Outcome.GONE);
        tasks.follow("s1", clock.instant(), clock.instant());
        clock.advance(Duration.ofDays(2));

        tasks.runDue();

        assertThat(db.rawColumn("SELECT task_instance FROM scheduled_tasks")).isEmpty();
        assertThat(tasks.follows("s1")).isFalse();
    }

    @Test
    void aTaskWhoseNodeDied_isGivenBackAndRunByAnotherNode() throws Exception {
        CountDownLatch picked = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        StoreTasks dying = node("node-dying", (storeId, work) -> {
            if (work == Work.ORDER_POLL) {
                picked.countDown();
                never.await(); // the node hangs here, writing no heartbeat: as good as killed
            }
            return StoreTasks.Outcome.RAN;
        });
        List<Work> ranOnSurvivor = new ArrayList<>();
        StoreTasks survivor = node("node-survivor", (storeId, work) -> {
            ranOnSurvivor.add(work);
            return StoreTasks.Outcome.RAN;
        });
        dying.follow("s1", clock.instant(), clock.instant());
        survivor.follow("s1", clock.instant(), clock.instant());
        clock.advance(Duration.ofMinutes(2));
        Thread hung = Thread.ofVirtual().start(dying::runDue);
        assertThat(picked.await(30, TimeUnit.SECONDS)).isTrue();

        survivor.runDue();
        assertThat(ranOnSurvivor).as("still the dying node's, its heartbeat is recent").doesNotContain(Work.ORDER_POLL);

        clock.advance(OPTIONS.cluster().silenceBeforeTakeOver().plusSeconds(1));
        survivor.runDue();

        assertThat(ranOnSurvivor).contains(Work.ORDER_POLL);
        never.countDown();
        hung.join(Duration.ofSeconds(30));
    }
}
