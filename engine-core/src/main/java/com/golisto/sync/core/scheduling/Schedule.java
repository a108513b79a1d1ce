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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When each store's periodic work is due: pure arithmetic on instants the caller passes in (the engine's clock),
 * so every node computes the same slots and a test moves a mutable clock. Where the slots are kept, and which node
 * runs the work, is {@link StoreTasks}'s part (db-scheduler's table in the shared database).
 *
 * <p>Per store: a daily full reconciliation at a local time plus a jitter derived from the store id (so
 * a thousand stores do not start at once); an incremental pass and an order poll at fixed intervals; a
 * connection-status poll. Interval work of a store first becomes due at an offset within its interval, also
 * derived from the store id. Only {@link ConnectionStatus#APPROVED} stores get synchronisation work; stores
 * awaiting approval get status polls only; disconnected stores get nothing ({@link #applies}). Immutable.
 */
public final class Schedule {

    /** Periodic work of a store; each is one cluster task per store. */
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

    /** Whether a store in this status gets this kind of work at all. */
    public static boolean applies(Work work, ConnectionStatus status) {
        return status != ConnectionStatus.DISCONNECTED && (status == ConnectionStatus.APPROVED || !SYNC_WORK.contains(work));
    }

    /**
     * The first slot of a store's work once it is followed: the daily pass after its last complete one (a missed
     * day is caught up once), interval work at the store's offset within its interval after {@code now}.
     *
     * @param lastCompleteFullPass when its last complete full pass finished, {@code null} when never
     */
    public Instant first(String storeId, Work work, @Nullable Instant lastCompleteFullPass, Instant now) {
        if (work == Work.FULL_SYNC) {
            return nextFull(storeId, lastCompleteFullPass == null ? now : lastCompleteFullPass);
        }
        Duration interval = Objects.requireNonNull(intervals.get(work), "interval");
        return now.plus(Duration.ofMillis(Math.floorMod(hash(storeId, work.name()), Math.max(1, interval.toMillis()))));
    }

    /**
     * The slot after work that was due at {@code slot} ran, at {@code now}: interval work stays on its grid (no drift
     * from late runs) without catching up missed slots; the daily pass is next due tomorrow.
     */
    public Instant afterRun(String storeId, Work work, Instant slot, Instant now) {
        Instant following = following(storeId, work, work == Work.FULL_SYNC ? now : slot);
        return following.isAfter(now) ? following : following(storeId, work, now);
    }

    /** The slot after work that ran at {@code at} outside the schedule (approval, a host's request, a webhook pass). */
    public Instant following(String storeId, Work work, Instant at) {
        return work == Work.FULL_SYNC ? nextFull(storeId, at) : at.plus(intervals.get(work));
    }

    /** The store's jitter after the daily time: stable for a store id, within the jitter window. */
    public Duration fullSyncJitter(String storeId) {
        return fullJitter.isZero() ? Duration.ZERO : Duration.ofMillis(Math.floorMod(hash(storeId, "full"), fullJitter.toMillis()));
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
