package com.golisto.sync.app.admin;

import com.golisto.sync.app.http.Html;
import com.golisto.sync.core.DeadLetterView;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunProgress;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreActivity;
import com.golisto.sync.core.WebhookHealth;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a store's card that say what it is doing and will do ({@link StoreActivity}): a running pass's
 * progress (pages, products, rate, ETA), the next full and incremental passes, listings on Golisto against the
 * shop's products the ledger knows, the order lag and the shop webhooks' health. Rows of the card's {@code dl};
 * every dynamic value is escaped.
 */
final class ActivityHtml {
    /**
     * Seconds after which a dashboard showing a running pass reloads itself (a {@code Refresh} header: no script,
     * which the runner's Content-Security-Policy would refuse, and no build step), so the progress moves; the
     * page reloaded after the pass ended has no progress and stops reloading.
     */
    static final int REFRESH_SECONDS = 5;

    private ActivityHtml() {
    }

    /** Appends the activity rows (inside the card's {@code dl}); nothing but the order lag without an activity. */
    static void rows(StringBuilder out, @Nullable StoreActivity a, List<RunView> runs,
            List<DeadLetterView> letters) {
        if (a != null) {
            progress(out, a.running());
            out.append("<dt>Next full sync</dt><dd class=\"next-full\">").append(Html.escape(orNotScheduled(a.nextFull())))
                    .append("</dd><dt>Next incremental</dt><dd class=\"next-incremental\">")
                    .append(Html.escape(orNotScheduled(a.nextIncremental()))).append("</dd>");
            out.append("<dt>Listings</dt><dd class=\"listings\">").append(a.listings()).append(" on Golisto of ")
                    .append(a.ledgerProducts()).append(" shop products known");
            if (a.ledgerProducts() > 0) {
                out.append("<br><span class=\"muted\">");
                String sep = "";
                for (var e : a.ledgerOutcomes().entrySet()) {
                    out.append(sep).append(Html.escape(e.getKey())).append(' ').append(e.getValue());
                    sep = " · ";
                }
                out.append("</span>");
            }
            out.append("</dd>");
        }
        orderLag(out, runs, letters);
        if (a != null) {
            webhooks(out, a.webhooks());
        }
    }

    /** The running pass, or nothing when none runs. */
    static void progress(StringBuilder out, @Nullable RunProgress p) {
        if (p == null) {
            return;
        }
        out.append("<dt>Running</dt><dd class=\"progress running\" id=\"progress-").append(p.runId().value())
                .append("\">").append(Html.escape(StoreGlance.lower(p.kind()))).append(" run ").append(p.runId().value())
                .append(": <span class=\"pages\">").append(p.pages()).append(p.pages() == 1 ? " page" : " pages")
                .append("</span>, <span class=\"items\">").append(p.items());
        if (p.expectedItems() != null) {
            out.append(" of ~").append(p.expectedItems());
        }
        out.append(p.items() == 1 ? " product" : " products").append("</span>, <span class=\"rate\">");
        out.append(p.itemsPerSecond().isPresent()
                ? String.format(Locale.ROOT, "%.1f", p.itemsPerSecond().getAsDouble()) + " products/s" : "rate -")
                .append("</span>, <span class=\"eta\">ETA ")
                .append(Html.escape(p.eta().map(StoreGlance::time).orElse("unknown"))).append("</span>")
                .append("<br><span class=\"muted\">since ").append(Html.escape(StoreGlance.time(p.startedAt())))
                .append("</span></dd>");
    }

    /** The oldest sale not imported (an order dead letter) and the last import (an order poll that created). */
    static void orderLag(StringBuilder out, List<RunView> runs, List<DeadLetterView> letters) {
        Optional<DeadLetterView> oldest = letters.stream().filter(d -> d.kind().equalsIgnoreCase("order"))
                .min(Comparator.comparing(DeadLetterView::createdAt));
        long waiting = letters.stream().filter(d -> d.kind().equalsIgnoreCase("order")).count();
        Optional<RunView> lastImport = runs.stream().filter(r -> r.kind() == RunKind.ORDERS
                && r.status() == RunStatus.SUCCEEDED && r.counts().created() > 0).findFirst();
        out.append("<dt>Order lag</dt><dd class=\"order-lag ").append(oldest.isEmpty() ? "ok" : "bad").append("\">");
        if (oldest.isEmpty()) {
            out.append("every sale imported");
        } else {
            out.append("oldest unimported sale ").append(Html.escape(oldest.get().itemId())).append(" since ")
                    .append(Html.escape(StoreGlance.time(oldest.get().createdAt()))).append(" (").append(waiting)
                    .append(" waiting)");
        }
        out.append("<br><span class=\"muted\">last import: ").append(Html.escape(lastImport
                .map(r -> StoreGlance.time(r.finishedAt() == null ? r.startedAt() : r.finishedAt())
                        + " (" + r.counts().created() + " orders)")
                .orElse("none among the recent runs"))).append("</span></dd>");
    }

    /** Registered, active and disabled webhooks from the last check, and the deliveries received. */
    static void webhooks(StringBuilder out, WebhookHealth w) {
        boolean bad = w.problem() != null || w.active() != null && w.registered() != null && w.active() < w.registered();
        out.append("<dt>Webhooks</dt><dd class=\"webhooks ").append(bad ? "bad" : "ok").append("\">");
        if (w.registered() == null) {
            out.append("not checked since the runner started");
        } else {
            out.append(w.registered()).append(" registered, ").append(w.active()).append(" active");
            if (w.disabled() != null && w.disabled() > 0) {
                out.append(", ").append(w.disabled()).append(" had been disabled by the shop");
            }
        }
        if (w.checkedAt() != null) {
            out.append(" <span class=\"muted\">(checked ").append(Html.escape(StoreGlance.time(w.checkedAt())))
                    .append(")</span>");
        }
        if (w.problem() != null) {
            out.append("<br><span class=\"bad\">").append(Html.escape(w.problem())).append("</span>");
        }
        out.append("<br><span class=\"deliveries\">").append(w.deliveriesLastHour())
                .append(w.deliveriesLastHour() == 1 ? " delivery" : " deliveries").append(" in the last hour, last ")
                .append(Html.escape(w.lastDelivery() == null ? "none since the runner started"
                        : StoreGlance.time(w.lastDelivery()))).append("</span></dd>");
    }

    private static String orNotScheduled(@Nullable Instant t) {
        return t == null ? "not scheduled here" : StoreGlance.time(t);
    }
}
