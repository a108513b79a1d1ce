package com.golisto.sync.app.cli;

import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.app.admin.ApiJson;
import com.golisto.sync.app.config.AdminTokens;
import com.golisto.sync.app.config.ConfigLoader;
import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.app.logging.LogFormat;
import com.golisto.sync.app.logging.LogSetup;
import com.golisto.sync.app.plugins.PluginLoader;
import com.golisto.sync.app.wiring.Runner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every runner command shares: the configuration, output, and a way to reach the engine. */
abstract class RunnerCommand implements Callable<Integer> {
    private static final ApiJson JSON = new ApiJson();

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    /** The command line this runs in. */
    final Cli cli() {
        return ((RootCommand) spec.root().userObject()).cli();
    }

    /** The {@code --config} of this command or of the nearest command above it that has one. */
    private static @Nullable Path configFile(CommandSpec command) {
        for (CommandSpec c = command; c != null; c = c.parent()) {
            Object user = c.userObject();
            ConfigOption option = user instanceof RunnerCommand r ? r.config
                    : user instanceof RootCommand root ? root.config : null;
            if (option != null && option.file != null) {
                return option.file;
            }
        }
        return null;
    }

    final PrintWriter out() {
        return cli().out();
    }

    /** Whether this command prints JSON ({@code --json}): then messages for people go to standard error. */
    boolean json() {
        return false;
    }

    /** Where messages for people go: standard output, or standard error when printing JSON. */
    final PrintWriter say() {
        return json() ? cli().err() : cli().out();
    }

    /** Prints a value as one JSON document (the admin API's shapes) and a line end. */
    final void printJson(Object value) {
        out().println(JSON.write(value));
        out().flush();
    }

    /**
     * Loads and checks the configuration: {@code --config} given here, else the nearest one given before this
     * command's name (on its group command, e.g. {@code stores --config F list}, or on the root command).
     */
    final RunnerConfig loadConfig() {
        Path file = configFile(spec);
        ConfigLoader loader = ConfigLoader.create(cli().env());
        // the built-in connectors check their stores' settings now; the plugins' ones when the runner has read them
        loader = loader.withConnectors(PluginLoader.builtIns().stream().map(ConnectorProvider::descriptor).toList());
        RunnerConfig cfg = loader.load(loader.configFile(file));
        // log.level and log.format (the file or GOLISTO_SYNC_LOG_*): -Dgolisto.log.level and --log-format win
        LogSetup.configuredLevel(cfg.log().level());
        LogFormat format = logFormat();
        if (format == null) {
            format = cfg.log().format();
        }
        if (format != null) {
            LogSetup.format(format);
        }
        return cfg;
    }

    /** The log format the command line asks for ({@code serve --log-format}), {@code null} when none. */
    @Nullable LogFormat logFormat() {
        return null;
    }

    /** Prints a token generated just now, the only time it is ever shown. */
    final void announceToken(AdminTokens.Resolved token) {
        if (token.generated()) {
            PrintWriter out = say();
            out.println("Generated an admin token for the API and dashboard; it is kept in " + token.file()
                    + " and shown only this once:");
            out.println("  " + token.token().reveal());
            out.flush();
        }
    }

    /**
     * The stores and runs of the configured state store: opened here, or, when a serving runner holds
     * it, that runner's admin API.
     */
    final Operations operations() {
        RunnerConfig cfg = loadConfig();
        return Operations.open(cfg, this::announceToken, cli().err());
    }

    /** Opens a runner on the configured state store. */
    final Runner openRunner(RunnerConfig cfg, boolean serving) {
        Runner runner = Runner.create(cfg, null, serving);
        announceToken(runner.adminToken());
        return runner;
    }
}
