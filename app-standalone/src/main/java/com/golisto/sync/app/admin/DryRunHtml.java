package com.golisto.sync.app.admin;

import com.golisto.sync.app.http.Html;
import com.golisto.sync.core.DryRunReport;
import java.util.List;
import java.util.Map;

/**
 * The markup of a store's dry-run report page: what a full sync would do, with the counts, the reasons
 * totalled and the samples. Every dynamic value is escaped; the tables scroll sideways on a phone.
 */
final class DryRunHtml {

    private DryRunHtml() {
    }

    /** The report. */
    static String report(DryRunReport r) {
        StringBuilder body = head(r.storeId());
        DryRunReport.Counts c = r.counts();
        body.append("<h1>Dry run of a full sync</h1><p class=\"muted\">Run ").append(r.runId().value())
                .append(", finished ").append(Html.escape(StoreGlance.time(r.finishedAt())))
                .append(". Nothing was sent to Golisto and nothing was written.</p><dl class=\"facts\" id=\"dry-run-counts\">");
        count(body, "Read", "read", c.read());
        count(body, "Would create", "would-create", c.wouldCreate());
        count(body, "Would update", "would-update", c.wouldUpdate());
        count(body, "Would update stock only", "would-update-stock", c.wouldUpdateStock());
        count(body, "Would delete", "would-delete", c.wouldDelete());
        count(body, "Unchanged", "unchanged", c.unchanged());
        count(body, "Skipped", "skipped", c.skipped());
        body.append("</dl>");
        reasons(body, "Skipped, by reason", "skip-reasons", r.skipReasons());
        reasons(body, "Deletes, by reason", "delete-reasons", r.deleteReasons());
        sample(body, r.storeId(), "Creates", "creates", r.creates(), r.sampleLimit());
        sample(body, r.storeId(), "Updates", "updates", r.updates(), r.sampleLimit());
        sample(body, r.storeId(), "Stock updates", "stock-updates", r.stockUpdates(), r.sampleLimit());
        sample(body, r.storeId(), "Deletes", "deletes", r.deletes(), r.sampleLimit());
        sample(body, r.storeId(), "Skips", "skips", r.skips(), r.sampleLimit());
        return Html.page("Dry run · " + r.storeId(), body.toString());
    }

    /** The page of a store without a dry run yet. */
    static String none(String storeId) {
        return Html.page("Dry run · " + storeId, head(storeId).append("<h1>No dry run yet</h1><p>Start one with the"
                + " store's <em>Dry run (full)</em> button on the dashboard.</p>").toString());
    }

    private static void count(StringBuilder body, String label, String id, long n) {
        body.append("<dt>").append(label).append("</dt><dd id=\"").append(id).append("\">").append(n).append("</dd>");
    }

    private static void reasons(StringBuilder body, String heading, String id, Map<String, Long> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        body.append("<h2>").append(heading).append("</h2><ul id=\"").append(id).append("\">");
        reasons.forEach((reason, n) -> body.append("<li>").append(Html.escape(reason)).append(": ").append(n)
                .append("</li>"));
        body.append("</ul>");
    }

    private static void sample(StringBuilder body, String storeId, String heading, String id, List<DryRunReport.Item> items,
            int limit) {
        if (items.isEmpty()) {
            return;
        }
        body.append("<h2>").append(heading).append("</h2>");
        if (items.size() >= limit) {
            body.append("<p class=\"muted\">The first ").append(limit).append(" the pass met.</p>");
        }
        body.append("<div class=\"scroll\"><table id=\"").append(id)
                .append("\"><tr><th>Product</th><th>SKU</th><th>Title</th><th>Changed / why</th></tr>");
        for (DryRunReport.Item i : items) {
            String why = i.reason() != null ? i.reason() : String.join(", ", i.changedFields());
            body.append("<tr><td><a href=\"").append(Html.escape(ProductHtml.productPath(storeId, i.productId())))
                    .append("\">").append(Html.escape(i.productId())).append("</a></td><td>")
                    .append(Html.escape(i.sku() == null ? "" : i.sku())).append("</td><td>")
                    .append(Html.escape(i.title() == null ? "" : i.title())).append("</td><td>").append(Html.escape(why))
                    .append("</td></tr>");
        }
        body.append("</table></div>");
    }

    private static StringBuilder head(String storeId) {
        return new StringBuilder(ProductHtml.STYLE).append(StoreGlance.STYLE).append("<p><a href=\"/\">Dashboard</a> · <a href=\"/#store-")
                .append(Html.escape(storeId)).append("\">").append(Html.escape(storeId)).append("</a></p>");
    }

    static String path(String storeId) {
        return ProductHtml.searchPath(storeId).replaceFirst("/products$", "/dry-run");
    }
}
