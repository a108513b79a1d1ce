package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.KnownProduct;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.Variant;
import com.golisto.sync.api.spi.KnownProducts;
import com.golisto.sync.core.store.SourceVersion;
import com.golisto.sync.core.store.StateStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The shop versions of a store's listed products, both ways: what the engine holds, handed to the shop connector
 * as {@link KnownProducts} so that it reads again only what changed, and what a pass read whole, kept once it is
 * written (see {@link com.golisto.sync.core.store.MappingStore#saveVersions}).
 *
 * <p>The rolling deep check: the products of one slice of the catalog a day are offered without a version, so the
 * connector reads them whole (variants included) whatever their version, and drift that no shop timestamp reveals
 * is repaired within {@code days} days. A product's slice is fixed by its id, so every product gets its turn.
 */
public final class SourceVersions {

    /** Consecutive numeric ids that share a day of the deep check. */
    static final long DEEP_CHECK_BLOCK = 4000;

    private SourceVersions() {
    }

    /**
     * What the engine holds, for a connector reading a page.
     *
     * @param readWhole the products to read whole whatever their version (offered without one)
     */
    static KnownProducts known(StateStore store, String storeId, Predicate<String> readWhole) {
        return ids -> {
            Map<String, KnownProduct> known = new HashMap<>();
            store.mappings().versions(storeId, ids).forEach((id, v) ->
                    known.put(id, new KnownProduct(readWhole.test(id) ? null : v.version(), skus(v.variantSkus()))));
            return known;
        };
    }

    /**
     * The products of today's slice of the rolling deep check, one of {@code days} slices. A numeric id falls in
     * block {@code id / }{@value #DEEP_CHECK_BLOCK} of consecutive ids, and the blocks take turns: a shop read in id
     * order then meets a day's slice on few pages, which its bulk reads fill (variants by SKU, 100 a request), where
     * a scattered slice would cost a part-filled bulk read on every page. Other ids are sliced by a stable hash.
     */
    public static Predicate<String> deepCheckSlice(LocalDate day, int days) {
        if (days <= 1) {
            return id -> true;
        }
        int today = Math.floorMod(day.toEpochDay(), days);
        return id -> slice(id, days) == today;
    }

    private static int slice(String id, int days) {
        if (!id.isEmpty() && id.length() <= 18 && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return (int) Math.floorMod(Long.parseLong(id) / DEEP_CHECK_BLOCK, (long) days);
        }
        return Math.floorMod(id.hashCode(), days);
    }

    /** The versions to keep for products read whole, by id: those the connector gave a version. */
    static Map<String, SourceVersion> read(Collection<Product> products, Map<String, String> versions) {
        Map<String, SourceVersion> read = new LinkedHashMap<>();
        for (Product product : products) {
            String version = versions.get(product.id());
            if (version != null) {
                read.put(product.id(), new SourceVersion(product.id(), version, variantSkus(product)));
            }
        }
        return read;
    }

    /** A product's variant SKUs, {@code "variant id<TAB>sku"} per line, in variant order. */
    static String variantSkus(Product product) {
        StringBuilder out = new StringBuilder();
        for (Variant variant : product.variants()) {
            String sku = variant.sku();
            if (sku != null && !sku.isBlank() && sku.indexOf('\t') < 0 && sku.indexOf('\n') < 0) {
                out.append(variant.id()).append('\t').append(sku).append('\n');
            }
        }
        return out.toString();
    }

    private static Map<String, String> skus(String encoded) {
        Map<String, String> skus = new LinkedHashMap<>();
        for (String line : encoded.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0 && tab < line.length() - 1) {
                skus.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return skus;
    }

    /** The versions of the given ids, for keeping. */
    static List<SourceVersion> only(Map<String, SourceVersion> versions, Collection<String> ids) {
        List<SourceVersion> out = new ArrayList<>();
        for (String id : ids) {
            SourceVersion v = versions.get(id);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
