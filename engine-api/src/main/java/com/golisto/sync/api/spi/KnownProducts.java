package com.golisto.sync.api.spi;

import com.golisto.sync.api.model.KnownProduct;
import java.util.Collection;
import java.util.Map;

/**
 * The engine's answer to "what do you hold of these products?", asked by a {@link CatalogSource} while it reads a
 * page, so that it reads again only what changed. Implementations are fast (one state-store query per call) and
 * thread-safe.
 */
@FunctionalInterface
public interface KnownProducts {

    /**
     * What the engine holds of these products.
     *
     * @param productIds the ids of one page's products
     * @return by product id; a product the engine holds nothing of is absent
     */
    Map<String, KnownProduct> find(Collection<String> productIds);

    /** Knows nothing: every product is read whole. */
    static KnownProducts none() {
        return ids -> Map.of();
    }
}
