package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic catalog of any size: simple and variable products with a given number of variations,
 * categories two levels deep, images, global attributes (Color, Size, Material), sale prices and
 * managed or unmanaged stock. The same {@link Spec} always yields the same products, SKUs and prices
 * (ids depend on what the store already holds).
 */
public final class WooCatalogGenerator {

    private static final String[][] CATEGORIES = {
        {"Clothing", "Tshirts", "Hoodies", "Accessories", "Shoes"},
        {"Home", "Kitchen", "Bedding", "Lighting", "Decor"},
        {"Garden", "Tools", "Plants", "Furniture", "Lighting"},
        {"Electronics", "Audio", "Cables", "Cameras", "Phones"},
        {"Toys", "Puzzles", "Outdoor", "Plush", "Games"}};
    private static final String[] ADJECTIVES = {"Classic", "Organic", "Vintage", "Compact", "Deluxe", "Rugged",
        "Soft", "Bright", "Minimal", "Handmade", "Urban", "Nordic"};
    private static final String[] NOUNS = {"Shirt", "Lamp", "Mug", "Backpack", "Speaker", "Planter", "Blanket",
        "Puzzle", "Cable", "Jacket", "Bottle", "Chair", "Notebook", "Kite", "Scarf"};
    private static final String[] COLORS = {"Black", "White", "Red", "Blue", "Green", "Yellow", "Gray", "Pink",
        "Orange", "Purple"};
    private static final String[] SIZES = {"XS", "S", "M", "L", "XL", "XXL"};
    private static final String[] MATERIALS = {"Cotton", "Wool", "Linen", "Polyester", "Silk", "Bamboo", "Hemp",
        "Leather", "Denim", "Fleece"};

    /**
     * What to generate.
     *
     * @param products parent products, at least 0
     * @param variableProducts how many of them are variable, at most {@code products}
     * @param variationsPerVariable variations of each variable product, 1..600
     * @param seed the random seed
     */
    public record Spec(int products, int variableProducts, int variationsPerVariable, long seed) {
        /** Validates. */
        public Spec {
            if (products < 0 || variableProducts < 0 || variableProducts > products) {
                throw new IllegalArgumentException("need 0 <= variableProducts <= products");
            }
            if (variableProducts > 0 && (variationsPerVariable < 1 || variationsPerVariable > 600)) {
                throw new IllegalArgumentException("variationsPerVariable must be 1..600");
            }
        }

        /** The benchmark catalog: 10,000 products, 3,000 of them variable with 10 variations each. */
        public static Spec benchmark(long seed) {
            return new Spec(10_000, 3_000, 10, seed);
        }
    }

    private final Spec spec;

    /** A generator for one spec. */
    public WooCatalogGenerator(Spec spec) {
        this.spec = java.util.Objects.requireNonNull(spec, "spec");
    }

