package com.golisto.sync.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldFingerprintsTest {

    private static Product salePriced(Product p, String sale) {
        return new Product(p.id(), p.sku(), p.title(), p.descriptionHtml(), p.shortDescriptionHtml(), p.status(),
                p.price(), Money.of(sale, "EUR"), p.stock(), p.weight(), p.images(), p.categories(), p.attributes(),
                p.variants(), p.modifiedAt());
    }

    @Test
    void changed_namesEachFieldThatDiffers_inTheFixedOrder() {
        Product before = TestProducts.hoodie("1");
        String stored = FieldFingerprints.of(before);

        assertThat(FieldFingerprints.changed(stored, before)).as("nothing differs: the content is all we can say")
                .containsExactly(FieldFingerprints.CONTENT);
        assertThat(FieldFingerprints.changed(stored, TestProducts.withTitle(before, "Hoodie, new")))
                .containsExactly("title");
        assertThat(FieldFingerprints.changed(stored, salePriced(TestProducts.withTitle(before, "Other"), "30")))
                .containsExactly("title", "sale_price");
        List<com.golisto.sync.api.model.Variant> variants = new ArrayList<>(before.variants());
        variants.set(0, TestProducts.variant("1-1", "Red", 5));
        assertThat(FieldFingerprints.changed(stored, before.withVariants(variants))).containsExactly("variants");
    }

    @Test
    void changed_ignoresStockTimestampsAndTheOrderOfCategoriesAndVariants() {
        Product before = TestProducts.hoodie("1");
        String stored = FieldFingerprints.of(before);
        Product reordered = new Product(before.id(), before.sku(), before.title(), before.descriptionHtml(),
                before.shortDescriptionHtml(), before.status(), Money.of("42", "EUR"), before.salePrice(),
                StockLevel.of(3, StockStatus.IN_STOCK), before.weight(), before.images(),
                List.of("Clothing", "Clothing > Hoodies"), before.attributes(),
                List.of(before.variants().get(1), before.variants().get(0)), null);

        assertThat(FieldFingerprints.changed(stored, reordered)).containsExactly(FieldFingerprints.CONTENT);
    }

    @Test
    void changed_withNothingStoredOrAnUnreadableForm_saysContent() {
        Product now = TestProducts.simple("7", "10", 1);

        assertThat(FieldFingerprints.changed(null, now)).containsExactly(FieldFingerprints.CONTENT);
        assertThat(FieldFingerprints.changed("garbage", now)).containsExactly(FieldFingerprints.CONTENT);
        assertThat(FieldFingerprints.of(now)).hasSizeLessThan(300).startsWith("sku=").contains(";price=");
    }
}
