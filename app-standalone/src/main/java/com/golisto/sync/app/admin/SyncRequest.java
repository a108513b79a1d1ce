package com.golisto.sync.app.admin;

import com.golisto.sync.core.SyncMode;

/**
 * The body of {@code POST /api/stores/{id}/sync}: {@code {"mode": "full" | "incremental"}}.
 *
 * @param mode the pass to run
 */
record SyncRequest(String mode) {
    SyncRequest {
        if (mode == null) {
            throw new FieldException("mode", "is required: full or incremental");
        }
        if (!mode.equals("full") && !mode.equals("incremental")) {
            throw new FieldException("mode", "must be full or incremental");
        }
    }

    SyncMode syncMode() {
        return mode.equals("full") ? SyncMode.FULL : SyncMode.INCREMENTAL;
    }
}
