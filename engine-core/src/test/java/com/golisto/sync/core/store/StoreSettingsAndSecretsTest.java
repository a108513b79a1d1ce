package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.SettingType;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.core.MasterKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSettingsAndSecretsTest {

    private static final String CONSUMER_SECRET = "cs_5f1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String WEBHOOK_SECRET = "whsec-Zm9vYmFyYmF6cXV4";

    @TempDir
    Path dir;

    private final TestingClock clock = TestingClock.atNoon();

    @Test
    void createStore_thenFindAndList_roundTripsEveryField() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            StoreRecord created = store.createStore("shop-1", "woocommerce", "golisto");
            store.createStore("shop-0", "woocommerce", "golisto");

            assertThat(created).isEqualTo(new StoreRecord("shop-1", "woocommerce", "golisto",
                    ConnectionStatus.DISCONNECTED, null, null, 0, clock.instant(), clock.instant()));
            assertThat(store.findStore("shop-1")).contains(created);
            assertThat(store.findStore("nope")).isEmpty();
            assertThat(store.listStores()).extracting(StoreRecord::id).containsExactly("shop-0", "shop-1");
        }
    }

    @Test
    void createStore_takenId_isRefused() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            assertThatThrownBy(() -> store.createStore("shop-1", "woocommerce", "golisto"))
                    .isInstanceOf(StoreAlreadyExistsException.class).hasMessageContaining("shop-1");
        }
    }

    @Test
    void createStore_invalidId_isRefusedWithTheRule() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            assertThatThrownBy(() -> store.createStore("shop 1", "woocommerce", "golisto"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store id must be");
        }
    }

    @Test
    void updateConnection_setsStatusAccountAndReason_andRoutesByAccount() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            store.createStore("shop-2", "woocommerce", "golisto");
            clock.advance(Duration.ofMinutes(5));

            StoreRecord updated = store.updateConnection("shop-1", ConnectionStatus.AWAITING_APPROVAL, "conn-42",
                    "credentials sent");

            assertThat(updated.status()).isEqualTo(ConnectionStatus.AWAITING_APPROVAL);
            assertThat(updated.accountId()).isEqualTo("conn-42");
            assertThat(updated.statusReason()).isEqualTo("credentials sent");
            assertThat(updated.updatedAt()).isEqualTo(clock.instant());
            assertThat(updated.createdAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(5)));
            assertThat(store.findStoreByAccount("conn-42")).map(StoreRecord::id).contains("shop-1");
            assertThat(store.findStoreByAccount("conn-43")).isEmpty();

            store.updateConnection("shop-1", ConnectionStatus.DISCONNECTED, null, null);
            assertThat(store.findStoreByAccount("conn-42")).isEmpty();
            assertThatThrownBy(() -> store.updateConnection("ghost", ConnectionStatus.APPROVED, null, null))
                    .isInstanceOf(UnknownStoreException.class).hasMessageContaining("ghost");
        }
    }

    @Test
    void nextGeneration_growsPerStoreAndSurvivesReopen() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("a", "woocommerce", "golisto");
            store.createStore("b", "woocommerce", "golisto");
            assertThat(store.nextGeneration("a")).isEqualTo(1);
            assertThat(store.nextGeneration("a")).isEqualTo(2);
            assertThat(store.nextGeneration("b")).isEqualTo(1);
        }
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            assertThat(store.nextGeneration("a")).isEqualTo(3);
            assertThat(store.findStore("a")).map(StoreRecord::generation).contains(3L);
            assertThatThrownBy(() -> store.nextGeneration("ghost")).isInstanceOf(UnknownStoreException.class);
        }
    }

    @Test
    void saveSettings_roundTripsPlainAndSecretValues_perSide() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            store.saveSettings("shop-1", Side.SHOP,
                    Map.of("url", "http://127.0.0.1:8080", "consumer-secret", CONSUMER_SECRET),
                    Set.of("consumer-secret"));
            store.saveSettings("shop-1", Side.MARKETPLACE, Map.of("base-url", "http://127.0.0.1:9090"), Set.of());

            assertThat(store.loadSettings("shop-1", Side.SHOP)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("url", "http://127.0.0.1:8080", "consumer-secret", CONSUMER_SECRET));
            assertThat(store.loadSettings("shop-1", Side.MARKETPLACE))
                    .containsExactlyEntriesOf(Map.of("base-url", "http://127.0.0.1:9090"));
            assertThat(store.loadSettings("other", Side.SHOP)).isEmpty();
        }
    }

    @Test
    void saveSettings_replacesWhileMergeSettings_addsAndOverrides() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            store.saveSettings("shop-1", Side.SHOP, Map.of("url", "http://a", "page-size", "50"), Set.of());

            store.mergeSettings("shop-1", Side.SHOP, Map.of("page-size", "100", "consumer-secret", CONSUMER_SECRET),
                    Set.of("consumer-secret"));
            assertThat(store.loadSettings("shop-1", Side.SHOP)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("url", "http://a", "page-size", "100", "consumer-secret", CONSUMER_SECRET));

            store.saveSettings("shop-1", Side.SHOP, Map.of("url", "http://b"), Set.of());
            assertThat(store.loadSettings("shop-1", Side.SHOP)).containsExactlyEntriesOf(Map.of("url", "http://b"));
        }
    }

    @Test
    void saveSettings_fromValidatedSettings_sealsTheDeclaredSecrets() throws Exception {
        ConnectorDescriptor descriptor = new ConnectorDescriptor("woo", "Woo", "1", Set.of(Capability.CATALOG_SOURCE),
                List.of(SettingSpec.required("url", SettingType.URL, "shop URL"),
                        SettingSpec.secret("consumer-secret", true, "API secret")));
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woo", "golisto");
            store.saveSettings("shop-1", Side.SHOP,
                    descriptor.validate(Map.of("url", "http://127.0.0.1:1", "consumer-secret", CONSUMER_SECRET)));
            assertThat(descriptor.validate(store.loadSettings("shop-1", Side.SHOP)).secret("consumer-secret"))
                    .contains(Secret.of(CONSUMER_SECRET));
        }
        assertThat(TestingStateStores.rawColumn(dir,
                "SELECT setting_value FROM store_settings WHERE setting_name = 'consumer-secret'"))
                .singleElement().asString().startsWith("v1." + TestingStateStores.KEY.id() + ".")
                .doesNotContain(CONSUMER_SECRET);
    }

    @Test
    void saveSettings_unknownStore_isRefused() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            assertThatThrownBy(() -> store.saveSettings("ghost", Side.SHOP, Map.of("a", "b"), Set.of()))
                    .isInstanceOf(UnknownStoreException.class);
        }
    }

    @Test
    void putSecret_roundTripsAndReplaces() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            store.putSecret("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of("first"));
            store.putSecret("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));

            assertThat(store.secret("shop-1", StoreSecrets.WEBHOOK_SECRET)).map(Secret::reveal)
                    .contains(WEBHOOK_SECRET);
            assertThat(store.secret("shop-1", "golisto-token")).isEmpty();
            assertThat(store.deleteSecret("shop-1", StoreSecrets.WEBHOOK_SECRET)).isTrue();
            assertThat(store.secret("shop-1", StoreSecrets.WEBHOOK_SECRET)).isEmpty();
        }
    }

    @Test
    void secrets_areUnreadableInTheRawTables() throws Exception {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            store.putSecret("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.saveSettings("shop-1", Side.SHOP, Map.of("consumer-secret", CONSUMER_SECRET), Set.of("consumer-secret"));
        }
        List<String> sealed = TestingStateStores.rawColumn(dir, "SELECT sealed_value FROM store_secrets");
        List<String> settings = TestingStateStores.rawColumn(dir, "SELECT setting_value FROM store_settings");

        assertThat(sealed).singleElement().asString().doesNotContain(WEBHOOK_SECRET).startsWith("v1.");
        assertThat(settings).singleElement().asString().doesNotContain(CONSUMER_SECRET).startsWith("v1.");
        // nothing in the database files spells a secret either (HSQLDB keeps a text script and log)
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String content = new String(java.nio.file.Files.readAllBytes(file),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.getFileName().toString())
                        .doesNotContain(WEBHOOK_SECRET).doesNotContain(CONSUMER_SECRET);
            }
        }
    }

    @Test
    void secrets_withAnotherMasterKey_failClearlyWithoutRevealingThem() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            store.putSecret("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.saveSettings("shop-1", Side.SHOP, Map.of("consumer-secret", CONSUMER_SECRET), Set.of("consumer-secret"));
        }
        try (StateStore store = StateStore.open(TestingStateStores.url(dir), TestingStateStores.OTHER_KEY, clock)) {
            assertThatThrownBy(() -> store.secret("shop-1", StoreSecrets.WEBHOOK_SECRET))
                    .isInstanceOf(UnreadableSecretException.class)
                    .hasMessageContaining("webhook-secret").hasMessageContaining("shop-1")
                    .hasMessageContaining(TestingStateStores.KEY.id())
                    .hasMessageContaining(TestingStateStores.OTHER_KEY.id())
                    .hasMessageNotContaining(WEBHOOK_SECRET);
            assertThatThrownBy(() -> store.loadSettings("shop-1", Side.SHOP))
                    .isInstanceOf(UnreadableSecretException.class)
                    .hasMessageContaining("consumer-secret")
                    .hasMessageNotContaining(CONSUMER_SECRET);
        }
    }

    @Test
    void secret_copiedIntoAnotherRow_doesNotDecrypt() throws Exception {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            store.createStore("shop-2", "woocommerce", "golisto");
            store.putSecret("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.putSecret("shop-2", StoreSecrets.WEBHOOK_SECRET, Secret.of("shop-two-secret"));
        }
        TestingStateStores.rawUpdate(dir, """
                UPDATE store_secrets SET sealed_value =
                    (SELECT sealed_value FROM store_secrets WHERE store_id = 'shop-1') WHERE store_id = 'shop-2'
                """);
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            assertThat(store.secret("shop-1", StoreSecrets.WEBHOOK_SECRET)).map(Secret::reveal).contains(WEBHOOK_SECRET);
            assertThatThrownBy(() -> store.secret("shop-2", StoreSecrets.WEBHOOK_SECRET))
                    .isInstanceOf(UnreadableSecretException.class)
                    .hasMessageContaining("altered")
                    .hasMessageNotContaining(WEBHOOK_SECRET);
        }
    }

    @Test
    void eraseSecrets_removesSecretsAndSecretSettingsOnly() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            store.createStore("shop-2", "woocommerce", "golisto");
            store.putSecret("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.putSecret("shop-2", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.saveSettings("shop-1", Side.SHOP, Map.of("url", "http://a", "consumer-secret", CONSUMER_SECRET),
                    Set.of("consumer-secret"));
            store.saveSettings("shop-1", Side.MARKETPLACE, Map.of("token", "tok-123"), Set.of("token"));

            assertThat(store.eraseSecrets("shop-1")).isEqualTo(3);

            assertThat(store.secret("shop-1", StoreSecrets.WEBHOOK_SECRET)).isEmpty();
            assertThat(store.loadSettings("shop-1", Side.SHOP)).containsExactlyEntriesOf(Map.of("url", "http://a"));
            assertThat(store.loadSettings("shop-1", Side.MARKETPLACE)).isEmpty();
            assertThat(store.secret("shop-2", StoreSecrets.WEBHOOK_SECRET)).isPresent();
        }
    }

    @Test
    void reencryptSecrets_movesValuesToTheNewKey() throws Exception {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            store.putSecret("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.saveSettings("shop-1", Side.SHOP, Map.of("consumer-secret", CONSUMER_SECRET), Set.of("consumer-secret"));
        }
        MasterKey newKey = TestingStateStores.OTHER_KEY;
        try (StateStore store = StateStore.open(TestingStateStores.url(dir), newKey, clock)) {
            assertThat(store.reencryptSecrets(TestingStateStores.KEY)).isEqualTo(2);
            assertThat(store.reencryptSecrets(TestingStateStores.KEY)).isZero();
            assertThat(store.secret("shop-1", StoreSecrets.WEBHOOK_SECRET)).map(Secret::reveal).contains(WEBHOOK_SECRET);
            assertThat(store.loadSettings("shop-1", Side.SHOP)).containsEntry("consumer-secret", CONSUMER_SECRET);
        }
        assertThat(TestingStateStores.rawColumn(dir, "SELECT sealed_value FROM store_secrets"))
                .allSatisfy(v -> assertThat(v).startsWith("v1." + newKey.id() + "."));
    }

    @Test
    void consumeState_worksOnceForItsPurpose() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            String state = store.createState("shop-1", "connect", Duration.ofMinutes(10));

            assertThat(state).matches("[A-Za-z0-9_-]{43}");
            assertThat(store.consumeState(state, "credentials")).isEmpty();
            assertThat(store.consumeState(state, "connect")).contains("shop-1");
            assertThat(store.consumeState(state, "connect")).isEmpty();
            assertThat(store.consumeState("forged", "connect")).isEmpty();
            assertThat(store.consumeState("", "connect")).isEmpty();
        }
    }

    @Test
    void consumeState_afterExpiry_isRefused() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            String fresh = store.createState("shop-1", "connect", Duration.ofMinutes(10));
            String stale = store.createState("shop-1", "connect", Duration.ofMinutes(10));
            clock.advance(Duration.ofMinutes(9));
            assertThat(store.consumeState(fresh, "connect")).contains("shop-1");
            clock.advance(Duration.ofMinutes(1));
            assertThat(store.consumeState(stale, "connect")).isEmpty();
        }
    }

    @Test
    void createState_keepsOnlyItsHash() throws Exception {
        String state;
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            state = store.createState("shop-1", "connect", Duration.ofMinutes(10));
        }
        assertThat(TestingStateStores.rawColumn(dir, "SELECT state_hash FROM one_time_states"))
                .singleElement().asString().hasSize(64).isNotEqualTo(state).doesNotContain(state);
    }

    @Test
    void cursors_roundTripAndOverwrite() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            assertThat(store.cursor("shop-1", "catalog")).isEmpty();
            store.saveCursor("shop-1", "catalog", "2026-03-01T10:00:00Z");
            store.saveCursor("shop-1", "catalog", "2026-03-01T11:00:00Z");
            store.saveCursor("shop-1", "orders", "17");

            assertThat(store.cursor("shop-1", "catalog")).contains("2026-03-01T11:00:00Z");
            assertThat(store.cursor("shop-1", "orders")).contains("17");
            assertThat(store.deleteCursor("shop-1", "orders")).isTrue();
            assertThat(store.cursor("shop-1", "orders")).isEmpty();
            assertThatThrownBy(() -> store.saveCursor("ghost", "catalog", "x"))
                    .isInstanceOf(UnknownStoreException.class);
        }
    }

    @Test
    void deleteStore_removesEverythingKeptForIt() {
        try (StateStore store = TestingStateStores.open(dir, clock)) {
            store.createStore("shop-1", "woocommerce", "golisto");
            store.putSecret("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.saveCursor("shop-1", "catalog", "x");
            store.upsertMappings(List.of(Mapping.of("shop-1", EntityKind.PRODUCT, "1", "L1", "f", "s", 1, 0, "SYNCED", null)));
            store.startRun("shop-1", RunKind.FULL);

            assertThat(store.deleteStore("shop-1")).isTrue();

            assertThat(store.findStore("shop-1")).isEmpty();
            assertThat(store.secret("shop-1", StoreSecrets.WEBHOOK_SECRET)).isEmpty();
            assertThat(store.countMappings("shop-1", EntityKind.PRODUCT)).isZero();
            assertThat(store.recentRuns("shop-1", 10)).isEmpty();
            assertThat(store.deleteStore("shop-1")).isFalse();
        }
    }
}
