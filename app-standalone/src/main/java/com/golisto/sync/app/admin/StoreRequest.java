package com.golisto.sync.app.admin;

import com.golisto.sync.app.config.StoreConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /api/stores}: {@code {"id", "woocommerce": {"url", "consumer_key",
 * "consumer_secret"}}}. The keys are optional: without them the store gets them through WooCommerce's
 * authorization page while connecting.
 *
 * <p>Limits, each refused with a 400 naming the field before anything is stored: {@code id} matches
 * {@code [a-z0-9][a-z0-9-]{0,62}} (at most {@value #MAX_ID_CHARS} characters), {@code woocommerce.url} has at
 * most {@value #MAX_URL_CHARS} characters, each key part at most {@value #MAX_KEY_CHARS}.
 *
 * @param id the store's id
 * @param woocommerce the shop's settings
 */
record StoreRequest(String id, WooCommerce woocommerce) {
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
        if (woocommerce == null) {
            throw new FieldException("woocommerce", "is required");
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
