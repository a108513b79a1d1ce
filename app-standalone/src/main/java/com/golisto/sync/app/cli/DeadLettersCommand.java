package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.Views;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dead-letters list|replay}. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "Items the engine gave up on: list them, replay them.",
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Replay.class})
final class DeadLettersCommand extends RunnerCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(cli().err());
        return ExitCodes.USAGE;
    }

    /** {@code dead-letters list [--store STORE]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists dead letters, oldest first.")
    static final class ListLetters extends RunnerCommand implements Callable<Integer> {
        @Mixin
        JsonOption output = new JsonOption();

        @Override
        boolean json() {
            return output.json;
        }

        @Option(names = "--store", paramLabel = "STORE", description = "Only this store's.")
        @Nullable String store;

        @Override
        public Integer call() {
            try (Operations ops = operations()) {
                List<Views.DeadLetter> letters = ops.deadLetters().stream()
                        .filter(d -> store == null || d.storeId().equals(store)).toList();
                if (json()) {
                    printJson(new Views.DeadLetters(letters, null));
                    return ExitCodes.OK;
                }
                if (letters.isEmpty()) {
                    out().println("No dead letters.");
                    return ExitCodes.OK;
                }
                out().print(Text.table(List.of("ID", "STORE", "KIND", "ITEM", "ATTEMPTS", "SINCE", "REASON"),
                        letters.stream().map(l -> List.of(Long.toString(l.id()), l.storeId(), l.kind(), l.itemId(),
                                Integer.toString(l.attempts()), Text.time(l.createdAt()), l.reason())).toList()));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code dead-letters replay ID... | --all}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Replays dead letters: re-reads each item and syncs it again.")
    static final class Replay extends RunnerCommand implements Callable<Integer> {
        @Mixin
        JsonOption output = new JsonOption();

        @Override
        boolean json() {
            return output.json;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        // required (multiplicity 1): picocli rejects the command line without IDs or --all, so it is set
        // before call() runs
        @SuppressWarnings("NullAway.Init")
        Which which;

        static final class Which {
            /** Null with {@code --all}: the group is exclusive. */
            @Parameters(paramLabel = "ID", description = "Dead letter ids.")
            @Nullable List<Long> ids;

            @Option(names = "--all", description = "Every dead letter.")
            boolean all;
        }

        @Override
        public Integer call() throws InterruptedException {
            int failed = 0;
            List<Views.Run> runs = new java.util.ArrayList<>();
            try (Operations ops = operations()) {
                List<Long> ids = which.all ? ops.deadLetters().stream().map(Views.DeadLetter::id).toList()
                        : Objects.requireNonNull(which.ids);
                if (ids.isEmpty()) {
                    if (json()) {
                        printJson(new Views.Replays(List.of()));
                    } else {
                        out().println("No dead letters to replay.");
                    }
                    return ExitCodes.OK;
                }
                for (long id : ids) {
                    Views.Run run = ops.replay(id);
                    boolean ok = run.status().equals("succeeded") && run.counts().failed() == 0;
                    failed += ok ? 0 : 1;
                    runs.add(run);
                    say().println("Dead letter " + id + ": " + (ok ? "replayed" : "failed again") + " (run " + run.id()
                            + ", " + Text.counts(run.counts()) + ")");
                }
            }
            if (json()) {
                printJson(new Views.Replays(runs));
            }
            return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
