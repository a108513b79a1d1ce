package com.golisto.sync.connector.golisto;

import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import java.util.List;
import java.util.Map;

/** Neutral products for tests, shaped like the WooCommerce sample catalog. */
final class GolistoTestProducts {

    private GolistoTestProducts() {
    }

    static Product simple(String id, String price, String currency) {
        return new Product(id, "SKU-" + id, "Hoodie " + id, "<p>Warm.</p>", "<p>Short.</p>", ProductStatus.ACTIVE,
                Money.of(price, currency), null, StockLevel.of(12, StockStatus.IN_STOCK), "0.5",
                List.of(new Image("https://shop.example.com/img/" + id + ".jpg", 0, "front")),
                List.of("Clothing > Hoodies"), Map.of("Material", List.of("Cotton")), List.of(), null);
    }

    static Product variable(String id) {
        Variant blue = new Variant(id + "-blue", "SKU-" + id + "-B", Map.of("Color", "Blue"), Money.of("20.00", "EUR"),
                Money.of("15.50", "EUR"), StockLevel.of(3, StockStatus.IN_STOCK), null);
        Variant red = new Variant(id + "-red", null, Map.of("Color", "Red"), Money.of("22.125", "EUR"), null,
                StockLevel.untracked(StockStatus.BACKORDER), "https://shop.example.com/img/red.jpg");
        return new Product(id, null, "T-Shirt " + id, "", "", ProductStatus.ACTIVE, Money.of("20.00", "EUR"), null,
                StockLevel.untracked(StockStatus.IN_STOCK), null, List.of(), List.of("Clothing > Tshirts"),
                Map.of("Color", List.of("Blue", "Red")), List.of(blue, red), null);
    }

    static Listing listing(Product product, String fingerprint) {
        return new Listing(product, fingerprint);
    }
}
