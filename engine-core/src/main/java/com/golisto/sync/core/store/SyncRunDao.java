package com.golisto.sync.core.store;

import com.golisto.sync.core.PollCounts;
import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** The {@code sync_runs} table. */
@RegisterRowMapper(SyncRunDao.SyncRunMapper.class)
interface SyncRunDao {

    String COLUMNS = """
            id, store_id, kind, status, started_at, finished_at, read_count, created_count, updated_count,
            deleted_count, unchanged_count, failed_count, request_count, skipped_count, skip_reasons, error_message
            """;

    @SqlUpdate("""
            INSERT INTO sync_runs (store_id, kind, status, started_at) VALUES (:storeId, :kind, 'RUNNING', :now)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("storeId") String storeId, @Bind("kind") RunKind kind, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE sync_runs SET status = :status, finished_at = :now, read_count = :c.read,
                created_count = :c.created, updated_count = :c.updated, deleted_count = :c.deleted,
                unchanged_count = :c.unchanged, failed_count = :c.failed, request_count = :c.requests,
                skipped_count = :c.skipped, skip_reasons = :skipReasons,
                error_message = :error
            WHERE id = :id AND status = 'RUNNING'
            """)
    int finish(@Bind("id") long id, @Bind("status") RunStatus status, @BindMethods("c") RunCounts counts,
            @Bind("skipReasons") @Nullable String skipReasons,
            @Bind("error") @Nullable String error, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM sync_runs WHERE id = :id")
    Optional<SyncRun> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + """
             FROM sync_runs WHERE store_id = :storeId ORDER BY started_at DESC, id DESC FETCH FIRST :limit ROWS ONLY
            """)
    List<SyncRun> recent(@Bind("storeId") String storeId, @Bind("limit") int limit);

