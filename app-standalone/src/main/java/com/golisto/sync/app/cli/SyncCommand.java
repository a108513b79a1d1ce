package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.Views;
import com.golisto.sync.core.SyncMode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sync STORE --full|--incremental}: runs a catalog pass and shows its progress. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Runs a catalog pass for an approved store and shows its progress.",
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

    @ArgGroup(exclusive = true, multiplicity = "1")
    // required (multiplicity 1): picocli rejects the command line without one of its options, so it is set
    // before call() runs
    @SuppressWarnings("NullAway.Init")
    Mode mode;

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
        SyncMode syncMode = mode.full ? SyncMode.FULL : SyncMode.INCREMENTAL;
        String label = syncMode == SyncMode.FULL ? "full sync" : "incremental sync";
        try (Operations ops = operations()) {
            // a full pass reads about what the last one read; an incremental one cannot be foreseen
            long expected = syncMode != SyncMode.FULL ? 0 : ops.store(id).lastRuns().stream()
                    .filter(r -> r.kind().equals("full") && r.status().equals("succeeded"))
                    .mapToLong(r -> r.counts().read()).findFirst().orElse(0);
            long runId = ops.startSync(id, syncMode);
            say().println("Started " + label + " of " + id + " (run " + runId + ").");
            say().flush();
            Views.Run run = RunProgress.follow(ops, runId, say(), label, cli().terminal() && !json(), expected);
            if (json()) {
                printJson(run);
                return run.status().equals("succeeded") ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            out().println("Run " + run.id() + " " + run.status() + ": " + Text.counts(run.counts()));
            if (run.error() != null) {
                out().println("  error: " + run.error());
            }
            return run.status().equals("succeeded") ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
