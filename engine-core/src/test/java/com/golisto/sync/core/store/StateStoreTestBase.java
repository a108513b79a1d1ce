package com.golisto.sync.core.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of a state-store test class twice: on HSQLDB and on PostgreSQL ({@link TestingPostgres};
 * skipped with the reason when there is none). Each test gets an empty database, {@link #db}, and a test
 * clock at noon.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestingDatabase.Kind.class)
@ExtendWith(TestingPostgres.Extension.class)
abstract class StateStoreTestBase {

    @Parameter
    TestingDatabase.Kind kind;

    @TempDir
    Path dir;

    final TestingClock clock = TestingClock.atNoon();
    TestingDatabase db;

    @BeforeEach
    void createDatabase(TestingPostgres postgres) throws SQLException {
        db = TestingDatabase.create(kind, dir, postgres);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }
}
