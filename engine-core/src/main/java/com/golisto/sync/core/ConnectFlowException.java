package com.golisto.sync.core;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.SyncException;

/**
 * A connect or credential-grant step cannot proceed: an unknown, used or expired one-time state, a
 * missing prerequisite (no shop API keys yet), or a connector that lacks the capability. The message says
 * what to do.
 */
public class ConnectFlowException extends SyncException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what is missing. */
    public ConnectFlowException(String message) {
        super(ErrorCategory.USER, message);
    }
}
