package com.golisto.sync.api.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import com.golisto.sync.api.annotations.Nullable;

/**
 * A secret value (API secret, webhook secret, token). Its {@link #toString()} never shows the value, so
 * it is safe to put in records, logs and exception messages; only {@link #reveal()} gives it out, at the
 * point of use. Equality is constant-time.
 *
 * <p>Immutable and thread-safe.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @throws IllegalArgumentException if the value is null or empty
     */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** The value itself. Call only where it is sent or used, never to log or display. */
    public String reveal() {
        return value;
    }

    /** The value as UTF-8 bytes, for MAC keys. */
    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A display form of an identifier that is itself sensitive (an API key): its last four characters
     * behind an ellipsis, or only the ellipsis when it is short.
     */
    public static String masked(@Nullable String identifier) {
        if (identifier == null) {
            return "null";
        }
        return identifier.length() <= 8 ? "…" : "…" + identifier.substring(identifier.length() - 4);
    }

    /** Constant-time comparison. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Secret s && MessageDigest.isEqual(bytes(), s.bytes());
    }

    @Override
    public int hashCode() {
        return Objects.hash(value.length());
    }

    /** Always {@code "*****"}. */
    @Override
    public String toString() {
        return "*****";
    }
}
