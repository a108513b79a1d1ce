package com.golisto.sync.core.store;

import com.golisto.sync.core.RunStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * What the health checks read and write: the write probe ({@code health_probes}), each store's last webhook
 * check ({@code store_health}), and its latest catalog pass outcomes (from {@code sync_runs}). The last
 * successful order poll is in the store's poll counts ({@link RunStore#pollCounts}). Obtained from {@link StateStore#health()}. Thread-safe; each method is one transaction.
 */
public final class HealthStore {

    private final Database db;

    HealthStore(Database db) {
        this.db = db;
    }

    /**
     * How a finished catalog pass ended.
     *
     * @param failed whether it failed
     * @param error why, when it did; null otherwise
     */
    public record PassOutcome(boolean failed, @Nullable String error) {
    }

    /**
     * A store's health marks.
     *
     * @param storeId the store
     * @param webhooksCheckedAt when the shop's webhooks were last checked; null before the first check
     * @param webhooksProblem what that check found wrong; null when the webhooks were all delivering
     */
    public record StoreHealth(String storeId, @Nullable Instant webhooksCheckedAt, @Nullable String webhooksProblem) {
        public StoreHealth {
            Objects.requireNonNull(storeId, "storeId");
        }

        /** No marks yet. */
        public static StoreHealth none(String storeId) {
            return new StoreHealth(storeId, null, null);
        }
    }

    /**
     * Writes this node's probe row (an upsert): throws when the database cannot write (read-only, full disk,
     * quota). The caller throttles it.
     */
    public void probeWrite(String nodeId) {
        String node = Require.truncate(Objects.requireNonNull(nodeId, "nodeId"), Limits.ID);
        Instant now = db.now();
        db.jdbi().useTransaction(h -> {
            HealthDao dao = h.attach(HealthDao.class);
            if (dao.touchProbe(node, now) == 0) {
                dao.insertProbe(node, now);
            }
        });
    }

    /** A store's latest finished full and incremental passes, newest first, at most {@code limit}. */
    public List<PassOutcome> lastPasses(String storeId, int limit) {
        Database.requirePositive(limit);
        return db.jdbi().withHandle(h -> h.registerRowMapper(PassOutcome.class, HealthStore::pass)
                .attach(HealthDao.class).lastPasses(storeId, limit));
    }

    /** Notes what a check of the store's shop webhooks found now; {@code problem} null when all deliver. */
    public void markWebhooks(String storeId, @Nullable String problem) {
        String cut = Require.truncateOptional(problem, Limits.MESSAGE);
        Instant now = db.now();
        db.jdbi().useTransaction(h -> {
            HealthDao dao = h.attach(HealthDao.class);
            ensureRow(h, dao, storeId);
            dao.updateWebhooks(storeId, cut, now);
        });
    }

    /** A store's marks ({@link StoreHealth#none} before any). */
    public StoreHealth of(String storeId) {
        return db.jdbi().withHandle(h -> h.registerRowMapper(StoreHealth.class, HealthStore::storeHealth)
                .attach(HealthDao.class).find(storeId)).orElse(StoreHealth.none(storeId));
    }

    private static void ensureRow(Handle h, HealthDao dao, String storeId) {
        if (dao.count(storeId) == 0) {
            Database.requireStore(h.attach(StoreDao.class), storeId);
            dao.insert(storeId);
        }
    }

    private static PassOutcome pass(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        return new PassOutcome(RunStatus.FAILED.name().equals(rs.getString("status")), rs.getString("error_message"));
    }

    private static StoreHealth storeHealth(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        return new StoreHealth(rs.getString("store_id"), instant(rs, "webhooks_checked_at"),
                rs.getString("webhooks_problem"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
