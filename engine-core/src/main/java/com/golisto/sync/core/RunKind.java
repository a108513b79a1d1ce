package com.golisto.sync.core;

/** What a run did. */
public enum RunKind {
    /** A full catalog reconciliation (mark and sweep). */
    FULL,
    /** An incremental catalog pass from the shop's changed-since cursor. */
    INCREMENTAL,
    /** Products re-read and synced because webhooks marked them dirty. */
    WEBHOOK,
    /** Marketplace orders written into the shop. */
    ORDERS,
    /** A connection-status poll. */
    STATUS,
    /** Dead letters replayed. */
    REPLAY,
    /** Open intents resolved after a restart. */
    RECOVERY,
    /**
     * A full catalog pass computed but not written: reads the shop and the state store, writes nothing to the
     * marketplace nor to the store's mappings, ledger, cursors or generation, and keeps its
     * {@link DryRunReport}. Never counts as a full pass (schedule, health, retention, metrics).
     */
    DRY_RUN,
    /**
     * A run whose stored kind this version does not know (written by a newer version or by hand); listed with
     * status {@link RunStatus#FAILED} and an error naming the stored value. The engine never starts one.
     */
    UNKNOWN
}
