package com.golisto.sync.core;

import java.util.Optional;

/**
 * The dry-run part of the {@link SyncEngine} facade: what a full pass would do, computed without writing.
 * Thread-safe like every facade method.
 */
public interface EngineDryRuns {

    /**
     * Starts a dry run of a store's full pass and returns at once: a {@link RunKind#DRY_RUN} run that reads the
     * whole shop catalog and decides exactly as a full pass would (same planner, same fingerprints, same reasons,
     * the listings the pass would not see as deletes), but writes nothing to the marketplace and nothing to the
     * store's mappings, ledger, cursors, full-pass checkpoint or generation. When it succeeds, its
     * {@link DryRunReport} replaces the store's previous one ({@link #dryRunReport}). Like any run it waits for
     * the store's pipeline; it never counts as a full pass.
     *
     * @throws com.golisto.sync.api.spi.NotApprovedException when the store is not approved
     * @throws UnknownStoreException when no such store is registered
     */
    RunId dryRun(String storeId);

    /**
     * The report of the store's latest successful dry run, kept in the state store (so it survives a restart and
     * every node sharing the database reads it); empty before the first.
     *
     * @throws UnknownStoreException when no such store is registered
     */
    Optional<DryRunReport> dryRunReport(String storeId);
}
