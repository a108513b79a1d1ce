package com.golisto.sync.core;

/**
 * Identifies one run of one store, as recorded in the state store.
 *
 * @param value the run row's id; not negative
 */
public record RunId(long value) {

    public RunId {
        if (value < 0) {
            throw new IllegalArgumentException("run id must not be negative, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
