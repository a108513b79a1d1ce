package com.golisto.sync.app.wiring;

import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.ConnectorRole;
import com.golisto.sync.app.admin.AdminApi;
import com.golisto.sync.app.admin.AdminAuth;
import com.golisto.sync.app.admin.ApiJson;
import com.golisto.sync.app.admin.DashboardPage;
import com.golisto.sync.app.admin.HealthRoutes;
import com.golisto.sync.app.admin.ProductRoutes;
import com.golisto.sync.app.admin.LoginPage;
import com.golisto.sync.app.config.AdminTokens;
import com.golisto.sync.app.config.EdgeConfig;
import com.golisto.sync.app.config.RetentionConfig;
import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.app.config.StoreConnectors;
import com.golisto.sync.app.health.FreeSpace;
import com.golisto.sync.app.health.RunnerHealth;
import com.golisto.sync.app.http.ConnectRoutes;
import com.golisto.sync.app.http.EdgePolicy;
import com.golisto.sync.app.http.HttpLimits;
import com.golisto.sync.app.http.OpsRoutes;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.app.http.RunnerServer;
import com.golisto.sync.app.http.WebhookRoutes;
import com.golisto.sync.app.metrics.MeteredHttpClient;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.app.plugins.PluginLoader;
import com.golisto.sync.app.plugins.Plugins;
import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.HealthPolicy;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.SyncEngine;
import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Wires the runner from its configuration with {@code @Provides} methods: master key, admin token,
 * metrics, the metered HTTP client, the connectors (built in and from the plugins folder), the engine, the HTTP
 * routes and the {@link Runner}. Every binding is a singleton of one injector, i.e. of one runner.
 */
public final class RunnerModule extends AbstractModule {
    /** The name of the {@link URI} binding holding the runner's public URL. */
    public static final String PUBLIC_URL = "public-url";
    /** The name of the {@link String} binding holding the runner's random instance id (see {@link RunnerFile}). */
    public static final String INSTANCE_ID = "instance-id";

    private final RunnerConfig config;
    private final @Nullable Clock clock;
    private final boolean serving;

