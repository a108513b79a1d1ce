package com.golisto.sync.api.spi;

/** Who must act on an error. */
public enum ErrorCategory {
    /** The person configuring or operating the engine (bad settings, revoked keys, unapproved store). */
    USER,
    /** The remote system (outage, rate limit, invalid answer). */
    EXTERNAL,
    /** This software (a bug). */
    INTERNAL
}
