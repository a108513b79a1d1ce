package com.golisto.sync.core.store;

import com.golisto.sync.core.MasterKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One test's empty state database: an HSQLDB file database in the test's temporary folder, or a schema of
 * its own on the shared {@link TestingPostgres} (dropped by {@link #close()}). Raw JDBC access looks under
 * the store; on HSQLDB the store must be closed first (a file database takes a lock).
 */
final class TestingDatabase implements AutoCloseable {

    /** The databases every state-store test runs on. */
    enum Kind {
        HSQLDB,
        POSTGRESQL
    }

    private final Kind kind;
    private final String url;
    private final @Nullable TestingPostgres postgres;

    private TestingDatabase(Kind kind, String url, @Nullable TestingPostgres postgres) {
        this.kind = kind;
        this.url = url;
        this.postgres = postgres;
    }

    /**
     * A new empty database of the kind: on PostgreSQL, skips the test (with the reason) when there is no
     * server.
     */
    static TestingDatabase create(Kind kind, Path dir, TestingPostgres postgres) throws SQLException {
        return kind == Kind.HSQLDB
                ? new TestingDatabase(kind, TestingStateStores.url(dir), null)
                : new TestingDatabase(kind, postgres.createSchema(), postgres);
    }

    Kind kind() {
        return kind;
    }

    boolean isHsqldb() {
        return kind == Kind.HSQLDB;
    }

    /** The JDBC URL the store opens. */
    String url() {
        return url;
    }

    StateStore open(Clock clock) {
        return open(TestingStateStores.KEY, clock);
    }

    StateStore open(MasterKey key, Clock clock) {
        return StateStore.open(url, key, clock);
    }

    /** A plain, unpooled data source a host could hand the store. */
    DataSource hostDataSource() {
        if (isHsqldb()) {
            JDBCDataSource dataSource = new JDBCDataSource();
            dataSource.setUrl(url + ";hsqldb.tx=mvcc");
            return dataSource;
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    /** Every value of one column, read with plain JDBC (on HSQLDB: with no store open on the database). */
    List<String> rawColumn(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = rawConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Runs one statement with plain JDBC (on HSQLDB: with no store open on the database). */
    int rawUpdate(String sql) throws SQLException {
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(isHsqldb() ? url + ";shutdown=true" : url);
    }

    /** Drops the PostgreSQL schema; the HSQLDB files go with the test's temporary folder. */
    @Override
    public void close() throws SQLException {
        if (postgres != null) {
            postgres.dropSchema(url);
        }
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
