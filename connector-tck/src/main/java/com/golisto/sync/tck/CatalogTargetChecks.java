package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import com.golisto.sync.api.model.WriteResult;
import com.golisto.sync.api.model.WriteResult.Outcome;
import com.golisto.sync.api.spi.CatalogTarget;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Listing writes, as {@link CatalogTarget} and {@link WriteResult} state them: one result per item in order (upserts
 * then deletes), outcomes that say what happened, an item the marketplace refuses failing alone and not as
 * retryable, stock-only updates that change only stock, and deletes that remove.
 */
final class CatalogTargetChecks {

    private CatalogTargetChecks() {
    }

    static void batchResultsPerItemInOrder(MarketplaceFixture fixture, CatalogTarget target) throws Exception {
        assertThat(target.maxBatchSize()).as("maxBatchSize()").isPositive();
        assertThat(target.maxInventoryBatchSize()).as("maxInventoryBatchSize()").isPositive();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Product a = simple("tck-a-" + run, fixture.currency(), 12);
        Product b = simple("tck-b-" + run, fixture.currency(), 4);
        Product v = variable("tck-v-" + run, fixture.currency());
        List<WriteResult> created = target.apply(new CatalogBatch(
                List.of(new Listing(a, "fp-a1"), new Listing(b, "fp-b1"), new Listing(v, "fp-v1")), List.of()));
        assertThat(created).as("one result per upsert, in order").extracting(WriteResult::productId)
                .containsExactly(a.id(), b.id(), v.id());
        assertThat(created).as("new listings").extracting(WriteResult::outcome)
                .allSatisfy(o -> assertThat(o).isIn(Outcome.CREATED, Outcome.UPDATED, Outcome.UNCHANGED));
        for (Product p : List.of(a, b, v)) {
            assertThat(fixture.listed(p.id())).as("the marketplace lists %s", p.id()).isTrue();
        }
        assertThat(target.readListing(a.id())).as("readListing() of a written listing").hasValueSatisfying(l -> {
            assertThat(l.product().id()).isEqualTo(a.id());
            assertThat(l.product().title()).isEqualTo(a.title());
        });

        Product renamed = new Product(a.id(), a.sku(), "TCK renamed", a.descriptionHtml(), a.shortDescriptionHtml(),
                a.status(), a.price(), a.salePrice(), a.stock(), a.weight(), a.images(), a.categories(),
                a.attributes(), a.variants(), a.modifiedAt());
        String missing = "tck-never-listed-" + run;
        List<WriteResult> mixed = target.apply(new CatalogBatch(List.of(new Listing(renamed, "fp-a2")),
                List.of(b.id(), missing)));
        assertThat(mixed).as("one result per item: the upserts in order, then the deletes in order")
                .extracting(WriteResult::productId).containsExactly(a.id(), b.id(), missing);
        assertThat(mixed.get(0).outcome()).as("replacing a listing with new content").isEqualTo(Outcome.UPDATED);
        assertThat(mixed.get(1).outcome()).as("deleting a listing").isEqualTo(Outcome.DELETED);
        WriteResult none = mixed.get(2);
        if (!none.succeeded()) {
            assertThat(ItemErrors.isNotFound(none)).as("deleting a listing that never existed: deleted, or failed"
                    + " as not found (%s)", none.error()).isTrue();
        }
        assertThat(target.readListing(a.id())).as("readListing() after the replacement")
                .hasValueSatisfying(l -> assertThat(l.product().title()).isEqualTo("TCK renamed"));
        assertThat(fixture.listed(b.id())).as("a deleted listing is gone").isFalse();
        assertThat(target.readListing(b.id())).as("readListing() of a deleted listing").isEmpty();
    }