    /**
     * @param config the checked configuration
     * @param clock the engine's clock; {@code null} for the system clock in {@code sync.time-zone}
     * @param serving whether the runner serves HTTP (then the public URL may come from the bound port)
     */
    public RunnerModule(RunnerConfig config, @Nullable Clock clock, boolean serving) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = clock;
        this.serving = serving;
    }

    @Provides
    @Singleton
    RunnerConfig config() {
        return config;
    }

    @Provides
    @Singleton
    Clock clock() {
        return clock != null ? clock : Clock.system(config.sync().timeZone());
    }

    @Provides
    @Singleton
    MasterKey masterKey(RunnerConfig c) {
        // a missing file gives a key the engine writes only to a state store without secrets; with secrets
        // stored, opening the engine fails naming the file to restore (MasterKeyMissingException)
        return MasterKey.loadOrCreate(c.state().masterKeyFile());
    }

    @Provides
    @Singleton
    AdminTokens.Resolved adminToken(RunnerConfig c) {
        return AdminTokens.resolve(c);
    }

    @Provides
    @Singleton
    AdminAuth adminAuth(AdminTokens.Resolved token, Clock engineClock, RunnerConfig c) {
        return new AdminAuth(token.token(), engineClock, c.server().edge().sessionLifetime());
    }

    /** Session cookies are {@code Secure} when browsers reach the runner over HTTPS. */
    private static boolean secureCookies(RunnerConfig c) {
        return c.server().publicUrl() != null && "https".equals(c.server().publicUrl().getScheme());
    }

    @Provides
    @Singleton
    RunnerMetrics metrics() {
        return new RunnerMetrics();
    }

    @Provides
    @Singleton
    @Named(INSTANCE_ID)
    String instanceId() {
        return java.util.UUID.randomUUID().toString();
    }

    @Provides
    @Singleton
    ApiJson apiJson() {
        return new ApiJson();
    }

    @Provides
    @Singleton
    EventLog eventLog(RunnerMetrics metrics) {
        return new EventLog(metrics);
    }

    /** The plugins folder's plugins, each in its own module layer; failures are logged and kept for health. */
    @Provides
    @Singleton
    Plugins plugins(RunnerConfig c) {
        return new PluginLoader().load(c.plugins().folder(), PluginLoader.builtIns());
    }

    /** The built-in connectors (module path or class path) and the plugins'. */
    @Provides
    @Singleton
    List<ConnectorProvider> connectors(Plugins plugins) {
        List<ConnectorProvider> providers = new ArrayList<>(PluginLoader.builtIns());
        providers.addAll(plugins.providers());
        return List.copyOf(providers);
    }

    @Provides
    @Singleton
    StoreConnectors storeConnectors(List<ConnectorProvider> providers) {
        return StoreConnectors.of(providers);
    }

    @Provides
    @Singleton
    HttpClient httpClient(RunnerMetrics metrics, RunnerConfig c) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        String golistoApi = c.golisto().apiUrl().getRawAuthority();
        String golistoWeb = c.golisto().webUrl().getRawAuthority();
        return new MeteredHttpClient(client, metrics, uri -> {
            String authority = uri.getRawAuthority();
            return authority != null && (authority.equals(golistoApi) || authority.equals(golistoWeb)) ? "golisto" : "shop";
        });
    }

    @Provides
    @Singleton
    EngineOptions engineOptions(RunnerConfig c) {
        return EngineOptions.defaults()
                .withDailyFullSync(c.sync().dailyFullSyncAt(), EngineOptions.defaults().fullSyncJitter())
                .withIntervals(c.sync().incrementalInterval(), c.sync().orderPollInterval(),
                        c.golisto().statusPollInterval())
                .withWebhookDebounce(c.sync().webhookDebounce())
                .withCatalogSchedule(new EngineOptions.CatalogSchedule(c.sync().webhookBatchWindow(),
                        c.sync().deepCheckDays()))
                .withRetry(EngineOptions.defaults().retry().withRequestBudget(c.sync().retries().requestBudget()))
                .withPassRetry(new EngineOptions.PassRetry(c.sync().retries().passRetryFirst(),
                        c.sync().retries().passRetryMax()))
                .withRetention(retention(c.retention()))
                .withTiming(c.cluster().pollInterval(), c.cluster().leaseDuration())
                .withCluster(new EngineOptions.Cluster(c.cluster().heartbeatInterval(), c.cluster().missedHeartbeats()));
    }

    private static EngineOptions.Retention retention(RetentionConfig r) {
        return new EngineOptions.Retention(r.runs(), r.runsKeptPerKind(), r.webhookDeliveries(), r.deadLetters(),
                r.pendingDeadLetters(), r.oneTimeStates(), r.sweepInterval(),
                EngineOptions.Retention.defaults().batchSize());
    }

    @Provides
    @Singleton
    EdgePolicy edgePolicy(RunnerConfig c) {
        return EdgePolicy.of(c.server().host(), c.server().publicUrl())
                .withExtraHosts(Set.copyOf(c.server().edge().allowedHosts()))
                .withOpenDashboard(c.server().edge().dashboardOpen());
    }

    @Provides
    @Singleton
    RunnerServer server(RunnerConfig c, RunnerMetrics metrics, EdgePolicy edge) {
        EdgeConfig limits = c.server().edge();
        return new RunnerServer(c.server().host(), c.server().port(), metrics, new HttpLimits(limits.maxHeaderBytes(),
                limits.maxBodyBytes(), limits.idleTimeout(), limits.minRequestBytesPerSecond()), edge);
    }

    @Provides
    @Singleton
    @Named(PUBLIC_URL)
    URI publicUrl(RunnerConfig c, Provider<RunnerServer> server) {
        int port = serving ? server.get().bind().port() : c.server().port();
        return c.server().publicUrlFor(port);
    }

    @Provides
    @Singleton
    SyncEngine engine(RunnerConfig c, MasterKey key, Clock engineClock, List<ConnectorProvider> providers,
                      HttpClient http, EngineOptions options, @Named(PUBLIC_URL) URI publicUrl, EventLog events,
                      RunnerMetrics metrics) {
        SyncEngine.Builder builder = SyncEngine.builder();
        String nodeId = c.cluster().nodeId();
        if (nodeId != null) {
            builder.nodeId(nodeId);
        }
        SyncEngine engine = builder
                .jdbcUrl(c.state().jdbcUrl())
                .connectionPool(c.state().connectionPool())
                .masterKey(key)
                .clock(engineClock)
                .connectors(providers)
                .httpClient(http)
                .publicUrl(publicUrl)
                .options(options)
                .health(new HealthPolicy(c.health().cacheFor(), c.health().failedPasses(), c.health().orderPollLag()))
                .build();
        engine.subscribe(events);
        // dirty products waiting out their debounce count too, not only the runs in progress
        metrics.queueDepth(engine::pendingWork);
        metrics.stores(engine::storeMetrics, engineClock);
        return engine;
    }

    @Provides
    @Singleton
    RunnerHealth runnerHealth(SyncEngine engine, RunnerConfig c, RunnerMetrics metrics, Plugins plugins,
                              StoreConnectors connectors) {
        RunnerHealth health = new RunnerHealth(engine, c.state().dataDir(), c.health().minFreeDiskBytes(),
                FreeSpace.OF_FILE_STORE, plugins, connectors.ids());
        metrics.health(health::current);
        return health;
    }

    @Provides
    @Singleton
    List<Route> routes(SyncEngine engine, RunnerMetrics metrics, AdminAuth auth, ApiJson json, RunnerConfig c,
                       EdgePolicy edge, @Named(INSTANCE_ID) String instanceId, RunnerHealth health,
                       StoreConnectors connectors) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(new OpsRoutes(engine, metrics, instanceId).routes());
        routes.addAll(new ConnectRoutes(engine).routes());
        routes.addAll(new WebhookRoutes(engine, metrics, Set.copyOf(connectors.idsFor(ConnectorRole.SHOP))).routes());
        routes.addAll(new AdminApi(engine, auth, json, c.golisto(), connectors).routes());
        routes.addAll(new LoginPage(auth, secureCookies(c)).routes());
        routes.addAll(new HealthRoutes(health, auth, json).routes());
        routes.addAll(new ProductRoutes(engine, auth, json).routes());
        routes.addAll(new DashboardPage(engine, auth, edge.openDashboard(), health).routes());
        return List.copyOf(routes);
    }

    @Provides
    @Singleton
    Runner runner(RunnerConfig c, SyncEngine engine, AdminTokens.Resolved token, RunnerMetrics metrics,
                  @Named(PUBLIC_URL) URI publicUrl, Provider<RunnerServer> server, Provider<List<Route>> routes,
                  EventLog events, @Named(INSTANCE_ID) String instanceId) {
        return new Runner(c, engine, token, metrics, publicUrl, serving ? server.get() : null,
                serving ? routes.get() : List.of(), events, instanceId);
    }
}
