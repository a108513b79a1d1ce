package com.golisto.sync.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    private final Product hoodie = TestProducts.hoodie("45");

    @Test
    void content_sameProductTwice_isEqualHex() {
        assertThat(Fingerprints.content(hoodie)).isEqualTo(Fingerprints.content(TestProducts.hoodie("45")))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void content_reorderedVariantsCategoriesImagesAndMaps_isEqual() {
        List<Variant> variants = new ArrayList<>(hoodie.variants());
        Collections.reverse(variants);
        List<String> categories = new ArrayList<>(hoodie.categories());
        Collections.reverse(categories);
        List<Image> images = new ArrayList<>(hoodie.images());
        Collections.reverse(images);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("Logo", List.of("Yes", "No"));
        attributes.put("Color", List.of("Blue", "Green"));
        Product shuffled = new Product(hoodie.id(), hoodie.sku(), hoodie.title(), hoodie.descriptionHtml(),
                hoodie.shortDescriptionHtml(), hoodie.status(), hoodie.price(), hoodie.salePrice(), hoodie.stock(),
                hoodie.weight(), images, categories, attributes, variants, hoodie.modifiedAt());

        assertThat(Fingerprints.content(shuffled)).isEqualTo(Fingerprints.content(hoodie));
        assertThat(Fingerprints.stock(shuffled)).isEqualTo(Fingerprints.stock(hoodie));
    }

    @Test
    void content_moneyWrittenDifferently_isEqual() {
        Product a = TestProducts.simple("1", "19.9", 3);
        Product b = new Product("1", null, a.title(), "", "", a.status(),
                new Money(new BigDecimal("19.9000"), a.price().currency()), null, a.stock(), null, List.of(),
                a.categories(), Map.of(), List.of(), null);

        assertThat(Fingerprints.content(b)).isEqualTo(Fingerprints.content(a));
    }

    @Test
    void content_modifiedAtOnly_isEqual() {
        Product touched = new Product(hoodie.id(), hoodie.sku(), hoodie.title(), hoodie.descriptionHtml(),
                hoodie.shortDescriptionHtml(), hoodie.status(), hoodie.price(), hoodie.salePrice(), hoodie.stock(),
                hoodie.weight(), hoodie.images(), hoodie.categories(), hoodie.attributes(), hoodie.variants(),
                Instant.parse("2026-11-28T00:00:00Z"));

        assertThat(Fingerprints.content(touched)).isEqualTo(Fingerprints.content(hoodie));
    }

    @Test
    void content_eachVisibleChange_differs() {
        String base = Fingerprints.content(hoodie);
        assertThat(Fingerprints.content(TestProducts.withTitle(hoodie, "Hoodie!"))).isNotEqualTo(base);
        Product cheaper = new Product(hoodie.id(), hoodie.sku(), hoodie.title(), hoodie.descriptionHtml(),
                hoodie.shortDescriptionHtml(), hoodie.status(), Money.of("41.99", "EUR"), hoodie.salePrice(),
                hoodie.stock(), hoodie.weight(), hoodie.images(), hoodie.categories(), hoodie.attributes(),
                hoodie.variants(), hoodie.modifiedAt());
        assertThat(Fingerprints.content(cheaper)).isNotEqualTo(base);
        Product otherVariantPrice = hoodie.withVariants(List.of(hoodie.variants().get(0),
                new Variant("45-2", null, Map.of("Color", "Green", "Logo", "Yes"), Money.of("46", "EUR"), null,
                        StockLevel.of(0, StockStatus.OUT_OF_STOCK), null)));
        assertThat(Fingerprints.content(otherVariantPrice)).isNotEqualTo(base);
        Product otherCurrency = TestProducts.simple("1", "19.90", 3);
        Product inUsd = new Product("1", null, otherCurrency.title(), "", "", otherCurrency.status(),
                Money.of("19.90", "USD"), null, otherCurrency.stock(), null, List.of(), otherCurrency.categories(),
                Map.of(), List.of(), null);
        assertThat(Fingerprints.content(inUsd)).isNotEqualTo(Fingerprints.content(otherCurrency));
    }

    @Test
    void content_adjacentFieldsShiftingText_differs() {
        Product a = new Product("1", null, "ab", "c", "", hoodie.status(), hoodie.price(), null, hoodie.stock(),
                null, List.of(), List.of(), Map.of(), List.of(), null);
        Product b = new Product("1", null, "a", "bc", "", hoodie.status(), hoodie.price(), null, hoodie.stock(),
                null, List.of(), List.of(), Map.of(), List.of(), null);

        assertThat(Fingerprints.content(a)).isNotEqualTo(Fingerprints.content(b));
    }

    @Test
    void stockChange_changesStockFingerprintOnly() {
        Product restocked = hoodie.withVariants(List.of(TestProducts.variant("45-1", "Blue", 7),
                hoodie.variants().get(1)));

        assertThat(Fingerprints.content(restocked)).isEqualTo(Fingerprints.content(hoodie));
        assertThat(Fingerprints.stock(restocked)).isNotEqualTo(Fingerprints.stock(hoodie));
    }

    @Test
    void stock_untrackedAndZeroQuantity_differ() {
        Product untracked = TestProducts.simple("1", "5", 0).withStock(StockLevel.untracked(StockStatus.IN_STOCK));
        Product zero = TestProducts.simple("1", "5", 0).withStock(StockLevel.of(0, StockStatus.IN_STOCK));

        assertThat(Fingerprints.stock(untracked)).isNotEqualTo(Fingerprints.stock(zero));
    }

    @Test
    void listing_combinesContentAndStock() {
        String content = Fingerprints.content(hoodie);
        String stock = Fingerprints.stock(hoodie);

        assertThat(Fingerprints.listing(content, stock)).matches("[0-9a-f]{64}")
                .isNotEqualTo(Fingerprints.listing(content, Fingerprints.stock(TestProducts.simple("1", "5", 1))))
                .isEqualTo(Fingerprints.listing(content, stock));
    }
}
