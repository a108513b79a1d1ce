package com.golisto.sync.app.admin;

import com.golisto.sync.app.config.StoreConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /api/stores}: {@code {"id", "woocommerce": {"url", "consumer_key",
 * "consumer_secret"}}}. The keys are optional: without them the store gets them through WooCommerce's
 * authorization page while connecting.
 *
 * @param id the store's id
 * @param woocommerce the shop's settings
 */
record StoreRequest(String id, WooCommerce woocommerce) {
    StoreRequest {
        if (id == null || id.isBlank()) {
            throw new FieldException("id", "is required");
        }
        if (!id.matches(StoreConfig.ID_PATTERN)) {
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
