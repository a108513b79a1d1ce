package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What catalog passes cost the marketplace, counted on the Golisto emulator: the writes of many shop pages are
 * packed into batches as full as Golisto's contract allows (100 listings, 500 stock items), and a stock change
 * of one variation sends that variation's stock only.
 */
class CatalogBatchPackingIT extends EngineTestBase {

    private static final int CHANGED = 1_000;

    @Test
    void thousandProductsChangingPriceOrStockOnElevenShopPages_takeSixMarketplaceRequests_inEitherPass()
            throws Exception {
        for (int i = 0; i < CHANGED; i++) {
            shop.put(simple(id(i), "Mug " + i, "10", null, 5));
        }
        shop.pageSize(100);
        approvedStore();

        for (int round = 1; round <= 2; round++) {
            clock.advance(Duration.ofMinutes(1));
            // half change price (a listing update), half stock only (the inventory path); 10 to 11 pages of 100
            for (int i = 0; i < CHANGED; i++) {
                shop.put(i % 2 == 0 ? simple(id(i), "Mug " + i, Integer.toString(10 + round), null, 5)
                        : simple(id(i), "Mug " + i, "10", null, 5 + round));
            }
            long batches = fx.golisto.requests().count(BATCH);
            long inventory = fx.golisto.requests().count(INVENTORY);

            RunView run = fx.engine.syncAndWait(STORE, round == 1 ? SyncMode.INCREMENTAL : SyncMode.FULL);

            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.counts().updated()).isEqualTo(CHANGED);
            long batchRequests = fx.golisto.requests().count(BATCH) - batches;
            long inventoryRequests = fx.golisto.requests().count(INVENTORY) - inventory;
            assertThat(batchRequests).as("500 listing updates, 100 a batch").isEqualTo(5);
            assertThat(inventoryRequests).as("500 stock items in one batch").isEqualTo(1);
            assertThat(batchRequests + inventoryRequests).as(run.kind() + " pass").isLessThanOrEqualTo(6);
            assertCatalogEqualsShop();
        }
    }

    @Test
    void stockChangeOfOneVariationOfAHundred_sendsOneInventoryItem_andGolistoThenEqualsTheShop() throws Exception {
        shop.put(hundredVariations("300", 0));
        approvedStore();
        clock.advance(Duration.ofMinutes(1));
        shop.put(hundredVariations("300", 42));
        long inventory = fx.golisto.requests().count(INVENTORY);
        long items = fx.marketplace.inventoryItems();
        long batches = fx.golisto.requests().count(BATCH);

        RunView run = fx.engine.syncAndWait(STORE, SyncMode.INCREMENTAL);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(fx.golisto.requests().count(INVENTORY) - inventory).isEqualTo(1);
        assertThat(fx.marketplace.inventoryItems() - items).as("variation 42's stock, not 101 items").isEqualTo(1);
        assertThat(fx.golisto.requests().count(BATCH)).isEqualTo(batches);
        assertCatalogEqualsShop();
    }

    private static String id(int i) {
        return String.format("m%04d", i);
    }

    /** A variable product with 100 variations of 4 in stock; variation {@code changed} (1..100) has 9. */
    private static Product hundredVariations(String id, int changed) {
        List<Variant> variants = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            String size = "EU " + i;
            sizes.add(size);
            variants.add(new Variant(id + String.format("%03d", i), "SKU-" + id + "-" + i, Map.of("Size", size),
                    Money.of("20", "EUR"), null, StockLevel.of(i == changed ? 9 : 4, StockStatus.IN_STOCK), null));
        }
        return new Product(id, "SKU-" + id, "Socks", "<p>Warm</p>", "", ProductStatus.ACTIVE, Money.of("20", "EUR"),
                null, StockLevel.untracked(StockStatus.IN_STOCK), "0.1", List.of(), List.of("Clothing"),
                Map.of("Size", sizes), variants, null);
    }
}
