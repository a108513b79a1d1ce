package com.golisto.sync.core.store;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.SyncException;

/** An operation named a store id the state store does not know. */
public final class UnknownStoreException extends SyncException {

    private static final long serialVersionUID = 1L;

    private final String storeId;

    UnknownStoreException(String storeId) {
        super(ErrorCategory.USER, "no store with id " + storeId);
        this.storeId = storeId;
    }

    /** The id that was not found. */
    public String storeId() {
        return storeId;
    }
}
