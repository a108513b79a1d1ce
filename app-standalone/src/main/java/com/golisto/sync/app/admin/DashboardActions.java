package com.golisto.sync.app.admin;

import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.app.http.Html;
import com.golisto.sync.app.http.HttpError;
import com.golisto.sync.app.http.LogContext;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.core.SyncMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's buttons, each a {@code POST} form that needs a signed-in session and its CSRF token
 * ({@link AdminAuth#requireAction}); a forged or token-less post is refused before anything happens:
 * <ul>
 *   <li>{@code POST /dashboard/stores/{id}/sync} with {@code mode=full|incremental|dry-run} (incremental when
 *       absent; a dry run computes a full pass and writes nothing, its report at {@code /stores/{id}/dry-run})</li>
 *   <li>{@code POST /dashboard/stores/{id}/webhooks}: re-registers the shop webhooks (missing ones registered,
 *       disabled ones re-activated) by an incremental pass, whose first step that is, and waits for it up to
 *       {@value #WEBHOOKS_WAIT_SECONDS} s so the page shows the new state</li>
 *   <li>{@code POST /dashboard/stores/{id}/disconnect}: without {@code confirm=yes} a page that asks first</li>
 *   <li>{@code POST /dashboard/dead-letters/{id}/replay} (waits for the replay run)</li>
 * </ul>
 * Each sends the browser back to {@code /} with a short notice naming what happened.
 */
final class DashboardActions {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardActions.class);

    static final int WEBHOOKS_WAIT_SECONDS = 30;

    private final SyncEngine engine;
    private final AdminAuth auth;

    DashboardActions(SyncEngine engine, AdminAuth auth) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.auth = Objects.requireNonNull(auth, "auth");
    }

    List<Route> routes() {
        return List.of(
                Route.post("/dashboard/stores/{id}/sync", this::syncNow),
                Route.post("/dashboard/stores/{id}/webhooks", this::webhooks),
                Route.post("/dashboard/stores/{id}/disconnect", this::disconnect),
                Route.post("/dashboard/dead-letters/{id}/replay", this::replay));
    }

    private void syncNow(Exchange ex) {
        Map<String, String> form = ex.form();
        auth.requireAction(ex, form);
        StoreView store = store(ex);
        try {
            if ("dry-run".equals(form.get("mode"))) {
                RunId run = engine.dryRun(store.id());
                LOG.info("event=dry_run_requested run={} via=dashboard", run);
                ex.redirect("/?done=dry-run&run=" + run.value());
                return;
            }
            SyncMode mode = "full".equals(form.get("mode")) ? SyncMode.FULL : SyncMode.INCREMENTAL;
            RunId run = engine.sync(store.id(), mode);
            LOG.info("event=sync_requested mode={} run={} via=dashboard", lower(mode), run);
            ex.redirect("/?done=sync-" + lower(mode) + "&run=" + run.value());
        } catch (NotApprovedException e) {
            refused(ex, "Not synced", String.valueOf(e.getMessage()));
        }
    }

    private void webhooks(Exchange ex) throws InterruptedException {
        auth.requireAction(ex, ex.form());
        StoreView store = store(ex);
        try {
            RunId run = engine.sync(store.id(), SyncMode.INCREMENTAL);
            RunView done = engine.awaitRun(run, Duration.ofSeconds(WEBHOOKS_WAIT_SECONDS));
            LOG.info("event=webhooks_reregistered run={} status={} via=dashboard", run, lower(done.status()));
            ex.redirect("/?done=webhooks&run=" + run.value());
        } catch (NotApprovedException e) {
            refused(ex, "Webhooks not registered", String.valueOf(e.getMessage()));
        }
    }

    private void disconnect(Exchange ex) throws InterruptedException {
        Map<String, String> form = ex.form();
        auth.requireAction(ex, form);
        StoreView store = store(ex);
        if (!"yes".equals(form.get("confirm"))) {
            // asked on a page of its own: the Content-Security-Policy refuses an inline confirm() script
            String csrf = form.getOrDefault(AdminAuth.CSRF_FIELD, "");
            ex.html(200, Html.page("Golisto Sync", "<h1>Disconnect " + Html.escape(store.id()) + "?</h1><p>Golisto"
                    + " ends the connection, the shop's webhooks are removed, the store's work stops and its keys are"
                    + " erased. Connecting it again starts over with a new approval.</p>"
                    + StoreGlance.form("/dashboard/stores/" + store.id() + "/disconnect", csrf, "Disconnect",
                            "disconnect-confirm", "confirm", "yes")
                    + "<p><a href=\"/\">Cancel</a></p>"));
            return;
        }
        StoreView after = engine.disconnect(store.id());
        LOG.info("event=store_disconnected status={} via=dashboard", lower(after.status()));
        ex.redirect("/?done=disconnect");
    }

    private void replay(Exchange ex) throws InterruptedException {
        auth.requireAction(ex, ex.form());
        long id;
        try {
            id = Long.parseLong(ex.pathParam("id"));
        } catch (NumberFormatException e) {
            throw HttpError.notFound("no such dead letter");
        }
        if (engine.deadLetters().stream().noneMatch(d -> d.id() == id)) {
            throw HttpError.notFound("no such dead letter");
        }
        RunView run = engine.replayDeadLetter(id);
        LOG.info("event=dead_letter_replayed id={} run={} failed={} via=dashboard", id, run.id(), run.counts().failed());
        ex.redirect("/?done=replay&run=" + run.id().value());
    }

    private StoreView store(Exchange ex) {
        String id = ex.pathParam("id");
        LogContext.store(id);
        Optional<StoreView> store;
        try {
            store = engine.store(id);
        } catch (IllegalArgumentException e) {
            store = Optional.empty();
        }
        return store.orElseThrow(() -> HttpError.notFound("no such store"));
    }

    private static void refused(Exchange ex, String heading, String why) {
        ex.html(409, Html.page("Golisto Sync", "<h1>" + Html.escape(heading) + "</h1><p>" + Html.escape(why)
                + "</p><p><a href=\"/\">Back to the dashboard</a></p>"));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
