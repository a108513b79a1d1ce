package com.golisto.sync.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stores remove STORE [--yes]}: disconnects the store, then removes all its data. Asks to type the store's
 * id first unless {@code --yes}; without that answer nothing is done and it exits 1.
 */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Removes a store: disconnects it from Golisto (removing its shop webhooks), then deletes"
                + " everything kept for it (settings, keys, mappings, runs, dead letters).",
                "Asks to type the store's id to confirm, unless --yes."})
final class StoresRemoveCommand extends RunnerCommand {
    @Parameters(index = "0", paramLabel = "STORE", description = "The store's id.")
    // required: picocli rejects the command line without it, so it is set before call() runs
    @SuppressWarnings("NullAway.Init")
    String id;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    @Override
    public Integer call() throws InterruptedException {
        try (Operations ops = operations()) {
            ops.store(id); // an unknown store exits 2 before anything is asked
            if (!yes && !confirmed()) {
                cli().err().println("Not confirmed; store " + id + " was not removed.");
                return ExitCodes.FAILURE;
            }
            ops.remove(id);
            out().println("Store " + id + " was disconnected and removed with all its data.");
        }
        return ExitCodes.OK;
    }

    private boolean confirmed() {
        cli().err().print("This disconnects store " + id + " and deletes all its data. Type the store's id to"
                + " confirm: ");
        cli().err().flush();
        try {
            String answer = cli().in().readLine();
            return answer != null && answer.strip().equals(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
