package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.Views;
import com.golisto.sync.core.RunQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code runs STORE [--kind K] [--status S] [--since T] [--limit N]}: a store's runs, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Lists a store's runs, newest first.")
final class RunsCommand extends RunnerCommand {
    /** The kinds a run can have. */
    enum Kind { FULL, INCREMENTAL, WEBHOOK, ORDERS, STATUS, REPLAY, RECOVERY }

    /** The statuses a run can have. */
    enum Status { RUNNING, SUCCEEDED, FAILED }

    @Parameters(index = "0", paramLabel = "STORE", description = "The store's id.")
    // required: picocli rejects the command line without it, so it is set before call() runs
    @SuppressWarnings("NullAway.Init")
    String id;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only runs of this kind: ${COMPLETION-CANDIDATES}.")
    @Nullable Kind kind;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only runs with this status: ${COMPLETION-CANDIDATES}.")
    @Nullable Status status;

    @Option(names = "--since", paramLabel = "INSTANT", description = "Only runs started at or after this instant"
            + " (ISO-8601, e.g. 2026-01-31T12:00:00Z).")
    @Nullable Instant since;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most this many (default 20, at"
            + " most " + RunQuery.MAX_LIMIT + ").")
    int limit;

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    boolean json() {
        return output.json;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > RunQuery.MAX_LIMIT) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--limit must be 1 to " + RunQuery.MAX_LIMIT);
        }
        try (Operations ops = operations()) {
            List<Views.Run> runs = ops.runs(id, kind == null ? null : kind.name().toLowerCase(Locale.ROOT),
                    status == null ? null : status.name().toLowerCase(Locale.ROOT), since, limit);
            if (json()) {
                printJson(new Views.Runs(runs, null));
                return ExitCodes.OK;
            }
            if (runs.isEmpty()) {
                out().println("No runs.");
                return ExitCodes.OK;
            }
            out().print(Text.table(List.of("RUN", "KIND", "STATUS", "STARTED", "FINISHED", "COUNTS"),
                    runs.stream().map(r -> List.of(Long.toString(r.id()), r.kind(), r.status(), Text.time(r.startedAt()),
                            Text.time(r.finishedAt()), Text.counts(r.counts()))).toList()));
        }
        return ExitCodes.OK;
    }
}
