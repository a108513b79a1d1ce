package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.core.UnknownStoreException;
import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.SettingType;
import com.golisto.sync.api.spi.SpiVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link SettingStore}: connector settings per side, secret ones sealed. */
class SettingStoreTest extends StateStoreTestBase {

    private static final String CONSUMER_SECRET = "cs_5f1b2c3d4e5f60718293a4b5c6d7e8f9";

    @Test
    void save_roundTripsPlainAndSecretValues_perSide() {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            store.settings().save("shop-1", Side.SHOP,
                    Map.of("url", "http://127.0.0.1:8080", "consumer-secret", CONSUMER_SECRET),
                    Set.of("consumer-secret"));
            store.settings().save("shop-1", Side.MARKETPLACE, Map.of("base-url", "http://127.0.0.1:9090"), Set.of());

            assertThat(store.settings().load("shop-1", Side.SHOP)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("url", "http://127.0.0.1:8080", "consumer-secret", CONSUMER_SECRET));
            assertThat(store.settings().load("shop-1", Side.MARKETPLACE))
                    .containsExactlyEntriesOf(Map.of("base-url", "http://127.0.0.1:9090"));
            assertThat(store.settings().load("other", Side.SHOP)).isEmpty();
        }
    }

    @Test
    void save_runnersRegisteringTheSameStoreAtOnce_allSucceed_andOneCopyOfEachSettingRemains() throws Exception {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");

            int saved = TwoStoresTestBase.winnersOfRace(8, i -> () -> {
                store.settings().save("shop-1", Side.SHOP, Map.of("url", "https://shop.example", "page-size", "50"),
                        Set.of());
                return true;
            });

            assertThat(saved).isEqualTo(8);
            assertThat(store.settings().load("shop-1", Side.SHOP))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("url", "https://shop.example", "page-size", "50"));
        }
    }

    @Test
    void save_replacesWhileMerge_addsAndOverrides() {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            store.settings().save("shop-1", Side.SHOP, Map.of("url", "http://a", "page-size", "50"), Set.of());

            store.settings().merge("shop-1", Side.SHOP, Map.of("page-size", "100", "consumer-secret", CONSUMER_SECRET),
                    Set.of("consumer-secret"));
            assertThat(store.settings().load("shop-1", Side.SHOP)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("url", "http://a", "page-size", "100", "consumer-secret", CONSUMER_SECRET));

            store.settings().save("shop-1", Side.SHOP, Map.of("url", "http://b"), Set.of());
            assertThat(store.settings().load("shop-1", Side.SHOP)).containsExactlyEntriesOf(Map.of("url", "http://b"));
        }
    }

    @Test
    void save_fromValidatedSettings_sealsTheDeclaredSecrets() throws Exception {
        ConnectorDescriptor descriptor = new ConnectorDescriptor("woo", "Woo", "1", SpiVersion.CURRENT, Set.of(Capability.CATALOG_SOURCE),
                List.of(SettingSpec.required("url", SettingType.URL, "shop URL"),
                        SettingSpec.secret("consumer-secret", true, "API secret")));
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woo", "golisto");
            store.settings().save("shop-1", Side.SHOP,
                    descriptor.validate(Map.of("url", "http://127.0.0.1:1", "consumer-secret", CONSUMER_SECRET)));
            assertThat(descriptor.validate(store.settings().load("shop-1", Side.SHOP)).secret("consumer-secret"))
                    .contains(Secret.of(CONSUMER_SECRET));
        }
        assertThat(db.rawColumn(
                "SELECT setting_value FROM store_settings WHERE setting_name = 'consumer-secret'"))
                .singleElement().asString().startsWith("v1." + TestingStateStores.KEY.id() + ".")
                .doesNotContain(CONSUMER_SECRET);
    }

    @Test
    void save_unknownStore_isRefused() {
        try (StateStore store = db.open(clock)) {
            assertThatThrownBy(() -> store.settings().save("ghost", Side.SHOP, Map.of("a", "b"), Set.of()))
                    .isInstanceOf(UnknownStoreException.class);
        }
    }
}
