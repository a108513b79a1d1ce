package com.golisto.sync.core.runs;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.SyncException;

/**
 * The run was asked to stop (its store was disconnected, or the engine is closing); raised before the
 * next remote call. Stopping is cooperative because interrupting a thread in the middle of database I/O
 * can break an embedded database's files.
 */
public final class RunStoppedException extends SyncException {

    private static final long serialVersionUID = 1L;

    /** With why it stopped. */
    public RunStoppedException(String message) {
        super(ErrorCategory.USER, message);
    }
}
