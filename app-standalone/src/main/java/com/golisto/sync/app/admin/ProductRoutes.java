package com.golisto.sync.app.admin;

import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.SyncException;
import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.app.http.HttpError;
import com.golisto.sync.app.http.LogContext;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.core.ProductExplanation;
import com.golisto.sync.core.ProductSummary;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.core.UnknownStoreException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/stores/{id}/products?q=} (admin token): the products the ledger knows by id, SKU or words of
 * the title, paged. {@code GET /api/stores/{id}/products/{productId}} (by id or SKU): why a shop product is (not) on Golisto, from
 * {@link SyncEngine#explain}: the shop's product now, whether a listing is held, the decision, the ledger's
 * outcome and reason, the store's latest runs. 404 for an unknown store.
 */
public final class ProductRoutes {

    private final SyncEngine engine;
    private final AdminAuth auth;
    private final ApiJson json;

    /**
     * @param engine answers
     * @param auth checks the admin token
     * @param json writes the answer
     */
    public ProductRoutes(SyncEngine engine, AdminAuth auth, ApiJson json) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The routes. */
    public List<Route> routes() {
        return List.of(Route.get("/api/stores/{id}/products", this::search),
                Route.get("/api/stores/{id}/products/{productId}", this::explain));
    }

    private void search(Exchange ex) {
        auth.requireBearer(ex);
        String storeId = ex.pathParam("id");
        LogContext.store(storeId);
        String text = ex.query("q").orElseThrow(() -> Paging.invalid("q", "is required: an id, a SKU or words of a title"));
        Paging.Request request = Paging.request(ex, "products", false);
        List<ProductSummary> found;
        try {
            found = engine.findProducts(storeId, text, request.after(), request.limit() + 1);
        } catch (UnknownStoreException | IllegalArgumentException x) {
            throw HttpError.notFound("no store " + storeId);
        }
        Paging.Page<ProductSummary> page = Paging.page(found, request.limit(), ProductSummary::productId, "products");
        ex.json(200, json.write(new Found(page.items(), page.nextCursor())));
    }

    private void explain(Exchange ex) throws InterruptedException {
        auth.requireBearer(ex);
        String storeId = ex.pathParam("id");
        LogContext.store(storeId);
        ProductExplanation e;
        try {
            e = engine.explain(storeId, ex.pathParam("productId"));
        } catch (UnknownStoreException | IllegalArgumentException x) {
            throw HttpError.notFound("no store " + storeId);
        } catch (RetryableException x) {
            throw new HttpError(503, "remote_unavailable", HttpError.messageOf(x));
        } catch (SyncException x) {
            throw new HttpError(502, "remote_error", HttpError.messageOf(x));
        }
        ex.json(200, json.write(Explanation.of(e)));
    }

    /**
     * The JSON answer of a search: one page of products, and the cursor of the next ({@code null} on the last).
     *
     * @param products the products found, by product id
     * @param nextCursor the next page's cursor
     */
    public record Found(List<ProductSummary> products, @Nullable String nextCursor) {
    }

    /**
     * The JSON answer.
     *
     * @param storeId the store
     * @param productId the shop's product id
     * @param shop the product as the shop has it now; null when the shop no longer has it
     * @param listed whether a listing is held on Golisto
     * @param listingId Golisto's listing id, when known
     * @param decision {@code listable} or {@code not listable: REASON}
     * @param outcome the ledger's last outcome; null before any pass decided on it
     * @param reason the ledger's reason
     * @param sentAction what was last sent to Golisto
     * @param remoteAnswer Golisto's answer to it
     * @param decidedAt when the ledger entry was written
     * @param recentRuns the store's latest runs
     * @param marketplace what Golisto holds for the product, read now
     */
    public record Explanation(String storeId, String productId, @Nullable ShopProduct shop, boolean listed,
            @Nullable String listingId, String decision, @Nullable String outcome, @Nullable String reason,
            @Nullable String sentAction, @Nullable String remoteAnswer, @Nullable Instant decidedAt,
            List<Views.Run> recentRuns, Marketplace marketplace) {
        public static Explanation of(ProductExplanation e) {
            Product p = e.shopProduct();
            return new Explanation(e.storeId(), e.productId(), p == null ? null : ShopProduct.of(p), e.listed(),
                    e.listingId(), e.decision(), e.outcome(), e.reason(), e.sentAction(), e.remoteAnswer(),
                    e.decidedAt(), e.recentRuns().stream().map(Views.Run::of).toList(), Marketplace.of(e.marketplace()));
        }
    }

    /**
     * What Golisto holds for the product.
     *
     * @param listing the listing as Golisto answered it; null when it holds none or could not be read
     * @param differences the fields in which it differs from the shop's product now
     * @param error why Golisto was not read; null when it was
     */
    public record Marketplace(@Nullable ShopProduct listing, List<String> differences, @Nullable String error) {
        static Marketplace of(ProductExplanation.MarketplaceCopy copy) {
            Product held = copy.listing();
            return new Marketplace(held == null ? null : ShopProduct.of(held), copy.differences(), copy.error());
        }
    }

    /**
     * The shop's product, in short.
     *
     * @param id its id
     * @param sku its SKU, when it has one
     * @param title its title
     * @param status active, draft or archived
     * @param price its price (zero when it has none)
     * @param currency the price's currency
     * @param modifiedAt when the shop last changed it, when known
     */
    public record ShopProduct(String id, @Nullable String sku, String title, String status, String price,
            String currency, @Nullable Instant modifiedAt) {
        static ShopProduct of(Product p) {
            return new ShopProduct(p.id(), p.sku(), p.title(), Views.lower(p.status()),
                    p.price().amount().toPlainString(), p.price().currency().getCurrencyCode(), p.modifiedAt());
        }
    }
}
