package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The stock of a product and each of its variants exactly as last sent, in the compact form the state store keeps
 * beside the listing's mapping: one entry per item, the product's own first, then each variant's in variant id
 * order, separated by {@code ','}; an entry is the quantity (absent when untracked) followed by the status letter
 * ({@code i} in stock, {@code o} out of stock, {@code b} backorder), so {@code 12i,0o,-3b,i}. With it a stock-only
 * change sends the items whose stock differs from what the marketplace holds, not every variant of the product.
 *
 * <p>The entries are positional: a stock-only change keeps the product's content fingerprint, which covers its
 * variant ids, so the variants are those of the stored entries; a count that does not match, an unreadable form,
 * or none kept (a listing written before version 12 of the state store) sends every item, as does a stock
 * fingerprint change that no entry explains. Stateless, thread-safe.
 */
final class StockLevels {

    /** The longest form the state store keeps; a product with more variants keeps none (and sends every item). */
    static final int MAX_LENGTH = 16_000;
    private static final Comparator<Variant> VARIANT_ORDER = Comparator.comparing(Variant::id);

    private StockLevels() {}

    /** The stored form of a product's stock, null when it would be too long to keep. */
    static @Nullable String of(Product product) {
        StringBuilder out = new StringBuilder();
        append(out, product.stock());
        for (Variant variant : sortedVariants(product)) {
            out.append(',');
            append(out, variant.stock());
            if (out.length() > MAX_LENGTH) {
                return null;
            }
        }
        return out.toString();
    }

    /**
     * The inventory updates that bring a listing whose stock was last sent as {@code sent} to the product's stock
     * now: only the items that differ, or every item (the product's, then each variant's) when {@code sent} cannot
     * tell which (see the class comment).
     */
    static List<InventoryUpdate> updates(@Nullable String sent, Product now) {
        List<Variant> variants = sortedVariants(now);
        String[] before = sent == null || sent.isEmpty() ? new String[0] : sent.split(",", -1);
        List<InventoryUpdate> all = new ArrayList<>(1 + variants.size());
        all.add(new InventoryUpdate(now.id(), null, now.stock()));
        for (Variant variant : variants) {
            all.add(new InventoryUpdate(now.id(), variant.id(), variant.stock()));
        }
        if (before.length != all.size()) {
            return all;
        }
        List<InventoryUpdate> changed = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            entry.setLength(0);
            append(entry, all.get(i).stock());
            if (!entry.toString().equals(before[i])) {
                changed.add(all.get(i));
            }
        }
        return changed.isEmpty() ? all : changed;
    }

    private static void append(StringBuilder out, StockLevel stock) {
        if (stock.quantity() != null) {
            out.append(stock.quantity().intValue());
        }
        out.append(letter(stock.status()));
    }

    private static char letter(StockStatus status) {
        return switch (status) {
            case IN_STOCK -> 'i';
            case OUT_OF_STOCK -> 'o';
            case BACKORDER -> 'b';
        };
    }

    private static List<Variant> sortedVariants(Product product) {
        if (product.variants().size() < 2) {
            return product.variants();
        }
        List<Variant> copy = new ArrayList<>(product.variants());
        copy.sort(VARIANT_ORDER);
        return copy;
    }
}
