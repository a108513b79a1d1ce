package com.golisto.sync.core.store;

import com.golisto.sync.core.MasterKey;

/**
 * How settings and secrets are sealed for their rows: the current {@link SecretCipher}, the associated
 * data that binds a sealed value to its row, and the size check of sealed values. Shared by
 * {@link SettingStore} and {@link SecretStore}. Thread-safe.
 */
final class Sealing {

    private final SecretCipher cipher;

    Sealing(MasterKey key) {
        this.cipher = new SecretCipher(key);
    }

    SecretCipher cipher() {
        return cipher;
    }

    /** Seals a value, refusing one whose sealed form does not fit its column. */
    String sealChecked(String plaintext, String binding, String what) {
        String sealed = cipher.seal(plaintext, binding);
        if (sealed.length() > Limits.SEALED) {
            // the length of the plain value is not a secret worth hiding; the value itself is not shown
            throw new IllegalArgumentException(what + " is too long to store (" + plaintext.length() + " characters)");
        }
        return sealed;
    }

    static String settingBinding(String storeId, Side side, String name) {
        return "setting\u0000" + storeId + "\u0000" + side + "\u0000" + name;
    }

    static String secretBinding(String storeId, String name) {
        return "secret\u0000" + storeId + "\u0000" + name;
    }
}
