package com.golisto.sync.core.store;

import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sync runs: every piece of work with its kind, status, start, end, counts and error ({@code sync_runs}
 * table). Obtained from {@link StateStore#runs()}. Thread-safe; each method is one transaction.
 */
public final class RunStore {

    private final Database db;

    RunStore(Database db) {
        this.db = db;
    }

    /** Records that a run starts now. */
    public SyncRun start(String storeId, RunKind kind) {
        Objects.requireNonNull(kind, "kind");
        Instant now = db.now();
        return db.jdbi().inTransaction(h -> {
            Database.requireStore(h.attach(StoreDao.class), storeId);
            SyncRunDao dao = h.attach(SyncRunDao.class);
            return dao.find(dao.insert(storeId, kind, now)).orElseThrow();
        });
    }

    /**
     * Records that a running run finished now.
     *
     * @param status {@link RunStatus#SUCCEEDED} or {@link RunStatus#FAILED}
     * @param errorMessage why it failed; null when it did not; cut to 2000 characters
     * @return the run; unchanged when it had already finished
     * @throws IllegalArgumentException if the run does not exist or the status is RUNNING
     */
    public SyncRun finish(long runId, RunStatus status, RunCounts counts, @Nullable String errorMessage) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a run finishes as SUCCEEDED or FAILED, not RUNNING");
        }
        String cut = Require.truncateOptional(errorMessage, Limits.MESSAGE);
        Instant now = db.now();
        return db.jdbi().inTransaction(h -> {
            SyncRunDao dao = h.attach(SyncRunDao.class);
            dao.finish(runId, status, counts, cut, now);
            return dao.find(runId).orElseThrow(() -> new IllegalArgumentException("no sync run with id " + runId));
        });
    }

    /** A run by id. */
    public Optional<SyncRun> find(long runId) {
        return db.jdbi().withExtension(SyncRunDao.class, d -> d.find(runId));
    }

    /** A store's latest runs, newest first. */
    public List<SyncRun> recent(String storeId, int limit) {
        Database.requirePositive(limit);
        return db.jdbi().withExtension(SyncRunDao.class, d -> d.recent(storeId, limit));
    }

    /**
     * Marks every RUNNING run of every store FAILED ("interrupted"): for a single runner at start. Runners
     * sharing a database use {@link #failAbandoned(String)} after taking a store's lease instead.
     *
     * @return how many runs were marked
     */
    public int failAbandoned() {
        Instant now = db.now();
        return db.jdbi().withExtension(SyncRunDao.class, d -> d.failRunning("interrupted", now));
    }

    /** Marks a store's RUNNING runs FAILED ("interrupted"); call while holding its lease. How many. */
    public int failAbandoned(String storeId) {
        Instant now = db.now();
        return db.jdbi().withExtension(SyncRunDao.class, d -> d.failRunning(storeId, "interrupted", now));
    }

    /** Deletes finished runs started before an instant; how many. */
    public int prune(Instant startedBefore) {
        Objects.requireNonNull(startedBefore, "startedBefore");
        return db.jdbi().withExtension(SyncRunDao.class, d -> d.deleteFinished(startedBefore));
    }
}
