package com.golisto.sync.app.admin;

import com.golisto.sync.api.spi.SyncException;
import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.app.http.HttpError;
import com.golisto.sync.app.http.LogContext;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.core.ProductExplanation;
import com.golisto.sync.core.ProductSummary;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.core.UnknownStoreException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's product and dry-run pages, behind the same sign-in as the dashboard ({@link AdminAuth#dashboardAllowed}):
 * <ul>
 *   <li>{@code GET /stores/{id}/products?q=TEXT}: the products the engine's ledger knows whose id or SKU is the
 *       text or whose title contains it ({@link SyncEngine#findProducts}, the first {@value #RESULTS}), each
 *       linking to its page; a text that is exactly one found product's id goes straight to its page</li>
 *   <li>{@code GET /stores/{id}/products/{productId}}: everything {@link SyncEngine#explain} answers, as HTML
 *       (a SKU in place of the id works too)</li>
 *   <li>{@code GET /stores/{id}/dry-run}: the store's latest dry-run report ({@link SyncEngine#dryRunReport}),
 *       markup in {@link DryRunHtml}</li>
 * </ul>
 * An unknown store or product gets a 404 page, a shop that cannot be read a 502 (503 when it may pass) page naming
 * the connector's error. Markup in {@link ProductHtml}.
 */
final class ProductPage {
    private static final Logger LOG = LoggerFactory.getLogger(ProductPage.class);
    /** Results shown per search. */
    static final int RESULTS = 50;

    private final SyncEngine engine;
    private final AdminAuth auth;
    private final boolean open;

    ProductPage(SyncEngine engine, AdminAuth auth, boolean open) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.open = open;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/stores/{id}/products", this::search),
                Route.get("/stores/{id}/products/{productId}", this::product),
                Route.get("/stores/{id}/dry-run", this::dryRun));
    }

    private void dryRun(Exchange ex) {
        String storeId = signedInStore(ex);
        if (storeId == null) {
            return;
        }
        ex.html(200, engine.dryRunReport(storeId).map(DryRunHtml::report).orElseGet(() -> DryRunHtml.none(storeId)));
    }

    /**
     * The path's store when the request may see it; otherwise null, the answer already given (the sign-in page,
     * or a 404 page for an unknown store).
     */
    private @Nullable String signedInStore(Exchange ex) {
        if (!allowed(ex)) {
            return null;
        }
        String storeId = ex.pathParam("id");
        LogContext.store(storeId);
        if (!knownStore(storeId)) {
            ex.html(404, ProductHtml.unknownStore(storeId));
            return null;
        }
        return storeId;
    }

    private boolean allowed(Exchange ex) {
        if (auth.session(ex).isEmpty() && !open && !auth.dashboardAllowed(ex)) {
            ex.redirect("/login");
            return false;
        }
        return true;
    }

    private void search(Exchange ex) {
        String storeId = signedInStore(ex);
        if (storeId == null) {
            return;
        }
        String text = ex.query("q").map(String::strip).orElse("");
        if (text.length() > ProductHtml.MAX_QUERY) {
            text = text.substring(0, ProductHtml.MAX_QUERY);
        }
        if (text.isEmpty()) {
            ex.html(200, ProductHtml.results(storeId, "", List.of(), RESULTS));
            return;
        }
        List<ProductSummary> found = engine.findProducts(storeId, text, RESULTS);
        if (found.size() == 1 && found.get(0).productId().equals(text)) {
            ex.redirect(ProductHtml.productPath(storeId, text));
            return;
        }
        ex.html(200, ProductHtml.results(storeId, text, found, RESULTS));
    }

    private void product(Exchange ex) throws InterruptedException {
        if (!allowed(ex)) {
            return;
        }
        String storeId = ex.pathParam("id");
        String productId = ex.pathParam("productId");
        LogContext.store(storeId);
        ProductExplanation e;
        try {
            e = engine.explain(storeId, productId);
        } catch (UnknownStoreException | IllegalArgumentException x) {
            ex.html(404, ProductHtml.unknownStore(storeId));
            return;
        } catch (SyncException x) {
            boolean retryable = x instanceof com.golisto.sync.api.spi.RetryableException;
            LOG.warn("event=explain_failed retryable={} error={}", retryable, x.getClass().getSimpleName());
            ex.html(retryable ? 503 : 502, ProductHtml.shopUnreadable(storeId, productId, HttpError.messageOf(x)));
            return;
        }
        if (e.shopProduct() == null && e.outcome() == null && !e.listed()) {
            ex.html(404, ProductHtml.notFound(storeId, productId));
            return;
        }
        ex.html(200, ProductHtml.explanation(e));
    }

    private boolean knownStore(String storeId) {
        Optional<?> store;
        try {
            store = engine.store(storeId);
        } catch (IllegalArgumentException e) {
            store = Optional.empty();
        }
        return store.isPresent();
    }
}