    /** A batch of {@code maxBatchSize()} items (at most 100 here) answers one result per item. */
    static void fullBatchAccepted(MarketplaceFixture fixture, CatalogTarget target) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Listing> listings = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(100, target.maxBatchSize()); i++) {
            listings.add(new Listing(simple("tck-full-" + run + "-" + i, fixture.currency(), i + 1), "fp-" + i));
        }
        List<WriteResult> results = target.apply(new CatalogBatch(listings, List.of()));
        assertThat(results).as("a batch of maxBatchSize() upserts").hasSize(listings.size())
                .allSatisfy(r -> assertThat(r.succeeded()).as("%s", r).isTrue());
        assertThat(fixture.listed(listings.get(listings.size() - 1).product().id())).as("the last item is listed")
                .isTrue();
    }

    static void refusedItemFailsAlone(MarketplaceFixture fixture, CatalogTarget target) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Product good = simple("tck-good-" + run, fixture.currency(), 3);
        Product refused = fixture.refusedProduct("tck-refused-" + run);
        Product other = simple("tck-other-" + run, fixture.currency(), 3);
        List<WriteResult> results = target.apply(new CatalogBatch(List.of(new Listing(good, "fp-g"),
                new Listing(refused, "fp-r"), new Listing(other, "fp-o")), List.of()));
        assertThat(results).extracting(WriteResult::productId).as("one result per item, in order")
                .containsExactly(good.id(), refused.id(), other.id());
        assertThat(results.get(0).succeeded()).as("the item before the refused one succeeds").isTrue();
        assertThat(results.get(2).succeeded()).as("the item after the refused one succeeds").isTrue();
        WriteResult failed = results.get(1);
        assertThat(failed.outcome()).as("the refused item").isEqualTo(Outcome.FAILED);
        assertThat(ItemErrors.isRejected(failed)).as("an item refused for its content is rejected: neither"
                + " retryable nor not-found (%s)", failed.error()).isTrue();
        SecretScan.of(fixture).assertClean("the refused item's error", String.valueOf(failed.error()));
        assertThat(fixture.listed(refused.id())).as("the refused item is not listed").isFalse();
        assertThat(fixture.listed(good.id()) && fixture.listed(other.id())).as("the others are listed").isTrue();
    }

    static void inventoryChangesOnlyStock(MarketplaceFixture fixture, CatalogTarget target) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Product a = simple("tck-stock-" + run, fixture.currency(), 12);
        Product v = variable("tck-vstock-" + run, fixture.currency());
        target.apply(new CatalogBatch(List.of(new Listing(a, "fp-a"), new Listing(v, "fp-v")), List.of()));
        String variantId = v.variants().get(0).id();
        String missing = "tck-no-listing-" + run;
        List<WriteResult> results = target.applyInventory(List.of(
                new InventoryUpdate(a.id(), null, StockLevel.of(3, StockStatus.IN_STOCK)),
                new InventoryUpdate(v.id(), variantId, StockLevel.of(0, StockStatus.OUT_OF_STOCK)),
                new InventoryUpdate(missing, null, StockLevel.of(1, StockStatus.IN_STOCK))));
        assertThat(results).as("one result per update, in order").extracting(WriteResult::productId)
                .containsExactly(a.id(), v.id(), missing);
        assertThat(results.get(0).succeeded() && results.get(1).succeeded()).as("updates of listed items succeed: %s",
                results).isTrue();
        assertThat(results.get(1).variantId()).as("a variant's result names the variant").isEqualTo(variantId);
        assertThat(results.get(2).outcome()).as("a stock update for a product never listed").isEqualTo(Outcome.FAILED);
        assertThat(ItemErrors.isNotFound(results.get(2))).as("a stock update for a product never listed fails as not"
                + " found (%s)", results.get(2).error()).isTrue();
        assertThat(fixture.listedStock(a.id(), null)).as("the listed stock").hasValue(3);
        assertThat(fixture.listedStock(v.id(), variantId)).as("the listed variant's stock").hasValue(0);
        assertThat(target.readListing(a.id())).as("a stock update changes nothing but stock")
                .hasValueSatisfying(l -> assertThat(l.product().title()).isEqualTo(a.title()));
    }

    static Product simple(String id, Currency currency, int stock) {
        return new Product(id, "SKU-" + id, "TCK hoodie " + id, "<p>Warm.</p>", "", ProductStatus.ACTIVE,
                Money.of(new java.math.BigDecimal("19.90"), currency), null, StockLevel.of(stock, StockStatus.IN_STOCK),
                "0.5", List.of(new Image("https://shop.example.com/img/" + id + ".jpg", 0, "front")),
                List.of("Clothing > Hoodies"), Map.of("Material", List.of("Cotton")), List.of(), null);
    }

    static Product variable(String id, Currency currency) {
        Money price = Money.of(new java.math.BigDecimal("20.00"), currency);
        List<Variant> variants = List.of(
                new Variant(id + "-s", "SKU-" + id + "-S", Map.of("Size", "S"), price, null,
                        StockLevel.of(4, StockStatus.IN_STOCK), null),
                new Variant(id + "-m", "SKU-" + id + "-M", Map.of("Size", "M"), price, null,
                        StockLevel.of(6, StockStatus.IN_STOCK), null));
        return new Product(id, null, "TCK tee " + id, "", "", ProductStatus.ACTIVE, price, null,
                StockLevel.untracked(StockStatus.IN_STOCK), null,
                List.of(new Image("https://shop.example.com/img/" + id + ".jpg", 0, "")),
                List.of("Clothing > Tees"), Map.of("Size", List.of("S", "M")), variants, null);
    }
}
