package com.golisto.sync.api.model;

import java.util.Objects;

/** Argument checks shared by the model's compact constructors; messages name the offending field. */
final class Checks {
    private Checks() {}

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    static String text(String value, String field) {
        required(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** Null becomes the empty string: for free-text fields where "absent" and "empty" mean the same. */
    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
