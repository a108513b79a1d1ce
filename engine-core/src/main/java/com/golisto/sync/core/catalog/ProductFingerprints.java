package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.Product;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A product's two fingerprints, as {@link Fingerprints} computes them and the state store keeps them.
 *
 * @param content everything but stock
 * @param stock the product's and its variants' stock
 * @param stockLevels the stock last sent per item ({@link StockLevels}), as the state store keeps it with the
 *     listing; null on fingerprints computed from a product (the writer stores the product's own) and when the store
 *     kept none. Not compared: the stock fingerprint decides whether stock changed, this only which items did.
 */
public record ProductFingerprints(String content, String stock, @Nullable String stockLevels) {

    public ProductFingerprints {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(stock, "stock");
    }

    /** Fingerprints without per-item stock levels. */
    public ProductFingerprints(String content, String stock) {
        this(content, stock, null);
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
