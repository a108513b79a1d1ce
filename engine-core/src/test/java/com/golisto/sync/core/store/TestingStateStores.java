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

/** Real HSQLDB file databases for tests, and raw JDBC access to look under the store. */
final class TestingStateStores {

    static final MasterKey KEY = MasterKey.of(bytes(1));
    static final MasterKey OTHER_KEY = MasterKey.of(bytes(2));

    private TestingStateStores() {
    }

    static String url(Path dir) {
        return "jdbc:hsqldb:file:" + dir.resolve("state").toAbsolutePath();
    }

    static StateStore open(Path dir, Clock clock) {
        return StateStore.open(url(dir), KEY, clock);
    }

    /**
     * Every value of one column, read with plain JDBC while no store is open on the directory (the store
     * must be closed first: HSQLDB file databases take a lock).
     */
    static List<String> rawColumn(Path dir, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(dir) + ";shutdown=true");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Runs one statement with plain JDBC on a closed store's database. */
    static int rawUpdate(Path dir, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(dir) + ";shutdown=true");
                Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static byte[] bytes(int seed) {
        byte[] b = new byte[MasterKey.LENGTH];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }
}
