package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ConnectionStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The versioned migrations, opening and closing the store, on each database. */
class StateStoreMigrationTest extends StateStoreTestBase {

    @Test
    void open_freshFileDatabase_appliesMigrationsAndIsHealthy() throws Exception {
        try (StateStore store = db.open(clock)) {
            assertThat(store.healthy()).isTrue();
            assertThat(store.stores().list()).isEmpty();
        }
        assertThat(db.rawColumn(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\""))
                .containsExactlyElementsOf(migrationVersions());
    }

    @Test
    void reopen_keepsDataAndDoesNotReapplyMigrations() throws Exception {
        try (StateStore store = db.open(clock)) {
            store.stores().create("s1", "woocommerce", "golisto");
            store.cursors().save("s1", "catalog", "2026-03-01T00:00:00Z");
        }
        try (StateStore store = db.open(clock)) {
            assertThat(store.stores().find("s1")).get().extracting(StoreRecord::status)
                    .isEqualTo(ConnectionStatus.DISCONNECTED);
            assertThat(store.cursors().find("s1", "catalog")).contains("2026-03-01T00:00:00Z");
        }
        List<String> applied = db.rawColumn(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
        assertThat(applied).containsExactlyElementsOf(migrationVersions());
    }

    @Test
    void open_onHostDataSource_leavesItUsableAfterClose() throws Exception {
        DataSource dataSource = db.hostDataSource();
        try (StateStore store = StateStore.open(dataSource, TestingStateStores.KEY, clock)) {
            store.stores().create("s1", "woocommerce", "golisto");
        }
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT COUNT(*) FROM stores")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            if (db.isHsqldb()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void close_thenUse_failsClearly() {
        StateStore store = db.open(clock);
        store.close();
        store.close();
        assertThat(store.healthy()).isFalse();
        assertThatThrownBy(() -> store.stores().create("s1", "woocommerce", "golisto"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.stores().list())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        // the database was shut down and not silently reopened: another store can open the files
        try (StateStore again = db.open(clock)) {
            assertThat(again.healthy()).isTrue();
        }
    }

    /** The versions of the migration scripts in the source tree, in order: every one must be applied. */
    private static List<String> migrationVersions() throws IOException {
        try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/db-migration"))) {
            List<String> versions = scripts.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
            assertThat(versions).as("migration scripts").isNotEmpty();
            return versions;
        }
    }
}
