package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.Views;
import com.golisto.sync.core.SyncMode;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code sync STORE --full|--incremental|--dry-run}: runs a catalog pass (or a dry run) and shows its progress. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Runs a catalog pass for an approved store and shows its progress.",
                "With --dry-run, computes the full pass without writing anything and prints what it would do.",
                "Exits 1 when the pass fails or the store is not approved."})
final class SyncCommand extends RunnerCommand {
    @Mixin
    JsonOption output = new JsonOption();

    @Override
    boolean json() {
        return output.json;
    }

    @Parameters(index = "0", paramLabel = "STORE", description = "The store's id.")
    // required: picocli rejects the command line without it, so it is set before call() runs
    @SuppressWarnings("NullAway.Init")
    String id;

    // one of --full and --incremental, or neither with --dry-run (checked in call())
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    @Nullable Mode mode;

    @Option(names = "--dry-run", description = {"Compute the full pass without writing anything (nothing sent to "
            + "Golisto, no state changed) and print what it would create, update, delete and skip.",
            "Full passes only; --json prints the report as the admin API's GET /api/stores/{id}/dry-run."})
    boolean dryRun;

    static final class Mode {
        @Option(names = "--full", required = true,
                description = "Full reconciliation: the whole catalog; deletes what the shop no longer has.")
        boolean full;

        @Option(names = "--incremental", required = true,
                description = "Only what changed since the last pass; also repairs the shop's webhooks.")
        boolean incremental;
    }

    @Override
    public Integer call() throws InterruptedException {
        Mode chosen = mode;
        if (dryRun && chosen != null && chosen.incremental) {
            throw new ParameterException(spec.commandLine(), "--dry-run is for full passes only, not with --incremental");
        }
        if (dryRun) {
            return dryRun();
        }
        if (chosen == null) {
            throw new ParameterException(spec.commandLine(), "Missing required argument: one of --full, --incremental"
                    + " or --dry-run");
        }
        SyncMode syncMode = chosen.full ? SyncMode.FULL : SyncMode.INCREMENTAL;
        String label = syncMode == SyncMode.FULL ? "full sync" : "incremental sync";
        try (Operations ops = operations()) {
            long expected = syncMode != SyncMode.FULL ? 0 : expectedReads(ops);
            long runId = ops.startSync(id, syncMode);
            say().println("Started " + label + " of " + id + " (run " + runId + ").");
            say().flush();
            Views.Run run = RunProgress.follow(ops, runId, say(), label, cli().terminal() && !json(), expected);
            if (json()) {
                printJson(run);
                return run.status().equals("succeeded") ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            printRun(run);
            return run.status().equals("succeeded") ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    private int dryRun() throws InterruptedException {
        try (Operations ops = operations()) {
            long expected = expectedReads(ops);
            long runId = ops.startDryRun(id);
            say().println("Started dry run of " + id + "'s full sync (run " + runId + "); nothing will be written.");
            say().flush();
            Views.Run run = RunProgress.follow(ops, runId, say(), "dry run", cli().terminal() && !json(), expected);
            if (!run.status().equals("succeeded")) {
                if (json()) {
                    printJson(run);
                } else {
                    printRun(run);
                }
                return ExitCodes.FAILURE;
            }
            Views.DryRun report = ops.dryRunReport(id);
            if (json()) {
                printJson(report);
            } else {
                out().print(DryRunText.render(report));
                out().flush();
            }
            return ExitCodes.OK;
        }
    }

    /** A full pass reads about what the last one read; an incremental one cannot be foreseen. */
    private long expectedReads(Operations ops) {
        return ops.store(id).lastRuns().stream()
                .filter(r -> r.kind().equals("full") && r.status().equals("succeeded"))
                .mapToLong(r -> r.counts().read()).findFirst().orElse(0);
    }

    private void printRun(Views.Run run) {
        out().println("Run " + run.id() + " " + run.status() + ": " + Text.counts(run.counts()));
        if (run.error() != null) {
            out().println("  error: " + run.error());
        }
    }
}
