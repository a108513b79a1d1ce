package com.golisto.sync.app.config;

import com.golisto.sync.core.SettingOrigin;
import com.golisto.sync.core.StoreRegistration;
import java.util.Map;

/**
 * Turns the runner's view of a store (a WooCommerce shop sold on Golisto) into the engine's
 * {@link StoreRegistration}: the shop connector {@value #SHOP} with the store's settings and the
 * marketplace connector {@value #MARKETPLACE} with the configured Golisto addresses and response cap.
 */
public final class Registrations {
    /** The shop connector's provider id. */
    public static final String SHOP = "woocommerce";
    /** The marketplace connector's provider id. */
    public static final String MARKETPLACE = "golisto";

    private Registrations() {
    }

    /**
     * A registration through the admin API or the CLI ({@link SettingOrigin#API}): stored settings it does
     * not name are kept.
     *
     * @param storeId the store's id
     * @param wooSettings the WooCommerce connector's raw settings
     * @param golisto where Golisto is
     */
    public static StoreRegistration of(String storeId, Map<String, String> wooSettings, GolistoConfig golisto) {
        return of(storeId, wooSettings, golisto, SettingOrigin.API);
    }

    /**
     * The registration of a store declared in the configuration file ({@link SettingOrigin#CONFIG}): the file is
     * the truth for it, so a setting removed from the file returns to its default at the next start, while
     * settings obtained by a flow (granted API keys, the Golisto token) are kept.
     */
    public static StoreRegistration of(StoreConfig store, GolistoConfig golisto) {
        return of(store.id(), store.woocommerce(), golisto, SettingOrigin.CONFIG);
    }

    private static StoreRegistration of(String storeId, Map<String, String> wooSettings, GolistoConfig golisto,
            SettingOrigin origin) {
        return new StoreRegistration(storeId, SHOP, wooSettings, MARKETPLACE, Map.of(
                "api-url", golisto.apiUrl().toString(),
                "web-url", golisto.webUrl().toString(),
                "max-response-bytes", Integer.toString(golisto.maxResponseBytes())), origin);
    }
}
