package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.Views;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code disconnect STORE}. */
@Command(name = "disconnect", mixinStandardHelpOptions = true,
        description = "Disconnects the store from Golisto: removes the shop webhooks, stops all work for it and"
                + " erases its keys and secrets.")
final class DisconnectCommand extends RunnerCommand {
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
            Views.Store s = ops.disconnect(id);
            if (json()) {
                printJson(s);
                return ExitCodes.OK;
            }
            out().println("Store " + s.id() + " is " + Text.status(s.status()) + ".");
        }
        return ExitCodes.OK;
    }
}
