package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.Product;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The per-field fingerprints of a written listing ({@link Fingerprints#fields}) in the compact form the state
 * store keeps beside the mapping ({@code name=hex;name=hex…}, at most a few hundred characters), and which
 * fields differ between that and a product now. Stateless, thread-safe.
 */
public final class FieldFingerprints {

    /** The changed field reported when the listing was written before per-field fingerprints were kept. */
    public static final String CONTENT = "content";
    /** The changed field of a stock change. */
    public static final String STOCK = "stock";

    private FieldFingerprints() {}

    /** The stored form of a product's per-field fingerprints. */
    public static String of(Product product) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> field : Fingerprints.fields(product).entrySet()) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(field.getKey()).append('=').append(field.getValue());
        }
        return out.toString();
    }

    /**
     * The names of the listing fields whose fingerprint differs between what was stored and the product now, in
     * the fixed field order; {@code [content]} when nothing was stored (or the stored form cannot be read), or
     * when no single field differs although the caller knows the content did.
     */
    public static List<String> changed(@Nullable String stored, Product now) {
        Map<String, String> before = decode(stored);
        if (before.isEmpty()) {
            return List.of(CONTENT);
        }
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> field : Fingerprints.fields(now).entrySet()) {
            if (!field.getValue().equals(before.get(field.getKey()))) {
                changed.add(field.getKey());
            }
        }
        return changed.isEmpty() ? List.of(CONTENT) : changed;
    }

    private static Map<String, String> decode(@Nullable String stored) {
        Map<String, String> fields = new HashMap<>();
        if (stored == null || stored.isBlank()) {
            return fields;
        }
        for (String pair : stored.split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                return Map.of();
            }
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return fields;
    }
}
