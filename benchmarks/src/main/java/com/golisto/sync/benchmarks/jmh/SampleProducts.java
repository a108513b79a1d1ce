package com.golisto.sync.benchmarks.jmh;

import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic neutral products shaped like a real WooCommerce catalog as the connector maps it: a
 * ~450-character HTML description, a short description, three images, two categories, and for one
 * product in {@code variableEvery} two attributes with {@code variationsPerProduct} variants.
 */
final class SampleProducts {

    private static final String[] COLORS = {"Red", "Blue", "Green", "Black", "White", "Grey"};
    private static final String[] SIZES = {"XS", "S", "M", "L", "XL", "XXL"};

    private SampleProducts() {
    }

    /**
     * Generates {@code count} products.
     *
     * @param count how many
     * @param variableEvery one product in this many has variants (0: none)
     * @param variationsPerProduct variants per variable product
     * @param seed the random seed
     */
    static List<Product> generate(int count, int variableEvery, int variationsPerProduct, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Product> products = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean variable = variableEvery > 0 && i % variableEvery == 0;
            products.add(product(1_000 + i, variable ? variationsPerProduct : 0, random));
        }
        return products;
    }

    /** The same product with its first price raised by one cent (a content change). */
    static Product withNewPrice(Product product) {
        Money raised = Money.of(product.price().amount().add(new java.math.BigDecimal("0.01")), product.price().currency());
        return new Product(product.id(), product.sku(), product.title(), product.descriptionHtml(),
                product.shortDescriptionHtml(), product.status(), raised, product.salePrice(), product.stock(),
                product.weight(), product.images(), product.categories(), product.attributes(), product.variants(),
                product.modifiedAt());
    }

    private static Product product(int id, int variations, SplittableRandom random) {
        String name = "Product " + id + " " + COLORS[random.nextInt(COLORS.length)] + " edition";
        String description = "<p>" + name + " is made of organic cotton and recycled polyester. "
                + "It is cut for an easy fit and finished with flat seams so that nothing rubs.</p>"
                + "<ul><li>Machine wash at 30 degrees</li><li>Do not tumble dry</li>"
                + "<li>Made in Portugal</li></ul><p>Ships within two working days from our warehouse; "
                + "free returns within thirty days. Article " + random.nextInt(1_000_000) + ".</p>";
        Money price = Money.of((5 + random.nextInt(200)) + "." + (10 + random.nextInt(89)), "EUR");
        List<Image> images = List.of(
                new Image("https://shop.example/wp-content/uploads/2026/11/p" + id + "-1.jpg", 0, name),
                new Image("https://shop.example/wp-content/uploads/2026/11/p" + id + "-2.jpg", 1, ""),
                new Image("https://shop.example/wp-content/uploads/2026/11/p" + id + "-3.jpg", 2, ""));
        List<String> categories = List.of("Clothing > Tops", "Sale");
        List<Variant> variants = new ArrayList<>(variations);
        Map<String, List<String>> attributes = Map.of();
        if (variations > 0) {
            attributes = Map.of("Color", List.of(COLORS), "Size", List.of(SIZES));
            for (int v = 0; v < variations; v++) {
                variants.add(new Variant(id + "-" + v, "SKU-" + id + "-" + v,
                        Map.of("Color", COLORS[v % COLORS.length], "Size", SIZES[(v / COLORS.length) % SIZES.length]),
                        price, null, StockLevel.of(random.nextInt(50), StockStatus.IN_STOCK),
                        "https://shop.example/wp-content/uploads/2026/11/p" + id + "-v" + v + ".jpg"));
            }
        }
        return new Product(Integer.toString(id), "SKU-" + id, name, description,
                "<p>Soft, light and made to last.</p>", ProductStatus.ACTIVE, price,
                random.nextInt(4) == 0 ? Money.of("4.99", "EUR") : null,
                StockLevel.of(random.nextInt(100), StockStatus.IN_STOCK), "0.4", images, categories, attributes,
                variants, Instant.parse("2026-11-28T10:15:00Z"));
    }
}
