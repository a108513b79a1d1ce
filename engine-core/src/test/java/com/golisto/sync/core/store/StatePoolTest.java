package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.core.ConnectionPool;
import com.golisto.sync.core.SyncEngine;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The state store's connection pool: over many calls from many threads it opens no more physical
 * connections than it holds, closes them all with the store (and the engine), and a host's own
 * {@code DataSource} is used as given, never pooled again. On each database.
 */
class StatePoolTest extends StateStoreTestBase {

    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 25;

    @Test
    void manyCallsFromManyThreads_openNoMoreConnectionsThanThePoolHolds() throws Exception {
        CountingDataSource physical = new CountingDataSource();
        try (StateStore store = StateStore.open(db.url(), ConnectionPool.defaults().withMaximumSize(3),
                TestingStateStores.KEY, clock, physical::overUrl)) {
            store.stores().create("s1", "woocommerce", "golisto");

            int winners = TwoStoresTestBase.winnersOfRace(THREADS, t -> () -> {
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    store.cursors().save("s1", "cursor-" + t, "v" + i);
                    assertThat(store.cursors().find("s1", "cursor-" + t)).contains("v" + i);
                }
                return true;
            });

            assertThat(winners).isEqualTo(THREADS);
            // 400 calls, migrations included: the pool's 3 connections, plus HSQLDB's keeper connection
            assertThat(physical.opened()).isBetween(1, db.isHsqldb() ? 4 : 3);
        }
    }

    @Test
    void close_closesEveryConnectionThePoolOpened() {
        CountingDataSource physical = new CountingDataSource();
        StateStore store = StateStore.open(db.url(), ConnectionPool.defaults().withMaximumSize(4),
                TestingStateStores.KEY, clock, physical::overUrl);
        store.stores().create("s1", "woocommerce", "golisto");
        assertThat(physical.opened() - physical.closed()).as("connections held open while the store is").isPositive();

        store.close();

        assertThat(physical.closed()).isEqualTo(physical.opened());
    }

    @Test
    void hostDataSource_isUsedAsGiven_neverPooledAgain() throws Exception {
        DataSource host = db.hostDataSource();
        CountingDataSource counting = new CountingDataSource(host);
        try (StateStore store = StateStore.open(counting, TestingStateStores.KEY, clock)) {
            store.stores().create("s1", "woocommerce", "golisto");
            int before = counting.opened();
            for (int i = 0; i < 20; i++) {
                store.cursors().save("s1", "catalog", "v" + i);
            }
            // a connection per call from the host's source, each given back: the store keeps none of its own
            assertThat(counting.opened() - before).isGreaterThanOrEqualTo(20);
            assertThat(counting.closed()).isEqualTo(counting.opened());
        }
        if (db.isHsqldb()) {
            try (var connection = host.getConnection(); var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void engineBuilder_connectionPoolWithHostDataSource_isRefused() {
        SyncEngine.Builder builder = SyncEngine.builder().dataSource(db.hostDataSource())
                .connectionPool(ConnectionPool.defaults()).masterKey(TestingStateStores.KEY)
                .publicUrl(URI.create("https://engine.example"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connectionPool").hasMessageContaining("dataSource");
    }

    @Test
    void engineOnAJdbcUrl_opensOnItsPool_andReleasesTheDatabaseWhenClosed() {
        try (SyncEngine engine = SyncEngine.builder().jdbcUrl(db.url())
                .connectionPool(new ConnectionPool(2, Duration.ofSeconds(5), Duration.ofMinutes(5)))
                .masterKey(TestingStateStores.KEY).clock(clock).connectors(List.of())
                .publicUrl(URI.create("https://engine.example")).nodeId("node-1").build()) {
            assertThat(engine.stores()).isEmpty();
        }
        try (StateStore store = db.open(clock)) {
            assertThat(store.healthy()).isTrue();
        }
    }
}
