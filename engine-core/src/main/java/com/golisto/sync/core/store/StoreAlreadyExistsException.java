package com.golisto.sync.core.store;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.SyncException;

/** {@link StateStore#createStore} was given an id that is taken. */
public final class StoreAlreadyExistsException extends SyncException {

    private static final long serialVersionUID = 1L;

    StoreAlreadyExistsException(String storeId) {
        super(ErrorCategory.USER, "a store with id " + storeId + " already exists");
    }
}
