package com.golisto.sync.core.store;

import com.golisto.sync.core.PollCounts;
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
        if (kind == RunKind.UNKNOWN) {
            throw new IllegalArgumentException("a run of kind UNKNOWN is only ever read, never started");
        }
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
            dao.finish(runId, status, counts, SkipReasons.encode(counts.skippedReasons()), cut, now);
            return dao.find(runId).orElseThrow(() -> new IllegalArgumentException("no sync run with id " + runId));
        });
    }

    /**
     * Records that a running poll finished now having written nothing: instead of keeping its row, the row is
     * deleted and the store's {@link PollCounts} of its kind count one more empty poll (one transaction).
     *
     * @return the run as it finished (no longer stored); unchanged, and still stored, when it had already
     *     finished
     * @throws IllegalArgumentException if the run does not exist
     */
    public SyncRun finishEmptyPoll(long runId, RunCounts counts) {
        Objects.requireNonNull(counts, "counts");
        Instant now = db.now();
        return db.jdbi().inTransaction(h -> {
            SyncRunDao dao = h.attach(SyncRunDao.class);
            SyncRun run = dao.find(runId).orElseThrow(() -> new IllegalArgumentException("no sync run with id " + runId));
            if (run.status() != RunStatus.RUNNING || dao.deleteRunning(runId) == 0) {
                return run;
            }
            if (dao.countEmptyPoll(run.storeId(), run.kind(), now) == 0) {
                dao.insertPollCount(run.storeId(), run.kind(), 1, now, now);
            }
            return new SyncRun(run.id(), run.storeId(), run.kind(), RunStatus.SUCCEEDED, run.startedAt(), now, counts,
                    null);
        });
    }

    /** Notes that a store's poll of this kind succeeded now (one that wrote something, and is kept as a run). */
    public void countPoll(String storeId, RunKind kind) {
        Objects.requireNonNull(kind, "kind");
        Instant now = db.now();
        db.jdbi().useTransaction(h -> {
            SyncRunDao dao = h.attach(SyncRunDao.class);
            if (dao.countPoll(storeId, kind, now) == 0) {
                Database.requireStore(h.attach(StoreDao.class), storeId);
                dao.insertPollCount(storeId, kind, 0, null, now);
            }
        });
    }

    /** How a store's polls of this kind went ({@link PollCounts#none()} before the first). */
    public PollCounts pollCounts(String storeId, RunKind kind) {
        Objects.requireNonNull(kind, "kind");
        return db.jdbi().withExtension(SyncRunDao.class, d -> d.pollCounts(storeId, kind)).orElse(PollCounts.none());
    }

    /**
     * The store's latest successful run of a kind, by finish time, read directly (not from the latest runs,
     * which hundreds of order polls may fill).
     */
    public Optional<SyncRun> lastSucceeded(String storeId, RunKind kind) {
        Objects.requireNonNull(kind, "kind");
        return db.jdbi().withExtension(SyncRunDao.class, d -> d.lastSucceeded(storeId, kind));
    }

    /** How many of the store's runs are running (started and not finished). */
    public long countRunning(String storeId) {
        return db.jdbi().withExtension(SyncRunDao.class, d -> d.countRunning(storeId));
    }

    /** The store's latest run of a kind, whatever its outcome, read directly like {@link #lastSucceeded}. */
    public Optional<SyncRun> latest(String storeId, RunKind kind) {
        Objects.requireNonNull(kind, "kind");
        return db.jdbi().withExtension(SyncRunDao.class, d -> d.latest(storeId, kind));
    }

    /** A run by id. */
    public Optional<SyncRun> find(long runId) {
        return db.jdbi().withExtension(SyncRunDao.class, d -> d.find(runId));
    }

    /**
     * A store's runs, newest first (by id, which follows start order), filtered; the SQL is built from fixed
     * fragments only, every value is bound.
     *
     * @param afterId only runs older than this one (a page cursor), or null
     * @param limit the most rows
     */
    public List<SyncRun> page(String storeId, @Nullable RunKind kind, @Nullable RunStatus status,
            @Nullable Instant since, @Nullable Long afterId, int limit) {
        Database.requirePositive(limit);
        StringBuilder sql = new StringBuilder("SELECT ").append(SyncRunDao.COLUMNS)
                .append(" FROM sync_runs WHERE store_id = :storeId");
        if (kind != null) {
            sql.append(" AND kind = :kind");
        }
        if (status != null) {
            sql.append(" AND status = :status");
        }
        if (since != null) {
            sql.append(" AND started_at >= :since");
        }
        if (afterId != null) {
            sql.append(" AND id < :afterId");
        }
        sql.append(" ORDER BY id DESC FETCH FIRST :limit ROWS ONLY");
        return db.jdbi().withHandle(h -> {
            var query = h.createQuery(sql.toString()).bind("storeId", storeId).bind("limit", limit);
            if (kind != null) {
                query.bind("kind", kind.name());
            }
            if (status != null) {
                query.bind("status", status.name());
            }
            if (since != null) {
                query.bind("since", since.toEpochMilli());
            }
            if (afterId != null) {
                query.bind("afterId", afterId.longValue());
            }
            return query.map(new SyncRunDao.SyncRunMapper()).list();
        });
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

    /**
     * Deletes finished runs started before an instant, in transactions of at most {@code batchSize} rows (a
     * big table is never locked for long), but always keeps, per store, the newest {@code keepPerKind} runs of
     * each kind and the last successful full pass.
     *
     * @return how many runs were deleted
     */
    public int prune(Instant startedBefore, int keepPerKind, int batchSize) {
        Objects.requireNonNull(startedBefore, "startedBefore");
        Require.notNegative(keepPerKind, "runs kept per kind");
        Database.requirePositive(batchSize);
        int deleted = 0;
        for (SyncRunDao.StoreKind sk : db.jdbi().withExtension(SyncRunDao.class, SyncRunDao::storeKinds)) {
            Optional<Long> newestDeletable = db.jdbi().withExtension(SyncRunDao.class,
                    d -> d.idAt(sk.storeId(), sk.kind(), keepPerKind));
            if (newestDeletable.isEmpty()) {
                continue;
            }
            long keep = lastSucceeded(sk.storeId(), RunKind.FULL).map(SyncRun::id).orElse(-1L);
            List<Long> ids;
            do {
                ids = db.jdbi().withExtension(SyncRunDao.class, d -> d.expired(sk.storeId(), sk.kind(),
                        newestDeletable.get(), keep, startedBefore, batchSize));
                List<Long> batch = ids;
                if (!batch.isEmpty()) {
                    deleted += db.jdbi().inTransaction(h -> Database.sum(h.attach(SyncRunDao.class).delete(batch)));
                }
            } while (ids.size() == batchSize);
        }
        return deleted;
    }
}
