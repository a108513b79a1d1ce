package com.golisto.sync.core.scheduling;

import com.golisto.sync.api.model.ConnectionStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When each store's periodic work is due, computed from instants the caller passes in (the engine's
 * clock), so a test moves a mutable clock and asks, never sleeping.
 *
 * <p>Per store: a daily full reconciliation at a local time plus a jitter derived from the store id (so
 * a thousand stores do not start at once, and every node agrees on each store's slot); an incremental
 * pass and an order poll at fixed intervals; a connection-status poll. Interval work of a store first
 * becomes due at an offset within its interval, also derived from the store id. Only
 * {@link ConnectionStatus#APPROVED} stores get synchronisation work; stores awaiting approval get status
 * polls only; disconnected stores get nothing.
 *
 * <p>{@link #claimDue} hands out due work and moves it to its next slot at once, so concurrent ticks do
 * not start the same work twice. State is in memory: after a restart the daily slot is computed again
 * from the last complete full pass, so a missed one is caught up once. Thread-safe.
 */
public final class Schedule {

    /** Periodic work of a store. */
    public enum Work {
        /** Full reconciliation (mark-and-sweep). */
        FULL_SYNC,
        /** Changed-since pass plus webhook repair. */
        INCREMENTAL_SYNC,
        /** Marketplace orders into the shop. */
        ORDER_POLL,
        /** The marketplace's view of the connection. */
        STATUS_POLL
    }

    private static final Set<Work> SYNC_WORK = EnumSet.of(Work.FULL_SYNC, Work.INCREMENTAL_SYNC, Work.ORDER_POLL);

    private final LocalTime dailyFullAt;
    private final Duration fullJitter;
    private final Map<Work, Duration> intervals = new EnumMap<>(Work.class);
    private final ZoneId zone;
    private final Map<String, EnumMap<Work, Instant>> next = new HashMap<>();

    /**
     * @param dailyFullAt the local time of the daily full reconciliation
     * @param fullJitter stores start their full pass within this window after {@code dailyFullAt}
     * @param incremental the incremental interval
     * @param orderPoll the order poll interval
     * @param statusPoll the status poll interval
     * @param zone the zone {@code dailyFullAt} is in (the clock's)
     */
    public Schedule(LocalTime dailyFullAt, Duration fullJitter, Duration incremental, Duration orderPoll,
            Duration statusPoll, ZoneId zone) {
        this.dailyFullAt = Objects.requireNonNull(dailyFullAt, "dailyFullAt");
        this.fullJitter = requirePositiveOrZero(fullJitter, "fullJitter");
        intervals.put(Work.INCREMENTAL_SYNC, requirePositive(incremental, "incremental interval"));
        intervals.put(Work.ORDER_POLL, requirePositive(orderPoll, "order poll interval"));
        intervals.put(Work.STATUS_POLL, requirePositive(statusPoll, "status poll interval"));
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Starts following a store (no-op when already followed).
     *
     * @param lastCompleteFullPass when its last complete full pass finished, {@code null} when never (its
     *     first full pass is started by approval, not by the schedule)
     */
    public synchronized void track(String storeId, @Nullable Instant lastCompleteFullPass, Instant now) {
        if (next.containsKey(storeId)) {
            return;
        }
        EnumMap<Work, Instant> slots = new EnumMap<>(Work.class);
        slots.put(Work.FULL_SYNC, nextFull(storeId, lastCompleteFullPass == null ? now : lastCompleteFullPass));
        for (Map.Entry<Work, Duration> interval : intervals.entrySet()) {
            slots.put(interval.getKey(), now.plus(offset(storeId, interval.getKey(), interval.getValue())));
        }
        next.put(storeId, slots);
    }

    /** Stops following a store. */
    public synchronized void forget(String storeId) {
        next.remove(storeId);
    }

    /** True when the store is followed. */
    public synchronized boolean tracks(String storeId) {
        return next.containsKey(storeId);
    }

    /**
     * The work of a store due at {@code now} for its status, each moved to its next slot.
     */
    public synchronized Set<Work> claimDue(String storeId, ConnectionStatus status, Instant now) {
        EnumMap<Work, Instant> slots = next.get(storeId);
        Set<Work> due = EnumSet.noneOf(Work.class);
        if (slots == null || status == ConnectionStatus.DISCONNECTED) {
            return due;
        }
        for (Work work : Work.values()) {
            if (SYNC_WORK.contains(work) && status != ConnectionStatus.APPROVED) {
                continue;
            }
            Instant slot = slot(slots, work);
            if (!slot.isAfter(now)) {
                due.add(work);
                // keep interval work on its grid (no drift from late ticks) without catching up missed slots
                Instant following = following(storeId, work, work == Work.FULL_SYNC ? now : slot);
                slots.put(work, following.isAfter(now) ? following : following(storeId, work, now));
            }
        }
        return due;
    }

    /** Records that work ran at {@code at} outside the schedule (approval, a host's request): its next slot follows from there. */
    public synchronized void ran(String storeId, Work work, Instant at) {
        EnumMap<Work, Instant> slots = next.get(storeId);
        if (slots != null) {
            slots.put(work, following(storeId, work, at));
        }
    }

    /** Makes work due again at {@code at} (it was claimed but could not run). */
    public synchronized void retryAt(String storeId, Work work, Instant at) {
        EnumMap<Work, Instant> slots = next.get(storeId);
        if (slots != null && slot(slots, work).isAfter(at)) {
            slots.put(work, at);
        }
    }

    /** When the work of a store is next due. */
    public synchronized Optional<Instant> nextSlot(String storeId, Work work) {
        EnumMap<Work, Instant> slots = next.get(storeId);
        return slots == null ? Optional.empty() : Optional.of(slot(slots, work));
    }

    /** A followed store's slot for the work: {@link #track} gives every kind of work one. */
    private static Instant slot(EnumMap<Work, Instant> slots, Work work) {
        return Objects.requireNonNull(slots.get(work), "slot");
    }

    /** The store's jitter after the daily time: stable for a store id, within the jitter window. */
    public Duration fullSyncJitter(String storeId) {
        return fullJitter.isZero() ? Duration.ZERO : Duration.ofMillis(Math.floorMod(hash(storeId, "full"), fullJitter.toMillis()));
    }

    private Instant following(String storeId, Work work, Instant after) {
        return work == Work.FULL_SYNC ? nextFull(storeId, after) : after.plus(intervals.get(work));
    }

    /** The first daily slot of this store strictly after {@code after}. */
    Instant nextFull(String storeId, Instant after) {
        Duration jitter = fullSyncJitter(storeId);
        LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
        while (true) {
            Instant slot = ZonedDateTime.of(date, dailyFullAt, zone).toInstant().plus(jitter);
            if (slot.isAfter(after)) {
                return slot;
            }
            date = date.plusDays(1);
        }
    }

    private static Duration offset(String storeId, Work work, Duration interval) {
        return Duration.ofMillis(Math.floorMod(hash(storeId, work.name()), Math.max(1, interval.toMillis())));
    }

    private static long hash(String storeId, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((salt + '\u0000' + storeId).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Duration requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }

    private static Duration requirePositiveOrZero(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
        return d;
    }
}
