package com.golisto.sync.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.core.scheduling.Schedule.Work;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Instant MONDAY_NOON = Instant.parse("2026-11-30T12:00:00Z");

    private final Schedule schedule = new Schedule(LocalTime.of(3, 0), Duration.ofHours(1), Duration.ofMinutes(15),
            Duration.ofMinutes(2), Duration.ofMinutes(5), ZoneOffset.UTC);

    @Test
    void claimDue_approvedStoreOverADay_runsOneJitteredFullPassAndIntervalWork() {
        schedule.track("shop-1", MONDAY_NOON, MONDAY_NOON);
        Duration jitter = schedule.fullSyncJitter("shop-1");
        Instant end = MONDAY_NOON.plus(Duration.ofDays(1));
        long expectedIncrementals = slotsBefore(schedule.nextSlot("shop-1", Work.INCREMENTAL_SYNC).orElseThrow(),
                Duration.ofMinutes(15), end.minusSeconds(30));
        long expectedOrderPolls = slotsBefore(schedule.nextSlot("shop-1", Work.ORDER_POLL).orElseThrow(),
                Duration.ofMinutes(2), end.minusSeconds(30));
        int fulls = 0;
        long incrementals = 0;
        long orderPolls = 0;
        Instant fullAt = null;
        for (Instant t = MONDAY_NOON; t.isBefore(end); t = t.plusSeconds(30)) {
            Set<Work> due = schedule.claimDue("shop-1", ConnectionStatus.APPROVED, t);
            if (due.contains(Work.FULL_SYNC)) {
                fulls++;
                fullAt = t;
            }
            incrementals += due.contains(Work.INCREMENTAL_SYNC) ? 1 : 0;
            orderPolls += due.contains(Work.ORDER_POLL) ? 1 : 0;
        }

        assertThat(fulls).isEqualTo(1);
        Instant slot = Instant.parse("2026-12-01T03:00:00Z").plus(jitter);
        assertThat(fullAt).isBetween(slot, slot.plusSeconds(30));
        assertThat(incrementals).isEqualTo(expectedIncrementals).isBetween(95L, 96L);
        assertThat(orderPolls).isEqualTo(expectedOrderPolls).isBetween(719L, 720L);
    }

    /** Slots first, first + interval, ... up to and including lastTick. */
    private static long slotsBefore(Instant first, Duration interval, Instant lastTick) {
        return Duration.between(first, lastTick).toMillis() / interval.toMillis() + 1;
    }

    @Test
    void claimDue_storeAwaitingApproval_getsStatusPollsOnly() {
        schedule.track("shop-1", null, MONDAY_NOON);
        Set<Work> seen = EnumSet.noneOf(Work.class);
        for (Instant t = MONDAY_NOON; t.isBefore(MONDAY_NOON.plus(Duration.ofDays(2))); t = t.plusSeconds(60)) {
            seen.addAll(schedule.claimDue("shop-1", ConnectionStatus.AWAITING_APPROVAL, t));
        }

        assertThat(seen).containsExactly(Work.STATUS_POLL);
    }

    @Test
    void claimDue_disconnectedStore_getsNothing() {
        schedule.track("shop-1", null, MONDAY_NOON);

        assertThat(schedule.claimDue("shop-1", ConnectionStatus.DISCONNECTED, MONDAY_NOON.plus(Duration.ofDays(3))))
                .isEmpty();
    }

    @Test
    void claimDue_sameInstantTwice_handsWorkOutOnce() {
        schedule.track("shop-1", MONDAY_NOON, MONDAY_NOON);
        Instant later = MONDAY_NOON.plus(Duration.ofMinutes(20));

        assertThat(schedule.claimDue("shop-1", ConnectionStatus.APPROVED, later)).contains(Work.INCREMENTAL_SYNC);
        assertThat(schedule.claimDue("shop-1", ConnectionStatus.APPROVED, later)).doesNotContain(Work.INCREMENTAL_SYNC);
    }

    @Test
    void track_lastFullPassLongAgo_catchesUpOnce() {
        schedule.track("shop-1", MONDAY_NOON.minus(Duration.ofDays(3)), MONDAY_NOON);

        assertThat(schedule.claimDue("shop-1", ConnectionStatus.APPROVED, MONDAY_NOON)).contains(Work.FULL_SYNC);
        assertThat(schedule.claimDue("shop-1", ConnectionStatus.APPROVED, MONDAY_NOON.plusSeconds(1)))
                .doesNotContain(Work.FULL_SYNC);
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
    void ran_outsideSchedule_movesNextSlot() {
        schedule.track("shop-1", MONDAY_NOON, MONDAY_NOON);
        Instant at = MONDAY_NOON.plus(Duration.ofMinutes(14));

        schedule.ran("shop-1", Work.INCREMENTAL_SYNC, at);

        assertThat(schedule.nextSlot("shop-1", Work.INCREMENTAL_SYNC)).contains(at.plus(Duration.ofMinutes(15)));
    }
}
