package com.golisto.sync.core.testing;

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

/** Test products in EUR, and the copies the fakes make of them. */
public final class Products {

    private Products() {}

    /** An active simple product with tracked stock. */
    public static Product simple(String id, String title, String price, String sale, int quantity) {
        return new Product(id, "SKU-" + id, title, "<p>" + title + "</p>", "", ProductStatus.ACTIVE,
                Money.of(price, "EUR"), sale == null ? null : Money.of(sale, "EUR"), level(quantity), "0.5",
                List.of(new Image("https://shop.example/img/" + id + ".jpg", 0, title)), List.of("Accessories"),
                Map.of(), List.of(), null);
    }

    /** An active product with two variants ({@code id + "1"} size S, {@code id + "2"} size M). */
    public static Product variable(String id, String title, int perVariant) {
        List<Variant> variants = List.of(
                new Variant(id + "1", "SKU-" + id + "-S", Map.of("Size", "S"), Money.of("42", "EUR"), null,
                        level(perVariant), null),
                new Variant(id + "2", "SKU-" + id + "-M", Map.of("Size", "M"), Money.of("44", "EUR"),
                        Money.of("39.99", "EUR"), level(perVariant), "https://shop.example/img/" + id + "-m.jpg"));
        return new Product(id, "SKU-" + id, title, "<p>Warm</p>", "<p>Short</p>", ProductStatus.ACTIVE,
                Money.of("42", "EUR"), null, StockLevel.untracked(StockStatus.IN_STOCK), "1.5",
                List.of(new Image("https://shop.example/img/" + id + ".jpg", 0, "")),
                List.of("Clothing", "Clothing > Hoodies"), Map.of("Size", List.of("S", "M")), variants, null);
    }

    /** A copy with another status. */
    public static Product withStatus(Product p, ProductStatus status) {
        return new Product(p.id(), p.sku(), p.title(), p.descriptionHtml(), p.shortDescriptionHtml(), status,
                p.price(), p.salePrice(), p.stock(), p.weight(), p.images(), p.categories(), p.attributes(),
                p.variants(), p.modifiedAt());
    }

    /** A copy priced in another currency (which the fake marketplace refuses). */
    public static Product pricedIn(Product p, String currency) {
        return new Product(p.id(), p.sku(), p.title(), p.descriptionHtml(), p.shortDescriptionHtml(), p.status(),
                Money.of(p.price().amount(), Money.currency(currency)), null, p.stock(), p.weight(), p.images(),
                p.categories(), p.attributes(), List.of(), p.modifiedAt());
    }

    /** A copy with another modification time ({@code null} to compare content only). */
    public static Product stamped(Product p, Instant modifiedAt) {
        return new Product(p.id(), p.sku(), p.title(), p.descriptionHtml(), p.shortDescriptionHtml(), p.status(),
                p.price(), p.salePrice(), p.stock(), p.weight(), p.images(), p.categories(), p.attributes(),
                p.variants(), modifiedAt);
    }

    /** A copy whose tracked stock (of the variant, when one is named) went down by {@code quantity}. */
    static Product lessStock(Product p, String variantId, int quantity) {
        if (variantId != null) {
            return p.withVariants(p.variants().stream().map(v -> !v.id().equals(variantId) || v.stock().quantity() == null
                    ? v : new Variant(v.id(), v.sku(), v.options(), v.price(), v.salePrice(),
                            level(v.stock().quantity() - quantity), v.imageUrl())).toList());
        }
        return p.stock().quantity() == null ? p : p.withStock(level(p.stock().quantity() - quantity));
    }

    static StockLevel level(int quantity) {
        return StockLevel.of(quantity, quantity > 0 ? StockStatus.IN_STOCK : StockStatus.OUT_OF_STOCK);
    }
}
