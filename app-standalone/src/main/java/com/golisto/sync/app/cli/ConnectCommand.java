package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.Views;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code connect STORE}: prints the link the merchant opens to link the store to Golisto. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Prints the link the merchant opens to link the store to Golisto.",
                "Golisto sends the merchant back to <public-url>/connect/return: a runner must be serving there."})
final class ConnectCommand extends RunnerCommand {
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
            Views.ConnectLink link = ops.connect(id);
            if (json()) {
                printJson(link);
            } else if (link.step().equals("authorize_shop_keys")) {
                out().println("Store " + id + " has no WooCommerce API keys yet. Open this link as the shop's"
                        + " administrator to authorize them:");
                out().println("  " + link.connectUrl());
                out().println("Then run 'connect " + id + "' again for the Golisto link.");
            } else {
                out().println("Open this link, signed in as the merchant, to link store " + id + " to Golisto:");
                out().println("  " + link.connectUrl());
                out().println("Then follow the status with 'status " + id + "'.");
            }
        }
        return ExitCodes.OK;
    }
}
