package com.golisto.sync.core.store;

import com.golisto.sync.core.ConnectionPool;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The HikariCP pool the state store opens over a JDBC URL: the physical connections come from a
 * {@link DataSource} over the URL (so the driver, the HSQLDB defaults and the password handling are the
 * store's own, and HikariCP never sees or logs the URL).
 */
final class StatePool {

    /** Connections kept open while the store is idle: the pool grows from there under load. */
    private static final int MINIMUM_IDLE = 1;
    private static final long KEEPALIVE_MILLIS = 120_000;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private StatePool() {
    }

    /**
     * Opens a pool and its first connection (so an unreachable database fails here, at once).
     *
     * @throws RuntimeException HikariCP's {@code PoolInitializationException} when the first connection
     *     cannot be opened; its message may repeat the driver's, URL included
     */
    static HikariDataSource open(DataSource physical, ConnectionPool settings) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(physical);
        // numbered: a JVM may hold several stores (tests, or a host with several engines)
        config.setPoolName("golisto-state-" + POOLS.incrementAndGet());
        config.setMaximumPoolSize(settings.maximumSize());
        config.setMinimumIdle(Math.min(MINIMUM_IDLE, settings.maximumSize()));
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        // HikariCP's 2-minute keepalive of idle connections, when it fits well inside their lifetime
        config.setKeepaliveTime(settings.maxLifetime().toMillis() > 2 * KEEPALIVE_MILLIS ? KEEPALIVE_MILLIS : 0);
        return new HikariDataSource(config);
    }
}
