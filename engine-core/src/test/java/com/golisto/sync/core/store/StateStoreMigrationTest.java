package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ConnectionStatus;
import java.nio.file.Path;
import java.util.List;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreMigrationTest {

    @TempDir
    Path dir;

    private final TestingClock clock = TestingClock.atNoon();

    @Test
    void open_freshFileDatabase_appliesMigrationsAndIsHealthy() throws Exception {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            assertThat(store.healthy()).isTrue();
            assertThat(store.stores().list()).isEmpty();
        }
        assertThat(TestingStateStores.rawColumn(dir,
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\""))
                .containsExactly("1", "2", "6");
    }

    @Test
    void reopen_keepsDataAndDoesNotReapplyMigrations() throws Exception {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.stores().create("s1", "woocommerce", "golisto");
            store.cursors().save("s1", "catalog", "2026-03-01T00:00:00Z");
        }
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            assertThat(store.stores().find("s1")).get().extracting(StoreRecord::status)
                    .isEqualTo(ConnectionStatus.DISCONNECTED);
            assertThat(store.cursors().find("s1", "catalog")).contains("2026-03-01T00:00:00Z");
        }
        List<String> applied = TestingStateStores.rawColumn(dir,
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL");
        assertThat(applied).containsExactly("1", "2", "6");
    }

    @Test
    void open_onHostDataSource_leavesItUsableAfterClose() throws Exception {
        JDBCDataSource dataSource = new JDBCDataSource();
        dataSource.setUrl(TestingStateStores.url(dir) + ";hsqldb.tx=mvcc");
        try (StateStore store = StateStore.open(dataSource, TestingStateStores.KEY, clock)) {
            store.stores().create("s1", "woocommerce", "golisto");
        }
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT COUNT(*) FROM stores")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void close_thenUse_failsClearly() {
        StateStore store = TestingStateStores.open(dir, clock);
        store.close();
        store.close();
        assertThat(store.healthy()).isFalse();
        assertThatThrownBy(() -> store.stores().create("s1", "woocommerce", "golisto"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.stores().list())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        // the database was shut down and not silently reopened: another store can open the files
        try (StateStore again = TestingStateStores.open(dir, clock)) {
            assertThat(again.healthy()).isTrue();
        }
    }

    @Test
    void open_unreachableDatabase_failsWithStateStoreException() {
        assertThatThrownBy(() -> StateStore.open("jdbc:nosuchdriver://localhost/x?password=hunter2",
                TestingStateStores.KEY, clock))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("jdbc:nosuchdriver://localhost/x")
                .hasMessageNotContaining("hunter2")
                .hasNoCause();
    }
}
