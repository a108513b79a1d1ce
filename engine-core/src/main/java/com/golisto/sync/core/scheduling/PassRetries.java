package com.golisto.sync.core.scheduling;

import com.golisto.sync.core.EngineEvent;
import com.golisto.sync.core.EngineListener;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a failed full or incremental pass due again by itself, whoever started it (the schedule, the
 * host, an approval): after the {@code n}-th failure in a row the same kind of pass is due
 * {@code min(max, first * 2^(n-1))} later, shortened by up to half at an amount derived from the store,
 * the kind and {@code n} (so stores spread out, and every node computes the same wait). A pass that
 * succeeds resets the count, and a full pass that succeeds moves the store's next daily pass to the day after it. It
 * listens to the engine's run events and moves only the store's slot in
 * its {@link StoreTasks} cluster task (computed from the event's instant, the engine's clock), so tests move a clock.
 * Passes interrupted by a stopped process are failed when the store is next taken and made due by
 * {@link DueWork#follow}. Thread-safe.
 */
public final class PassRetries implements EngineListener {

    private static final Logger LOG = LoggerFactory.getLogger(PassRetries.class);

    private final StoreTasks tasks;
    private final Duration first;
    private final Duration max;
    private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();

    /**
     * @param first the longest wait before the first retry
     * @param max the longest wait between retries
     */
    public PassRetries(StoreTasks tasks, Duration first, Duration max) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.first = Objects.requireNonNull(first, "first");
        this.max = Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("pass retries need 0 < first <= max, were " + first + " and " + max);
        }
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (event instanceof EngineEvent.RunFinished finished) {
            finished(finished.run(), finished.at());
        }
    }

    /** Acts on a finished run: a failed pass is made due again, a successful one resets its backoff. */
    void finished(RunView run, Instant at) {
        Schedule.Work work = work(run.kind());
        if (work == null) {
            return;
        }
        String key = key(run.storeId(), work);
        if (run.status() == RunStatus.SUCCEEDED) {
            failuresInARow.remove(key);
            if (work == Schedule.Work.FULL_SYNC) {
                // whoever started it (the schedule, the host, an approval): the daily pass counts from the last one
                tasks.ran(run.storeId(), work, at);
            }
        } else if (run.status() == RunStatus.FAILED) {
            int failures = failuresInARow.merge(key, 1, Integer::sum);
            Duration wait = delay(run.storeId(), work, failures);
            tasks.retryAt(run.storeId(), work, at.plus(wait));
            LOG.info("store {}: {} pass failed ({} in a row); retrying in {}", run.storeId(), run.kind(), failures,
                    wait);
        }
    }

    /** Forgets a store's failures (it was approved again: its passes start afresh). */
    public void reset(String storeId) {
        for (Schedule.Work work : Schedule.Work.values()) {
            failuresInARow.remove(key(storeId, work));
        }
    }

    /** The failures in a row of a store's kind of pass. */
    int failuresInARow(String storeId, Schedule.Work work) {
        return failuresInARow.getOrDefault(key(storeId, work), 0);
    }

    /**
     * The wait after the {@code failures}-th failure in a row: the doubled backoff capped at {@code max},
     * minus a deterministic jitter of up to half of it.
     */
    public Duration delay(String storeId, Schedule.Work work, int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        Duration backoff = first;
        for (int i = 1; i < failures && backoff.compareTo(max) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        if (backoff.compareTo(max) > 0) {
            backoff = max;
        }
        CRC32 crc = new CRC32();
        crc.update((storeId + '\u0000' + work + '\u0000' + failures).getBytes(StandardCharsets.UTF_8));
        long half = backoff.toMillis() / 2;
        long jitter = half == 0 ? 0 : crc.getValue() % (half + 1);
        return backoff.minusMillis(jitter);
    }

    private static Schedule.@Nullable Work work(RunKind kind) {
        return switch (kind) {
            case FULL -> Schedule.Work.FULL_SYNC;
            case INCREMENTAL -> Schedule.Work.INCREMENTAL_SYNC;
            default -> null;
        };
    }

    private static String key(String storeId, Schedule.Work work) {
        return work + "\u0000" + storeId;
    }
}
