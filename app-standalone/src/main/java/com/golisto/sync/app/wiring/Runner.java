package com.golisto.sync.app.wiring;

import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.app.config.AdminTokens;
import com.golisto.sync.app.config.ConfigKey;
import com.golisto.sync.app.config.ConfigProblem;
import com.golisto.sync.app.config.DataFolder;
import com.golisto.sync.app.config.InvalidConfigException;
import com.golisto.sync.app.config.Registrations;
import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.app.config.StoreConfig;
import com.golisto.sync.app.config.StoreConnectors;
import com.golisto.sync.app.http.LogContext;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.app.http.RunnerServer;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.core.SyncEngine;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One runner: the engine on the configured state store, and, when serving, the HTTP server in front of
 * it. Built by {@link #create} through Guice ({@link RunnerModule}). CLI commands use the engine
 * directly; {@code serve} and {@code demo} also {@link #serve()}.
 *
 * <p>Lifecycle: {@link #create}, optionally {@link #serve()}, {@link #close()}. Thread-safe.
 */
public final class Runner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

    /**
     * How long {@link #close()} waits for the engine to drain (runs in progress to finish or checkpoint, the
     * state store to close). Below systemd's default stop timeout of 90 s, documented in docs/operations.md.
     */
    public static final java.time.Duration DRAIN_TIMEOUT = java.time.Duration.ofSeconds(60);

    private final RunnerConfig config;
    private final SyncEngine engine;
    private final AdminTokens.Resolved adminToken;
    private final RunnerMetrics metrics;
    private final URI publicUrl;
    private final @Nullable RunnerServer server;
    private final List<Route> routes;
    private final EventLog events;
    private final String instanceId;
    private @Nullable RunnerFile runnerFile;
    private boolean closed;

    Runner(RunnerConfig config, SyncEngine engine, AdminTokens.Resolved adminToken, RunnerMetrics metrics,
           URI publicUrl, @Nullable RunnerServer server, List<Route> routes, EventLog events, String instanceId) {
        this.config = config;
        this.engine = engine;
        this.adminToken = adminToken;
        this.metrics = metrics;
        this.publicUrl = publicUrl;
        this.server = server;
        this.routes = List.copyOf(routes);
        this.events = events;
        this.instanceId = instanceId;
    }

    /**
     * Checks the configured stores' connector settings, opens the state store (running migrations and
     * resolving work a previous process left half done), and registers the configured stores.
     *
     * @param config the checked configuration
     * @param clock the engine's clock; {@code null} for the system clock in {@code sync.time-zone}
     * @param serving whether {@link #serve()} will be called (the HTTP port is bound now)
     * @throws InvalidConfigException when a store's or Golisto's settings are refused by their connector
     */
    public static Runner create(RunnerConfig config, @Nullable Clock clock, boolean serving) {
        // before anything is written into it (master key, admin token, database files)
        DataFolder.ensureOwnerOnly(config.state().dataDir());
        var injector = Guice.createInjector(new RunnerModule(config, clock, serving));
        try {
            List<ConnectorProvider> providers = injector.getInstance(
                    com.google.inject.Key.get(new com.google.inject.TypeLiteral<List<ConnectorProvider>>() { }));
            checkConnectorSettings(config, providers);
            Runner runner = injector.getInstance(Runner.class);
            try {
                runner.registerConfiguredStores();
            } catch (RuntimeException e) {
                runner.close();
                throw e;
            }
            return runner;
        } catch (ProvisionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /**
     * Refuses configured stores whose connectors are not installed, are named for the wrong side, or would refuse
     * their settings, and a configured plugins folder that does not exist: every problem by key.
     */
    static void checkConnectorSettings(RunnerConfig config, List<ConnectorProvider> providers) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (config.plugins().configured() && !Files.isDirectory(config.plugins().folder())) {
            problems.add(new ConfigProblem(ConfigKey.PLUGINS_FOLDER.name(), "folder "
                    + config.plugins().folder().toAbsolutePath() + " does not exist"));
        }
        StoreConnectors connectors = StoreConnectors.of(providers);
        problems.addAll(connectors.defaultMarketplaceProblems(config.golisto()));
        for (int i = 0; i < config.stores().size(); i++) {
            problems.addAll(connectors.problems(i, config.stores().get(i), config.golisto(), true));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    /** Registers (or updates) every store the configuration declares. */
    void registerConfiguredStores() {
        for (StoreConfig store : config.stores()) {
            LogContext.store(store.id());
            try {
                boolean known = engine.store(store.id()).isPresent();
                engine.registerStore(Registrations.of(store, config.golisto()));
                LOG.info("event=store_registered via=config new={}", !known);
            } finally {
                LogContext.clear();
            }
        }
    }

    /**
     * Starts answering HTTP and starts the engine's background loop (schedules, debounced webhooks).
     *
     * @throws IllegalStateException when this runner was created without serving
     */
    public synchronized void serve() {
        serveHttp();
        engine.start();
        LOG.info("event=runner_serving public_url={} local_url={} state={}", publicUrl, httpServer().localUri(),
                config.state().jdbcUrlForDisplay());
    }

    /**
     * Waits until no run is in progress (scheduled work may start new ones right after), at most this long.
     *
     * @return whether the runner was idle
     */
    public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.activeRuns() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /**
     * Starts answering HTTP without starting the engine's background loop: the caller drives due work with
     * {@link SyncEngine#runDueWork()} (tests, with a clock they move).
     *
     * @throws IllegalStateException when this runner was created without serving
     */
    public synchronized void serveHttp() {
        RunnerServer http = httpServer();
        http.start(routes);
        // tells the CLI which runner serves this data folder (docs/operations.md, "The CLI and a serving runner")
        RunnerFile file = new RunnerFile(http.localUri(), instanceId, ProcessHandle.current().pid());
        file.write(config.state().dataDir());
        runnerFile = file;
    }

    /** This runner's random id, new at every start: in {@code runner.json} and on {@code /healthz}. */
    public String instanceId() {
        return instanceId;
    }

    private RunnerServer httpServer() {
        if (server == null) {
            throw new IllegalStateException("this runner was created without an HTTP server");
        }
        return server;
    }

    /** Blocks until the HTTP server stops. */
    public void join() throws InterruptedException {
        if (server != null) {
            server.join();
        }
    }

    /** The engine. */
    public SyncEngine engine() {
        return engine;
    }

    /** The configuration. */
    public RunnerConfig config() {
        return config;
    }

    /** The admin token in effect (print it only when {@link AdminTokens.Resolved#generated()}). */
    public AdminTokens.Resolved adminToken() {
        return adminToken;
    }

    /** The metrics. */
    public RunnerMetrics metrics() {
        return metrics;
    }

    /** The URL remotes and browsers reach the runner at. */
    public URI publicUrl() {
        return publicUrl;
    }

    /** Where the HTTP server listens, when serving. */
    public Optional<URI> localUri() {
        return Optional.ofNullable(server).map(RunnerServer::localUri);
    }

    /**
     * Stops the HTTP server (no new webhooks or API calls), then drains the engine: its loop stops and the
     * runs in progress finish or reach their next checkpoint, waited for at most {@link #DRAIN_TIMEOUT}, and
     * the state store is closed. Work still running at the deadline is left as a crash would leave it: the
     * next start resolves it. Idempotent; a second caller waits for the first one's drain.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        LOG.info("event=runner_draining active_runs={} timeout_seconds={}", events.activeRuns(),
                DRAIN_TIMEOUT.toSeconds());
        if (server != null) {
            server.close();
        }
        RunnerFile file = runnerFile;
        if (file != null) {
            file.removeIfOurs(config.state().dataDir());
        }
        Thread closing = Thread.ofPlatform().name("engine-close").daemon(true).start(engine::close);
        boolean drained;
        try {
            drained = closing.join(DRAIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        long millis = java.time.Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (drained) {
            LOG.info("event=runner_drained millis={}", millis);
        } else {
            LOG.warn("event=runner_drain_timeout millis={} active_runs={} (the next start resolves the work left"
                    + " in progress)", millis, events.activeRuns());
        }
        LOG.info("event=runner_stopped");
    }

    @Override
    public String toString() {
        return "Runner[publicUrl=" + publicUrl + "]";
    }

}
