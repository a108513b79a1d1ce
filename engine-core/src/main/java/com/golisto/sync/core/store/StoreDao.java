package com.golisto.sync.core.store;

import com.golisto.sync.api.model.ConnectionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** The {@code stores} table. */
@RegisterRowMapper(StoreDao.StoreRecordMapper.class)
interface StoreDao {

    String COLUMNS = """
            id, shop_connector, marketplace_connector, status, account_id, status_reason, generation,
            created_at, updated_at
            """;

    @SqlUpdate("""
            INSERT INTO stores (id, shop_connector, marketplace_connector, status, generation, created_at, updated_at)
            VALUES (:id, :shop, :marketplace, :status, 0, :now, :now)
            """)
    void insert(@Bind("id") String id, @Bind("shop") String shop, @Bind("marketplace") String marketplace,
            @Bind("status") ConnectionStatus status, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM stores WHERE id = :id")
    Optional<StoreRecord> find(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM stores ORDER BY id")
    List<StoreRecord> list();

    @SqlQuery("SELECT " + COLUMNS + " FROM stores WHERE account_id = :accountId ORDER BY id")
    List<StoreRecord> findByAccount(@Bind("accountId") String accountId);

    @SqlUpdate("""
            UPDATE stores SET status = :status, account_id = :accountId, status_reason = :reason, updated_at = :now
            WHERE id = :id
            """)
    int updateConnection(@Bind("id") String id, @Bind("status") ConnectionStatus status,
            @Bind("accountId") @Nullable String accountId, @Bind("reason") @Nullable String reason,
            @Bind("now") Instant now);

    @SqlUpdate("UPDATE stores SET generation = generation + 1, updated_at = :now WHERE id = :id")
    int incrementGeneration(@Bind("id") String id, @Bind("now") Instant now);

    @SqlQuery("SELECT generation FROM stores WHERE id = :id")
    long generation(@Bind("id") String id);

    @SqlUpdate("DELETE FROM stores WHERE id = :id")
    int delete(@Bind("id") String id);

    @SqlQuery("SELECT COUNT(*) FROM stores WHERE id = :id")
    int count(@Bind("id") String id);

    /**
     * Maps a row; a status that is no {@link ConnectionStatus} (a hand edit, a downgrade) does not fail the
     * read: the store reads as {@link ConnectionStatus#DISCONNECTED} and names the unreadable value, so one
     * bad row cannot stop the engine from starting or listing the other stores.
     */
    final class StoreRecordMapper implements RowMapper<StoreRecord> {
        @Override
        public StoreRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
            String stored = rs.getString("status");
            ConnectionStatus status = ConnectionStatus.DISCONNECTED;
            String unreadable = null;
            try {
                status = ConnectionStatus.valueOf(stored);
            } catch (IllegalArgumentException | NullPointerException e) {
                unreadable = "unreadable stored status '" + Require.truncateOptional(stored, 100) + "'";
            }
            return new StoreRecord(rs.getString("id"), rs.getString("shop_connector"),
                    rs.getString("marketplace_connector"), status, rs.getString("account_id"),
                    rs.getString("status_reason"), rs.getLong("generation"),
                    Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                    unreadable);
        }
    }
}
