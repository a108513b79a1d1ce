package com.golisto.sync.tck;

import com.golisto.sync.api.model.WriteResult;

/** How a failed item's error is classified. */
final class ItemErrors {

    private ItemErrors() {
    }

    static boolean isNotFound(WriteResult result) {
        WriteResult.ItemError error = result.error();
        return error != null && !error.retryable() && "not_found".equals(error.code());
    }

    static boolean isRejected(WriteResult result) {
        WriteResult.ItemError error = result.error();
        return error != null && !error.retryable() && !"not_found".equals(error.code());
    }
}
