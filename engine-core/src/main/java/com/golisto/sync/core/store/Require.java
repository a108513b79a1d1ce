package com.golisto.sync.core.store;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the records and the store, with messages that name the argument. */
final class Require {

    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Require() {
    }

    /** A store id: 1..64 letters, digits, dots, dashes or underscores, starting with a letter or digit. */
    static String storeId(String storeId) {
        Objects.requireNonNull(storeId, "store id");
        if (!STORE_ID.matcher(storeId).matches()) {
            throw new IllegalArgumentException("store id must be 1 to 64 letters, digits, '.', '-' or '_' "
                    + "starting with a letter or digit: '" + storeId + "'");
        }
        return storeId;
    }

    /** Non-blank text of at most {@code max} characters. */
    static String text(String value, String what, int max) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return maxLength(value, what, max);
    }

    /** Text that may be null, of at most {@code max} characters. */
    static @Nullable String optionalText(@Nullable String value, String what, int max) {
        return value == null ? null : maxLength(value, what, max);
    }

    /** Text (possibly blank) of at most {@code max} characters. */
    static String maxLength(String value, String what, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(
                    what + " must be at most " + max + " characters, was " + value.length());
        }
        return value;
    }

    /** Text cut to {@code max} characters (for messages and reasons that may be long). */
    static String truncate(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }

    /** Text that may be null, cut to {@code max} characters. */
    static @Nullable String truncateOptional(@Nullable String value, int max) {
        return value == null ? null : truncate(value, max);
    }

    static long notNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value);
        }
        return value;
    }
}
