package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Products for catalog unit tests. */
final class TestProducts {

    private TestProducts() {}

    static Product hoodie(String id) {
        return new Product(id, "woo-hoodie-" + id, "Hoodie " + id, "<p>Warm</p>", "<p>Short</p>", ProductStatus.ACTIVE,
                Money.of("42.00", "EUR"), Money.of("39.5", "EUR"), StockLevel.untracked(StockStatus.IN_STOCK), "1.5",
                List.of(new Image("https://shop.example/hoodie.jpg", 0, "Hoodie"),
                        new Image("https://shop.example/hoodie-blue.jpg", 1, "")),
                List.of("Clothing > Hoodies", "Clothing"),
                Map.of("Color", List.of("Blue", "Green"), "Logo", List.of("Yes", "No")),
                List.of(variant(id + "-1", "Blue", 5), variant(id + "-2", "Green", 0)),
                Instant.parse("2026-11-01T10:00:00Z"));
    }

    static Variant variant(String id, String color, int quantity) {
        return new Variant(id, null, Map.of("Color", color, "Logo", "Yes"), Money.of("45", "EUR"), null,
                StockLevel.of(quantity, quantity > 0 ? StockStatus.IN_STOCK : StockStatus.OUT_OF_STOCK), null);
    }

    static Product simple(String id, String price, int quantity) {
        return new Product(id, null, "Beanie " + id, "", "", ProductStatus.ACTIVE, Money.of(price, "EUR"), null,
                StockLevel.of(quantity, StockStatus.IN_STOCK), null, List.of(), List.of("Accessories"), Map.of(),
                List.of(), null);
    }

    static Product withStatus(Product p, ProductStatus status) {
        return new Product(p.id(), p.sku(), p.title(), p.descriptionHtml(), p.shortDescriptionHtml(), status, p.price(),
                p.salePrice(), p.stock(), p.weight(), p.images(), p.categories(), p.attributes(), p.variants(),
                p.modifiedAt());
    }

    static Product withTitle(Product p, String title) {
        return new Product(p.id(), p.sku(), title, p.descriptionHtml(), p.shortDescriptionHtml(), p.status(), p.price(),
                p.salePrice(), p.stock(), p.weight(), p.images(), p.categories(), p.attributes(), p.variants(),
                p.modifiedAt());
    }
}
