package com.golisto.sync.app.admin;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /api/stores/{id}/settings}: {@code {"shop": {name: value}, "marketplace": {name:
 * value}}}, names as the connectors declare them (see {@code GET}). Settings not named are kept; an empty value
 * removes a setting (it returns to its default). A secret given as {@value Views.Setting#MASK} (the masked value
 * {@code GET} shows) is refused: send the new secret.
 *
 * @param shop the shop connector's settings to change, may be absent
 * @param marketplace the marketplace connector's settings to change, may be absent
 */
record SettingsPatch(@Nullable Map<String, String> shop, @Nullable Map<String, String> marketplace) {
    /** The most settings one request changes. */
    static final int MAX_SETTINGS = 100;

    SettingsPatch {
        if (shop == null && marketplace == null) {
            throw new FieldException("shop", "or marketplace is required: the settings to change");
        }
        shop = check(shop, "shop");
        marketplace = check(marketplace, "marketplace");
    }

    private static Map<String, String> check(@Nullable Map<String, String> side, String name) {
        if (side == null) {
            return Map.of();
        }
        if (side.size() > MAX_SETTINGS) {
            throw new FieldException(name, "changes at most " + MAX_SETTINGS + " settings at once");
        }
        for (Map.Entry<String, String> e : side.entrySet()) {
            if (e.getValue() == null) {
                throw new FieldException(name + "." + e.getKey(), "must be a string (empty removes the setting)");
            }
            if (e.getValue().equals(Views.Setting.MASK)) {
                throw new FieldException(name + "." + e.getKey(), "is the masked value; send the new value instead");
            }
        }
        return Map.copyOf(side);
    }
}
