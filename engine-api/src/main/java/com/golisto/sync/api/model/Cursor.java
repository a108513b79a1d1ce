package com.golisto.sync.api.model;

/**
 * An opaque position in a remote's change stream, produced and understood only by the connector that
 * issued it (a timestamp, a marketplace cursor token). The engine stores it and hands it back, possibly to
 * another instance of the same connector after a restart: a cursor must stay meaningful across instances.
 * Page tokens, unlike cursors, are valid only within the read that issued them.
 *
 * @param value the connector's encoding; empty means "from the beginning"
 */
public record Cursor(String value) {

    private static final Cursor BEGINNING = new Cursor("");

    public Cursor {
        Checks.required(value, "cursor value");
    }

    /** The cursor before every change. */
    public static Cursor beginning() {
        return BEGINNING;
    }

    /** True for {@link #beginning()}. */
    public boolean isBeginning() {
        return value.isEmpty();
    }
}
