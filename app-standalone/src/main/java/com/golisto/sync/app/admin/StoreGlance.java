package com.golisto.sync.app.admin;

import com.golisto.sync.app.http.Html;
import com.golisto.sync.core.DeadLetterView;
import com.golisto.sync.core.HealthCheck;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreActivity;
import com.golisto.sync.core.StoreView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One store at a glance on the dashboard: its connection, its last full and incremental pass (a pass with
 * failed items shows as failed, not green), what it is doing and will do ({@link ActivityHtml}: a running pass's
 * progress, next passes, listings, order lag, webhooks), a product search box, the last successful order poll,
 * its own health checks (webhooks among them), its dead letters with their reasons, and, for a signed-in
 * browser, its buttons. Every dynamic value is escaped.
 */
final class StoreGlance {
    /** Styles of the cards; the page frame already sets the viewport for phones. */
    static final String STYLE = "<style>.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(19rem,1fr));"
            + "gap:1rem}.card{border:1px solid #ddd;border-radius:.4rem;padding:.6rem .9rem}.card h3{margin:.2rem 0}"
            + ".card dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .6rem;margin:.4rem 0}.card dt{color:#555}"
            + ".card dd{margin:0}.actions form{display:inline-block;margin:.2rem .3rem .2rem 0}.scroll{overflow-x:auto}"
            + ".notice{background:#eef6ee;padding:.4rem .6rem;border-radius:.3rem}"
            + "@media (max-width:40rem){body{margin:1rem auto}th,td{font-size:.85rem;padding:.25rem}}</style>";

    private StoreGlance() {
    }

    /**
     * Appends one store's card.
     *
     * @param activity what the store is doing and will do; null when the engine does not say
     * @param runs the store's recent runs, newest first
     * @param checks the store's own health checks
     * @param letters the store's dead letters
     * @param csrf the session's CSRF token; {@code null} shows no buttons
     */
    static void card(StringBuilder out, StoreView s, @Nullable StoreActivity activity, List<RunView> runs,
            List<HealthCheck> checks, List<DeadLetterView> letters, @Nullable String csrf) {
        boolean connected = s.approved();
        out.append("<div class=\"card\" id=\"store-").append(Html.escape(s.id())).append("\"><h3>")
                .append(Html.escape(s.id())).append("</h3><dl><dt>Connection</dt><dd class=\"connection ")
                .append(connected ? "ok" : "bad").append("\">").append(Html.escape(status(s))).append("</dd>")
                .append("<dt>Golisto account</dt><dd>").append(Html.escape(orDash(s.accountId()))).append("</dd>")
                .append("<dt>Shop keys</dt><dd>").append(s.shopCredentialsPresent() ? "present" : "missing").append("</dd>");
        pass(out, "Last full sync", "last-full", latest(runs, RunKind.FULL));
        pass(out, "Last incremental", "last-incremental", latest(runs, RunKind.INCREMENTAL));
        ActivityHtml.rows(out, activity, runs, letters);
        out.append("<dt>Last order poll</dt><dd class=\"order-poll\">")
                .append(Html.escape(s.orderPolls().lastPoll().map(StoreGlance::time).orElse("none yet"))).append("</dd>");
        long failing = checks.stream().filter(c -> !c.passing()).count();
        out.append("<dt>Checks</dt><dd class=\"checks ").append(failing == 0 ? "ok" : "bad").append("\">")
                .append(failing == 0 ? "all " + checks.size() + " pass" : failing + " of " + checks.size() + " failing");
        for (HealthCheck c : checks) {
            if (!c.passing() || c.name().toLowerCase(Locale.ROOT).contains("webhook")) {
                out.append("<br><span class=\"").append(c.passing() ? "ok" : "bad").append("\">")
                        .append(Html.escape(c.name())).append(": ").append(c.passing() ? "pass" : "fail")
                        .append("</span> <span class=\"muted\">").append(Html.escape(c.reason())).append("</span>");
            }
        }
        out.append("</dd><dt>Dead letters</dt><dd class=\"dead-letters ").append(letters.isEmpty() ? "ok" : "bad")
                .append("\">").append(letters.size());
        for (DeadLetterView d : letters) {
            out.append("<br><span class=\"muted\">").append(Html.escape(d.kind())).append(' ')
                    .append(Html.escape(d.itemId())).append(":</span> ").append(Html.escape(d.reason()));
        }
        out.append("</dd></dl>").append(ProductHtml.searchForm(s.id(), null));
        if (csrf != null) {
            String base = "/dashboard/stores/" + s.id();
            out.append("<div class=\"actions\">");
            if (connected) {
                out.append(form(base + "/sync", csrf, "Sync now (full)", "sync-full", "mode", "full"))
                        .append(form(base + "/sync", csrf, "Sync now (incremental)", "sync-incremental", "mode",
                                "incremental"))
                        .append(form(base + "/sync", csrf, "Dry run (full)", "sync-dry-run", "mode", "dry-run"))
                        .append(form(base + "/webhooks", csrf, "Re-register webhooks", "webhooks-register", null, null))
                        .append("<a class=\"dry-run-report\" href=\"").append(Html.escape(DryRunHtml.path(s.id())))
                        .append("\">Last dry run</a>");
            }
            for (DeadLetterView d : letters) {
                out.append(form("/dashboard/dead-letters/" + d.id() + "/replay", csrf, "Replay dead letter " + d.id(),
                        "replay-" + d.id(), null, null));
            }
            if (connected) {
                // the next page asks to confirm (an inline confirm() would be refused by the Content-Security-Policy)
                out.append(form(base + "/disconnect", csrf, "Disconnect", "disconnect", null, null));
            }
            out.append("</div>");
        }
        out.append("</div>");
    }

