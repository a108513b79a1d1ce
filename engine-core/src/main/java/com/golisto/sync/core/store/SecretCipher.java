package com.golisto.sync.core.store;

import com.golisto.sync.core.MasterKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secret values for storage with AES-256-GCM under the {@link MasterKey}.
 *
 * <p>Sealed form: {@code v1.<key id>.<base64url(iv ‖ ciphertext ‖ tag)>} — a format version, the id of
 * the key that sealed it (so a rotation can find what to re-encrypt and a wrong key is named in the
 * error), a fresh random 96-bit IV per value, and the 128-bit GCM tag. The associated data binds each
 * value to its row (store id, kind of value and name): a sealed value copied into another row does not
 * decrypt.
 *
 * <p>Thread-safe: a {@link Cipher} is created per call.
 */
public final class SecretCipher {

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final MasterKey key;
    private final SecureRandom random = new SecureRandom();

    /** A cipher sealing and opening with this key. */
    public SecretCipher(MasterKey key) {
        this.key = Objects.requireNonNull(key, "master key");
    }

    /** The id of the key this cipher seals with. */
    public String keyId() {
        return key.id();
    }

    /**
     * Encrypts a value.
     *
     * @param plaintext the secret
     * @param binding what the value belongs to (its row); the same binding must be given to {@link #open}
     */
    public String seal(String plaintext, String binding) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(binding, "binding");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(binding));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
            return VERSION + "." + key.id() + "." + ENCODER.encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), null);
        }
    }

    /**
     * Decrypts a value sealed by {@link #seal}.
     *
     * @param sealed the stored form
     * @param binding the binding it was sealed with
     * @param what a description of the value for error messages, e.g. {@code "secret webhook-secret of store s1"}
     * @throws UnreadableSecretException if it was sealed under another key, was altered, or belongs to
     *     another row; the message never contains the value
     */
    public String open(String sealed, String binding, String what) {
        Objects.requireNonNull(sealed, "sealed");
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new UnreadableSecretException("cannot decrypt " + what + ": not a sealed value of format " + VERSION);
        }
        String sealedBy = parts[1];
        if (!sealedBy.equals(key.id())) {
            throw new UnreadableSecretException("cannot decrypt " + what + ": it was encrypted with master key "
                    + sealedBy + " but the engine runs with master key " + key.id());
        }
        try {
            byte[] bytes = DECODER.decode(parts[2]);
            if (bytes.length < IV_BYTES + TAG_BITS / 8) {
                throw new UnreadableSecretException("cannot decrypt " + what + ": the stored value is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(aad(binding));
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException("cannot decrypt " + what + " with master key " + key.id()
                    + ": the key does not match or the stored value was altered");
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException("cannot decrypt " + what + ": the stored value is not base64");
        } catch (GeneralSecurityException e) {
            throw new UnreadableSecretException("cannot decrypt " + what + ": " + e.getClass().getSimpleName());
        }
    }

    /** The id of the key that sealed a stored value, when it is in the sealed format. */
    static String sealedKeyId(String sealed) {
        String[] parts = sealed.split("\\.", 3);
        return parts.length == 3 && VERSION.equals(parts[0]) ? parts[1] : "";
    }

    private static byte[] aad(String binding) {
        return (VERSION + "\u0000" + binding).getBytes(StandardCharsets.UTF_8);
    }
}
