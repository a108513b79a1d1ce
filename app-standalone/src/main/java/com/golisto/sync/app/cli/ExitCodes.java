package com.golisto.sync.app.cli;

/** The runner's exit codes. */
public final class ExitCodes {
    /** The command did what it was asked. */
    public static final int OK = 0;
    /** The command failed (a remote refused, a store is not approved, a run failed). */
    public static final int FAILURE = 1;
    /** The command line or the configuration is wrong; nothing was done. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
