package com.golisto.sync.tck;

import com.golisto.sync.api.model.WriteResult;

/** How a failed item's error is classified ({@link WriteResult.ItemError.Kind}). */
final class ItemErrors {

    private ItemErrors() {
    }

    static boolean isNotFound(WriteResult result) {
        WriteResult.ItemError error = result.error();
        return error != null && error.kind() == WriteResult.ItemError.Kind.NOT_FOUND;
    }

    static boolean isRejected(WriteResult result) {
        WriteResult.ItemError error = result.error();
        return error != null && error.kind() == WriteResult.ItemError.Kind.REJECTED;
    }
}
