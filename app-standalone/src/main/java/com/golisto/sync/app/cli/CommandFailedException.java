package com.golisto.sync.app.cli;

/** A command could not do what it was asked; its message is printed as is and the runner exits with 1. */
public final class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one sentence for the operator */
    public CommandFailedException(String message) {
        super(message, null, false, false);
    }
}
