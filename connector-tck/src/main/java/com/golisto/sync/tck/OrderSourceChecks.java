package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.OrderSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Sale reads, as {@link OrderSource} states them: a new sale is read from the beginning, a read ends with a cursor
 * that later reads resume from (returning later sales, not earlier unchanged ones), unknown ids read empty, and
 * acknowledgements are idempotent per (order, version).
 */
final class OrderSourceChecks {

    private OrderSourceChecks() {
    }

    /** A complete read of changed orders. */
    record Read(List<Order> orders, Cursor cursor) {
        @Nullable Order order(String id) {
            return orders.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
        }
    }

    static Read readToTheEnd(OrderSource source, Cursor since) throws InterruptedException {
        List<Order> orders = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        @Nullable String token = null;
        @Nullable Cursor cursor;
        do {
            Page<Order> page = source.readChanged(since, token);
            orders.addAll(page.items());
            cursor = page.cursor();
            token = page.nextPageToken();
            assertThat(token == null || tokens.add(token)).as("page token %s comes back: the read never ends", token)
                    .isTrue();
        } while (token != null);
        assertThat(cursor).as("the last page of an order read carries the cursor to resume from").isNotNull();
        return new Read(orders, java.util.Objects.requireNonNull(cursor));
    }

    static String listedProduct(MarketplaceFixture fixture, CatalogTarget target) throws Exception {
        Product product = CatalogTargetChecks.simple("tck-sold-" + UUID.randomUUID().toString().substring(0, 8),
                fixture.currency(), 20);
        assertThat(target.apply(new CatalogBatch(List.of(new Listing(product, "fp-sold")), List.of())))
                .as("listing the product to sell").allSatisfy(r -> assertThat(r.succeeded()).isTrue());
        return product.id();
    }

    static void salesReadAndResumed(MarketplaceFixture fixture, OrderSource source, String productId)
            throws Exception {
        String first = fixture.queueSale(productId, null, 2);
        List<String> more = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fixture.advanceTime(Duration.ofSeconds(1));
            more.add(fixture.queueSale(productId, null, 1));
        }
        fixture.advanceTime(Duration.ofSeconds(1));
        Read all = readToTheEnd(source, Cursor.beginning());
        assertThat(all.orders()).extracting(Order::id).as("a read from the beginning returns every sale, each once")
                .contains(more.toArray(String[]::new)).doesNotHaveDuplicates();
        assertThat(all.orders()).extracting(Order::updatedAt).as("sales are read oldest change first")
                .isSorted();
        Order order = all.order(first);
        if (order == null) {
            throw new AssertionError("a new sale is not read from the beginning");
        }
        assertThat(order.lines()).as("the sale's lines").anySatisfy(l -> {
            assertThat(l.productId()).isEqualTo(productId);
            assertThat(l.quantity()).isEqualTo(2);
        });
        assertThat(source.read(first)).as("read(id) of the sale").hasValueSatisfying(
                o -> assertThat(o.version()).isEqualTo(order.version()));
        assertThat(source.read("tck-no-such-order")).as("read(id) of an unknown sale").isEmpty();

        fixture.advanceTime(Duration.ofHours(1));
        String second = fixture.queueSale(productId, null, 1);
        fixture.advanceTime(Duration.ofSeconds(1));
        Read later = readToTheEnd(source, all.cursor());
        assertThat(later.order(second)).as("a sale made after the cursor is read from it").isNotNull();
        assertThat(later.order(first)).as("a sale unchanged since before the cursor is not read again").isNull();
    }

    static void acknowledgementIdempotent(MarketplaceFixture fixture, OrderSource source, String productId)
            throws Exception {
        String id = fixture.queueSale(productId, null, 1);
        fixture.advanceTime(Duration.ofSeconds(1));
        Order order = source.read(id).orElseThrow(() -> new AssertionError("read(id) of a new sale is empty"));
        ShopOrderRef ref = new ShopOrderRef("tck-" + id, "1001");
        assertThat(source.acknowledge(id, ref, order.version())).as("acknowledging the current version")
                .isEqualTo(OrderSource.AckOutcome.RECORDED);
        assertThat(source.acknowledge(id, ref, order.version())).as("acknowledging the same version again")
                .isEqualTo(OrderSource.AckOutcome.RECORDED);
    }
}
