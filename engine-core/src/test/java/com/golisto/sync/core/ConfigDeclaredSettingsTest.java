package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.SHOP_ID;
import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.core.testing.EngineHarness;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The configuration file is the truth for the stores it declares: registered again at every start with
 * {@link SettingOrigin#CONFIG}, a setting no longer declared returns to its default, while settings a flow
 * obtained (the marketplace token from connecting, API keys the shop granted) are kept. On a real HSQLDB
 * database, across engine restarts.
 */
class ConfigDeclaredSettingsTest {

    /** The harness's marketplace connector (FakeMarketplace.ID). */
    private static final String MARKETPLACE = "fake-marketplace";
    private static final Map<String, String> DECLARED_WITH_KEYS = Map.of("home-url", "https://shop.example",
            "shop-key", "ck_declared_1234", "shop-secret", "cs_declared_secret");
    private static final Map<String, String> DECLARED_WITHOUT_KEYS = Map.of("home-url", "https://shop.example");

    private final EngineHarness h = EngineHarness.create();

    @AfterEach
    void close() {
        h.close();
    }

    /** What the runner does at every start for a store its configuration file declares. */
    private StoreView startWithConfig(Map<String, String> declared) {
        return h.engine().registerStore(new StoreRegistration(STORE, SHOP_ID, declared, MARKETPLACE, Map.of(),
                SettingOrigin.CONFIG));
    }

    private List<String> stored(String side) {
        return h.column("SELECT setting_name || '=' || origin FROM store_settings WHERE store_id = '" + STORE
                + "' AND side = '" + side + "' ORDER BY setting_name");
    }

    @Test
    void settingRemovedFromTheConfig_returnsToItsDefaultAtRestart_theObtainedTokenSurvives() throws Exception {
        h.open();
        startWithConfig(DECLARED_WITH_KEYS);
        h.connect(STORE);
        assertThat(stored("SHOP")).containsExactly("home-url=config", "shop-key=config", "shop-secret=config");
        assertThat(stored("MARKETPLACE")).isNotEmpty().allMatch(s -> s.endsWith("=obtained"));
        List<String> token = stored("MARKETPLACE");

        h.reopen();
        StoreView restarted = startWithConfig(DECLARED_WITHOUT_KEYS);

        // the keys are gone (their default: none), so the store has no shop credentials any more ...
        assertThat(stored("SHOP")).containsExactly("home-url=config");
        assertThat(restarted.shopCredentialsPresent()).isFalse();
        // ... while the marketplace connection obtained by connecting is untouched
        assertThat(stored("MARKETPLACE")).isEqualTo(token);
        assertThat(restarted.status()).isEqualTo(ConnectionStatus.AWAITING_APPROVAL);
        assertThat(restarted.accountId()).isNotNull();
    }

    @Test
    void keysTheShopGranted_surviveARestartWhoseConfigNeverDeclaredThem() throws Exception {
        h.open();
        startWithConfig(DECLARED_WITHOUT_KEYS);
        URI grantPage = h.engine().beginCredentialGrant(STORE);
        h.engine().completeCredentialGrant(grantPage.getQuery().replaceAll(".*state=([^&]+).*", "$1"),
                h.shop.grantKeys(grantPage, "ck_granted_9876", "cs_granted_secret"));
        assertThat(stored("SHOP")).containsExactly("home-url=config", "shop-key=obtained", "shop-secret=obtained");

        h.reopen();
        StoreView restarted = startWithConfig(DECLARED_WITHOUT_KEYS);

        assertThat(restarted.shopCredentialsPresent()).isTrue();
        assertThat(stored("SHOP")).containsExactly("home-url=config", "shop-key=obtained", "shop-secret=obtained");
        assertThat(h.connect(STORE).status()).isEqualTo(ConnectionStatus.AWAITING_APPROVAL);
        assertThat(h.marketplace.shopKey(h.account(STORE))).isEqualTo("ck_granted_9876");
    }

    @Test
    void aKeyDeclaredAgain_overridesTheGrantedOne_andIsTheConfigsFromThenOn() throws Exception {
        h.open();
        startWithConfig(DECLARED_WITHOUT_KEYS);
        URI grantPage = h.engine().beginCredentialGrant(STORE);
        h.engine().completeCredentialGrant(grantPage.getQuery().replaceAll(".*state=([^&]+).*", "$1"),
                h.shop.grantKeys(grantPage, "ck_granted_9876", "cs_granted_secret"));

        h.reopen();
        startWithConfig(DECLARED_WITH_KEYS);
        assertThat(stored("SHOP")).containsExactly("home-url=config", "shop-key=config", "shop-secret=config");

        h.reopen();
        assertThat(startWithConfig(DECLARED_WITHOUT_KEYS).shopCredentialsPresent()).isFalse();
    }

    @Test
    void anApiRegistration_keepsTheSettingsItDoesNotName() {
        h.open();
        h.register(STORE, SHOP_ID, DECLARED_WITH_KEYS);

        StoreView updated = h.register(STORE, SHOP_ID, DECLARED_WITHOUT_KEYS);

        assertThat(updated.shopCredentialsPresent()).isTrue();
        assertThat(stored("SHOP")).containsExactly("home-url=api", "shop-key=api", "shop-secret=api");
    }

    @Test
    void settingsStoredBeforeOriginsWereRecorded_areKeptAsObtained() {
        h.open();
        h.register(STORE, SHOP_ID, DECLARED_WITH_KEYS);
        // a row as V5 marks every row it finds
        h.execute("UPDATE store_settings SET origin = 'obtained' WHERE setting_name = 'shop-key'");

        h.reopen();
        startWithConfig(DECLARED_WITHOUT_KEYS);

        assertThat(stored("SHOP")).containsExactly("home-url=config", "shop-key=obtained");
    }

    @Test
    void aRegistrationCannotClaimToBeObtained() {
        assertThatThrownBy(() -> new StoreRegistration(STORE, SHOP_ID, Map.of(), MARKETPLACE, Map.of(),
                SettingOrigin.OBTAINED)).isInstanceOf(IllegalArgumentException.class);
    }
}
