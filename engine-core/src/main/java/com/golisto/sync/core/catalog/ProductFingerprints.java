package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.Product;
import java.util.Objects;

/**
 * A product's two fingerprints, as {@link Fingerprints} computes them and the state store keeps them.
 *
 * @param content everything but stock
 * @param stock the product's and its variants' stock
 */
public record ProductFingerprints(String content, String stock) {

    public ProductFingerprints {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(stock, "stock");
    }

    /** Both fingerprints of a product. */
    public static ProductFingerprints of(Product product) {
        return new ProductFingerprints(Fingerprints.content(product), Fingerprints.stock(product));
    }

    /** The combined fingerprint sent with the listing. */
    public String listing() {
        return Fingerprints.listing(content, stock);
    }
}
