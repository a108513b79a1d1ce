package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Compares a page of products with what the state store knows was last written, and decides per product:
 * <ul>
 *   <li>offered ({@link ProductStatus#ACTIVE}) and not listed: create;</li>
 *   <li>offered, listed, content fingerprint differs: replace (stock included);</li>
 *   <li>offered, listed, only the stock fingerprint differs: stock-only update;</li>
 *   <li>offered, listed, both equal: unchanged;</li>
 *   <li>not offered (draft, archived) and listed: delete; not offered and not listed: unchanged.</li>
 * </ul>
 * A product appearing twice in one page counts once, the later occurrence winning. Stateless; hot path
 * (pages of 100): one fingerprint pair per product, one map lookup.
 */
public final class CatalogPlanner {

    private CatalogPlanner() {}

    /**
     * Plans one page.
     *
     * @param products the page, as read from the shop
     * @param known the last written fingerprints by product id, {@code null} for a product never listed
     */
    public static CatalogPlan plan(List<Product> products, Function<String, @Nullable ProductFingerprints> known) {
        Map<String, Product> unique = new LinkedHashMap<>();
        for (Product product : products) {
            unique.remove(product.id());
            unique.put(product.id(), product);
        }
        List<CatalogPlan.Upsert> upserts = new ArrayList<>();
        List<CatalogPlan.StockOnly> stockOnly = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        Map<String, CatalogPlan.Label> labels = new LinkedHashMap<>();
        for (Product product : unique.values()) {
            labels.put(product.id(), CatalogPlan.Label.of(product));
            ProductFingerprints before = known.apply(product.id());
            if (product.status() != ProductStatus.ACTIVE) {
                (before == null ? unchanged : deletes).add(product.id());
                reasons.put(product.id(), notListableReason(product));
                continue;
            }
            ProductFingerprints now = ProductFingerprints.of(product);
            if (before == null) {
                upserts.add(new CatalogPlan.Upsert(product, now, true));
            } else if (!before.content().equals(now.content())) {
                upserts.add(new CatalogPlan.Upsert(product, now, false));
            } else if (!before.stock().equals(now.stock())) {
                stockOnly.add(new CatalogPlan.StockOnly(product, now, before.stockLevels()));
            } else {
                unchanged.add(product.id());
            }
        }
        return new CatalogPlan(upserts, stockOnly, deletes, unchanged, reasons, labels);
    }

    /** Plans a product that the shop no longer has: delete when listed, else nothing. */
    public static CatalogPlan planGone(String productId, @Nullable ProductFingerprints known) {
        return known == null
                ? new CatalogPlan(List.of(), List.of(), List.of(), List.of(productId), Map.of(productId, REMOVED))
                : new CatalogPlan(List.of(), List.of(), List.of(productId), List.of(), Map.of(productId, REMOVED));
    }

    /** The reason of a product the shop no longer has. */
    public static final String REMOVED = "removed in shop";

    /**
     * Why a product that is not {@link ProductStatus#ACTIVE} is not listable: {@code trashed} (archived),
     * {@code no price} (a published product the shop connector demoted because it has no price: zero price, no
     * variants), else {@code draft} (draft, pending, private, or a type the connector does not offer).
     */
    public static String notListableReason(Product product) {
        if (product.status() == ProductStatus.ARCHIVED) {
            return "trashed";
        }
        if (product.price().amount().signum() == 0 && product.variants().isEmpty()) {
            return "no price";
        }
        return "draft";
    }
}
