package com.golisto.sync.api.model;

import com.golisto.sync.api.spi.Secret;

/**
 * An API key pair that lets the marketplace call the shop (for WooCommerce: consumer key and secret).
 * Its {@code toString()} reveals neither the secret nor more than the last four characters of the key.
 *
 * @param key the public key part; never blank
 * @param secret the secret part
 * @param permissions the scope granted, e.g. {@code read_write}; never blank
 */
public record ShopCredentials(String key, Secret secret, String permissions) {

    public ShopCredentials {
        Checks.text(key, "credential key");
        Checks.required(secret, "credential secret");
        Checks.text(permissions, "credential permissions");
    }

    @Override
    public String toString() {
        return "ShopCredentials[key=" + Secret.masked(key) + ", secret=" + secret + ", permissions=" + permissions + "]";
    }
}
