package com.golisto.sync.core;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.SyncException;

/** A store id (or a one-time state naming a store) that the engine does not know. */
public class UnknownStoreException extends SyncException {

    private static final long serialVersionUID = 1L;

    /** With a message naming what was looked up. */
    public UnknownStoreException(String message) {
        super(ErrorCategory.USER, message);
    }
}
