package com.golisto.sync.core;

/**
 * Identifies one run of one store, as recorded in the state store.
 *
 * @param value the run row's id; positive
 */
public record RunId(long value) {

    public RunId {
        if (value < 1) {
            throw new IllegalArgumentException("run id must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
