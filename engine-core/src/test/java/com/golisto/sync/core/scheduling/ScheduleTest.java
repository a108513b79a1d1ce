package com.golisto.sync.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.core.scheduling.Schedule.Work;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** When each store's work is due: the same slots on every node, computed from the clock's instants. */
class ScheduleTest {

    private static final Instant MONDAY_NOON = Instant.parse("2026-11-30T12:00:00Z");

    private final Schedule schedule = new Schedule(LocalTime.of(3, 0), Duration.ofHours(1), Duration.ofMinutes(15),
            Duration.ofMinutes(2), Duration.ofMinutes(5), ZoneOffset.UTC);

    @Test
    void slots_approvedStoreOverADay_giveOneJitteredFullPassAndIntervalWork() {
        Instant end = MONDAY_NOON.plus(Duration.ofDays(1));
        Map<Work, List<Instant>> runs = new EnumMap<>(Work.class);
        for (Work work : Work.values()) {
            List<Instant> at = new ArrayList<>();
            // a driver that runs each slot 30 s late, as a busy node would
            for (Instant slot = schedule.first("shop-1", work, MONDAY_NOON, MONDAY_NOON); slot.isBefore(end);
                    slot = schedule.afterRun("shop-1", work, slot, slot.plusSeconds(30))) {
                at.add(slot);
            }
            runs.put(work, at);
        }

        Instant fullSlot = Instant.parse("2026-12-01T03:00:00Z").plus(schedule.fullSyncJitter("shop-1"));
        assertThat(runs.get(Work.FULL_SYNC)).containsExactly(fullSlot);
        assertThat(runs.get(Work.INCREMENTAL_SYNC)).as("on the 15-minute grid, no drift").hasSize(96)
                .allSatisfy(t -> assertThat(Duration.between(runs.get(Work.INCREMENTAL_SYNC).get(0), t).toMillis()
                        % Duration.ofMinutes(15).toMillis()).isZero());
        assertThat(runs.get(Work.ORDER_POLL)).hasSize(720);
        assertThat(runs.get(Work.STATUS_POLL)).hasSize(288);
    }

    @Test
    void first_intervalWork_startsAtAStoreOffsetWithinItsInterval() {
        Instant incremental = schedule.first("shop-1", Work.INCREMENTAL_SYNC, null, MONDAY_NOON);

        assertThat(incremental).isBetween(MONDAY_NOON, MONDAY_NOON.plus(Duration.ofMinutes(15)))
                .isEqualTo(schedule.first("shop-1", Work.INCREMENTAL_SYNC, null, MONDAY_NOON));
        assertThat(IntStream.range(0, 50).mapToObj(i -> schedule.first("s" + i, Work.ORDER_POLL, null, MONDAY_NOON))
                .distinct().count()).as("stores spread over the interval").isGreaterThan(40);
    }

    @Test
    void applies_storeAwaitingApprovalGetsStatusPollsOnly_andADisconnectedOneNothing() {
        assertThat(EnumSet.allOf(Work.class).stream().filter(w -> Schedule.applies(w, ConnectionStatus.AWAITING_APPROVAL)))
                .containsExactly(Work.STATUS_POLL);
        assertThat(EnumSet.allOf(Work.class).stream().filter(w -> Schedule.applies(w, ConnectionStatus.DISCONNECTED)))
                .isEmpty();
        assertThat(EnumSet.allOf(Work.class).stream().filter(w -> Schedule.applies(w, ConnectionStatus.APPROVED)))
                .containsExactlyInAnyOrder(Work.values());
    }

    @Test
    void afterRun_muchLaterThanItsSlot_doesNotCatchUpMissedSlots() {
        Instant slot = MONDAY_NOON;
        Instant ranAt = MONDAY_NOON.plus(Duration.ofMinutes(50));

        assertThat(schedule.afterRun("shop-1", Work.INCREMENTAL_SYNC, slot, ranAt))
                .isEqualTo(ranAt.plus(Duration.ofMinutes(15)));
    }

    @Test
    void first_lastFullPassLongAgo_isDueAtOnce_andOnlyOnce() {
        Instant first = schedule.first("shop-1", Work.FULL_SYNC, MONDAY_NOON.minus(Duration.ofDays(3)), MONDAY_NOON);

        assertThat(first).isBefore(MONDAY_NOON);
        assertThat(schedule.afterRun("shop-1", Work.FULL_SYNC, first, MONDAY_NOON)).isAfter(MONDAY_NOON);
    }

    @Test
    void fullSyncJitter_isStablePerStoreAndSpreadsStores() {
        Set<Duration> jitters = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> jitters.add(schedule.fullSyncJitter("store-" + i)));

        assertThat(schedule.fullSyncJitter("store-1")).isEqualTo(schedule.fullSyncJitter("store-1"));
        assertThat(jitters).hasSizeGreaterThan(900)
                .allSatisfy(j -> assertThat(j).isBetween(Duration.ZERO, Duration.ofHours(1)));
    }

    @Test
    void nextFull_followsLocalTimeInZone() {
        Schedule paris = new Schedule(LocalTime.of(3, 0), Duration.ZERO, Duration.ofMinutes(15),
                Duration.ofMinutes(2), Duration.ofMinutes(5), ZoneId.of("Europe/Paris"));

        assertThat(paris.nextFull("s", MONDAY_NOON)).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
    }

    @Test
    void following_workRanOutsideTheSchedule_isNextDueOneIntervalLater() {
        Instant at = MONDAY_NOON.plus(Duration.ofMinutes(14));

        assertThat(schedule.following("shop-1", Work.INCREMENTAL_SYNC, at)).isEqualTo(at.plus(Duration.ofMinutes(15)));
    }
}
