package com.golisto.sync.app.cli;

import com.golisto.sync.app.config.PublicUrls;
import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.app.config.StoreConfig;
import com.golisto.sync.app.logging.LogFormat;
import com.golisto.sync.app.wiring.Runner;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the engine with its HTTP endpoints until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the engine and its HTTP server until stopped (Ctrl-C or SIGTERM).",
                "Serves webhooks, the connect callbacks, the admin API under /api, the dashboard at /,",
                "/healthz and /metrics.",
                "See docs/operations.md for deploying against real WooCommerce stores and Golisto."})
final class ServeCommand extends RunnerCommand {
    @Option(names = "--log-format", paramLabel = "text|json", converter = LogFormatConverter.class,
            description = "Log lines as key=value text or one JSON object per line (default: log.format, else text).")
    @Nullable LogFormat logFormat;

    @Override
    @Nullable LogFormat logFormat() {
        return logFormat;
    }

    @Override
    public Integer call() throws InterruptedException {
        RunnerConfig cfg = loadConfig();
        Runner runner = openRunner(cfg, true);
        Thread hook = new Thread(() -> drainAndExit(runner), "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            runner.serve();
            List<String> problems = PublicUrls.problems(runner.publicUrl(), shopUrls(cfg));
            out().println("Golisto Sync is serving on " + runner.localUri().orElseThrow()
                    + " (public URL " + runner.publicUrl() + ").");
            out().println("  dashboard " + runner.localUri().orElseThrow() + "/   admin API " + runner.publicUrl()
                    + "/api (Authorization: Bearer <admin token>)   metrics /metrics   health /healthz");
            out().println("  stores: " + runner.engine().stores().size() + ", state store "
                    + cfg.state().jdbcUrlForDisplay());
            if (!problems.isEmpty()) {
                out().println("  warning: remotes may not reach the public URL " + runner.publicUrl() + ": "
                        + String.join("; ", problems) + ". Set server.public-url (docs/operations.md).");
            }
            out().flush();
            runner.join();
        } finally {
            runner.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        return ExitCodes.OK;
    }

    /** Reads {@code text} or {@code json}, in any case. */
    static final class LogFormatConverter implements CommandLine.ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            try {
                return LogFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not text or json");
            }
        }
    }

    /**
     * The home URLs of the configured stores (their shop connector's {@code url} setting, when it has one): a shop
     * such as WordPress judges a delivery URL against its own site's host.
     */
    private static List<URI> shopUrls(RunnerConfig cfg) {
        List<URI> urls = new ArrayList<>();
        for (StoreConfig store : cfg.stores()) {
            String url = store.shop().settings().get("url");
            if (url != null) {
                urls.add(URI.create(url));
            }
        }
        return urls;
    }

    /**
     * The shutdown hook: runs only when a signal (SIGTERM, SIGINT, SIGHUP) stops the JVM, since {@link #call()}
     * removes it before returning. Drains the runner (bounded by {@link Runner#DRAIN_TIMEOUT}), then ends the
     * process with 0: left to itself, the JVM would exit with 128 + the signal number (143 for SIGTERM) however
     * cleanly the runner stopped, and a service manager would count a clean stop as a failure.
     */
    private void drainAndExit(Runner runner) {
        runner.close();
        out().flush();
        System.err.flush();
        Runtime.getRuntime().halt(ExitCodes.OK);
    }
}
