package com.golisto.sync.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import com.golisto.sync.api.model.WriteResult;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.TestingTempDirs;
import com.golisto.sync.core.retry.RetryPolicy;
import com.golisto.sync.core.runs.RemoteCalls;
import com.golisto.sync.core.runs.RunCounter;
import com.golisto.sync.core.store.EntityKind;
import com.golisto.sync.core.store.LedgerEntry;
import com.golisto.sync.core.store.Mapping;
import com.golisto.sync.core.store.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog pipeline and writer against a real state store and in-memory remotes that misbehave. */
class CatalogPipelineTest {

    private static final String STORE = "s1";

    @TempDir(factory = TestingTempDirs.class)
    Path dir;

    private StateStore store;
    private final Shop shop = new Shop();
    private final Marketplace marketplace = new Marketplace();
    private final RunCounter counter = new RunCounter();
    private final List<String> deadLetters = new ArrayList<>();

    @BeforeEach
    void open() {
        store = StateStore.open("jdbc:hsqldb:file:" + dir.resolve("state"), MasterKey.generate(),
                Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));
        store.stores().create(STORE, "shop", "marketplace");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private CatalogPipeline pipeline() {
        RemoteCalls calls = new RemoteCalls(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), 0, d -> { }),
                new Semaphore(1), () -> null);
        return new CatalogPipeline(STORE, shop, marketplace, store, calls, counter,
                (kind, id, reason, payload) -> deadLetters.add(id + ": " + reason));
    }

    @Test
    void fullPass_fillsBatchesUpToTheTargetsLimit_acrossPages() throws Exception {
        for (int i = 1; i <= 25; i++) {
            shop.put(TestProducts.simple(Integer.toString(i), "5", i));
        }
        shop.pageSize = 7;
        marketplace.maxBatch = 10;

        pipeline().fullPass();

        assertThat(marketplace.batchSizes).containsExactly(10, 10, 5);
        assertThat(marketplace.listings).hasSize(25);
        assertThat(store.mappings().count(STORE, EntityKind.PRODUCT)).isEqualTo(25);
        assertThat(store.cursors().find(STORE, CatalogPipeline.CURSOR)).contains("start");
    }

    @Test
    void aThousandChangedProductsOnTwentyPages_takeFiveCatalogBatchesAndOneInventoryBatch_inEitherPass()
            throws Exception {
        for (int i = 1; i <= 1000; i++) {
            shop.put(TestProducts.simple(Integer.toString(i), "5", 1));
        }
        shop.pageSize = 50;
        pipeline().fullPass();

        for (int round = 1; round <= 2; round++) {
            // half the products change price (a full upsert), the other half stock (the inventory path)
            for (int i = 1; i <= 1000; i++) {
                shop.put(i % 2 == 0 ? TestProducts.simple(Integer.toString(i), Integer.toString(5 + round), 1)
                        : TestProducts.simple(Integer.toString(i), "5", 1 + round));
            }
            marketplace.batchSizes.clear();
            marketplace.inventoryCalls = 0;
            marketplace.inventoryItems.clear();

            if (round == 1) {
                pipeline().incrementalPass();
            } else {
                pipeline().fullPass();
            }

            assertThat(marketplace.batchSizes).as("round " + round).containsExactly(100, 100, 100, 100, 100);
            assertThat(marketplace.inventoryCalls).as("round " + round).isEqualTo(1);
            assertThat(marketplace.inventoryItems).hasSize(500);
            for (Product product : shop.products.values()) {
                assertThat(marketplace.listings.get(product.id()).product()).isEqualTo(product);
            }
        }
        assertThat(store.cursors().find(STORE, FullPassCheckpoint.NAME)).isEmpty();
    }

    @Test
    void aFullPassKilledBetweenPages_resumesAfterTheLastPageWhoseWritesAreAllRecorded_andLosesNoWrite()
            throws Exception {
        tenProductsOnTenPagesChangedAfterAFullPass();

        assertThatThrownBy(() -> pipeline().fullPass()).isInstanceOf(RetryableException.class);

        assertThat(marketplace.batchSizes).as("pages 1-3 and 4-6; page 7's write still held").containsExactly(3, 3);
        assertThat(store.cursors().find(STORE, FullPassCheckpoint.NAME).flatMap(FullPassCheckpoint::decode)).get()
                .satisfies(c -> {
                    assertThat(c.pagesDone()).as("not page 7: its write was never sent").isEqualTo(6);
                    assertThat(c.nextPageToken()).isEqualTo("6");
                });
        assertThat(marketplace.listings.get("7").product().price().amount()).isEqualByComparingTo("5");
        shop.failAt = null;
        shop.readTokens.clear();

        pipeline().fullPass();

        assertThat(shop.readTokens).as("resumed at page 7").containsExactly("6", "7", "8", "9");
        for (Product product : shop.products.values()) {
            assertThat(marketplace.listings.get(product.id()).product()).isEqualTo(product);
        }
    }

    @Test
    void anIncrementalPassKilledBetweenPages_keepsTheCursorOfTheLastPageWhoseWritesAreAllRecorded() throws Exception {
        tenProductsOnTenPagesChangedAfterAFullPass();
        store.cursors().save(STORE, CatalogPipeline.CURSOR, "before");

        assertThatThrownBy(() -> pipeline().incrementalPass()).isInstanceOf(RetryableException.class);

        assertThat(marketplace.batchSizes).containsExactly(3, 3);
        assertThat(store.cursors().find(STORE, CatalogPipeline.CURSOR)).as("page 6's, not page 7's")
                .contains("after-6");
        shop.failAt = null;

        pipeline().incrementalPass();

        assertThat(store.cursors().find(STORE, CatalogPipeline.CURSOR)).contains("after-end");
        for (Product product : shop.products.values()) {
            assertThat(marketplace.listings.get(product.id()).product()).isEqualTo(product);
        }
    }

    @Test
    void aWriteHeldForAHundredPages_isSentInAPartBatch_soTheCheckpointKeepsUp() throws Exception {
        for (int i = 1; i <= 150; i++) {
            shop.put(TestProducts.simple(Integer.toString(i), "5", i));
        }
        shop.pageSize = 1;
        pipeline().fullPass();
        shop.put(TestProducts.simple("1", "6", 1));
        shop.failAt = "120";
        marketplace.batchSizes.clear();

        assertThatThrownBy(() -> pipeline().fullPass()).isInstanceOf(RetryableException.class);

        assertThat(marketplace.batchSizes).as("product 1, held since page 1, sent at page 100").containsExactly(1);
        assertThat(store.cursors().find(STORE, FullPassCheckpoint.NAME).flatMap(FullPassCheckpoint::decode)).get()
                .satisfies(c -> assertThat(c.pagesDone()).isEqualTo(120));
        assertThat(CatalogPipeline.MAX_HELD_PAGES).isEqualTo(100);
    }

    /** Ten products listed one per page, batches of three, then every price changed; reading page 8 fails. */
    private void tenProductsOnTenPagesChangedAfterAFullPass() throws Exception {
        for (int i = 1; i <= 10; i++) {
            shop.put(TestProducts.simple(Integer.toString(i), "5", i));
        }
        shop.pageSize = 1;
        marketplace.maxBatch = 3;
        pipeline().fullPass();
        for (int i = 1; i <= 10; i++) {
            shop.put(TestProducts.simple(Integer.toString(i), "6", i));
        }
        shop.failAt = "7";
        shop.readTokens.clear();
        marketplace.batchSizes.clear();
    }

    @Test
    void aProductReadTwiceInOnePass_isWrittenOnce_asItWasLastRead() throws Exception {
        for (int i = 1; i <= 4; i++) {
            shop.put(TestProducts.simple(Integer.toString(i), "5", i));
        }
        shop.pageSize = 2;
        marketplace.maxBatch = 10;
        pipeline().fullPass();
        for (int i = 1; i <= 4; i++) {
            shop.put(TestProducts.simple(Integer.toString(i), "6", i));
        }
        // a product added at the front while the pass reads: product 2 moves from page 1 to page 2
        shop.beforeReading.put("2", () -> {
            Map<String, Product> before = new LinkedHashMap<>(shop.products);
            shop.products.clear();
            shop.put(TestProducts.simple("0", "6", 1));
            before.values().forEach(shop::put);
            shop.put(TestProducts.simple("2", "7", 2));
        });
        marketplace.batchIds.clear();

        pipeline().fullPass();

        assertThat(marketplace.batchIds.get(0)).as("product 2 once").containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(marketplace.listings.get("2").product().price().amount()).isEqualByComparingTo("7");
        assertThat(marketplace.batchIds).as("one batch").hasSize(1);
    }

    @Test
    void stockChangeOfOneVariationOfAHundred_sendsThatVariationsStockOnly() throws Exception {
        shop.put(withHundredVariants(5, 5));
        pipeline().fullPass();
        assertThat(store.mappings().find(STORE, EntityKind.PRODUCT, "v").orElseThrow().stockLevels()).isNotNull();
        shop.put(withHundredVariants(37, 2));

        pipeline().syncProducts(List.of("v"));

        assertThat(marketplace.inventoryItems).singleElement().satisfies(u -> {
            assertThat(u.variantId()).isEqualTo("v-037");
            assertThat(u.stock()).isEqualTo(StockLevel.of(2, StockStatus.IN_STOCK));
        });
        assertThat(marketplace.batchSizes).as("the full pass's create only").containsExactly(1);
        assertThat(marketplace.listings.get("v").product()).isEqualTo(shop.products.get("v"));
    }

    @Test
    void listingWrittenWithoutPerItemStock_sendsEveryItemOnce_thenOnlyWhatChanged() throws Exception {
        shop.put(withHundredVariants(5, 5));
        pipeline().fullPass();
        Mapping mapping = store.mappings().find(STORE, EntityKind.PRODUCT, "v").orElseThrow();
        store.mappings().upsert(List.of(mapping.withStockLevels(null)));
        shop.put(withHundredVariants(37, 2));

        pipeline().syncProducts(List.of("v"));

        assertThat(marketplace.inventoryItems).as("the product and its 100 variants").hasSize(101);
        assertThat(marketplace.listings.get("v").product()).isEqualTo(shop.products.get("v"));
        marketplace.inventoryItems.clear();
        shop.put(withHundredVariants(80, 0));

        pipeline().incrementalPass();

        assertThat(marketplace.inventoryItems).extracting(InventoryUpdate::variantId)
                .as("37 is back to 5, 80 is now 0").containsExactlyInAnyOrder("v-037", "v-080");
        assertThat(marketplace.listings.get("v").product()).isEqualTo(shop.products.get("v"));
    }

    /** A variable product with 100 variants of 5 in stock, except variant {@code changed}, which has {@code stock}. */
    private static Product withHundredVariants(int changed, int stock) {
        List<Variant> variants = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            String size = "S" + i;
            sizes.add(size);
            int quantity = i == changed ? stock : 5;
            variants.add(new Variant(String.format("v-%03d", i), null, Map.of("Size", size),
                    com.golisto.sync.api.model.Money.of("9", "EUR"), null,
                    StockLevel.of(quantity, quantity > 0 ? StockStatus.IN_STOCK : StockStatus.OUT_OF_STOCK), null));
        }
        return new Product("v", null, "Socks", "", "", ProductStatus.ACTIVE,
                com.golisto.sync.api.model.Money.of("9", "EUR"), null, StockLevel.untracked(StockStatus.IN_STOCK), null,
                List.of(), List.of("Socks"), Map.of("Size", sizes), variants, null);
    }

    @Test
    void itemFailingTransiently_isRetriedAlone_andAPermanentFailureIsDeadLetteredWithoutItsMapping() throws Exception {
        shop.put(TestProducts.simple("1", "5", 1));
        shop.put(TestProducts.simple("2", "5", 1));
        shop.put(TestProducts.simple("3", "5", 1));
        marketplace.failItem.put("2", WriteResult.ItemError.retryable("busy", "try later"));
        marketplace.failItem.put("3", WriteResult.ItemError.rejected("validation_failed", "title too long"));

        pipeline().fullPass();

        assertThat(marketplace.batchSizes).containsExactly(3, 1);
        assertThat(marketplace.listings).containsOnlyKeys("1", "2");
        assertThat(deadLetters).singleElement().satisfies(d -> assertThat(d).startsWith("3: ")
                .contains("validation_failed: title too long"));
        assertThat(store.mappings().find(STORE, EntityKind.PRODUCT, "3")).as("tried again next pass").isEmpty();
        assertThat(counter.snapshot().created()).isEqualTo(2);
    }

    @Test
    void batchRefusedAsAWhole_isSplitToFindTheBadItem() throws Exception {
        shop.put(TestProducts.simple("1", "5", 1));
        shop.put(TestProducts.simple("2", "5", 1));
        marketplace.refuseBatchesContaining = "2";

        pipeline().fullPass();

        assertThat(marketplace.listings).containsOnlyKeys("1");
        assertThat(deadLetters).singleElement().satisfies(d -> assertThat(d).startsWith("2: "));
    }

    @Test
    void stockUpdateForAListingTheMarketplaceLost_becomesAFullUpsert() throws Exception {
        shop.put(TestProducts.simple("1", "5", 1));
        pipeline().fullPass();
        marketplace.listings.remove("1");
        shop.put(TestProducts.simple("1", "5", 9));

        pipeline().syncProducts(List.of("1"));

        assertThat(marketplace.inventoryCalls).isEqualTo(1);
        assertThat(marketplace.listings.get("1").product().stock()).isEqualTo(StockLevel.of(9, StockStatus.IN_STOCK));
    }

    @Test
    void sweep_deletesOnlyWhatTheShopReallyNoLongerOffers_andADeleteOfAnAbsentListingCountsAsDone()
            throws Exception {
        shop.put(TestProducts.simple("1", "5", 1));
        shop.put(TestProducts.simple("2", "5", 1));
        shop.put(TestProducts.simple("3", "5", 1));
        pipeline().fullPass();
        shop.products.remove("2");
        shop.products.remove("3");
        marketplace.listings.remove("3");
        shop.hiddenFromListing.add("1");

        pipeline().fullPass();

        assertThat(marketplace.listings).containsOnlyKeys("1");
        assertThat(store.mappings().count(STORE, EntityKind.PRODUCT)).isEqualTo(1);
        assertThat(counter.snapshot().deleted()).isEqualTo(2);
    }

    @Test
    void passAbortedByAnOutage_deletesNothingAndKeepsTheCursor() throws Exception {
        shop.put(TestProducts.simple("1", "5", 1));
        shop.put(TestProducts.simple("2", "5", 1));
        shop.put(TestProducts.simple("3", "5", 1));
        pipeline().fullPass();
        store.cursors().save(STORE, CatalogPipeline.CURSOR, "before");
        shop.products.remove("2");
        shop.pageSize = 1;
        shop.failLaterPages = true;

        assertThatThrownBy(() -> pipeline().fullPass()).isInstanceOf(RetryableException.class);

        assertThat(marketplace.listings).containsOnlyKeys("1", "2", "3");
        assertThat(store.cursors().find(STORE, CatalogPipeline.CURSOR)).contains("before");
    }

    @Test
    void aFullPassInterruptedMidway_resumesAfterItsLastWrittenPage_andItsSweepDeletesOnlyWhatNeitherPartSaw()
            throws Exception {
        for (int i = 1; i <= 6; i++) {
            shop.put(TestProducts.simple(Integer.toString(i), "5", i));
        }
        shop.pageSize = 2;
        marketplace.maxBatch = 2;
        pipeline().fullPass();
        shop.products.remove("6");
        shop.put(TestProducts.simple("3", "7", 3));
        shop.put(TestProducts.simple("4", "7", 4));
        shop.failAt = "4";
        shop.readTokens.clear();

        assertThatThrownBy(() -> pipeline().fullPass()).isInstanceOf(RetryableException.class);
        assertThat(shop.readTokens).containsExactly("null", "2", "4", "4", "4");
        shop.failAt = null;
        assertThat(marketplace.listings).as("an aborted pass deletes nothing").containsKey("6");
        shop.readTokens.clear();
        shop.readIds.clear();
        marketplace.batchSizes.clear();

        pipeline().fullPass();

        assertThat(shop.readTokens).as("pages before the checkpoint are not read again").containsExactly("4");
        assertThat(shop.readIds).as("the sweep checks only what neither part saw").containsExactly("6");
        assertThat(marketplace.listings).containsOnlyKeys("1", "2", "3", "4", "5");
        assertThat(marketplace.listings.get("3").product().price().amount()).isEqualByComparingTo("7");
        assertThat(store.mappings().count(STORE, EntityKind.PRODUCT)).isEqualTo(5);
        assertThat(store.stores().find(STORE).orElseThrow().generation()).as("the interrupted pass's generation")
                .isEqualTo(2);
        assertThat(store.cursors().find(STORE, FullPassCheckpoint.NAME)).as("done: nothing left to resume").isEmpty();
        shop.readTokens.clear();

        pipeline().fullPass();

        assertThat(shop.readTokens).as("the next pass starts from the first page").startsWith("null");
        assertThat(marketplace.listings).containsOnlyKeys("1", "2", "3", "4", "5");
    }

    @Test
    void aForgottenCheckpoint_startsTheNextFullPassFromTheFirstPage() throws Exception {
        for (int i = 1; i <= 4; i++) {
            shop.put(TestProducts.simple(Integer.toString(i), "5", i));
        }
        shop.pageSize = 1;
        marketplace.maxBatch = 1;
        shop.failAt = "3";
        assertThatThrownBy(() -> pipeline().fullPass()).isInstanceOf(RetryableException.class);
        shop.failAt = null;
        assertThat(store.cursors().find(STORE, FullPassCheckpoint.NAME)).isPresent();
        shop.readTokens.clear();

        CatalogPipeline.forgetCheckpoint(store, STORE);
        pipeline().fullPass();

        assertThat(shop.readTokens).containsExactly("null", "1", "2", "3");
        assertThat(marketplace.listings).containsOnlyKeys("1", "2", "3", "4");
    }

    @Test
    void checkpoint_survivesItsStoredForm_andAnUnreadableOneIsNotResumed() {
        FullPassCheckpoint checkpoint = new FullPassCheckpoint(7, 3, new Cursor("2026-11-30T12:00:00 & more"),
                "page=4&x=é");

        assertThat(FullPassCheckpoint.decode(checkpoint.encode())).contains(checkpoint);
        assertThat(FullPassCheckpoint.decode("garbage")).isEmpty();
        assertThat(FullPassCheckpoint.decode("generation=x&pages=1&next=2")).isEmpty();
    }

    @Test
    void priceClearedInTheShop_deletesTheListing_andTheLedgerSaysNoPrice() throws Exception {
        shop.put(TestProducts.simple("1", "5", 1));
        pipeline().fullPass();
        assertThat(store.ledger().find(STORE, "1")).get().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(LedgerEntry.LISTED);
            assertThat(e.sentAction()).isEqualTo("create");
        });

        // what the WooCommerce connector makes of a published product whose price was cleared
        shop.put(TestProducts.withStatus(TestProducts.simple("1", "0", 1), ProductStatus.DRAFT));
        pipeline().fullPass();

        assertThat(marketplace.listings).doesNotContainKey("1");
        assertThat(store.ledger().find(STORE, "1")).get().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(LedgerEntry.DELETED);
            assertThat(e.reason()).isEqualTo("no price");
            assertThat(e.sentAction()).isEqualTo("delete");
        });

        pipeline().fullPass();
        assertThat(store.ledger().find(STORE, "1")).get().satisfies(e -> {
            assertThat(e.outcome()).as("no longer listed, still not listable").isEqualTo(LedgerEntry.SKIPPED);
            assertThat(e.reason()).isEqualTo("no price");
            assertThat(e.sentAction()).as("what was last sent stays").isEqualTo("delete");
        });
    }

    @Test
    void draftNeverListed_isSkippedAsDraft_andAnUnchangedProductIsUnchanged() throws Exception {
        shop.put(TestProducts.withStatus(TestProducts.simple("1", "5", 1), ProductStatus.DRAFT));
        shop.put(TestProducts.simple("2", "5", 1));
        pipeline().fullPass();
        pipeline().fullPass();

        assertThat(store.ledger().find(STORE, "1")).get().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(LedgerEntry.SKIPPED);
            assertThat(e.reason()).isEqualTo("draft");
        });
        assertThat(store.ledger().find(STORE, "2")).get().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(LedgerEntry.UNCHANGED);
            assertThat(e.reason()).isNull();
            assertThat(e.sentAction()).isEqualTo("create");
            assertThat(e.shopVersion()).isNotNull();
        });
    }

    @Test
    void writeRefusedByTheMarketplace_isFailedWithTheRemotesError() throws Exception {
        shop.put(TestProducts.simple("3", "5", 1));
        marketplace.failItem.put("3", WriteResult.ItemError.rejected("validation_failed", "title too long"));

        pipeline().fullPass();

        assertThat(store.ledger().find(STORE, "3")).get().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(LedgerEntry.FAILED);
            assertThat(e.reason()).contains("validation_failed: title too long");
            assertThat(e.sentAction()).isEqualTo("create");
        });
    }

    /** An in-memory shop; a product in {@code hiddenFromListing} is missed by full reads but readable by id. */
    private static final class Shop implements CatalogSource {
        final Map<String, Product> products = new LinkedHashMap<>();
        final Set<String> hiddenFromListing = new java.util.HashSet<>();
        int pageSize = 100;
        boolean failLaterPages;
        /** Reads of this page token fail (an outage) until it is cleared. */
        String failAt;
        final List<String> readTokens = new ArrayList<>();
        final List<String> readIds = new ArrayList<>();
        /** Runs before the page of this token is read (the merchant edits the catalog mid-pass). */
        final Map<String, Runnable> beforeReading = new HashMap<>();

        void put(Product product) {
            products.put(product.id(), product);
        }

        @Override
        public Page<Product> readAll(String pageToken) {
            readTokens.add(String.valueOf(pageToken));
            Runnable hook = beforeReading.remove(String.valueOf(pageToken));
            if (hook != null) {
                hook.run();
            }
            if (pageToken != null && pageToken.equals(failAt)) {
                throw new RetryableException("503 on page " + pageToken, null);
            }
            if (pageToken != null && failLaterPages) {
                throw new RetryableException("503", null);
            }
            List<Product> all = products.values().stream().filter(p -> !hiddenFromListing.contains(p.id())).toList();
            int from = pageToken == null ? 0 : Integer.parseInt(pageToken);
            int to = Math.min(all.size(), from + pageSize);
            return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null, new Cursor("start"));
        }

        @Override
        public Page<Product> readChanged(Cursor since, String pageToken) {
            Page<Product> page = readAll(pageToken);
            // where to resume once this page is processed: after its last product
            return new Page<>(page.items(), page.nextPageToken(), new Cursor("after-" + (page.nextPageToken() == null
                    ? "end" : page.nextPageToken())));
        }

        @Override
        public Optional<Product> read(String productId) {
            readIds.add(productId);
            return Optional.ofNullable(products.get(productId));
        }
    }

    /** An in-memory marketplace that can fail single items or refuse whole batches. */
    private static final class Marketplace implements CatalogTarget {
        final Map<String, Listing> listings = new HashMap<>();
        final Map<String, WriteResult.ItemError> failItem = new HashMap<>();
        final List<Integer> batchSizes = new ArrayList<>();
        final List<List<String>> batchIds = new ArrayList<>();
        String refuseBatchesContaining;
        int maxBatch = 100;
        int inventoryCalls;
        final List<InventoryUpdate> inventoryItems = new ArrayList<>();

        @Override
        public int maxBatchSize() {
            return maxBatch;
        }

        @Override
        public List<WriteResult> apply(CatalogBatch batch) {
            batchSizes.add(batch.size());
            List<String> ids = new ArrayList<>();
            batch.upserts().forEach(l -> ids.add(l.product().id()));
            ids.addAll(batch.deletes());
            batchIds.add(ids);
            if (refuseBatchesContaining != null && batch.upserts().stream()
                    .anyMatch(l -> l.product().id().equals(refuseBatchesContaining))) {
                throw new InvalidItemException("validation_failed", "the batch holds an invalid product");
            }
            List<WriteResult> results = new ArrayList<>();
            for (Listing listing : batch.upserts()) {
                String id = listing.product().id();
                WriteResult.ItemError error = failItem.get(id);
                if (error != null) {
                    if (error.retryable()) {
                        failItem.remove(id);
                    }
                    results.add(WriteResult.failed(id, null, error));
                    continue;
                }
                boolean created = listings.put(id, listing) == null;
                results.add(WriteResult.ok(id, created ? WriteResult.Outcome.CREATED : WriteResult.Outcome.UPDATED,
                        "L" + id));
            }
            for (String id : batch.deletes()) {
                results.add(listings.remove(id) != null ? WriteResult.ok(id, WriteResult.Outcome.DELETED, "L" + id)
                        : WriteResult.failed(id, null, WriteResult.ItemError.notFound("not_found", "no listing")));
            }
            return results;
        }

        @Override
        public int maxInventoryBatchSize() {
            return 500;
        }

        @Override
        public List<WriteResult> applyInventory(List<InventoryUpdate> updates) {
            inventoryCalls++;
            inventoryItems.addAll(updates);
            List<WriteResult> results = new ArrayList<>();
            for (InventoryUpdate update : updates) {
                Listing listing = listings.get(update.productId());
                if (listing == null) {
                    results.add(WriteResult.failed(update.productId(), update.variantId(),
                            WriteResult.ItemError.notFound("not_found", "no listing")));
                } else {
                    Product held = listing.product();
                    Product now = update.variantId() == null ? held.withStock(update.stock())
                            : held.withVariants(held.variants().stream().map(v -> v.id().equals(update.variantId())
                                    ? new Variant(v.id(), v.sku(), v.options(), v.price(),
                                            v.salePrice(), update.stock(), v.imageUrl()) : v).toList());
                    listings.put(update.productId(), new Listing(now, listing.fingerprint()));
                    results.add(new WriteResult(update.productId(), update.variantId(), WriteResult.Outcome.UPDATED,
                            null, null));
                }
            }
            return results;
        }

        @Override
        public Optional<Listing> readListing(String productId) {
            return Optional.ofNullable(listings.get(productId));
        }
    }
}
