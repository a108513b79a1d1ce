package com.golisto.sync.app.admin;

import com.golisto.sync.app.config.ConnectorChoice;
import com.golisto.sync.app.config.StoreConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/stores}: {@code {"id", "shop": {"connector", "settings": {...}}, "marketplace":
 * {"connector", "settings": {...}}}}, the marketplace optional (default: Golisto, with the runner's
 * {@code golisto:} section), the settings named as each connector declares them, their values texts. The shorthand
 * {@code {"id", "woocommerce": {"url", "consumer_key", "consumer_secret"}}} stands for the shop connector
 * {@code woocommerce}; its keys are optional: without them the store gets them through WooCommerce's authorization
 * page while connecting.
 *
 * <p>Limits, each refused with a 400 naming the field before anything is stored: {@code id} matches
 * {@code [a-z0-9][a-z0-9-]{0,62}} (at most {@value #MAX_ID_CHARS} characters), a connector id at most
 * {@value #MAX_ID_CHARS}, a setting's name at most {@value #MAX_ID_CHARS} and its value at most
 * {@value #MAX_URL_CHARS}, {@code woocommerce.url} at most {@value #MAX_URL_CHARS} characters, each key part at
 * most {@value #MAX_KEY_CHARS}.
 *
 * @param id the store's id
 * @param woocommerce the shorthand: a WooCommerce shop's settings; {@code null} when {@code shop} is given
 * @param shop the shop connector and its settings; {@code null} when the shorthand is given
 * @param marketplace the marketplace connector and its settings; {@code null} for the default
 */
record StoreRequest(String id, @Nullable WooCommerce woocommerce, @Nullable Connector shop,
                    @Nullable Connector marketplace) {
    /** The most settings a connector named by id may be given. */
    static final int MAX_SETTINGS = 64;
    /** The longest store id. */
    static final int MAX_ID_CHARS = 63;
    /** The longest shop URL. */
    static final int MAX_URL_CHARS = 2048;
    /** The longest consumer key or secret. */
    static final int MAX_KEY_CHARS = 512;

    StoreRequest {
        if (id == null || id.isBlank()) {
            throw new FieldException("id", "is required");
        }
        if (id.length() > MAX_ID_CHARS || !id.matches(StoreConfig.ID_PATTERN)) {
            throw new FieldException("id", "must be lower-case letters, digits and dashes (at most 63)");
        }
        if (woocommerce == null && shop == null) {
            throw new FieldException("shop", "is required: {\"connector\", \"settings\"} (or the shorthand"
                    + " woocommerce)");
        }
        if (woocommerce != null && shop != null) {
            throw new FieldException("woocommerce", "cannot be given with shop: it is the shorthand of a"
                    + " woocommerce shop");
        }
    }

    /** The store this body asks for. */
    StoreConfig store() {
        if (woocommerce != null) {
            return new StoreConfig(id, woocommerce.settings());
        }
        Connector s = java.util.Objects.requireNonNull(shop, "shop");
        return new StoreConfig(id, s.choice(), marketplace == null ? null : marketplace.choice(), false);
    }

    /**
     * A connector named by its id, with its settings.
     *
     * @param connector the connector's id
     * @param settings its settings, by the names it declares; texts
     */
    record Connector(String connector, @Nullable Map<String, String> settings) {
        Connector {
            if (connector == null || connector.isBlank()) {
                throw new FieldException("connector", "is required: the id of an installed connector");
            }
            if (connector.length() > MAX_ID_CHARS || !connector.matches("[a-z][a-z0-9-]*")) {
                throw new FieldException("connector", "must be a connector id: lower-case letters, digits and"
                        + " dashes (at most " + MAX_ID_CHARS + ")");
            }
            if (settings != null) {
                if (settings.size() > MAX_SETTINGS) {
                    throw new FieldException("settings", "must have at most " + MAX_SETTINGS + " settings");
                }
                for (Map.Entry<String, String> e : settings.entrySet()) {
                    if (e.getKey().isBlank() || e.getKey().length() > MAX_ID_CHARS) {
                        throw new FieldException("settings", "has a setting name that is blank or longer than "
                                + MAX_ID_CHARS + " characters");
                    }
                    if (e.getValue() == null) {
                        throw new FieldException("settings." + e.getKey(), "must be a string, not null");
                    }
                    if (e.getValue().length() > MAX_URL_CHARS) {
                        throw new FieldException("settings." + e.getKey(), "must be at most " + MAX_URL_CHARS
                                + " characters");
                    }
                }
            }
        }

        ConnectorChoice choice() {
            return new ConnectorChoice(connector, settings == null ? Map.of() : settings);
        }

        /** Shows the setting names only. */
        @Override
        public String toString() {
            return choice().toString();
        }
    }

    /**
     * The shop's settings.
     *
     * @param url the store's home URL
     * @param consumerKey a REST API consumer key, optional
     * @param consumerSecret its secret, required with the key
     */
    record WooCommerce(String url, String consumerKey, String consumerSecret) {
        WooCommerce {
            if (url == null || url.isBlank()) {
                throw new FieldException("url", "is required");
            }
            if (url.length() > MAX_URL_CHARS) {
                throw new FieldException("url", "must be at most " + MAX_URL_CHARS + " characters");
            }
            if (consumerKey != null && consumerKey.length() > MAX_KEY_CHARS) {
                throw new FieldException("consumer_key", "must be at most " + MAX_KEY_CHARS + " characters");
            }
            if (consumerSecret != null && consumerSecret.length() > MAX_KEY_CHARS) {
                throw new FieldException("consumer_secret", "must be at most " + MAX_KEY_CHARS + " characters");
            }
            if ((consumerKey == null || consumerKey.isBlank()) != (consumerSecret == null || consumerSecret.isBlank())) {
                throw new FieldException(consumerKey == null || consumerKey.isBlank() ? "consumer_key" : "consumer_secret",
                        "is required when the other key part is given");
            }
        }

        /** As connector settings. */
        Map<String, String> settings() {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("url", url.trim());
            if (consumerKey != null && !consumerKey.isBlank()) {
                s.put("consumer-key", consumerKey.trim());
                s.put("consumer-secret", consumerSecret);
            }
            return s;
        }

        @Override
        public String toString() {
            return "WooCommerce[url=" + url + ", keys=" + (consumerKey != null) + "]";
        }
    }
}
