package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.Views;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code status STORE}: the store's connection status, as Golisto reports it now. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Asks Golisto for the store's connection status and prints it (and acts on a change:"
                + " approval registers webhooks and starts the first full sync).")
final class StatusCommand extends RunnerCommand {
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

    @Override
    public Integer call() throws InterruptedException {
        try (Operations ops = operations()) {
            Views.Store s = ops.status(id);
            if (json()) {
                printJson(s);
                return ExitCodes.OK;
            }
            out().println(s.id() + ": " + Text.status(s.status())
                    + (s.statusReason() == null ? "" : " (" + s.statusReason() + ")")
                    + (s.accountId() == null ? "" : ", Golisto account " + s.accountId()));
        }
        return ExitCodes.OK;
    }
}
