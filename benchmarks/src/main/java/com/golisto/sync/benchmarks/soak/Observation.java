package com.golisto.sync.benchmarks.soak;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the soak sees on both emulators at one moment, the input of {@link Invariants#check}.
 *
 * @param sales every Golisto order id a buyer created during the soak
 * @param shopOrders every WooCommerce order
 * @param acknowledgements the shop order id Golisto recorded as acknowledged, by Golisto order id (absent: none)
 * @param shop what each published shop product should look like on the marketplace, by product id
 *             ({@link CatalogView#describeShopProduct})
 * @param listings every marketplace listing of the store
 */
record Observation(List<String> sales, List<ShopOrder> shopOrders, Map<String, String> acknowledgements,
                   Map<String, String> shop, List<Listing> listings) {

    Observation {
        sales = List.copyOf(sales);
        shopOrders = List.copyOf(shopOrders);
        acknowledgements = Map.copyOf(acknowledgements);
        shop = Map.copyOf(shop);
        listings = List.copyOf(listings);
    }

    /**
     * One WooCommerce order.
     *
     * @param id the shop's order id
     * @param golistoOrderId the Golisto order id in its {@code _golisto_order_id} metadata, null when it has none
     */
    record ShopOrder(String id, @Nullable String golistoOrderId) {
        ShopOrder {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * One marketplace listing.
     *
     * @param externalId the shop product id it lists
     * @param description its fields as {@link CatalogView#describeListing} renders them
     */
    record Listing(String externalId, String description) {
        Listing {
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(description, "description");
        }
    }
}
