package com.golisto.sync.core.store;

/** What a sync run did. */
public enum RunKind {
    /** A full catalog reconciliation (mark and sweep). */
    FULL,
    /** An incremental catalog pass from the modified-since cursor. */
    INCREMENTAL,
    /** Products re-read and synced because webhooks marked them dirty. */
    WEBHOOK,
    /** A marketplace order poll. */
    ORDERS,
    /** A connection-status poll. */
    STATUS,
    /** Dead letters replayed. */
    REPLAY,
    /** Open intents resolved after a restart. */
    RECOVERY
}