    CatalogSummary generateInto(WooStore store) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        List<Long> leafCategories = new ArrayList<>();
        for (String[] tree : CATEGORIES) {
            for (int i = 1; i < tree.length; i++) {
                leafCategories.add(store.categories().ensurePath(tree[0] + " > " + tree[i]).id());
            }
        }
        Instant start = store.now().minus(Duration.ofMinutes(spec.products() + 1L));
        int variations = 0;
        // spread the variable products evenly over the catalog
        double every = spec.variableProducts() == 0 ? Double.MAX_VALUE : spec.products() / (double) spec.variableProducts();
        int variableMade = 0;
        for (int i = 0; i < spec.products(); i++) {
            boolean variable = variableMade < spec.variableProducts() && i >= Math.floor(variableMade * every);
            WooProduct p = new WooProduct();
            p.type = variable ? "variable" : "simple";
            p.name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)] + " "
                    + (i + 1);
            p.sku = "GEN-" + spec.seed() + "-" + (i + 1);
            p.description = "<p>" + p.name + " is generated product number " + (i + 1)
                    + ". <strong>Deterministic</strong> for seed " + spec.seed() + ".</p>\n";
            p.shortDescription = "<p>A " + p.name.toLowerCase(java.util.Locale.ROOT) + ".</p>\n";
            p.categoryIds = List.of(leafCategories.get(random.nextInt(leafCategories.size())));
            int imageCount = 1 + random.nextInt(3);
            List<WooProduct.Image> images = new ArrayList<>();
            for (int k = 0; k < imageCount; k++) {
                images.add(new WooProduct.Image(store.nextPostId(),
                        "https://shop.example.com/wp-content/uploads/2024/01/gen-" + spec.seed() + "-" + (i + 1) + "-"
                                + k + ".jpg", "gen-" + (i + 1) + "-" + k, ""));
            }
            p.images = List.copyOf(images);
            p.weight = Integer.toString(1 + random.nextInt(5));
            p.created = start.plus(Duration.ofMinutes(i));
            p.modified = p.created;
            p.meta = List.of(new WooProduct.Meta(store.nextMetaId(), "_generated", TextNode.valueOf("1")));
            boolean managed = random.nextInt(2) == 0;
            if (managed) {
                p.manageStock = "true";
                p.stockQuantity = random.nextInt(100);
            }
            if (variable) {
                p.attributes = variationAttributes(spec.variationsPerVariable());
                WooProduct parent = store.insert(p);
                variations += addVariations(store, parent, random, managed);
                variableMade++;
            } else {
                price(p, random);
                p.attributes = List.of(new WooProduct.Attribute(1, "Color", 0, true, false,
                        List.of(COLORS[random.nextInt(COLORS.length)]), ""));
                store.insert(p);
            }
        }
        return new CatalogSummary(spec.products(), variations, store.categories().size());
    }

    private int addVariations(WooStore store, WooProduct parent, SplittableRandom random, boolean parentManaged) {
        int n = spec.variationsPerVariable();
        for (int v = 0; v < n; v++) {
            WooProduct variation = new WooProduct();
            variation.type = "variation";
            variation.parentId = parent.id;
            variation.sku = parent.sku + "-V" + (v + 1);
            variation.menuOrder = v;
            variation.created = parent.created;
            variation.modified = parent.created;
            price(variation, random);
            List<WooProduct.Attribute> chosen = new ArrayList<>();
            chosen.add(new WooProduct.Attribute(1, "Color", 0, true, true, List.of(), COLORS[v % COLORS.length]));
            if (n > COLORS.length) {
                chosen.add(new WooProduct.Attribute(2, "Size", 0, true, true, List.of(),
                        SIZES[(v / COLORS.length) % SIZES.length]));
            }
            if (n > COLORS.length * SIZES.length) {
                chosen.add(new WooProduct.Attribute(3, "Material", 0, true, true, List.of(),
                        MATERIALS[v / (COLORS.length * SIZES.length)]));
            }
            variation.attributes = List.copyOf(chosen);
            int mode = random.nextInt(3);
            if (mode == 0) {
                variation.manageStock = "true";
                variation.stockQuantity = random.nextInt(50);
            } else if (mode == 1 && parentManaged) {
                variation.manageStock = "parent";
            }
            if (random.nextInt(4) == 0) {
                variation.images = List.of(new WooProduct.Image(store.nextPostId(),
                        "https://shop.example.com/wp-content/uploads/2024/01/" + variation.sku.toLowerCase(java.util.Locale.ROOT)
                                + ".jpg", variation.sku, ""));
            }
            store.insert(variation);
        }
        return n;
    }

    private static List<WooProduct.Attribute> variationAttributes(int n) {
        List<WooProduct.Attribute> attrs = new ArrayList<>();
        attrs.add(new WooProduct.Attribute(1, "Color", 0, true, true,
                List.of(COLORS).subList(0, Math.min(n, COLORS.length)), ""));
        if (n > COLORS.length) {
            int sizes = Math.min(SIZES.length, (n + COLORS.length - 1) / COLORS.length);
            attrs.add(new WooProduct.Attribute(2, "Size", 1, true, true, List.of(SIZES).subList(0, sizes), ""));
        }
        if (n > COLORS.length * SIZES.length) {
            int materials = (n + COLORS.length * SIZES.length - 1) / (COLORS.length * SIZES.length);
            attrs.add(new WooProduct.Attribute(3, "Material", 2, true, true, List.of(MATERIALS).subList(0, materials), ""));
        }
        return List.copyOf(attrs);
    }

    private static void price(WooProduct p, SplittableRandom random) {
        BigDecimal regular = BigDecimal.valueOf(500 + random.nextInt(19_500), 2);
        p.regularPrice = regular.toPlainString();
        if (random.nextInt(5) == 0) {
            p.salePrice = regular.multiply(BigDecimal.valueOf(80)).divide(BigDecimal.valueOf(100), 2,
                    java.math.RoundingMode.HALF_UP).toPlainString();
        }
    }
}
