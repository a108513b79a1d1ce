package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreSecrets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A quick tour of every aggregate on PostgreSQL in one place (every state-store test also runs on it, see
 * {@link StateStoreTestBase}): on the server {@link TestingPostgres} gives, each test in a schema of its own
 * that it drops afterwards; skipped with the reason when there is none.
 */
@ExtendWith(TestingPostgres.Extension.class)
class PostgresPortabilityTest {

    private final TestingClock clock = TestingClock.atNoon();
    private @Nullable TestingPostgres postgres;
    private @Nullable String schemaUrl;
    private StateStore store;

    @BeforeEach
    void createSchema(TestingPostgres server) throws SQLException {
        postgres = server;
        schemaUrl = server.createSchema();
        store = openStore();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (store != null) {
            store.close();
        }
        if (postgres != null && schemaUrl != null) {
            postgres.dropSchema(schemaUrl);
        }
    }

    private StateStore openStore() {
        return StateStore.open(schemaUrl(), TestingStateStores.KEY, clock);
    }

    private String schemaUrl() {
        return Objects.requireNonNull(schemaUrl, "schemaUrl");
    }

    private String rawSingle(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(schemaUrl()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void storesSettingsSecretsAndStates_workOnPostgres() throws Exception {
        store.stores().create("s1", "woocommerce", "golisto");
        assertThatThrownBy(() -> store.stores().create("s1", "woocommerce", "golisto"))
                .isInstanceOf(StoreAlreadyExistsException.class);
        store.stores().updateConnection("s1", ConnectionStatus.APPROVED, "conn-1", "approved");
        assertThat(store.stores().findByAccount("conn-1")).map(StoreRecord::status).contains(ConnectionStatus.APPROVED);
        assertThat(store.stores().nextGeneration("s1")).isEqualTo(1);

        store.settings().save("s1", Side.SHOP, Map.of("url", "http://127.0.0.1:1", "consumer-secret", "cs_top"),
                Set.of("consumer-secret"));
        store.settings().merge("s1", Side.SHOP, Map.of("page-size", "100"), Set.of());
        assertThat(store.settings().load("s1", Side.SHOP)).containsExactlyInAnyOrderEntriesOf(
                Map.of("url", "http://127.0.0.1:1", "consumer-secret", "cs_top", "page-size", "100"));
        store.secrets().put("s1", StoreSecrets.WEBHOOK_SECRET, Secret.of("wh-top"));
        assertThat(store.secrets().find("s1", StoreSecrets.WEBHOOK_SECRET)).map(Secret::reveal).contains("wh-top");
        assertThat(rawSingle("SELECT sealed_value FROM store_secrets")).doesNotContain("wh-top");
        assertThat(store.secrets().reencrypt(TestingStateStores.OTHER_KEY)).isZero();
        assertThat(store.secrets().eraseAll("s1")).isEqualTo(2);

        String state = store.states().create("s1", "connect", Duration.ofMinutes(5));
        assertThat(store.states().consume(state, "connect")).contains("s1");
        assertThat(store.states().consume(state, "connect")).isEmpty();

        store.cursors().save("s1", "catalog", "a");
        store.cursors().save("s1", "catalog", "b");
        assertThat(store.cursors().find("s1", "catalog")).contains("b");
        assertThat(store.healthy()).isTrue();
    }

    @Test
    void mappingsAndSweep_workOnPostgres() {
        store.stores().create("s1", "woocommerce", "golisto");
        List<Mapping> page = IntStream.range(0, 150).mapToObj(i -> Mapping.of("s1", EntityKind.PRODUCT,
                "p" + (1000 + i), "L" + i, "fp", "st", 1, 0, "SYNCED", null)).toList();
        store.mappings().upsert(page);
        store.mappings().upsert(List.of(page.get(0).withTargetId("L-new")));
        assertThat(store.mappings().findAll("s1", EntityKind.PRODUCT, page.stream().map(Mapping::sourceId).toList()))
                .hasSize(150);
        assertThat(store.mappings().findByTarget("s1", EntityKind.PRODUCT, "L-new")).map(Mapping::sourceId)
                .contains("p1000");
        long generation = store.stores().nextGeneration("s1") + 1;
        assertThat(store.mappings().markSeen("s1", EntityKind.PRODUCT,
                page.subList(1, 150).stream().map(Mapping::sourceId).toList(), generation)).isEqualTo(149);
        assertThat(store.mappings().unseenBefore("s1", EntityKind.PRODUCT, generation, 10)).extracting(Mapping::sourceId)
                .containsExactly("p1000");
        assertThat(store.mappings().pageAfter("s1", EntityKind.PRODUCT, "p1100", 5)).extracting(Mapping::sourceId)
                .containsExactly("p1101", "p1102", "p1103", "p1104", "p1105");
        assertThat(store.mappings().delete("s1", EntityKind.PRODUCT, List.of("p1000"))).isEqualTo(1);
        assertThat(store.mappings().count("s1", EntityKind.PRODUCT)).isEqualTo(149);
    }

    @Test
    void intentsDeadLettersRunsDeliveriesAndLeases_workOnPostgres() {
        store.stores().create("s1", "woocommerce", "golisto");

        Intent intent = store.intents().open("s1", "CREATE_ORDER", "G-1", "{}");
        assertThatThrownBy(() -> store.intents().open("s1", "CREATE_ORDER", "G-1", "{}"))
                .isInstanceOf(IntentAlreadyOpenException.class);
        assertThat(store.intents().listOpen()).containsExactly(intent);
        assertThat(store.intents().complete(intent.id(), "wc-1")).isTrue();
        assertThat(store.intents().open("s1", "CREATE_ORDER", "G-1", "{}").id()).isNotEqualTo(intent.id());

        DeadLetter letter = store.deadLetters().add("s1", "ORDER", "G-2", "unknown product", "{}");
        assertThat(store.deadLetters().add("s1", "ORDER", "G-2", "again", "{}").attempts()).isEqualTo(2);
        assertThat(store.deadLetters().markReplayed(letter.id())).isTrue();
        assertThat(store.deadLetters().delete(letter.id())).isTrue();

        SyncRun run = store.runs().start("s1", RunKind.FULL);
        store.runs().finish(run.id(), RunStatus.SUCCEEDED, new RunCounts(1, 1, 0, 0, 0, 0, 2), null);
        store.runs().start("s1", RunKind.ORDERS);
        assertThat(store.runs().failAbandoned()).isEqualTo(1);
        assertThat(store.runs().recent("s1", 1)).extracting(SyncRun::kind).containsExactly(RunKind.ORDERS);

        assertThat(store.deliveries().record("s1", "woocommerce", "d-1")).isTrue();
        assertThat(store.deliveries().record("s1", "woocommerce", "d-1")).isFalse();
        assertThat(store.deliveries().prune(clock.instant().plusSeconds(1))).isEqualTo(1);

        assertThat(store.leases().tryAcquire("s1", "a", Duration.ofSeconds(30))).isTrue();
        assertThat(store.leases().tryAcquire("s1", "b", Duration.ofSeconds(30))).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(store.leases().tryAcquire("s1", "b", Duration.ofSeconds(30))).isTrue();
        assertThat(store.leases().renew("s1", "a", Duration.ofSeconds(30))).isFalse();
        assertThat(store.leases().release("s1", "b")).isTrue();
    }

    @Test
    void reopen_onPostgres_doesNotReapplyMigrations() throws Exception {
        store.stores().create("s1", "woocommerce", "golisto");
        String applied = rawSingle("SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL");
        store.close();
        store = openStore();
        assertThat(store.stores().find("s1")).isPresent();
        assertThat(rawSingle("SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL"))
                .isEqualTo(applied);
    }
}
