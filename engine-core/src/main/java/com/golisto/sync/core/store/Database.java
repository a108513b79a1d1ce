package com.golisto.sync.core.store;

import com.golisto.sync.core.UnknownStoreException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * What the per-aggregate stores share: the {@link Jdbi} over the state database, the clock that stamps
 * rows, whether the state store was closed, and small SQL helpers (chunking, batch counts, unique-key
 * violations). Thread-safe.
 */
final class Database {

    /** Ids per row-value list (three parameters each), well under every driver's parameter limit. */
    static final int IN_CHUNK = 200;
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile boolean closed;

    Database(DataSource dataSource, Clock clock) {
        this.jdbi = Jdbis.create(dataSource, () -> closed);
        this.clock = clock;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    boolean closed() {
        return closed;
    }

    void markClosed() {
        closed = true;
    }

    /** The current time, at the millisecond precision the database keeps. */
    Instant now() {
        if (closed) {
            throw new IllegalStateException("the state store is closed");
        }
        return Instant.ofEpochMilli(clock.millis());
    }

    /** Checks the id and that the store exists, inside the caller's handle or transaction. */
    static void requireStore(StoreDao dao, String storeId) {
        Require.storeId(storeId);
        if (dao.count(storeId) == 0) {
            throw new UnknownStoreException("no store with id " + storeId);
        }
    }

    static Duration positive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        return ttl;
    }

    static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** The ids without duplicates, in their first order; null ids are refused. */
    static List<String> distinct(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        Set<String> set = new LinkedHashSet<>(ids.size());
        for (String id : ids) {
            set.add(Objects.requireNonNull(id, "id"));
        }
        return List.copyOf(set);
    }

    /** The rows a JDBC batch changed (a driver that cannot tell, SUCCESS_NO_INFO, counts as one). */
    static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
        }
        return total;
    }

    /** The items in chunks of {@link #IN_CHUNK}. */
    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += IN_CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    /** Whether a failure was a unique/primary-key violation (SQLSTATE 23505 on HSQLDB and PostgreSQL). */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
