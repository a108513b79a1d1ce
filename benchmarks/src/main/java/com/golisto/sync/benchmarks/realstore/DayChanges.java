package com.golisto.sync.benchmarks.realstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The simulated day's changes: a seeded random sample of the store's published simple and variable products,
 * changed one at a time through the REST API at minutes spread evenly over the day, alternately a regular price
 * + 1 (a product on sale gets a stock change instead, so the listed price is predictable) and a stock quantity
 * + 1; for a variable product, on its first variation. Afterwards {@link #difference} checks the marketplace.
 */
final class DayChanges {

    /** One change as made, and what the marketplace should then show. */
    record Change(int minute, long productId, @Nullable Long variationId, @Nullable BigDecimal price,
                  @Nullable Integer quantity) {
    }

    private final List<StoreClient.ShopProduct> chosen;
    private final List<Integer> minutes;
    private final List<Change> made = new ArrayList<>();

    private DayChanges(List<StoreClient.ShopProduct> chosen, List<Integer> minutes) {
        this.chosen = chosen;
        this.minutes = minutes;
    }

    /** {@code count} products of {@code catalog}, changed at minutes spread over {@code dayMinutes}. */
    static DayChanges plan(List<StoreClient.ShopProduct> catalog, int count, long seed, int dayMinutes) {
        List<StoreClient.ShopProduct> eligible = catalog.stream()
                .filter(p -> "publish".equals(p.status()))
                .filter(p -> "simple".equals(p.type()) || ("variable".equals(p.type()) && !p.variations().isEmpty()))
                .toList();
        int n = Math.min(count, eligible.size());
        SplittableRandom random = new SplittableRandom(seed);
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < n) {
            picked.add(random.nextInt(eligible.size()));
        }
        List<StoreClient.ShopProduct> chosen = picked.stream().map(eligible::get).toList();
        List<Integer> minutes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int minute = (int) Math.round((k + 0.5) * dayMinutes / n);
            // never right at a pass boundary: the change falls inside an incremental interval
            minutes.add(minute % 15 == 0 ? minute + 7 : minute);
        }
        return new DayChanges(chosen, minutes);
    }

    int size() {
        return chosen.size();
    }

    /** The changes due at {@code minute} of the day, made now. */
    int applyDue(int minute, StoreClient shop) throws IOException, InterruptedException {
        int applied = 0;
        for (int k = 0; k < chosen.size(); k++) {
            if (minutes.get(k) == minute) {
                made.add(apply(k, minute, shop));
                applied++;
            }
        }
        return applied;
    }

    private Change apply(int k, int minute, StoreClient shop) throws IOException, InterruptedException {
        StoreClient.ShopProduct product = chosen.get(k);
        boolean variable = "variable".equals(product.type());
        JsonNode current = variable ? product.variations().get(0) : product.json();
        Long variationId = variable ? current.path("id").asLong() : null;
        String path = variable ? "/products/" + product.id() + "/variations/" + variationId : "/products/" + product.id();
        ObjectNode body = StoreClient.JSON.createObjectNode();
        boolean onSale = !current.path("sale_price").asText("").isEmpty();
        if (k % 2 == 0 && !onSale && !current.path("regular_price").asText("").isEmpty()) {
            BigDecimal price = new BigDecimal(current.path("regular_price").asText()).add(BigDecimal.ONE);
            body.put("regular_price", price.toPlainString());
            shop.put(path, body);
            return new Change(minute, product.id(), variationId, price, null);
        }
        int quantity = Math.max(0, current.path("stock_quantity").asInt(0)) + 1;
        body.put("manage_stock", true).put("stock_quantity", quantity);
        shop.put(path, body);
        return new Change(minute, product.id(), variationId, null, quantity);
    }

    List<Change> made() {
        return List.copyOf(made);
    }

    /** The first change the marketplace does not show, if any. */
    Optional<String> difference(GolistoEmulator marketplace, String connectionId) {
        for (Change change : made) {
            Optional<GolistoListing> listing = marketplace.listing(connectionId, Long.toString(change.productId()));
            if (listing.isEmpty()) {
                return Optional.of("product " + change.productId() + " is not listed");
            }
            JsonNode holder = listing.get().json();
            if (change.variationId() != null) {
                holder = null;
                for (JsonNode variant : listing.get().json().path("variants")) {
                    if (change.variationId().toString().equals(variant.path("external_id").asText())) {
                        holder = variant;
                    }
                }
                if (holder == null) {
                    return Optional.of("product " + change.productId() + ": variant " + change.variationId()
                            + " is missing");
                }
            }
            if (change.price() != null
                    && new BigDecimal(holder.path("price").asText("0")).compareTo(change.price()) != 0) {
                return Optional.of("product " + change.productId() + ": price " + holder.path("price").asText()
                        + ", the shop has " + change.price());
            }
            if (change.quantity() != null && holder.path("quantity").asInt(-1) != change.quantity()) {
                return Optional.of("product " + change.productId() + ": quantity " + holder.path("quantity")
                        + ", the shop has " + change.quantity());
            }
        }
        return Optional.empty();
    }
}
