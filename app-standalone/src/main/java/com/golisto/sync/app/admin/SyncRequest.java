package com.golisto.sync.app.admin;

import com.golisto.sync.core.SyncMode;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/stores/{id}/sync}: {@code {"mode": "full" | "incremental", "dry_run": false}}.
 *
 * @param mode the pass to run
 * @param dryRun whether to compute the full pass without writing anything (full only); null means false
 */
record SyncRequest(String mode, @Nullable Boolean dryRun) {
    SyncRequest {
        if (mode == null) {
            throw new FieldException("mode", "is required: full or incremental");
        }
        if (!mode.equals("full") && !mode.equals("incremental")) {
            throw new FieldException("mode", "must be full or incremental");
        }
        if (Boolean.TRUE.equals(dryRun) && !mode.equals("full")) {
            throw new FieldException("dry_run", "is only for a full pass (mode full)");
        }
    }

    /** Whether the request is for a dry run. */
    boolean dry() {
        return Boolean.TRUE.equals(dryRun);
    }

    SyncMode syncMode() {
        return mode.equals("full") ? SyncMode.FULL : SyncMode.INCREMENTAL;
    }
}
