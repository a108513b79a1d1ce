package com.golisto.sync.sandbox.woocommerce;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A WooCommerce REST API key pair the emulator accepts, with its permissions.
 *
 * @param keyId the key's numeric id (as {@code key_id} in wc-auth callbacks)
 * @param consumerKey {@code ck_...}
 * @param consumerSecret {@code cs_...}; never printed by {@link #toString()}
 * @param permissions {@code read}, {@code write} or {@code read_write}
 */
public record WooApiKey(long keyId, String consumerKey, String consumerSecret, String permissions) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Validates the key. */
    public WooApiKey {
        Objects.requireNonNull(consumerKey, "consumerKey");
        Objects.requireNonNull(consumerSecret, "consumerSecret");
        if (consumerKey.isBlank() || consumerSecret.isBlank()) {
            throw new IllegalArgumentException("consumer key and secret must not be blank");
        }
        if (!permissions.equals("read") && !permissions.equals("write") && !permissions.equals("read_write")) {
            throw new IllegalArgumentException("permissions must be read, write or read_write: " + permissions);
        }
    }

    /**
     * Creates a random {@code ck_<40 hex>}/{@code cs_<40 hex>} pair, as WooCommerce does.
     *
     * @param keyId the key id
     * @param permissions the permissions
     * @return a new key
     */
    public static WooApiKey random(long keyId, String permissions) {
        return new WooApiKey(keyId, "ck_" + randomHex(), "cs_" + randomHex(), permissions);
    }

    /** Returns true when the key may read (GET, HEAD). */
    public boolean canRead() {
        return !permissions.equals("write");
    }

    /** Returns true when the key may write (POST, PUT, PATCH, DELETE). */
    public boolean canWrite() {
        return !permissions.equals("read");
    }

    private static String randomHex() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "WooApiKey[id=" + keyId + ", key=..." + consumerKey.substring(Math.max(0, consumerKey.length() - 7))
                + ", permissions=" + permissions + "]";
    }
}