    /** The CSS class of a run: failed when it failed or any of its items did, ok when it succeeded cleanly. */
    static String runClass(RunView r) {
        if (r.status() == RunStatus.FAILED || r.counts().failed() > 0) {
            return "bad failed";
        }
        return r.status() == RunStatus.SUCCEEDED ? "ok" : "muted";
    }

    /** A run's status in words; a pass that succeeded with failed items says so. */
    static String runStatus(RunView r) {
        String st = lower(r.status());
        return r.status() == RunStatus.SUCCEEDED && r.counts().failed() > 0
                ? "partly failed (" + r.counts().failed() + " failed)" : st;
    }

    private static void pass(StringBuilder out, String label, String cls, Optional<RunView> run) {
        out.append("<dt>").append(label).append("</dt><dd class=\"").append(cls).append(' ')
                .append(run.map(StoreGlance::runClass).orElse("muted")).append("\">");
        if (run.isEmpty()) {
            out.append("none yet");
        } else {
            RunView r = run.get();
            out.append(Html.escape(runStatus(r))).append(", ")
                    .append(Html.escape(time(r.finishedAt() == null ? r.startedAt() : r.finishedAt())))
                    .append(" <span class=\"muted\">(").append(r.counts().read()).append(" read, ")
                    .append(r.counts().created() + r.counts().updated()).append(" written)</span>");
            if (r.error() != null) {
                out.append("<br><span class=\"bad\">").append(Html.escape(r.error())).append("</span>");
            }
        }
        out.append("</dd>");
    }

    private static Optional<RunView> latest(List<RunView> runs, RunKind kind) {
        return runs.stream().filter(r -> r.kind() == kind).findFirst();
    }

    /** A one-button form posting the CSRF token (and one optional field); dynamic parts are escaped. */
    static String form(String action, String csrf, String label, String cls, @Nullable String field,
            @Nullable String value) {
        return "<form method=\"post\" action=\"" + Html.escape(action) + "\"><input type=\"hidden\" name=\""
                + AdminAuth.CSRF_FIELD + "\" value=\"" + Html.escape(csrf) + "\">"
                + (field == null ? "" : "<input type=\"hidden\" name=\"" + Html.escape(field) + "\" value=\""
                        + Html.escape(value) + "\">")
                + "<button class=\"" + Html.escape(cls) + "\">" + Html.escape(label) + "</button></form>";
    }

    static String status(StoreView s) {
        String st = lower(s.status()).replace('_', ' ');
        return s.reason().map(r -> st + " (" + r + ")").orElse(st);
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static String orDash(@Nullable String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
