package com.golisto.sync.core.store;

import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** The {@code sync_runs} table. */
@RegisterRowMapper(SyncRunDao.SyncRunMapper.class)
interface SyncRunDao {

    String COLUMNS = """
            id, store_id, kind, status, started_at, finished_at, read_count, created_count, updated_count,
            deleted_count, unchanged_count, failed_count, request_count, error_message
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
                error_message = :error
            WHERE id = :id AND status = 'RUNNING'
            """)
    int finish(@Bind("id") long id, @Bind("status") RunStatus status, @BindMethods("c") RunCounts counts,
            @Bind("error") @Nullable String error, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM sync_runs WHERE id = :id")
    Optional<SyncRun> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + """
             FROM sync_runs WHERE store_id = :storeId ORDER BY started_at DESC, id DESC FETCH FIRST :limit ROWS ONLY
            """)
    List<SyncRun> recent(@Bind("storeId") String storeId, @Bind("limit") int limit);

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

    /** Maps a row with its seven count columns. */
    final class SyncRunMapper implements RowMapper<SyncRun> {
        @Override
        public SyncRun map(ResultSet rs, StatementContext ctx) throws SQLException {
            long finished = rs.getLong("finished_at");
            Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
            RunCounts counts = new RunCounts(rs.getLong("read_count"), rs.getLong("created_count"),
                    rs.getLong("updated_count"), rs.getLong("deleted_count"), rs.getLong("unchanged_count"),
                    rs.getLong("failed_count"), rs.getLong("request_count"));
            return new SyncRun(rs.getLong("id"), rs.getString("store_id"), RunKind.valueOf(rs.getString("kind")),
                    RunStatus.valueOf(rs.getString("status")), Instant.ofEpochMilli(rs.getLong("started_at")),
                    finishedAt, counts, rs.getString("error_message"));
        }
    }
}
