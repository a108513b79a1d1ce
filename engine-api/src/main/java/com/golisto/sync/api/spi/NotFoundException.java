package com.golisto.sync.api.spi;

/** The resource does not exist (any more) on the remote. Reads that may miss return {@code Optional} instead. */
public class NotFoundException extends SyncException {

    private static final long serialVersionUID = 1L;

    /** With a message naming the resource. */
    public NotFoundException(String message) {
        super(ErrorCategory.EXTERNAL, message);
    }
}
