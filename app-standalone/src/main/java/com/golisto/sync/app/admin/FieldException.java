package com.golisto.sync.app.admin;

import java.util.Objects;

/** A request field that is missing or has a bad value; thrown by request records' constructors. */
final class FieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    FieldException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The field's name, relative to the object that holds it. */
    String field() {
        return field;
    }
}
