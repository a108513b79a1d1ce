package com.golisto.sync.core.store;

import java.util.Objects;

/**
 * The write an intent was to be opened for is done already: its key has a mapping with a target (another node, or
 * an earlier run, completed it after the caller looked). The engine uses {@link #mapping()} instead of writing again.
 */
public final class IntentAlreadyDoneException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Mapping mapping;

    IntentAlreadyDoneException(Mapping mapping) {
        super("the " + mapping.kind() + " " + mapping.sourceId() + " of store " + mapping.storeId()
                + " is done already (it maps to " + mapping.targetId() + ")");
        this.mapping = Objects.requireNonNull(mapping);
    }

    /** The mapping that shows the write done. */
    public Mapping mapping() {
        return mapping;
    }
}
