package com.golisto.sync.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductTest {

    static Product simple(String id, String price) {
        return new Product(id, "sku-" + id, "Title " + id, "<p>d</p>", null, ProductStatus.ACTIVE,
                Money.of(price, "EUR"), null, StockLevel.of(5, StockStatus.IN_STOCK), "1.5",
                List.of(new Image("https://img.example/a.jpg", 0, null)), List.of("Clothing > Hoodies"),
                Map.of("Color", List.of("Blue")), List.of(), null);
    }

    @Test
    void constructor_copiesCollections_soCallersCannotMutateTheProduct() {
        List<String> categories = new ArrayList<>(List.of("A"));
        Map<String, List<String>> attributes = new HashMap<>(Map.of("Size", new ArrayList<>(List.of("S"))));
        Product p = new Product("1", null, "T", "", "", ProductStatus.ACTIVE, Money.of("1", "EUR"), null,
                StockLevel.untracked(StockStatus.IN_STOCK), null, List.of(), categories, attributes, List.of(), null);
        categories.add("B");
        attributes.get("Size").add("M");
        assertThat(p.categories()).containsExactly("A");
        assertThat(p.attributes().get("Size")).containsExactly("S");
        assertThatThrownBy(() -> p.categories().add("C")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructor_normalisesBlankOptionalTexts() {
        Product p = new Product("1", " ", "T", null, null, ProductStatus.ACTIVE, Money.of("1", "EUR"), null,
                StockLevel.untracked(StockStatus.IN_STOCK), "", List.of(), List.of(), Map.of(), List.of(), null);
        assertThat(p.sku()).isNull();
        assertThat(p.weight()).isNull();
        assertThat(p.descriptionHtml()).isEmpty();
    }

    @Test
    void constructor_rejectsMissingTitleAndMixedCurrencies_namingTheProduct() {
        assertThatThrownBy(() -> new Product("42", null, " ", "", "", ProductStatus.ACTIVE, Money.of("1", "EUR"),
                null, StockLevel.untracked(StockStatus.IN_STOCK), null, List.of(), List.of(), Map.of(), List.of(), null))
                .hasMessageContaining("product 42 title");
        assertThatThrownBy(() -> new Product("42", null, "T", "", "", ProductStatus.ACTIVE, Money.of("1", "EUR"),
                Money.of("0.5", "USD"), StockLevel.untracked(StockStatus.IN_STOCK), null, List.of(), List.of(),
                Map.of(), List.of(), null))
                .hasMessageContaining("sale price currency");
        Variant usdVariant = new Variant("7", null, Map.of("Color", "Red"), Money.of("2", "USD"), null,
                StockLevel.untracked(StockStatus.IN_STOCK), null);
        assertThatThrownBy(() -> simple("42", "1").withVariants(List.of(usdVariant)))
                .hasMessageContaining("variant 7");
    }

    @Test
    void stockLevel_allowsUnknownQuantity() {
        assertThat(StockLevel.untracked(StockStatus.BACKORDER).knownQuantity()).isEmpty();
        assertThat(StockLevel.of(-2, StockStatus.BACKORDER).knownQuantity()).hasValue(-2);
        assertThatThrownBy(() -> new StockLevel(3, null)).hasMessageContaining("status");
    }

    @Test
    void image_rejectsNegativePositionAndBlankUrl() {
        assertThatThrownBy(() -> new Image("https://x/y.jpg", -1, "")).hasMessageContaining("position");
        assertThatThrownBy(() -> new Image(" ", 0, "")).hasMessageContaining("url");
    }
}
