package com.golisto.sync.api.model;

import com.golisto.sync.api.annotations.Nullable;
import java.util.List;
import java.util.Map;

/**
 * One page of a catalog read that was given what the engine already holds
 * ({@link com.golisto.sync.api.spi.CatalogSource#readAll(String, com.golisto.sync.api.spi.KnownProducts)}).
 *
 * @param products the products read whole, with their variants
 * @param unchanged the ids of products on this page whose version equals the one the engine holds: the connector
 *     did not read them whole (for example it skipped their variants) and the engine's copy stands
 * @param versions the version of every product of the page, read whole or unchanged, by product id; a product
 *     without an entry has no version the connector can tell (it is read whole every time)
 * @param nextPageToken as in {@link Page#nextPageToken()}
 * @param cursor as in {@link Page#cursor()}
 */
public record CatalogPage(List<Product> products, List<String> unchanged, Map<String, String> versions,
        @Nullable String nextPageToken, @Nullable Cursor cursor) {

    public CatalogPage {
        products = List.copyOf(Checks.required(products, "page products"));
        unchanged = List.copyOf(Checks.required(unchanged, "unchanged product ids"));
        versions = Map.copyOf(Checks.required(versions, "product versions"));
        if (nextPageToken != null && nextPageToken.isEmpty()) {
            nextPageToken = null;
        }
        for (String version : versions.values()) {
            if (version.isEmpty() || version.length() > KnownProduct.MAX_VERSION_LENGTH) {
                throw new IllegalArgumentException(
                        "a product version has 1 to " + KnownProduct.MAX_VERSION_LENGTH + " characters");
            }
        }
    }

    /** A page of products all read whole, without versions: what a connector that keeps none answers. */
    public static CatalogPage whole(Page<Product> page) {
        return new CatalogPage(page.items(), List.of(), Map.of(), page.nextPageToken(), page.cursor());
    }

    /** True when another page follows. */
    public boolean hasNext() {
        return nextPageToken != null;
    }
}
