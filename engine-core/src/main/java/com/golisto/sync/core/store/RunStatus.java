package com.golisto.sync.core.store;

/** Where a sync run stands. */
public enum RunStatus {
    /** Started and not finished (or abandoned by a process that died; see {@link StateStore#failAbandonedRuns()}). */
    RUNNING,
    /** Finished; individual items may still have failed (see {@link RunCounts#failed()}). */
    SUCCEEDED,
    /** Stopped by an error before it completed. */
    FAILED
}
