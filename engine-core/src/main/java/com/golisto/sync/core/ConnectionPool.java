package com.golisto.sync.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The state store's connection pool (HikariCP), used when the engine opens the database from a JDBC URL
 * ({@link SyncEngine.Builder#jdbcUrl}). A host that hands the engine its own
 * {@link SyncEngine.Builder#dataSource DataSource} pools it itself: the engine uses that one as given and
 * never pools it again. Start from {@link #defaults()}.
 *
 * <p>The pool keeps one connection open while idle, grows to {@code maximumSize} under load and closes
 * the extra connections after ten idle minutes; it is closed with the engine. A call that finds every
 * connection busy waits up to {@code connectionTimeout} and then fails (the pass or request retries).
 *
 * @param maximumSize the most connections open at once; default 10. Several runners sharing one
 *     PostgreSQL need {@code runners × maximumSize} below the server's {@code max_connections}
 * @param connectionTimeout how long a call waits for a free connection before it fails; at least 250 ms,
 *     default 30 seconds
 * @param maxLifetime how long one connection is used before the pool replaces it (keep it below any
 *     idle-connection limit of the database or of a proxy in between); at least 30 seconds, default 30
 *     minutes
 */
public record ConnectionPool(int maximumSize, Duration connectionTimeout, Duration maxLifetime) {

    private static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    private static final Duration MIN_LIFETIME = Duration.ofSeconds(30);

    /** Checks the bounds HikariCP accepts. */
    public ConnectionPool {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("pool maximumSize must be at least 1, was " + maximumSize);
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("pool connectionTimeout must be at least 250 ms, was "
                    + connectionTimeout);
        }
        if (maxLifetime.compareTo(MIN_LIFETIME) < 0) {
            throw new IllegalArgumentException("pool maxLifetime must be at least 30 s, was " + maxLifetime);
        }
    }

    /** 10 connections, 30 s connection timeout, 30 min lifetime. */
    public static ConnectionPool defaults() {
        return new ConnectionPool(10, Duration.ofSeconds(30), Duration.ofMinutes(30));
    }

    /** This pool with another maximum size. */
    public ConnectionPool withMaximumSize(int size) {
        return new ConnectionPool(size, connectionTimeout, maxLifetime);
    }

    /** This pool with another connection timeout. */
    public ConnectionPool withConnectionTimeout(Duration timeout) {
        return new ConnectionPool(maximumSize, timeout, maxLifetime);
    }

    /** This pool with another connection lifetime. */
    public ConnectionPool withMaxLifetime(Duration lifetime) {
        return new ConnectionPool(maximumSize, connectionTimeout, lifetime);
    }
}
