package com.golisto.sync.tck;

/** One call of a connector toward its remote, as a check makes it. */
@FunctionalInterface
interface RemoteCall {

    /** Makes the call. */
    void run() throws Exception;
}
