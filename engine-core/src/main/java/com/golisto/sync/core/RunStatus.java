package com.golisto.sync.core;

/** Where a run stands. */
public enum RunStatus {
    /** Started and not finished (a run left so by a process that died is marked {@link #FAILED} at the next start). */
    RUNNING,
    /** Finished; single items may still have failed ({@link RunCounts#failed()}), each in the dead letters. */
    SUCCEEDED,
    /** Stopped by an error before it completed; {@link RunView#error()} says why. */
    FAILED
}
