package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.CatalogPage;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.CatalogSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Catalog reads, as {@link CatalogSource} states them: full reads page to the end with each product once and
 * start a cursor; change reads return what changed after a cursor, whole, with its status, and not what did not
 * change; deleted products are absent.
 */
final class CatalogSourceChecks {

    /** How many products the paging check adds: the fixture's settings should make pages smaller than this. */
    static final int PAGING_PRODUCTS = 5;
    static final Duration LONG_AGO = Duration.ofDays(1);
    static final Duration SETTLE = Duration.ofMinutes(1);

    private CatalogSourceChecks() {
    }

    static void fullReadPagesToTheEnd(ShopFixture fixture, CatalogSource source) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PAGING_PRODUCTS; i++) {
            ids.add(fixture.addProduct("TCK paging " + i, "10.00", 5));
        }
        fixture.advanceTime(SETTLE);
        Passes.Pass pass = Passes.all(source);
        List<String> read = new ArrayList<>();
        pass.pages().forEach(p -> p.products().forEach(product -> read.add(product.id())));
        assertThat(read).as("a full read returns every product").containsAll(ids);
        assertThat(read).as("a full read returns each product once").doesNotHaveDuplicates();
        assertThat(pass.pages()).as("%d products fit on one page: give the fixture's settings a smaller page size"
                + " so that paging is checked", PAGING_PRODUCTS).hasSizeGreaterThan(1);
        assertThat(pass.firstCursor()).as("the first page of a full read carries the cursor where the read started")
                .isNotNull();
    }

    static void fullReadCursorCatchesChangesDuringThePass(ShopFixture fixture, CatalogSource source)
            throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PAGING_PRODUCTS; i++) {
            ids.add(fixture.addProduct("TCK during " + i, "10.00", 5));
        }
        fixture.advanceTime(LONG_AGO);
        CatalogPage first = source.readAll(null, com.golisto.sync.api.spi.KnownProducts.none());
        assertThat(first.cursor()).as("the first page of a full read carries the cursor where the read started")
                .isNotNull();
        fixture.advanceTime(Duration.ofSeconds(1));
        fixture.rename(ids.get(0), "TCK changed during the pass");
        String token = first.nextPageToken();
        while (token != null) {
            token = source.readAll(token).nextPageToken();
        }
        fixture.advanceTime(SETTLE);
        Passes.Pass changed = Passes.changed(source, java.util.Objects.requireNonNull(first.cursor()));
        assertThat(changed.product(ids.get(0))).as("a product changed during a full pass is read again from the"
                + " cursor of the pass's first page").hasValueSatisfying(
                        p -> assertThat(p.title()).isEqualTo("TCK changed during the pass"));
    }

    /**
     * Resuming from the cursor of a complete change read, on a connector opened anew (the engine stores cursors
     * across restarts): what changed after it comes back, what changed long before it does not.
     */
    static void changeReadResumesFromItsCursor(ShopFixture fixture, CatalogSource source,
            Supplier<CatalogSource> reopened) throws Exception {
        String old = fixture.addProduct("TCK unchanged", "10.00", 5);
        String later = fixture.addProduct("TCK changed later", "10.00", 5);
        fixture.advanceTime(LONG_AGO);
        Passes.Pass everything = Passes.changed(source, Cursor.beginning());
        assertThat(everything.ids()).as("a change read from the beginning returns every product")
                .contains(old, later);
        Cursor cursor = everything.requireLastCursor();
        fixture.advanceTime(LONG_AGO);
        fixture.rename(later, "TCK renamed");
        fixture.advanceTime(SETTLE);
        Passes.Pass changed = Passes.changed(reopened.get(), cursor);
        assertThat(changed.product(later)).as("a product changed after the cursor is read, as it is now")
                .hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("TCK renamed"));
        assertThat(changed.ids()).as("a product not changed for two days before the cursor is not read again"
                + " (the cursor is not ignored)").doesNotContain(old);
    }

    /** Changes at the very end of a read and one second after it are both seen from its cursor. */
    static void changeReadBoundaries(ShopFixture fixture, CatalogSource source) throws Exception {
        String atEnd = fixture.addProduct("TCK boundary end", "10.00", 5);
        String secondAfter = fixture.addProduct("TCK boundary second", "10.00", 5);
        fixture.advanceTime(LONG_AGO);
        Cursor cursor = Passes.changed(source, Cursor.beginning()).requireLastCursor();
        fixture.rename(atEnd, "TCK changed as the read ended");
        fixture.advanceTime(Duration.ofSeconds(1));
        fixture.rename(secondAfter, "TCK changed a second later");
        fixture.advanceTime(Duration.ofSeconds(1));
        Passes.Pass changed = Passes.changed(source, cursor);
        assertThat(changed.product(atEnd)).as("a change in the same second as the read that issued the cursor")
                .hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("TCK changed as the read ended"));
        assertThat(changed.product(secondAfter)).as("a change one second after the read that issued the cursor")
                .hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("TCK changed a second later"));
    }

    /** In a shop whose own time zone is far from UTC, changes are still found, and modifiedAt is the UTC instant. */
    static void changeReadInShopTimeZone(ShopFixture fixture, CatalogSource source, ZoneId zone) throws Exception {
        String old = fixture.addProduct("TCK zone unchanged", "10.00", 5);
        String changed = fixture.addProduct("TCK zone changed", "10.00", 5);
        fixture.advanceTime(LONG_AGO);
        Cursor cursor = Passes.changed(source, Cursor.beginning()).requireLastCursor();
        fixture.advanceTime(Duration.ofHours(1));
        Instant before = fixture.context().clock().instant();
        fixture.rename(changed, "TCK zone renamed");
        Instant after = fixture.context().clock().instant();
        fixture.advanceTime(Duration.ofSeconds(1));
        Passes.Pass read = Passes.changed(source, cursor);
        assertThat(read.product(changed)).as("a change an hour after the cursor, shop in %s", zone)
                .hasValueSatisfying(p -> {
                    if (p.modifiedAt() != null) {
                        assertThat(p.modifiedAt()).as("modifiedAt is the UTC instant of the change (shop in %s)", zone)
                                .isBetween(before.minusSeconds(1), after.plusSeconds(1));
                    }
                });
        assertThat(read.ids()).as("a product unchanged for a day, shop in %s", zone).doesNotContain(old);
    }

    /** A product deleted from the shop is absent from every read by id; a trashed one comes back archived. */
    static void deletedAbsentTrashedArchived(ShopFixture fixture, CatalogSource source) throws Exception {
        String deleted = fixture.addProduct("TCK deleted", "10.00", 5);
        String kept = fixture.addProduct("TCK kept", "10.00", 5);
        fixture.advanceTime(SETTLE);
        fixture.delete(deleted);
        assertThat(source.read(deleted)).as("read(id) of a deleted product").isEmpty();
        assertThat(source.read("999999999")).as("read(id) of an id the shop never had").isEmpty();
        assertThat(source.readMany(List.of())).as("readMany of no ids").isEmpty();
        assertThat(ids(source.readMany(List.of(deleted, kept)))).as("readMany of a deleted and a kept product")
                .containsExactly(kept);
        assertThat(ids(source.readProducts(List.of(deleted, kept, kept))))
                .as("readProducts of a deleted and a kept product (duplicates ignored)").containsExactly(kept);
    }

    static void trashedComesBackArchived(ShopFixture fixture, CatalogSource source, String trashed, Cursor cursor)
            throws Exception {
        fixture.advanceTime(SETTLE);
        assertThat(source.readProducts(List.of(trashed))).as("readProducts of a trashed product")
                .singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(ProductStatus.ARCHIVED));
        assertThat(Passes.changed(source, cursor).product(trashed)).as("a change read after a product was trashed")
                .hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(ProductStatus.ARCHIVED));
    }

    static void unpublishedComesBackDraft(ShopFixture fixture, CatalogSource source, String id, Cursor cursor)
            throws Exception {
        fixture.advanceTime(SETTLE);
        assertThat(Passes.changed(source, cursor).product(id)).as("a change read after a product was unpublished")
                .hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(ProductStatus.DRAFT));
        assertThat(source.readProducts(List.of(id))).as("readProducts of an unpublished product")
                .singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(ProductStatus.DRAFT));
    }

    /** A product with variants comes whole; a variant's id resolves to it; a variant's change returns it whole. */
    static void variantsComeWithTheirProduct(ShopFixture fixture, CatalogSource source) throws Exception {
        String id = fixture.addVariableProduct("TCK variable", List.of("S", "M", "L"));
        fixture.advanceTime(LONG_AGO);
        Product product = source.read(id).orElseThrow(() -> new AssertionError("read(id) of a new product is empty"));
        assertThat(product.variants()).as("one variant per option").hasSize(3);
        assertThat(product.variants()).extracting(v -> v.id()).as("variant ids").doesNotHaveDuplicates();
        assertThat(product.variants()).allSatisfy(v -> assertThat(v.options()).as("a variant's options").isNotEmpty());
        assertThat(product.variants()).flatExtracting(v -> List.copyOf(v.options().values()))
                .as("the variants' options").contains("S", "M", "L");
        String variantId = product.variants().get(0).id();
        assertThat(source.read(variantId)).as("read(variant id) resolves to the parent product")
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(id));
        assertThat(ids(source.readMany(List.of(variantId, id)))).as("readMany of a product and its variant: once")
                .containsExactly(id);
        Cursor cursor = Passes.changed(source, Cursor.beginning()).requireLastCursor();
        fixture.advanceTime(LONG_AGO);
        fixture.setStock(id, variantId, 7);
        fixture.advanceTime(SETTLE);
        assertThat(Passes.changed(source, cursor).product(id)).as("a product whose variant changed is read whole")
                .hasValueSatisfying(p -> {
                    assertThat(p.variants()).hasSize(3);
                    assertThat(p.variants()).filteredOn(v -> v.id().equals(variantId)).singleElement()
                            .satisfies(v -> assertThat(v.stock().quantity()).isEqualTo(7));
                });
    }

    /** A stock-only change is read with the new stock and everything else as before. */
    static void stockOnlyChange(ShopFixture fixture, CatalogSource source) throws Exception {
        String id = fixture.addProduct("TCK stock", "10.00", 5);
        fixture.advanceTime(LONG_AGO);
        Passes.Pass pass = Passes.changed(source, Cursor.beginning());
        Product before = pass.product(id).orElseThrow(() -> new AssertionError("a new product is not read"));
        assertThat(before.stock().quantity()).as("the stock as added").isEqualTo(5);
        fixture.advanceTime(LONG_AGO);
        fixture.setStock(id, null, 2);
        fixture.advanceTime(SETTLE);
        assertThat(Passes.changed(source, pass.requireLastCursor()).product(id))
                .as("a product whose stock changed").hasValueSatisfying(after -> {
                    assertThat(after.stock().quantity()).isEqualTo(2);
                    assertThat(after.title()).isEqualTo(before.title());
                    assertThat(after.price()).isEqualTo(before.price());
                    assertThat(after.variants()).isEqualTo(before.variants());
                });
    }

    static List<String> ids(List<Product> products) {
        return products.stream().map(Product::id).toList();
    }
}
