package com.golisto.sync.core.store;

import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;
import org.jspecify.annotations.Nullable;

/**
 * The shop's version of a listed product as the engine last read it whole, kept with its mapping (see
 * {@link MappingStore#saveVersions}).
 *
 * @param sourceId the product's shop id
 * @param version the connector's version of the product; at most 200 characters
 * @param variantSkus the variants' SKUs then, {@code "variant id<TAB>sku"} per line, empty when it has none with a
 *     SKU; at most 16,000 characters (longer lists are not kept: the variants are then read per product)
 */
public record SourceVersion(String sourceId, String version, String variantSkus) {

    /** The longest variant SKU list kept. */
    public static final int MAX_VARIANT_SKUS = 16_000;

    @JdbiConstructor
    public SourceVersion(@ColumnName("source_id") String sourceId, @ColumnName("source_version") String version,
            @ColumnName("variant_skus") @Nullable String variantSkus) {
        this.sourceId = Require.text(sourceId, "source id", Limits.ID);
        this.version = Require.text(version, "source version", 200);
        String skus = variantSkus == null ? "" : variantSkus;
        this.variantSkus = skus.length() > MAX_VARIANT_SKUS ? "" : skus;
    }
}
