package com.golisto.sync.app.config;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A store declared in the configuration file.
 *
 * @param id the store's id
 * @param woocommerce the WooCommerce connector's settings (name to raw value; secrets included)
 */
public record StoreConfig(String id, Map<String, String> woocommerce) {
    /** What a store id looks like. */
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    public StoreConfig {
        Objects.requireNonNull(id, "id");
        if (!id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("store id must be lower-case letters, digits and dashes: " + id);
        }
        woocommerce = Map.copyOf(woocommerce);
    }

    /** Shows the setting names only. */
    @Override
    public String toString() {
        return "StoreConfig[id=" + id + ", woocommerce=" + new TreeMap<>(woocommerce).keySet() + "]";
    }
}
