package com.golisto.sync.app.admin;

import com.golisto.sync.api.spi.ConnectorRole;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.SettingProblem;
import com.golisto.sync.api.spi.SyncException;
import com.golisto.sync.app.config.ConnectorChoice;
import com.golisto.sync.app.config.GolistoConfig;
import com.golisto.sync.app.config.Registrations;
import com.golisto.sync.app.config.StoreConfig;
import com.golisto.sync.app.config.StoreConnectors;
import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.app.http.HttpError;
import com.golisto.sync.app.http.LogContext;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.app.plugins.PluginLoader;
import com.golisto.sync.core.ConnectFlowException;
import com.golisto.sync.core.DeadLetterView;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunPage;
import com.golisto.sync.core.RunQuery;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.SettingOrigin;
import com.golisto.sync.core.StoreRegistration;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.core.UnknownStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The admin API under {@code /api}; every route needs {@code Authorization: Bearer <admin token>}.
 *
 * <ul>
 *   <li>{@code POST /api/stores} {@code {"id", "shop": {"connector", "settings"}, "marketplace": {...}}}, or the
 *       shorthand {@code {"id", "woocommerce": {"url", "consumer_key", "consumer_secret"}}} → 201
 *   <li>{@code GET /api/stores}, {@code GET /api/stores/{id}} (status, last runs, counts, dead letters),
 *       {@code DELETE /api/stores/{id}} (disconnects, then removes the store's data) → 204
 *   <li>{@code GET /api/stores/{id}/runs?kind=&status=&since=}: newest first; {@code GET|PATCH /api/stores/{id}/settings}
 *   <li>{@code POST /api/stores/{id}/connect} → {@code {"connect_url", "step"}}
 *   <li>{@code POST /api/stores/{id}/sync} {@code {"mode": "full"|"incremental", "dry_run": false}} → 202
 *       {@code {"run_id"}}; {@code GET /api/stores/{id}/dry-run}: the latest dry run's report (404 before one)
 *   <li>{@code GET /api/runs/{id}}, {@code POST /api/stores/{id}/disconnect}
 *   <li>{@code GET /api/dead-letters}, {@code POST /api/dead-letters/{id}/replay}
 *   <li>{@code GET /api/openapi.json}: the OpenAPI 3 document of all of these
 * </ul>
 * Lists are paged ({@link Paging}: {@code limit}, {@code cursor}, {@code next_cursor}). Errors are
 * {@code {"error": {"code", "message"}}}.
 */
public final class AdminApi {
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final int LAST_RUNS = 10;

    private final SyncEngine engine;
    private final AdminAuth auth;
    private final ApiJson json;
    private final GolistoConfig golisto;
    private final StoreConnectors connectors;

    /**
     * With the built-in connectors only.
     *
     * @param engine does the work
     * @param auth checks the admin token
     * @param json reads and writes bodies
     * @param golisto where Golisto is, for new stores' marketplace settings
     */
    public AdminApi(SyncEngine engine, AdminAuth auth, ApiJson json, GolistoConfig golisto) {
        this(engine, auth, json, golisto, StoreConnectors.of(PluginLoader.builtIns()));
    }

    /**
     * @param engine does the work
     * @param auth checks the admin token
     * @param json reads and writes bodies
     * @param golisto where Golisto is, for new stores' marketplace settings
     * @param connectors the installed connectors, which new stores may name
     */
    public AdminApi(SyncEngine engine, AdminAuth auth, ApiJson json, GolistoConfig golisto,
                    StoreConnectors connectors) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.json = Objects.requireNonNull(json, "json");
        this.golisto = Objects.requireNonNull(golisto, "golisto");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
    }

    /** The routes. */
    public List<Route> routes() {
        return List.of(
                Route.post("/api/stores", guarded(this::createStore)),
                Route.get("/api/stores", guarded(this::listStores)),
                Route.get("/api/stores/{id}", guarded(this::showStore)),
                new Route("DELETE", "/api/stores/{id}", guarded(this::removeStore)),
                Route.get("/api/stores/{id}/runs", guarded(this::runs)),
                Route.get("/api/stores/{id}/settings", guarded(this::settings)),
                new Route("PATCH", "/api/stores/{id}/settings", guarded(this::patchSettings)),
                Route.post("/api/stores/{id}/connect", guarded(this::connect)),
                Route.post("/api/stores/{id}/sync", guarded(this::sync)),
                Route.get("/api/stores/{id}/dry-run", guarded(this::dryRunReport)),
                Route.post("/api/stores/{id}/disconnect", guarded(this::disconnect)),
                Route.get("/api/runs/{id}", guarded(this::run)),
                Route.get("/api/dead-letters", guarded(this::deadLetters)),
                Route.post("/api/dead-letters/{id}/replay", guarded(this::replay)),
                Route.get("/api/openapi.json", guarded(this::openApi)));
    }

    private Route.Handler guarded(Route.Handler handler) {
        return ex -> {
            auth.requireBearer(ex);
            try {
                handler.handle(ex);
            } catch (HttpError e) {
                throw e;
            } catch (UnknownStoreException e) {
                throw HttpError.notFound(HttpError.messageOf(e));
            } catch (NotApprovedException e) {
                throw new HttpError(409, "not_approved", HttpError.messageOf(e));
            } catch (ConnectFlowException e) {
                throw new HttpError(409, "connect_flow", HttpError.messageOf(e));
            } catch (InvalidSettingsException e) {
                throw new HttpError(400, "invalid_settings", e.problems().stream()
                        .map(AdminApi::describe).collect(Collectors.joining("; ")));
            } catch (CredentialsRejectedException e) {
                throw new HttpError(409, "credentials_rejected", HttpError.messageOf(e));
            } catch (RetryableException e) {
                throw new HttpError(503, "remote_unavailable", HttpError.messageOf(e));
            } catch (SyncException e) {
                throw new HttpError(502, "remote_error", HttpError.messageOf(e));
            }
        };
    }

    private static String describe(SettingProblem p) {
        return "field woocommerce." + p.setting().replace('-', '_') + " " + p.message();
    }

    private void createStore(Exchange ex) {
        StoreRequest request = json.read(ex.body(), StoreRequest.class);
        LogContext.store(request.id());
        if (engine.store(request.id()).isPresent()) {
            throw HttpError.conflict("store " + request.id() + " already exists");
        }
        StoreConfig wanted = request.store();
        checkConnectors(wanted);
        StoreView store = engine.registerStore(Registrations.of(wanted, golisto, SettingOrigin.API));
        LOG.info("event=store_registered via=api");
        ex.responseHeader("Location", "/api/stores/" + store.id());
        ex.json(201, json.write(Views.Store.of(store)));
    }

    /**
     * Refuses, with a 400 listing every problem by field, a connector that is not installed or is named for the
     * wrong side, and settings its connector refuses.
     */
    private void checkConnectors(StoreConfig store) {
        List<String> problems = new ArrayList<>();
        String shopField = store.shorthand() ? "woocommerce" : "shop.connector";
        String shopProblem = connectors.connectorProblem(store.shop().connector(), ConnectorRole.SHOP);
        if (shopProblem != null) {
            problems.add("field " + shopField + " " + shopProblem);
        } else {
            for (SettingProblem p : connectors.settingProblems(store.shop().connector(), store.shop().settings())) {
                problems.add(store.shorthand() ? describe(p) : "field shop.settings." + p.setting() + " " + p.message());
            }
        }
        ConnectorChoice marketplace = store.marketplace();
        String marketplaceId = marketplace == null ? Registrations.DEFAULT_MARKETPLACE : marketplace.connector();
        String marketplaceProblem = connectors.connectorProblem(marketplaceId, ConnectorRole.MARKETPLACE);
        if (marketplaceProblem != null) {
            problems.add("field " + (marketplace == null ? "marketplace" : "marketplace.connector") + " "
                    + marketplaceProblem);
        } else if (marketplace != null) {
            Map<String, String> settings = Registrations.marketplaceSettings(marketplace, golisto);
            for (SettingProblem p : connectors.settingProblems(marketplaceId, settings)) {
                problems.add("field marketplace.settings." + p.setting() + " " + p.message());
            }
        }
        if (!problems.isEmpty()) {
            boolean connectorProblem = shopProblem != null || marketplaceProblem != null;
            throw new HttpError(400, connectorProblem ? "invalid_connector" : "invalid_settings",
                    String.join("; ", problems));
        }
    }

    private void listStores(Exchange ex) {
        Paging.Request request = Paging.request(ex, "stores", false);
        List<StoreView> ordered = engine.stores().stream().sorted(Comparator.comparing(StoreView::id)).toList();
        Paging.Page<StoreView> page = Paging.page(ordered, request, StoreView::id, "stores", Comparator.naturalOrder());
        ex.json(200, json.write(new Views.Stores(page.items().stream().map(Views.Store::of).toList(),
                page.nextCursor())));
    }

    private void removeStore(Exchange ex) throws InterruptedException {
        StoreView store = store(ex);
        engine.removeStore(store.id());
        LOG.info("event=store_removed via=api");
        ex.empty(204);
    }

    private void runs(Exchange ex) {
        StoreView store = store(ex);
        Paging.Request request = Paging.request(ex, "runs", true);
        RunKind kind = ex.query("kind").map(k -> parse(RunKind.class, "kind", k)).orElse(null);
        RunStatus status = ex.query("status").map(st -> parse(RunStatus.class, "status", st)).orElse(null);
        Instant since = ex.query("since").map(AdminApi::instant).orElse(null);
        Long after = request.afterNumber();
        RunPage page = engine.runs(store.id(), new RunQuery(kind, status, since,
                after == null ? null : new RunId(after), request.limit()));
        RunId last = page.next();
        String next = last == null ? null : Paging.encode("runs", Long.toString(last.value()));
        ex.json(200, json.write(new Views.Runs(page.runs().stream().map(Views.Run::of).toList(), next)));
    }

    private void settings(Exchange ex) {
        StoreView store = store(ex);
        ex.json(200, json.write(Views.StoreSettings.of(engine.storeSettings(store.id()))));
    }

    private void patchSettings(Exchange ex) {
        StoreView store = store(ex);
        SettingsPatch patch = json.read(ex.body(), SettingsPatch.class);
        Map<String, String> shop = patch.shop() == null ? Map.of() : patch.shop();
        Map<String, String> marketplace = patch.marketplace() == null ? Map.of() : patch.marketplace();
        try {
            engine.registerStore(new StoreRegistration(store.id(), store.shopConnectorId(), shop,
                    store.marketplaceConnectorId(), marketplace));
        } catch (InvalidSettingsException e) {
            throw new HttpError(400, "invalid_settings", "invalid settings: " + e.problems().stream()
                    .map(p -> (marketplace.containsKey(p.setting()) && !shop.containsKey(p.setting())
                            ? "marketplace." : "shop.") + p.setting() + " " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        LOG.info("event=store_settings_changed via=api shop={} marketplace={}", shop.keySet(), marketplace.keySet());
        ex.json(200, json.write(Views.StoreSettings.of(engine.storeSettings(store.id()))));
    }

    private void openApi(Exchange ex) {
        ex.json(200, OpenApi.document());
    }

    private void showStore(Exchange ex) {
        StoreView store = store(ex);
        List<RunView> runs = engine.recentRuns(store.id(), LAST_RUNS);
        List<DeadLetterView> letters = engine.deadLetters().stream().filter(d -> d.storeId().equals(store.id())).toList();
        ex.json(200, json.write(Views.StoreDetail.of(store, runs, letters)));
    }

    private void connect(Exchange ex) throws InterruptedException {
        StoreView store = store(ex);
        Views.ConnectLink link;
        if (store.shopCredentialsPresent()) {
            link = new Views.ConnectLink(engine.beginConnect(store.id()).toString(), "link_golisto");
        } else {
            link = new Views.ConnectLink(engine.beginCredentialGrant(store.id()).toString(), "authorize_shop_keys");
        }
        LOG.info("event=connect_started step={}", link.step());
        ex.json(200, json.write(link));
    }

    private void sync(Exchange ex) {
        StoreView store = store(ex);
        SyncRequest request = json.read(ex.body(), SyncRequest.class);
        RunId run = request.dry() ? engine.dryRun(store.id()) : engine.sync(store.id(), request.syncMode());
        LOG.info("event=sync_requested mode={} dry_run={} run={}", request.mode(), request.dry(), run);
        ex.responseHeader("Location", "/api/runs/" + run.value());
        ex.json(202, json.write(new Views.RunStarted(run.value())));
    }

    private void dryRunReport(Exchange ex) {
        StoreView store = store(ex);
        ex.json(200, json.write(Views.DryRun.of(engine.dryRunReport(store.id()).orElseThrow(
                () -> HttpError.notFound("store " + store.id() + " has no dry-run report yet")))));
    }

    private void disconnect(Exchange ex) throws InterruptedException {
        StoreView store = store(ex);
        StoreView after = engine.disconnect(store.id());
        LOG.info("event=store_disconnected via=api");
        ex.json(200, json.write(Views.Store.of(after)));
    }

    private void run(Exchange ex) {
        long id = number(ex.pathParam("id"), "run");
        RunView run = engine.run(new RunId(id)).orElseThrow(() -> HttpError.notFound("no run " + id));
        ex.json(200, json.write(Views.Run.of(run)));
    }

    private void deadLetters(Exchange ex) {
        String storeFilter = ex.query("store_id").orElse(null);
        Paging.Request request = Paging.request(ex, "dead-letters", true);
        List<DeadLetterView> letters = engine.deadLetters().stream()
                .filter(d -> storeFilter == null || d.storeId().equals(storeFilter))
                .sorted(Comparator.comparingLong(DeadLetterView::id)).toList();
        Paging.Page<DeadLetterView> page = Paging.page(letters, request, d -> Long.toString(d.id()), "dead-letters",
                Comparator.comparingLong(Long::parseLong));
        ex.json(200, json.write(new Views.DeadLetters(page.items().stream().map(Views.DeadLetter::of).toList(),
                page.nextCursor())));
    }

    private void replay(Exchange ex) throws InterruptedException {
        long id = number(ex.pathParam("id"), "dead letter");
        DeadLetterView letter = engine.deadLetters().stream().filter(d -> d.id() == id).findFirst()
                .orElseThrow(() -> HttpError.notFound("no dead letter " + id));
        LogContext.store(letter.storeId());
        RunView run = engine.replayDeadLetter(id);
        LOG.info("event=dead_letter_replayed dead_letter={} run={} status={}", id, run.id(), run.status());
        ex.json(200, json.write(Views.Run.of(run)));
    }

    private StoreView store(Exchange ex) {
        String id = ex.pathParam("id");
        LogContext.store(id);
        try {
            return engine.store(id).orElseThrow(() -> HttpError.notFound("no store " + id));
        } catch (IllegalArgumentException e) {
            throw HttpError.notFound("no store " + id);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String text) {
        for (E e : type.getEnumConstants()) {
            if (Views.lower(e).equals(text) && !e.name().equals("UNKNOWN")) {
                return e;
            }
        }
        throw Paging.invalid(parameter, "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .filter(e -> !e.name().equals("UNKNOWN")).map(Views::lower).collect(Collectors.joining(", ")));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw Paging.invalid("since", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static long number(String text, String what) {
        try {
            long n = Long.parseLong(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpError.notFound("no " + what + " " + text);
    }
}
