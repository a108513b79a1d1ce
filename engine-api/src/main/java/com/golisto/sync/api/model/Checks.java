package com.golisto.sync.api.model;

import java.util.Objects;
import com.golisto.sync.api.annotations.Nullable;

/** Argument checks shared by the model's compact constructors; messages name the offending field. */
final class Checks {
    private Checks() {}

    static <T> T required(@Nullable T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    static String text(@Nullable String value, String field) {
        String text = required(value, field);
        if (text.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return text;
    }

    /** Null becomes the empty string: for free-text fields where "absent" and "empty" mean the same. */
    static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
