package com.golisto.sync.app.config;

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
     * @param storeId the store's id
     * @param wooSettings the WooCommerce connector's raw settings
     * @param golisto where Golisto is
     */
    public static StoreRegistration of(String storeId, Map<String, String> wooSettings, GolistoConfig golisto) {
        return new StoreRegistration(storeId, SHOP, wooSettings, MARKETPLACE, Map.of(
                "api-url", golisto.apiUrl().toString(),
                "web-url", golisto.webUrl().toString(),
                "max-response-bytes", Integer.toString(golisto.maxResponseBytes())));
    }

    /** The registration of a store declared in the configuration file. */
    public static StoreRegistration of(StoreConfig store, GolistoConfig golisto) {
        return of(store.id(), store.woocommerce(), golisto);
    }
}
