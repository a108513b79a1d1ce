package com.golisto.sync.core;

import java.util.Map;
import java.util.Objects;

/**
 * A store the host wants the engine to serve: a shop connector and a marketplace connector with their
 * settings. Registering the same id again updates the settings given and keeps those the engine obtained
 * itself (API keys from a grant, the marketplace token from connecting). What happens to stored settings
 * not given depends on the {@code origin}: an {@link SettingOrigin#API} registration keeps them; a
 * {@link SettingOrigin#CONFIG} one (the host's configuration file, registered at every start) is the whole
 * truth, so stored settings it no longer names return to their defaults, except those obtained by a flow.
 *
 * @param id the store's id: 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit
 * @param shopConnectorId the shop connector's provider id, e.g. {@code woocommerce}
 * @param shopSettings the shop connector's raw settings (secrets included; stored encrypted)
 * @param marketplaceConnectorId the marketplace connector's provider id, e.g. {@code golisto}
 * @param marketplaceSettings the marketplace connector's raw settings
 * @param origin where the settings come from: {@link SettingOrigin#CONFIG} or {@link SettingOrigin#API}
 */
public record StoreRegistration(String id, String shopConnectorId, Map<String, String> shopSettings,
        String marketplaceConnectorId, Map<String, String> marketplaceSettings, SettingOrigin origin) {

    public StoreRegistration {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("store id must be 1 to 64 letters, digits, '.', '-' or '_' "
                    + "starting with a letter or digit: '" + id + "'");
        }
        Objects.requireNonNull(shopConnectorId, "shopConnectorId");
        Objects.requireNonNull(marketplaceConnectorId, "marketplaceConnectorId");
        shopSettings = Map.copyOf(shopSettings);
        marketplaceSettings = Map.copyOf(marketplaceSettings);
        Objects.requireNonNull(origin, "origin");
        if (origin == SettingOrigin.OBTAINED) {
            throw new IllegalArgumentException("a registration gives settings (CONFIG or API); OBTAINED ones come"
                    + " from the engine's own flows");
        }
    }

    /** A registration through an API ({@link SettingOrigin#API}): the settings not given are kept. */
    public StoreRegistration(String id, String shopConnectorId, Map<String, String> shopSettings,
            String marketplaceConnectorId, Map<String, String> marketplaceSettings) {
        this(id, shopConnectorId, shopSettings, marketplaceConnectorId, marketplaceSettings, SettingOrigin.API);
    }

    /** Shows the connectors and setting names, never values (they may be secret). */
    @Override
    public String toString() {
        return "StoreRegistration[id=" + id + ", shop=" + shopConnectorId + shopSettings.keySet()
                + ", marketplace=" + marketplaceConnectorId + marketplaceSettings.keySet() + ", origin=" + origin + "]";
    }
}
