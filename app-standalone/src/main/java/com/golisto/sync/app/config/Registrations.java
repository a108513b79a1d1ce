package com.golisto.sync.app.config;

import com.golisto.sync.core.SettingOrigin;
import com.golisto.sync.core.StoreRegistration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the runner's view of a store (a shop connector and a marketplace connector, each with its settings)
 * into the engine's {@link StoreRegistration}. The runner's only defaults name connectors: a store without a
 * marketplace is sold on {@value #DEFAULT_MARKETPLACE} with the {@code golisto:} section's addresses and
 * response cap, and the {@code woocommerce:} shorthand (YAML, admin API, CLI) names the shop connector
 * {@value #SHORTHAND_SHOP}.
 */
public final class Registrations {
    /** The shop connector of the {@code woocommerce:} shorthand. */
    public static final String SHORTHAND_SHOP = "woocommerce";
    /** The marketplace connector of a store that names none; its settings come from the {@code golisto:} section. */
    public static final String DEFAULT_MARKETPLACE = "golisto";

    private Registrations() {
    }

    /**
     * A registration through the admin API or the CLI in the shorthand ({@link SettingOrigin#API}): a
     * {@value #SHORTHAND_SHOP} shop on the default marketplace; stored settings it does not name are kept.
     *
     * @param storeId the store's id
     * @param wooSettings the shorthand shop connector's raw settings
     * @param golisto where Golisto is
     */
    public static StoreRegistration of(String storeId, Map<String, String> wooSettings, GolistoConfig golisto) {
        return of(new StoreConfig(storeId, wooSettings), golisto, SettingOrigin.API);
    }

    /**
     * The registration of a store declared in the configuration file ({@link SettingOrigin#CONFIG}): the file is
     * the truth for it, so a setting removed from the file returns to its default at the next start, while
     * settings obtained by a flow (granted API keys, the Golisto token) are kept.
     */
    public static StoreRegistration of(StoreConfig store, GolistoConfig golisto) {
        return of(store, golisto, SettingOrigin.CONFIG);
    }

    /**
     * The registration of a store with these connectors.
     *
     * @param store the store's connectors and settings
     * @param golisto the {@code golisto:} section, the default marketplace's settings
     * @param origin where the registration comes from
     */
    public static StoreRegistration of(StoreConfig store, GolistoConfig golisto, SettingOrigin origin) {
        ConnectorChoice marketplace = store.marketplace();
        String marketplaceId = marketplace == null ? DEFAULT_MARKETPLACE : marketplace.connector();
        return new StoreRegistration(store.id(), store.shop().connector(), store.shop().settings(), marketplaceId,
                marketplaceSettings(marketplace, golisto), origin);
    }

    /**
     * A store's marketplace settings: those it names, over the {@code golisto:} section's when its marketplace is
     * the default one ({@value #DEFAULT_MARKETPLACE}).
     *
     * @param marketplace the store's marketplace; {@code null} for the default
     * @param golisto the {@code golisto:} section
     */
    public static Map<String, String> marketplaceSettings(@Nullable ConnectorChoice marketplace, GolistoConfig golisto) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (marketplace == null || marketplace.connector().equals(DEFAULT_MARKETPLACE)) {
            settings.put("api-url", golisto.apiUrl().toString());
            settings.put("web-url", golisto.webUrl().toString());
            settings.put("max-response-bytes", Integer.toString(golisto.maxResponseBytes()));
        }
        if (marketplace != null) {
            settings.putAll(marketplace.settings());
        }
        return settings;
    }
}
