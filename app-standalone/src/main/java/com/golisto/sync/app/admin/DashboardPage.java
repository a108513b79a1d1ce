package com.golisto.sync.app.admin;

import com.golisto.sync.app.health.FreeSpace;
import com.golisto.sync.app.health.RunnerHealth;
import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.app.http.Html;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.core.DeadLetterView;
import com.golisto.sync.core.EngineHealth;
import com.golisto.sync.core.HealthCheck;
import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /}: a small page with the readiness checks (as {@code /api/health} shows them, details included),
 * a card per store ({@link StoreGlance}: connection, last full and incremental pass, last order poll, its health
 * checks, its dead letters), the last runs with their counts (a run with failed items shows as failed), and the
 * dead letters. Every value is escaped. It needs the admin token ({@link AdminAuth#dashboardAllowed}: a session
 * from {@code /login}, or the token itself) unless the operator opened it; without, the browser is sent to
 * {@code /login}. A signed-in browser also gets the buttons of {@link DashboardActions} (sync now, replay,
 * disconnect), each needing the session's CSRF token ({@link AdminAuth#requireAction}).
 */
public final class DashboardPage {
    private static final int RUNS_PER_STORE = 5;
    /** Runs read per store to find its last full and incremental pass. */
    private static final int RUNS_READ = 25;
    /** Past this many stores, only the first ones' runs are shown (one query per store). */
    private static final int STORES_WITH_RUNS = 50;

    private final SyncEngine engine;
    private final AdminAuth auth;
    private final boolean open;
    private final RunnerHealth health;

    /**
     * A page whose health section shows the engine's checks only (no disk check).
     *
     * @param engine read for stores, runs, dead letters and health
     * @param auth decides who may see the page
     * @param open whether the page is shown without the admin token (its actions still need it)
     */
    public DashboardPage(SyncEngine engine, AdminAuth auth, boolean open) {
        this(engine, auth, open, new RunnerHealth(engine, java.nio.file.Path.of("."), 0, FreeSpace.OF_FILE_STORE));
    }

    /**
     * @param engine read for stores, runs and dead letters
     * @param auth decides who may see the page
     * @param open whether the page is shown without the admin token (its actions still need it)
     * @param health the readiness checks shown at the top
     */
    public DashboardPage(SyncEngine engine, AdminAuth auth, boolean open, RunnerHealth health) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.open = open;
        this.health = Objects.requireNonNull(health, "health");
    }

    /** The routes: the page and its actions ({@link DashboardActions}). */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.get("/", this::render));
        routes.addAll(new DashboardActions(engine, auth).routes());
        routes.addAll(new ProductPage(engine, auth, open).routes());
        return List.copyOf(routes);
    }

    private void render(Exchange ex) {
        Optional<String> session = auth.session(ex);
        if (session.isEmpty() && !open && !auth.dashboardAllowed(ex)) {
            ex.redirect("/login");
            return;
        }
        String csrf = session.map(auth::csrfToken).orElse(null);
        List<StoreView> stores = engine.stores();
        List<DeadLetterView> letters = engine.deadLetters();
        EngineHealth now = health.current();
        StringBuilder body = new StringBuilder(StoreGlance.STYLE).append(ProductHtml.STYLE).append("<h1>Golisto Sync</h1>");
        if (csrf != null) {
            body.append(StoreGlance.form("/logout", csrf, "Sign out", "sign-out", null, null));
        }
        notice(body, ex.query("done").orElse(null), ex.query("run").orElse(null));
        body.append("<p class=\"muted\">").append(stores.size()).append(stores.size() == 1 ? " store, " : " stores, ")
                .append(letters.size()).append(letters.size() == 1 ? " dead letter" : " dead letters")
                .append(" · <a href=\"/metrics\">metrics</a> · <a href=\"/readyz\">readiness</a></p>");
        health(body, now);
        body.append("<h2>Stores</h2>");
        if (stores.isEmpty()) {
            body.append("<p>No store yet. Add one with <code>stores add</code> or <code>POST /api/stores</code>.</p>");
        } else {
            List<StoreView> shown = stores.subList(0, Math.min(stores.size(), STORES_WITH_RUNS));
            Map<String, List<RunView>> runs = new HashMap<>();
            for (StoreView s : shown) {
                runs.put(s.id(), engine.recentRuns(s.id(), RUNS_READ));
            }
            body.append("<div class=\"cards\">");
            for (StoreView s : shown) {
                StoreGlance.card(body, s, engine.activity(s.id()).orElse(null), runs.getOrDefault(s.id(), List.of()),
                        now.checks().stream().filter(c -> s.id().equals(c.storeId())).toList(),
                        letters.stream().filter(d -> d.storeId().equals(s.id())).toList(), csrf);
            }
            body.append("</div>");
            body.append("<h2>Last runs</h2><div class=\"scroll\"><table class=\"runs\"><tr><th>Store</th><th>Run</th>"
                    + "<th>Kind</th><th>Status</th><th>Started</th><th>Finished</th><th>Read</th><th>Created</th>"
                    + "<th>Updated</th><th>Deleted</th><th>Unchanged</th><th>Skipped</th><th>Failed</th><th>Requests</th></tr>");
            for (StoreView s : shown) {
                for (RunView r : runs.getOrDefault(s.id(), List.<RunView>of()).stream().limit(RUNS_PER_STORE).toList()) {
                    RunCounts c = r.counts();
                    body.append("<tr id=\"run-").append(r.id().value()).append("\"><td>").append(Html.escape(r.storeId()))
                            .append("</td><td>").append(r.id().value()).append("</td><td>")
                            .append(Html.escape(StoreGlance.lower(r.kind()))).append("</td><td class=\"status ")
                            .append(StoreGlance.runClass(r)).append("\" title=\"")
                            .append(Html.escape(StoreGlance.orDash(r.error()))).append("\">")
                            .append(Html.escape(StoreGlance.runStatus(r))).append("</td><td>")
                            .append(Html.escape(StoreGlance.time(r.startedAt()))).append("</td><td>")
                            .append(Html.escape(r.finishedAt() == null ? "-" : StoreGlance.time(r.finishedAt())))
                            .append("</td>");
                    for (long n : new long[] {c.read(), c.created(), c.updated(), c.deleted(), c.unchanged()}) {
                        body.append("<td>").append(n).append("</td>");
                    }
                    // the reasons in the cell's tooltip: "draft 2, no price 1"
                    body.append("<td class=\"skipped\" title=\"").append(Html.escape(c.skippedReasons().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))))
                            .append("\">").append(c.skipped()).append("</td><td>").append(c.failed()).append("</td><td>")
                            .append(c.requests()).append("</td>");
                    body.append("</tr>");
                }
            }
            body.append("</table></div>");
            if (stores.size() > STORES_WITH_RUNS) {
                body.append("<p class=\"muted\">Cards and runs of the first ").append(STORES_WITH_RUNS)
                        .append(" stores; see <code>GET /api/stores/{id}</code> for the others.</p>");
            }
        }
        body.append("<h2>Dead letters</h2>");
        if (letters.isEmpty()) {
            body.append("<p>None.</p>");
        } else {
            body.append("<div class=\"scroll\"><table class=\"dead-letters\"><tr><th>Id</th><th>Store</th><th>Kind</th>"
                    + "<th>Item</th><th>Reason</th><th>Attempts</th><th>Since</th>" + (csrf == null ? "" : "<th></th>")
                    + "</tr>");
            for (DeadLetterView d : letters) {
                body.append("<tr id=\"dead-letter-").append(d.id()).append("\"><td>").append(d.id()).append("</td><td>")
                        .append(Html.escape(d.storeId())).append("</td><td>").append(Html.escape(d.kind()))
                        .append("</td><td>").append(Html.escape(d.itemId())).append("</td><td>")
                        .append(Html.escape(d.reason())).append("</td><td>").append(d.attempts()).append("</td><td>")
                        .append(Html.escape(StoreGlance.time(d.createdAt()))).append("</td>");
                if (csrf != null) {
                    body.append("<td>").append(StoreGlance.form("/dashboard/dead-letters/" + d.id() + "/replay", csrf,
                            "Replay", "replay", null, null)).append("</td>");
                }
                body.append("</tr>");
            }
            body.append("</table></div><p class=\"muted\">Replay with <code>dead-letters replay ID</code> or"
                    + " <code>POST /api/dead-letters/{id}/replay</code>.</p>");
        }
        if (body.indexOf("class=\"progress running\"") >= 0) {
            ex.responseHeader("Refresh", Integer.toString(ActivityHtml.REFRESH_SECONDS));
        }
        ex.html(200, Html.page("Golisto Sync", body.toString()));
    }

    /** What the last action did, from the redirect's query (known values only). */
    private static void notice(StringBuilder body, @Nullable String done, @Nullable String run) {
        String what = done == null ? null : switch (done) {
            case "sync-full" -> "Full sync started";
            case "sync-incremental" -> "Incremental sync started";
            case "dry-run" -> "Dry run started (its report: the store's Last dry run link)";
            case "replay" -> "Dead letter replayed";
            case "webhooks" -> "Webhooks re-registered and checked";
            case "disconnect" -> "Store disconnected";
            default -> null;
        };
        if (what != null) {
            body.append("<p class=\"notice\">").append(what);
            if (run != null && run.matches("\\d{1,18}")) {
                body.append(": <a href=\"#run-").append(run).append("\">run ").append(run).append("</a>");
            }
            body.append(".</p>");
        }
    }

    /** The readiness checks, failing ones first, with the operator's details. */
    private static void health(StringBuilder body, EngineHealth now) {
        body.append("<h2>Health</h2><p class=\"").append(now.ready() ? "ok\">Ready" : "bad\">Not ready: "
                + now.failing().size() + " failing").append("</p><table><tr><th>Check</th><th>Store</th><th>Status</th>"
                + "<th>Reason</th><th>Detail</th></tr>");
        List<HealthCheck> ordered = new ArrayList<>(now.failing());
        now.checks().stream().filter(HealthCheck::passing).forEach(ordered::add);
        for (HealthCheck c : ordered) {
            body.append("<tr><td>").append(Html.escape(c.name())).append("</td><td>")
                    .append(Html.escape(StoreGlance.orDash(c.storeId()))).append("</td><td class=\"")
                    .append(c.passing() ? "ok\">pass" : "bad\">fail").append("</td><td>")
                    .append(Html.escape(c.reason())).append("</td><td>").append(Html.escape(StoreGlance.orDash(c.detail())))
                    .append("</td></tr>");
        }
        body.append("</table>");
    }

}
