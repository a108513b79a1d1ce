package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.core.MasterKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link SecretStore}: sealed secrets, unreadable without their key and row, erased and re-sealed. */
class SecretStoreTest extends StateStoreTestBase {

    private static final String CONSUMER_SECRET = "cs_5f1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String WEBHOOK_SECRET = "whsec-Zm9vYmFyYmF6cXV4";

    @Test
    void put_roundTripsAndReplaces() {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            store.secrets().put("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of("first"));
            store.secrets().put("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));

            assertThat(store.secrets().find("shop-1", StoreSecrets.WEBHOOK_SECRET)).map(Secret::reveal)
                    .contains(WEBHOOK_SECRET);
            assertThat(store.secrets().find("shop-1", "golisto-token")).isEmpty();
            assertThat(store.secrets().delete("shop-1", StoreSecrets.WEBHOOK_SECRET)).isTrue();
            assertThat(store.secrets().find("shop-1", StoreSecrets.WEBHOOK_SECRET)).isEmpty();
        }
    }

    @Test
    void secrets_areUnreadableInTheRawTables() throws Exception {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            store.secrets().put("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.settings().save("shop-1", Side.SHOP, Map.of("consumer-secret", CONSUMER_SECRET), Set.of("consumer-secret"));
        }
        List<String> sealed = db.rawColumn("SELECT sealed_value FROM store_secrets");
        List<String> settings = db.rawColumn("SELECT setting_value FROM store_settings");

        assertThat(sealed).singleElement().asString().doesNotContain(WEBHOOK_SECRET).startsWith("v1.");
        assertThat(settings).singleElement().asString().doesNotContain(CONSUMER_SECRET).startsWith("v1.");
        // nothing in the database files spells a secret either (HSQLDB keeps a text script and log)
        if (!db.isHsqldb()) {
            return;
        }
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
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            store.secrets().put("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.settings().save("shop-1", Side.SHOP, Map.of("consumer-secret", CONSUMER_SECRET), Set.of("consumer-secret"));
        }
        try (StateStore store = db.open(TestingStateStores.OTHER_KEY, clock)) {
            assertThatThrownBy(() -> store.secrets().find("shop-1", StoreSecrets.WEBHOOK_SECRET))
                    .isInstanceOf(UnreadableSecretException.class)
                    .hasMessageContaining("webhook-secret").hasMessageContaining("shop-1")
                    .hasMessageContaining(TestingStateStores.KEY.id())
                    .hasMessageContaining(TestingStateStores.OTHER_KEY.id())
                    .hasMessageNotContaining(WEBHOOK_SECRET);
            assertThatThrownBy(() -> store.settings().load("shop-1", Side.SHOP))
                    .isInstanceOf(UnreadableSecretException.class)
                    .hasMessageContaining("consumer-secret")
                    .hasMessageNotContaining(CONSUMER_SECRET);
        }
    }

    @Test
    void secret_copiedIntoAnotherRow_doesNotDecrypt() throws Exception {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            store.stores().create("shop-2", "woocommerce", "golisto");
            store.secrets().put("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.secrets().put("shop-2", StoreSecrets.WEBHOOK_SECRET, Secret.of("shop-two-secret"));
        }
        db.rawUpdate("""
                UPDATE store_secrets SET sealed_value =
                    (SELECT sealed_value FROM store_secrets WHERE store_id = 'shop-1') WHERE store_id = 'shop-2'
                """);
        try (StateStore store = db.open(clock)) {
            assertThat(store.secrets().find("shop-1", StoreSecrets.WEBHOOK_SECRET)).map(Secret::reveal).contains(WEBHOOK_SECRET);
            assertThatThrownBy(() -> store.secrets().find("shop-2", StoreSecrets.WEBHOOK_SECRET))
                    .isInstanceOf(UnreadableSecretException.class)
                    .hasMessageContaining("altered")
                    .hasMessageNotContaining(WEBHOOK_SECRET);
        }
    }

    @Test
    void eraseAll_removesSecretsAndSecretSettingsOnly() {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            store.stores().create("shop-2", "woocommerce", "golisto");
            store.secrets().put("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.secrets().put("shop-2", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.settings().save("shop-1", Side.SHOP, Map.of("url", "http://a", "consumer-secret", CONSUMER_SECRET),
                    Set.of("consumer-secret"));
            store.settings().save("shop-1", Side.MARKETPLACE, Map.of("token", "tok-123"), Set.of("token"));

            assertThat(store.secrets().eraseAll("shop-1")).isEqualTo(3);

            assertThat(store.secrets().find("shop-1", StoreSecrets.WEBHOOK_SECRET)).isEmpty();
            assertThat(store.settings().load("shop-1", Side.SHOP)).containsExactlyEntriesOf(Map.of("url", "http://a"));
            assertThat(store.settings().load("shop-1", Side.MARKETPLACE)).isEmpty();
            assertThat(store.secrets().find("shop-2", StoreSecrets.WEBHOOK_SECRET)).isPresent();
        }
    }

    @Test
    void reencrypt_movesValuesToTheNewKey() throws Exception {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            store.secrets().put("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.settings().save("shop-1", Side.SHOP, Map.of("consumer-secret", CONSUMER_SECRET), Set.of("consumer-secret"));
        }
        MasterKey newKey = TestingStateStores.OTHER_KEY;
        try (StateStore store = db.open(newKey, clock)) {
            assertThat(store.secrets().reencrypt(TestingStateStores.KEY)).isEqualTo(2);
            assertThat(store.secrets().reencrypt(TestingStateStores.KEY)).isZero();
            assertThat(store.secrets().find("shop-1", StoreSecrets.WEBHOOK_SECRET)).map(Secret::reveal).contains(WEBHOOK_SECRET);
            assertThat(store.settings().load("shop-1", Side.SHOP)).containsEntry("consumer-secret", CONSUMER_SECRET);
        }
        assertThat(db.rawColumn("SELECT sealed_value FROM store_secrets"))
                .allSatisfy(v -> assertThat(v).startsWith("v1." + newKey.id() + "."));
    }
}
