package com.golisto.sync.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A store's connector settings as an operator may see them: every setting each connector declares (and any
 * stored one it no longer declares), with its value, except that secret values are never included, only
 * whether one is set.
 *
 * @param storeId the store
 * @param shopConnectorId the shop connector's id
 * @param shop the shop connector's settings, in the connector's order
 * @param marketplaceConnectorId the marketplace connector's id
 * @param marketplace the marketplace connector's settings
 */
public record StoreSettingsView(String storeId, String shopConnectorId, List<Setting> shop,
        String marketplaceConnectorId, List<Setting> marketplace) {

    public StoreSettingsView {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(shopConnectorId, "shopConnectorId");
        Objects.requireNonNull(marketplaceConnectorId, "marketplaceConnectorId");
        shop = List.copyOf(shop);
        marketplace = List.copyOf(marketplace);
    }

    /**
     * One setting.
     *
     * @param name the setting's name, as the connector declares it
     * @param value the stored value; null when none is stored, and always null for a secret
     * @param set whether a value is stored (for a secret: whether the secret is held)
     * @param secret whether the value is a secret (never shown)
     * @param required whether the connector needs a value
     * @param defaultValue what applies when no value is stored; null when none
     * @param origin where the stored value came from; null when none is stored
     * @param description what the setting does; empty for a setting the connector no longer declares
     */
    public record Setting(String name, @Nullable String value, boolean set, boolean secret, boolean required,
            @Nullable String defaultValue, @Nullable SettingOrigin origin, String description) {
        public Setting {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            if (secret && value != null) {
                throw new IllegalArgumentException("a secret setting's value is never shown: " + name);
            }
        }

        /** Names the setting and whether it is set; never the value. */
        @Override
        public String toString() {
            return "Setting[" + name + (set ? ", set" : ", unset") + (secret ? ", secret" : "") + "]";
        }
    }
}