    /**
     * The store's latest run of a kind that succeeded, by finish time: one row read from the
     * {@code sync_runs_last_idx} index, however many runs of other kinds came after it.
     */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM sync_runs WHERE store_id = :storeId AND kind = :kind AND status = 'SUCCEEDED'
            ORDER BY finished_at DESC, id DESC FETCH FIRST 1 ROWS ONLY
            """)
    Optional<SyncRun> lastSucceeded(@Bind("storeId") String storeId, @Bind("kind") RunKind kind);

    /** How many of the store's runs are running (started, not finished). */
    @SqlQuery("SELECT COUNT(*) FROM sync_runs WHERE store_id = :storeId AND status = 'RUNNING'")
    long countRunning(@Bind("storeId") String storeId);

    /** The store's latest run of a kind, whatever its outcome (from the {@code sync_runs_kind_idx} index). */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM sync_runs WHERE store_id = :storeId AND kind = :kind
            ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
            """)
    Optional<SyncRun> latest(@Bind("storeId") String storeId, @Bind("kind") RunKind kind);

    @SqlUpdate("""
            UPDATE sync_runs SET status = 'FAILED', finished_at = :now, error_message = :error
            WHERE status = 'RUNNING'
            """)
    int failRunning(@Bind("error") String error, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE sync_runs SET status = 'FAILED', finished_at = :now, error_message = :error
            WHERE status = 'RUNNING' AND store_id = :storeId
            """)
    int failRunning(@Bind("storeId") String storeId, @Bind("error") String error, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM sync_runs WHERE status <> 'RUNNING' AND started_at < :before")
    int deleteFinished(@Bind("before") Instant before);

    @SqlUpdate("DELETE FROM sync_runs WHERE id = :id AND status = 'RUNNING'")
    int deleteRunning(@Bind("id") long id);

    // ---- the retention sweep ----

    /** Every (store, kind) that has runs. */
    @SqlQuery("SELECT DISTINCT store_id, kind FROM sync_runs ORDER BY store_id, kind")
    @RegisterConstructorMapper(StoreKind.class)
    List<StoreKind> storeKinds();

    /** The id of the {@code offset + 1}-th newest run of a store and kind, if it has that many. */
    @SqlQuery("""
            SELECT id FROM sync_runs WHERE store_id = :storeId AND kind = :kind
            ORDER BY store_id DESC, kind DESC, id DESC OFFSET :offset ROWS FETCH FIRST 1 ROWS ONLY
            """)
    Optional<Long> idAt(@Bind("storeId") String storeId, @Bind("kind") String kind, @Bind("offset") int offset);

    /**
     * Up to {@code limit} finished runs of a store and kind, at or below an id and started before an
     * instant, except one id (the run that must stay).
     */
    @SqlQuery("""
            SELECT id FROM sync_runs
            WHERE store_id = :storeId AND kind = :kind AND id <= :maxId AND id <> :keepId
                AND status <> 'RUNNING' AND started_at < :before
            ORDER BY store_id, kind, id FETCH FIRST :limit ROWS ONLY
            """)
    List<Long> expired(@Bind("storeId") String storeId, @Bind("kind") String kind, @Bind("maxId") long maxId,
            @Bind("keepId") long keepId, @Bind("before") Instant before, @Bind("limit") int limit);

    @SqlBatch("DELETE FROM sync_runs WHERE id = :id")
    int[] delete(@Bind("id") List<Long> ids);

    // ---- poll counts ----

    @SqlUpdate("""
            UPDATE poll_counts SET empty_count = empty_count + 1, last_empty_at = :now, last_polled_at = :now
            WHERE store_id = :storeId AND kind = :kind
            """)
    int countEmptyPoll(@Bind("storeId") String storeId, @Bind("kind") RunKind kind, @Bind("now") Instant now);

    @SqlUpdate("UPDATE poll_counts SET last_polled_at = :now WHERE store_id = :storeId AND kind = :kind")
    int countPoll(@Bind("storeId") String storeId, @Bind("kind") RunKind kind, @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO poll_counts (store_id, kind, empty_count, last_empty_at, last_polled_at)
            VALUES (:storeId, :kind, :empty, :emptyAt, :now)
            """)
    void insertPollCount(@Bind("storeId") String storeId, @Bind("kind") RunKind kind, @Bind("empty") long empty,
            @Bind("emptyAt") @Nullable Instant emptyAt, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT empty_count, last_empty_at, last_polled_at FROM poll_counts WHERE store_id = :storeId AND kind = :kind
            """)
    @RegisterRowMapper(PollCountsMapper.class)
    Optional<PollCounts> pollCounts(@Bind("storeId") String storeId, @Bind("kind") RunKind kind);

    /** A store and a stored run kind (raw text: the sweep also removes runs of kinds this version does not know). */
    record StoreKind(String storeId, String kind) {
    }

    /** Maps a {@code poll_counts} row. */
    final class PollCountsMapper implements RowMapper<PollCounts> {
        @Override
        public PollCounts map(ResultSet rs, StatementContext ctx) throws SQLException {
            long empty = rs.getLong("empty_count");
            long lastEmpty = rs.getLong("last_empty_at");
            Instant lastEmptyAt = rs.wasNull() ? null : Instant.ofEpochMilli(lastEmpty);
            long lastPolled = rs.getLong("last_polled_at");
            Instant lastPolledAt = rs.wasNull() ? null : Instant.ofEpochMilli(lastPolled);
            return new PollCounts(empty, lastEmptyAt, lastPolledAt);
        }
    }

    /**
     * Maps a row with its seven count columns. A kind or status this version does not know (a newer
     * version's, a hand edit) does not fail the read: such a run reads as {@link RunKind#UNKNOWN} and/or
     * {@link RunStatus#FAILED}, with the unreadable value named first in its error, so one bad row cannot
     * stop a store's runs from being listed.
     */
    final class SyncRunMapper implements RowMapper<SyncRun> {
        @Override
        public SyncRun map(ResultSet rs, StatementContext ctx) throws SQLException {
            long finished = rs.getLong("finished_at");
            Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
            Map<String, Long> reasons = SkipReasons.decode(rs.getString("skip_reasons"));
            long skipped = rs.getLong("skipped_count");
            RunCounts counts = new RunCounts(rs.getLong("read_count"), rs.getLong("created_count"),
                    rs.getLong("updated_count"), rs.getLong("deleted_count"), rs.getLong("unchanged_count"),
                    rs.getLong("failed_count"), rs.getLong("request_count"), skipped,
                    reasons.values().stream().mapToLong(Long::longValue).sum() == skipped ? reasons : Map.of());
            String storedKind = rs.getString("kind");
            String storedStatus = rs.getString("status");
            RunKind kind = parse(RunKind.class, storedKind);
            RunStatus status = parse(RunStatus.class, storedStatus);
            String error = rs.getString("error_message");
            if (status == null) {
                error = unreadable("status", storedStatus, error);
            }
            if (kind == null || kind == RunKind.UNKNOWN) {
                error = unreadable("kind", storedKind, error);
            }
            return new SyncRun(rs.getLong("id"), rs.getString("store_id"), kind == null ? RunKind.UNKNOWN : kind,
                    status == null || kind == null ? RunStatus.FAILED : status,
                    Instant.ofEpochMilli(rs.getLong("started_at")), finishedAt, counts, error);
        }

        private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String stored) {
            if (stored == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, stored);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static String unreadable(String column, @Nullable String stored, @Nullable String error) {
            String named = "unreadable stored " + column + " '" + Require.truncateOptional(stored, 100) + "'";
            return Require.truncate(error == null ? named : named + "; " + error, Limits.MESSAGE);
        }
    }
}
