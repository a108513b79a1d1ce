package com.golisto.sync.app.wiring;

import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.SettingProblem;
import com.golisto.sync.app.config.AdminTokens;
import com.golisto.sync.app.config.ConfigProblem;
import com.golisto.sync.app.config.InvalidConfigException;
import com.golisto.sync.app.config.Registrations;
import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.app.config.StoreConfig;
import com.golisto.sync.app.http.LogContext;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.app.http.RunnerServer;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.core.StoreRegistration;
import com.golisto.sync.core.SyncEngine;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.net.URI;
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

    private final RunnerConfig config;
    private final SyncEngine engine;
    private final AdminTokens.Resolved adminToken;
    private final RunnerMetrics metrics;
    private final URI publicUrl;
    private final @Nullable RunnerServer server;
    private final List<Route> routes;
    private final EventLog events;
    private boolean closed;

    Runner(RunnerConfig config, SyncEngine engine, AdminTokens.Resolved adminToken, RunnerMetrics metrics,
           URI publicUrl, @Nullable RunnerServer server, List<Route> routes, EventLog events) {
        this.config = config;
        this.engine = engine;
        this.adminToken = adminToken;
        this.metrics = metrics;
        this.publicUrl = publicUrl;
        this.server = server;
        this.routes = List.copyOf(routes);
        this.events = events;
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

    /** Refuses configured settings that a connector would refuse, every problem by key. */
    static void checkConnectorSettings(RunnerConfig config, List<ConnectorProvider> providers) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<ConnectorProvider> shop = provider(providers, Registrations.SHOP);
        Optional<ConnectorProvider> marketplace = provider(providers, Registrations.MARKETPLACE);
        if (shop.isEmpty() || marketplace.isEmpty()) {
            throw new IllegalStateException("connector " + (shop.isEmpty() ? Registrations.SHOP : Registrations.MARKETPLACE)
                    + " is not on the module path (found: " + providers.stream().map(ConnectorProvider::id).toList() + ")");
        }
        StoreRegistration probe = Registrations.of("probe", java.util.Map.of(), config.golisto());
        try {
            marketplace.get().descriptor().validate(probe.marketplaceSettings());
        } catch (InvalidSettingsException e) {
            for (SettingProblem p : e.problems()) {
                problems.add(new ConfigProblem("golisto." + p.setting(), p.message()));
            }
        }
        for (int i = 0; i < config.stores().size(); i++) {
            StoreConfig store = config.stores().get(i);
            try {
                shop.get().descriptor().validate(store.woocommerce());
            } catch (InvalidSettingsException e) {
                for (SettingProblem p : e.problems()) {
                    problems.add(new ConfigProblem("stores[" + i + "].woocommerce." + p.setting(), p.message()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    private static Optional<ConnectorProvider> provider(List<ConnectorProvider> providers, String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
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
        httpServer().start(routes);
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

    /** Stops the HTTP server and the engine. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.close();
        }
        engine.close();
        LOG.info("event=runner_stopped");
    }

    @Override
    public String toString() {
        return "Runner[publicUrl=" + publicUrl + "]";
    }

}
