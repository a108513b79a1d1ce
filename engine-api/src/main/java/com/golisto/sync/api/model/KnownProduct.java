package com.golisto.sync.api.model;

import com.golisto.sync.api.annotations.Nullable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the engine already holds of one product, handed to a {@link com.golisto.sync.api.spi.CatalogSource} so that
 * it can skip reading again what has not changed.
 *
 * @param version the product's version as the connector reported it when the engine last read the product whole
 *     and wrote it (see {@link CatalogPage#versions()}), or {@code null} when the engine wants the product read whole
 *     whatever its version (it holds none, or it is the product's turn in the rolling deep check)
 * @param variantSkus the SKU of each variant the engine last read, by variant id, for connectors that can read
 *     variants in bulk by SKU; empty when none are known
 */
public record KnownProduct(@Nullable String version, Map<String, String> variantSkus) {

    /** The longest version a connector may report; the engine keeps none longer. */
    public static final int MAX_VERSION_LENGTH = 200;

    public KnownProduct {
        if (version != null && (version.isEmpty() || version.length() > MAX_VERSION_LENGTH)) {
            throw new IllegalArgumentException("a product version has 1 to " + MAX_VERSION_LENGTH + " characters");
        }
        variantSkus = Map.copyOf(new TreeMap<>(Checks.required(variantSkus, "variant SKUs")));
    }
}
