package com.golisto.sync.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import com.golisto.sync.sandbox.woocommerce.WooMerchant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The merchant and the buyers during the soak: catalog changes in WooCommerce (each fires the shop's product
 * webhooks as the emulator's scheduler delivers them) and sales on Golisto (each a signed {@code order.created}
 * webhook, and an order the runner's poll finds). Products the soak may move to the trash are never sold, so
 * that every sale has a product the shop can order ("lost" then means the engine lost it). Driven by the soak's
 * one thread from its seeded {@link Random}.
 */
final class ShopActivity {

    /** The catalog changes, with their weights in the random draw. */
    enum Change {
        PRICE(30), SALE_PRICE(10), STOCK(25), CREATE(10), VARIATION(7), RENAME(8), TRASH(5), STOCK_STATUS(5);

        private final int weight;

        Change(int weight) {
            this.weight = weight;
        }
    }

    private final Random random;
    private final WooMerchant merchant;
    private final GolistoEmulator golisto;
    private final String account;
    private final Set<Long> trashable = new HashSet<>();
    private final Set<Long> trashed = new HashSet<>();
    private final List<String> sales = new ArrayList<>();
    private final Map<String, Integer> done = new TreeMap<>();
    private int refusedSales;
    private int created;

    ShopActivity(Random random, WooMerchant merchant, GolistoEmulator golisto, String account) {
        this.random = random;
        this.merchant = merchant;
        this.golisto = golisto;
        this.account = account;
        for (long id : merchant.productIds()) {
            if (id % 4 == 0) {
                trashable.add(id);
            }
        }
    }

    /** Makes one random catalog change; returns what, for the progress log. */
    String changeOne() {
        Change change = draw();
        List<Long> live = merchant.productIds().stream().filter(id -> !trashed.contains(id)).toList();
        long id = live.get(random.nextInt(live.size()));
        JsonNode product = merchant.product(id).orElseThrow();
        List<JsonNode> variations = merchant.variations(id);
        long item = variations.isEmpty() ? id : variations.get(random.nextInt(variations.size())).path("id").asLong();
        String what = switch (change) {
            case PRICE -> {
                merchant.setRegularPrice(item, price(5, 120).toPlainString());
                yield "price of " + item;
            }
            case SALE_PRICE -> {
                BigDecimal regular = decimal(merchant.product(item).orElseThrow().path("regular_price"));
                boolean end = regular == null || random.nextBoolean();
                merchant.setSalePrice(item, end || regular == null ? "" : regular.multiply(new BigDecimal("0.8"))
                        .setScale(2, RoundingMode.HALF_UP).toPlainString());
                yield (end ? "sale ended on " : "sale on ") + item;
            }
            case STOCK -> {
                merchant.setStock(item, random.nextInt(40));
                yield "stock of " + item;
            }
            case STOCK_STATUS -> {
                merchant.setStock(item, null);
                merchant.setStockStatus(item, random.nextInt(3) == 0 ? "outofstock" : "instock");
                yield "stock status of " + item;
            }
            case RENAME -> {
                merchant.rename(id, product.path("name").asText().replaceAll(" \\(r\\d+\\)$", "") + " (r"
                        + random.nextInt(1000) + ")");
                yield "rename of " + id;
            }
            case CREATE -> {
                created++;
                long newId = merchant.createProduct("""
                        {"name":"Soak product %d","type":"simple","status":"publish","regular_price":"%s",\
                        "manage_stock":true,"stock_quantity":%d,"sku":"SOAK-%d"}"""
                        .formatted(created, price(5, 80).toPlainString(), 1 + random.nextInt(30), created))
                        .path("id").asLong();
                trashable.add(newId);
                yield "new product " + newId;
            }
            case VARIATION -> {
                List<Long> variable = live.stream().filter(p -> !merchant.variations(p).isEmpty()).toList();
                if (variable.isEmpty()) {
                    yield "no variable product";
                }
                long parent = variable.get(random.nextInt(variable.size()));
                long variation = merchant.createVariation(parent, """
                        {"regular_price":"%s","manage_stock":true,"stock_quantity":%d,\
                        "attributes":[{"name":"Soak","option":"S%d"}]}"""
                        .formatted(price(5, 80).toPlainString(), 1 + random.nextInt(20), random.nextInt(100_000)))
                        .path("id").asLong();
                yield "new variation " + variation + " of " + parent;
            }
            case TRASH -> {
                List<Long> candidates = live.stream().filter(trashable::contains).toList();
                if (candidates.isEmpty()) {
                    yield "nothing to trash";
                }
                long victim = candidates.get(random.nextInt(candidates.size()));
                merchant.trash(victim);
                trashed.add(victim);
                yield "trashed " + victim;
            }
        };
        done.merge(change.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), 1, Integer::sum);
        return what;
    }

    /**
     * A buyer buys one item of a random listed, active, in-stock product (a variant for a variable one) that the
     * soak never trashes. Golisto may refuse (sold out meanwhile): counted, not an error.
     *
     * @return the new Golisto order id, or null when nothing could be sold
     */
    @org.jspecify.annotations.Nullable String sellOne() {
        List<GolistoListing> listings = golisto.listings(account).stream()
                .filter(l -> l.status().equals("active") && !trashable.contains(Long.parseLong(l.externalId())))
                .toList();
        for (int attempt = 0; attempt < 10 && !listings.isEmpty(); attempt++) {
            GolistoListing listing = listings.get(random.nextInt(listings.size()));
            String variant = null;
            GolistoListing.GolistoStock stock = listing.stock();
            if (!listing.variantIds().isEmpty()) {
                variant = listing.variantIds().get(random.nextInt(listing.variantIds().size()));
                stock = listing.variantStock(variant).orElse(stock);
            }
            if (!stock.stockStatus().equals("in_stock") || (stock.quantity() != null && stock.quantity() < 1)) {
                continue;
            }
            GolistoSale.Builder sale = GolistoSale.builder(account)
                    .buyer("Soak Buyer " + sales.size(), "buyer" + sales.size() + "@example.com");
            sale = variant == null ? sale.line(listing.externalId(), 1) : sale.variantLine(listing.externalId(), variant, 1);
            try {
                String order = golisto.sales().create(sale.build());
                sales.add(order);
                return order;
            } catch (IllegalStateException | IllegalArgumentException e) {
                refusedSales++;
            }
        }
        return null;
    }

    /** Every Golisto order id a buyer created, oldest first. */
    List<String> sales() {
        return List.copyOf(sales);
    }

    /** Sales Golisto refused (the item sold out or was withdrawn between the listing read and the sale). */
    int refusedSales() {
        return refusedSales;
    }

    /** Catalog changes made, by kind. */
    Map<String, Integer> changes() {
        return Map.copyOf(done);
    }

    private Change draw() {
        int total = 0;
        for (Change c : Change.values()) {
            total += c.weight;
        }
        int pick = random.nextInt(total);
        for (Change c : Change.values()) {
            pick -= c.weight;
            if (pick < 0) {
                return c;
            }
        }
        throw new IllegalStateException("weights");
    }

    private BigDecimal price(int low, int high) {
        return BigDecimal.valueOf(low * 100L + random.nextInt((high - low) * 100), 2);
    }

    private static @org.jspecify.annotations.Nullable BigDecimal decimal(JsonNode node) {
        String text = node.isMissingNode() || node.isNull() ? "" : node.asText().trim();
        return text.isEmpty() ? null : new BigDecimal(text);
    }
}
