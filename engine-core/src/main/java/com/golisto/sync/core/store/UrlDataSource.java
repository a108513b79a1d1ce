package com.golisto.sync.core.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DataSource} over {@link DriverManager} for a JDBC URL: a new physical connection per request.
 * The store's pool ({@link StatePool}) opens its connections through it; nothing else uses it directly
 * but the HSQLDB keeper connection of {@link StateStore}.
 */
final class UrlDataSource implements DataSource {

    /** HSQLDB defaults for the state store, added to an HSQLDB URL unless it sets them itself. */
    private static final Map<String, String> HSQLDB_DEFAULTS = Map.of(
            // multi-version concurrency: readers never block the writers of other stores
            "hsqldb.tx", "mvcc",
            // disk-backed tables: memory bounded by the cache, not by the number of mappings
            "hsqldb.default_table_type", "cached",
            // every commit reaches the disk before it returns: an intent must survive a crash
            "hsqldb.write_delay", "false",
            // the database closes cleanly with its last connection, so it can be reopened
            "shutdown", "true");

    private final String url;
    private volatile int loginTimeout;

    UrlDataSource(String url) {
        this.url = url;
    }

    /** The URL with the HSQLDB defaults added when it is an HSQLDB URL. */
    static String withDefaults(String jdbcUrl) {
        if (!jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:hsqldb:")) {
            return jdbcUrl;
        }
        StringBuilder url = new StringBuilder(jdbcUrl);
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        HSQLDB_DEFAULTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!lower.contains(";" + e.getKey() + "=")) {
                url.append(';').append(e.getKey()).append('=').append(e.getValue());
            }
        });
        return url.toString();
    }

    static boolean isHsqldb(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:hsqldb:");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(@Nullable PrintWriter out) {
        // DriverManager logging is not used
    }

    /**
     * Kept, not applied: DriverManager's login timeout is JVM-wide (a driver's own URL settings bound a
     * connection attempt). The pool sets it and, when it closes, waits up to it for connections being opened.
     */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** Whether the URL carries a password (which must stay out of messages). */
    static boolean hasCredentials(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).contains("password");
    }

    /** The URL without anything after the database path (no passwords), for messages. */
    static String describe(String jdbcUrl) {
        int cut = jdbcUrl.indexOf(';');
        int query = jdbcUrl.indexOf('?');
        int end = cut < 0 ? query : query < 0 ? cut : Math.min(cut, query);
        return end < 0 ? jdbcUrl : jdbcUrl.substring(0, end);
    }
}
