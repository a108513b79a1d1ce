package com.golisto.sync.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code golisto-sync}: the runner's root command; without a subcommand it prints usage. */
@Command(name = "golisto-sync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Keeps WooCommerce stores and the Golisto marketplace in step.",
                "Start with 'demo' to see the whole story on local emulators."},
        subcommands = {DemoCommand.class, ServeCommand.class, StoresCommand.class, ConnectCommand.class,
                StatusCommand.class, SyncCommand.class, RunsCommand.class, DisconnectCommand.class,
                DeadLettersCommand.class, AdminTokenCommand.class, MasterKeyCommand.class, BenchCommand.class,
                ExplainCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure (a remote refused, a run failed, not confirmed),"
                + " 2 bad usage, bad configuration or an unknown store.",
                "Commands that print data take --json (one JSON document, the admin API's shapes).",
                "Configuration keys and their environment variables: docs/configuration.md."})
final class RootCommand implements Callable<Integer> {
    private final Cli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    RootCommand(Cli cli) {
        this.cli = cli;
    }

    Cli cli() {
        return cli;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(cli.err());
        return ExitCodes.USAGE;
    }
}
