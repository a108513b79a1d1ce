package com.golisto.sync.app.cli;

import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.app.config.AdminTokens;
import com.golisto.sync.app.config.RunnerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code admin-token rotate}. */
@Command(name = "admin-token", mixinStandardHelpOptions = true, description = "Manages the generated admin token.",
        subcommands = AdminTokenCommand.Rotate.class)
final class AdminTokenCommand extends RunnerCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(cli().err());
        return ExitCodes.USAGE;
    }

    /** {@code admin-token rotate}: replaces the generated token; a serving runner picks it up when restarted. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Replaces the generated admin token in the data folder and prints the new one once.",
                    "Restart a serving runner for it to take effect. A token set in the configuration"
                            + " (server.admin-token) is rotated there instead."})
    static final class Rotate extends RunnerCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            RunnerConfig cfg = loadConfig();
            if (cfg.server().configuredAdminToken().isPresent()) {
                throw new CommandFailedException("the admin token comes from the configuration (server.admin-token or"
                        + " GOLISTO_SYNC_SERVER_ADMIN_TOKEN): change it there and restart the runner");
            }
            Secret token = AdminTokens.rotate(cfg.state().adminTokenFile());
            out().println("New admin token (kept in " + cfg.state().adminTokenFile() + ", shown only this once):");
            out().println("  " + token.reveal());
            out().println("Restart a serving runner for it to take effect; the old token stops working then.");
            return ExitCodes.OK;
        }
    }
}
