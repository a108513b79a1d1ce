package com.golisto.sync.app.admin;

import com.golisto.sync.api.model.Product;
import com.golisto.sync.app.http.Html;
import com.golisto.sync.core.ProductExplanation;
import com.golisto.sync.core.ProductSummary;
import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The markup of the dashboard's product pages ({@link ProductPage}): the search box of a store card, the search
 * results, a product's explanation, and the pages for an unknown product or a shop that could not be read. Pure
 * functions of their arguments; every dynamic value goes through {@link Html#escape}. Tables sit in a
 * horizontally scrolling box and facts in a two-column grid, so the pages stay usable on a phone's width.
 */
final class ProductHtml {
    /** Styles of the product pages (the page frame already sets the viewport for phones). */
    static final String STYLE = "<style>.facts{display:grid;grid-template-columns:minmax(7rem,auto) 1fr;gap:.25rem .8rem;"
            + "margin:.4rem 0 1.2rem}.facts dt{color:#555}.facts dd{margin:0;overflow-wrap:anywhere}.scroll{overflow-x:auto}"
            + ".product-search{display:flex;gap:.4rem;margin:.4rem 0}.product-search input{flex:1;min-width:0;"
            + "padding:.3rem}@media (max-width:40rem){body{margin:1rem auto}.facts{grid-template-columns:1fr}"
            + ".facts dt{margin-top:.4rem}th,td{font-size:.85rem;padding:.25rem}}</style>";

    /** At most this many characters of a search text are used. */
    static final int MAX_QUERY = 200;

    private ProductHtml() {
    }

    /** The search box of one store: a GET form, so the results page can be bookmarked and needs no CSRF token. */
    static String searchForm(String storeId, @Nullable String text) {
        return "<form class=\"product-search\" method=\"get\" action=\"" + Html.escape(searchPath(storeId))
                + "\" role=\"search\"><input type=\"search\" name=\"q\" maxlength=\"" + MAX_QUERY
                + "\" placeholder=\"Product id, SKU or title\" aria-label=\"Find a product of " + Html.escape(storeId)
                + "\" value=\"" + Html.escape(text == null ? "" : text) + "\" required><button class=\"find\">Find"
                + "</button></form>";
    }

    /** The results of a search in one store. */
    static String results(String storeId, String text, List<ProductSummary> found, int limit) {
        StringBuilder body = head(storeId).append("<h1>Products of ").append(Html.escape(storeId)).append("</h1>")
                .append(searchForm(storeId, text));
        if (found.isEmpty()) {
            body.append("<p class=\"no-results\">No product of this store has the id or SKU <b>")
                    .append(Html.escape(text)).append("</b> or a title containing it, as far as the engine's ledger"
                            + " knows (a product appears there once a pass has decided on it).</p>");
        } else {
            body.append("<p class=\"muted\">").append(found.size()).append(found.size() == 1 ? " product" : " products")
                    .append(found.size() >= limit ? " (the first " + limit + ")" : "").append(" for <b>")
                    .append(Html.escape(text)).append("</b></p><div class=\"scroll\"><table class=\"results\"><tr>"
                            + "<th>Product</th><th>SKU</th><th>Title</th><th>Outcome</th><th>Reason</th><th>Decided</th></tr>");
            for (ProductSummary f : found) {
                body.append("<tr class=\"result\"><td><a href=\"").append(Html.escape(productPath(storeId, f.productId())))
                        .append("\">").append(Html.escape(f.productId())).append("</a></td><td>")
                        .append(Html.escape(StoreGlance.orDash(f.sku()))).append("</td><td>")
                        .append(Html.escape(StoreGlance.orDash(f.title()))).append("</td><td class=\"outcome ")
                        .append(outcomeClass(f.outcome())).append("\">").append(Html.escape(f.outcome()))
                        .append("</td><td>").append(Html.escape(StoreGlance.orDash(f.reason()))).append("</td><td>")
                        .append(Html.escape(StoreGlance.time(f.decidedAt())))
                        .append("</td></tr>");
            }
            body.append("</table></div>");
        }
        return Html.page("Products of " + storeId + " · Golisto Sync", body.toString());
    }

    /** Everything {@code explain} answered about one product. */
    static String explanation(ProductExplanation e) {
        Product p = e.shopProduct();
        String title = p == null ? "Product " + e.productId() : p.title();
        StringBuilder body = head(e.storeId()).append(searchForm(e.storeId(), null)).append("<h1 class=\"product-title\">")
                .append(Html.escape(title)).append("</h1><p class=\"verdict ").append(e.listed() ? "ok" : "bad")
                .append("\">").append(e.listed() ? "On Golisto" : "Not on Golisto");
        if (e.outcome() != null) {
            body.append(": ").append(Html.escape(e.outcome()));
            if (e.reason() != null) {
                body.append(" (").append(Html.escape(e.reason())).append(')');
            }
        }
        body.append("</p><h2>In the shop now</h2>");
        if (p == null) {
            body.append("<p class=\"shop-gone bad\">The shop no longer has this product.</p>");
        } else {
            body.append("<dl class=\"facts shop\">");
            fact(body, "Id", "shop-id", p.id());
            fact(body, "SKU", "shop-sku", StoreGlance.orDash(p.sku()));
            fact(body, "Title", "shop-title", p.title());
            fact(body, "Status", "shop-status", StoreGlance.lower(p.status()));
            fact(body, "Price", "shop-price", p.price().amount().signum() == 0 && p.variants().isEmpty()
                    ? "none" : p.price().amount().toPlainString() + " " + p.price().currency().getCurrencyCode());
            fact(body, "Modified", "shop-modified", p.modifiedAt() == null ? "-" : StoreGlance.time(p.modifiedAt()));
            body.append("</dl>");
        }
        body.append("<h2>On Golisto</h2><dl class=\"facts golisto\">");
        fact(body, "Listing", "listing", e.listed() ? "held" + (e.listingId() == null ? "" : ": " + e.listingId())
                : "none");
        fact(body, "Decision", "decision", e.decision());
        golisto(body, e.marketplace());
        body.append("</dl><h2>Ledger</h2>");
        if (e.outcome() == null) {
            body.append("<p class=\"ledger-empty muted\">No pass has decided on this product yet.</p>");
        } else {
            body.append("<dl class=\"facts ledger\">");
            fact(body, "Outcome", "outcome " + outcomeClass(e.outcome()), e.outcome());
            fact(body, "Reason", "reason", StoreGlance.orDash(e.reason()));
            fact(body, "Last sent", "sent", StoreGlance.orDash(e.sentAction()));
            fact(body, "Golisto's answer", "answer", StoreGlance.orDash(e.remoteAnswer()));
            fact(body, "When", "decided-at", e.decidedAt() == null ? "-" : StoreGlance.time(e.decidedAt()));
            body.append("</dl>");
        }
        body.append("<h2>Latest runs of the store</h2>");
        runs(body, e.recentRuns());
        return Html.page(title + " · Golisto Sync", body.toString());
    }

    /** What Golisto holds now (read back when explaining) and where it differs from the shop, or why not read. */
    private static void golisto(StringBuilder body, ProductExplanation.MarketplaceCopy m) {
        Product l = m.listing();
        if (l != null) {
            fact(body, "Golisto's title", "golisto-title", l.title());
            fact(body, "Golisto's status", "golisto-status", StoreGlance.lower(l.status()));
            fact(body, "Golisto's price", "golisto-price", l.price().amount().toPlainString() + " "
                    + l.price().currency().getCurrencyCode());
            fact(body, "Differences", "differences" + (m.differences().isEmpty() ? " ok" : " bad"),
                    m.differences().isEmpty() ? "none" : String.join(", ", m.differences()));
        }
        if (m.error() != null) {
            fact(body, "Golisto's copy", "golisto-error muted", "not read: " + m.error());
        }
    }

    /** The page of a product neither the shop nor the engine knows. */
    static String notFound(String storeId, String productId) {
        return Html.page("Not found · Golisto Sync", head(storeId).append(searchForm(storeId, null))
                .append("<h1 class=\"not-found\">Not found</h1><p>Store <b>").append(Html.escape(storeId))
                .append("</b> has no product <b>").append(Html.escape(productId)).append("</b>: the shop does not have"
                        + " it and no pass has decided on it.</p>").toString());
    }

    /** The page of an unknown store. */
    static String unknownStore(String storeId) {
        return Html.page("Not found · Golisto Sync", STYLE + "<p><a href=\"/\">Dashboard</a></p><h1 class=\"not-found\">"
                + "Not found</h1><p>There is no store <b>" + Html.escape(storeId) + "</b>.</p>");
    }

    /** The page shown when the shop could not be read; {@code why} is the connector's message (no secrets). */
    static String shopUnreadable(String storeId, String productId, String why) {
        return Html.page("Shop unavailable · Golisto Sync", head(storeId).append("<h1>Shop unavailable</h1>"
                + "<p class=\"bad shop-error\">The shop of store <b>").append(Html.escape(storeId))
                .append("</b> could not be read for product <b>").append(Html.escape(productId)).append("</b>: ")
                .append(Html.escape(why)).append("</p><p>Try again in a moment.</p>").toString());
    }

    /** The store's runs as a scrolling table. */
    private static void runs(StringBuilder body, List<RunView> runs) {
        if (runs.isEmpty()) {
            body.append("<p class=\"muted\">None yet.</p>");
            return;
        }
        body.append("<div class=\"scroll\"><table class=\"runs\"><tr><th>Run</th><th>Kind</th><th>Status</th>"
                + "<th>Started</th><th>Read</th><th>Written</th><th>Failed</th></tr>");
        for (RunView r : runs) {
            RunCounts c = r.counts();
            body.append("<tr><td>").append(r.id().value()).append("</td><td>").append(Html.escape(StoreGlance.lower(r.kind())))
                    .append("</td><td class=\"status ").append(StoreGlance.runClass(r)).append("\">")
                    .append(Html.escape(StoreGlance.runStatus(r))).append("</td><td>")
                    .append(Html.escape(StoreGlance.time(r.startedAt()))).append("</td><td>").append(c.read())
                    .append("</td><td>").append(c.written()).append("</td><td>").append(c.failed()).append("</td></tr>");
        }
        body.append("</table></div>");
    }

    private static StringBuilder head(String storeId) {
        return new StringBuilder(STYLE).append("<p><a href=\"/\">Dashboard</a> · <a href=\"/#store-")
                .append(Html.escape(storeId)).append("\">").append(Html.escape(storeId)).append("</a></p>");
    }

    private static void fact(StringBuilder body, String label, String cls, String value) {
        body.append("<dt>").append(label).append("</dt><dd class=\"").append(Html.escape(cls)).append("\">")
                .append(Html.escape(value)).append("</dd>");
    }

    /** {@code ok} for listed and unchanged, {@code bad} for failed and deleted, {@code muted} otherwise. */
    static String outcomeClass(String outcome) {
        return switch (outcome) {
            case "listed", "unchanged" -> "ok";
            case "failed", "deleted" -> "bad";
            default -> "muted";
        };
    }

    static String searchPath(String storeId) {
        return "/stores/" + encode(storeId) + "/products";
    }

    static String productPath(String storeId, String productId) {
        return searchPath(storeId) + "/" + encode(productId);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
