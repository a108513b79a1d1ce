package com.golisto.sync.core.store;

import java.util.Objects;

/**
 * An intent for the same (store, kind, key) is already open: a previous attempt did not complete (the
 * process may have died after the remote call). The engine must resolve {@link #existing()} first.
 */
public final class IntentAlreadyOpenException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Intent existing;

    IntentAlreadyOpenException(Intent existing) {
        super("an intent " + existing.kind() + " for " + existing.intentKey() + " of store " + existing.storeId()
                + " is already open (id " + existing.id() + ", opened " + existing.createdAt() + ")");
        this.existing = Objects.requireNonNull(existing);
    }

    /** The intent that is open. */
    public Intent existing() {
        return existing;
    }
}
