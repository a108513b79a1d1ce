package com.golisto.sync.core.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** A data source that counts the physical connections it opens and those closed again. */
final class CountingDataSource implements DataSource {

    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private @Nullable DataSource delegate;

    CountingDataSource() {
    }

    CountingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** This data source over the store's own physical connections for the URL: for StateStore.open. */
    DataSource overUrl(String url) {
        delegate = new UrlDataSource(url);
        return this;
    }

    int opened() {
        return opened.get();
    }

    int closed() {
        return closed.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(delegate().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(delegate().getConnection(username, password));
    }

    private DataSource delegate() {
        if (delegate == null) {
            throw new IllegalStateException("no delegate yet");
        }
        return delegate;
    }

    private Connection counted(Connection connection) {
        opened.incrementAndGet();
        AtomicInteger once = new AtomicInteger();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && once.getAndIncrement() == 0) {
                        closed.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(@Nullable PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
