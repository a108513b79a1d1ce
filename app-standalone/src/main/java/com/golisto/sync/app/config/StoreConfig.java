package com.golisto.sync.app.config;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A store declared in the configuration file: its shop connector and, optionally, its marketplace connector,
 * each named by id with its settings.
 *
 * @param id the store's id
 * @param shop the shop connector and its settings
 * @param marketplace the marketplace connector and its settings; {@code null} for the default
 *     ({@value Registrations#DEFAULT_MARKETPLACE} with the {@code golisto:} section)
 * @param shorthand whether the shop was written as the {@code woocommerce:} shorthand (problems then name
 *     {@code stores[N].woocommerce.*} keys)
 */
public record StoreConfig(String id, ConnectorChoice shop, @Nullable ConnectorChoice marketplace, boolean shorthand) {
    /** What a store id looks like. */
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    public StoreConfig {
        Objects.requireNonNull(id, "id");
        if (!id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("store id must be lower-case letters, digits and dashes: " + id);
        }
        Objects.requireNonNull(shop, "shop");
    }

    /**
     * The shorthand: a WooCommerce shop ({@value Registrations#SHORTHAND_SHOP}) sold on the default marketplace.
     *
     * @param id the store's id
     * @param woocommerce the WooCommerce connector's settings
     */
    public StoreConfig(String id, Map<String, String> woocommerce) {
        this(id, new ConnectorChoice(Registrations.SHORTHAND_SHOP, woocommerce), null, true);
    }

    /** The key prefix of the shop's settings in the file, after {@code stores[N].}. */
    public String shopSettingsKey() {
        return shorthand ? "woocommerce" : "shop.settings";
    }

    /** Shows the setting names only. */
    @Override
    public String toString() {
        return "StoreConfig[id=" + id + ", shop=" + shop + ", marketplace="
                + (marketplace == null ? "default" : marketplace) + "]";
    }
}
