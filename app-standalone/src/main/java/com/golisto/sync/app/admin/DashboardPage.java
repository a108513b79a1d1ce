package com.golisto.sync.app.admin;

import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.app.health.FreeSpace;
import com.golisto.sync.app.health.RunnerHealth;
import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.app.http.Html;
import com.golisto.sync.app.http.HttpError;
import com.golisto.sync.app.http.LogContext;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.core.DeadLetterView;
import com.golisto.sync.core.EngineHealth;
import com.golisto.sync.core.HealthCheck;
import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.core.SyncMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /}: a small page with the readiness checks (as {@code /api/health} shows them, details included),
 * every store, its connection status, its last runs with their counts, and the dead letters. Every value is escaped. It needs the admin token ({@link AdminAuth#dashboardAllowed}:
 * a session from {@code /login}, or the token itself) unless the operator opened it; without, the browser is
 * sent to {@code /login}. A signed-in browser also gets a "sync now" button per store:
 * {@code POST /dashboard/stores/{id}/sync}, which needs the session's CSRF token ({@link AdminAuth#requireAction}).
 */
public final class DashboardPage {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardPage.class);
    private static final int RUNS_PER_STORE = 5;
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

    /** The routes. */
    public List<Route> routes() {
        return List.of(Route.get("/", this::render), Route.post("/dashboard/stores/{id}/sync", this::syncNow));
    }

    private void syncNow(Exchange ex) {
        auth.requireAction(ex, ex.form());
        String id = ex.pathParam("id");
        LogContext.store(id);
        Optional<StoreView> store;
        try {
            store = engine.store(id);
        } catch (IllegalArgumentException e) {
            store = Optional.empty();
        }
        if (store.isEmpty()) {
            throw HttpError.notFound("no such store");
        }
        try {
            RunId run = engine.sync(store.get().id(), SyncMode.INCREMENTAL);
            LOG.info("event=sync_requested mode=incremental run={} via=dashboard", run);
        } catch (NotApprovedException e) {
            ex.html(409, Html.page("Golisto Sync", "<h1>Not synced</h1><p>" + Html.escape(e.getMessage())
                    + "</p><p><a href=\"/\">Back to the dashboard</a></p>"));
            return;
        }
        ex.redirect("/");
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
        StringBuilder body = new StringBuilder("<h1>Golisto Sync</h1>");
        if (csrf != null) {
            body.append(form("/logout", csrf, "Sign out"));
        }
        body.append("<p class=\"muted\">").append(stores.size()).append(stores.size() == 1 ? " store, " : " stores, ")
                .append(letters.size()).append(letters.size() == 1 ? " dead letter" : " dead letters")
                .append(" · <a href=\"/metrics\">metrics</a> · <a href=\"/readyz\">readiness</a></p>");
        health(body);
        body.append("<h2>Stores</h2>");
        if (stores.isEmpty()) {
            body.append("<p>No store yet. Add one with <code>stores add</code> or <code>POST /api/stores</code>.</p>");
        } else {
            body.append("<table><tr><th>Store</th><th>Status</th><th>Golisto account</th><th>Shop keys</th>"
                    + "<th>Dead letters</th><th>Updated</th>" + (csrf == null ? "" : "<th></th>") + "</tr>");
            for (StoreView s : stores) {
                long dead = letters.stream().filter(d -> d.storeId().equals(s.id())).count();
                body.append("<tr><td>").append(Html.escape(s.id())).append("</td><td class=\"")
                        .append(s.approved() ? "ok" : "muted").append("\">").append(Html.escape(status(s)))
                        .append("</td><td>").append(Html.escape(orDash(s.accountId()))).append("</td><td>")
                        .append(s.shopCredentialsPresent() ? "present" : "missing").append("</td><td>")
                        .append(dead).append("</td><td>").append(Html.escape(time(s.updatedAt()))).append("</td>");
                if (csrf != null) {
                    body.append("<td>").append(s.approved() ? form("/dashboard/stores/" + s.id() + "/sync", csrf, "Sync now")
                            : "").append("</td>");
                }
                body.append("</tr>");
            }
            body.append("</table>");
            body.append("<h2>Last runs</h2><table><tr><th>Store</th><th>Run</th><th>Kind</th><th>Status</th>"
                    + "<th>Started</th><th>Finished</th><th>Read</th><th>Created</th><th>Updated</th>"
                    + "<th>Deleted</th><th>Unchanged</th><th>Failed</th><th>Requests</th></tr>");
            for (StoreView s : stores.subList(0, Math.min(stores.size(), STORES_WITH_RUNS))) {
                for (RunView r : engine.recentRuns(s.id(), RUNS_PER_STORE)) {
                    RunCounts c = r.counts();
                    body.append("<tr><td>").append(Html.escape(r.storeId())).append("</td><td>").append(r.id().value())
                            .append("</td><td>").append(Html.escape(lower(r.kind()))).append("</td><td class=\"")
                            .append(outcomeClass(r)).append("\" title=\"").append(Html.escape(orDash(r.error())))
                            .append("\">").append(Html.escape(outcome(r))).append("</td><td>")
                            .append(Html.escape(time(r.startedAt()))).append("</td><td>")
                            .append(Html.escape(r.finishedAt() == null ? "-" : time(r.finishedAt()))).append("</td>");
                    for (long n : new long[] {c.read(), c.created(), c.updated(), c.deleted(), c.unchanged(), c.failed(),
                            c.requests()}) {
                        body.append("<td>").append(n).append("</td>");
                    }
                    body.append("</tr>");
                }
            }
            body.append("</table>");
            if (stores.size() > STORES_WITH_RUNS) {
                body.append("<p class=\"muted\">Runs of the first ").append(STORES_WITH_RUNS)
                        .append(" stores; see <code>GET /api/stores/{id}</code> for the others.</p>");
            }
        }
        body.append("<h2>Dead letters</h2>");
        if (letters.isEmpty()) {
            body.append("<p>None.</p>");
        } else {
            body.append("<table><tr><th>Id</th><th>Store</th><th>Kind</th><th>Item</th><th>Reason</th><th>Attempts</th>"
                    + "<th>Since</th></tr>");
            for (DeadLetterView d : letters) {
                body.append("<tr><td>").append(d.id()).append("</td><td>").append(Html.escape(d.storeId()))
                        .append("</td><td>").append(Html.escape(d.kind())).append("</td><td>")
                        .append(Html.escape(d.itemId())).append("</td><td>").append(Html.escape(d.reason()))
                        .append("</td><td>").append(d.attempts()).append("</td><td>")
                        .append(Html.escape(time(d.createdAt()))).append("</td></tr>");
            }
            body.append("</table><p class=\"muted\">Replay with <code>dead-letters replay ID</code> or"
                    + " <code>POST /api/dead-letters/{id}/replay</code>.</p>");
        }
        ex.html(200, Html.page("Golisto Sync", body.toString()));
    }

    /** The readiness checks, failing ones first, with the operator's details. */
    private void health(StringBuilder body) {
        EngineHealth now = health.current();
        body.append("<h2>Health</h2><p class=\"").append(now.ready() ? "ok\">Ready" : "bad\">Not ready: "
                + now.failing().size() + " failing").append("</p><table><tr><th>Check</th><th>Store</th><th>Status</th>"
                + "<th>Reason</th><th>Detail</th></tr>");
        List<HealthCheck> ordered = new java.util.ArrayList<>(now.failing());
        now.checks().stream().filter(HealthCheck::passing).forEach(ordered::add);
        for (HealthCheck c : ordered) {
            body.append("<tr><td>").append(Html.escape(c.name())).append("</td><td>")
                    .append(Html.escape(orDash(c.storeId()))).append("</td><td class=\"")
                    .append(c.passing() ? "ok\">pass" : "bad\">fail").append("</td><td>")
                    .append(Html.escape(c.reason())).append("</td><td>").append(Html.escape(orDash(c.detail())))
                    .append("</td></tr>");
        }
        body.append("</table>");
    }

    /** A one-button form posting the CSRF token; the action's dynamic parts are escaped. */
    private static String form(String action, String csrf, String label) {
        return "<form method=\"post\" action=\"" + Html.escape(action) + "\"><input type=\"hidden\" name=\""
                + AdminAuth.CSRF_FIELD + "\" value=\"" + Html.escape(csrf) + "\"><button>" + Html.escape(label)
                + "</button></form>";
    }

    /** A run's outcome as shown: a run that finished but gave up on items is "partly failed", not green. */
    static String outcome(RunView r) {
        return r.status() == RunStatus.SUCCEEDED && r.counts().failed() > 0 ? "partly failed" : lower(r.status());
    }

    /** The CSS class of a run's outcome: failed and partly failed runs look failed. */
    static String outcomeClass(RunView r) {
        if (r.status() == RunStatus.FAILED || r.counts().failed() > 0) {
            return "bad";
        }
        return r.status() == RunStatus.SUCCEEDED ? "ok" : "muted";
    }

    private static String status(StoreView s) {
        String st = lower(s.status()).replace('_', ' ');
        return s.reason().map(r -> st + " (" + r + ")").orElse(st);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String orDash(@Nullable String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
