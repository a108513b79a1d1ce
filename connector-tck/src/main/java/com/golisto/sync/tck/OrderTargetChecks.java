package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.golisto.sync.api.model.Address;
import com.golisto.sync.api.model.Buyer;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.OrderLine;
import com.golisto.sync.api.model.OrderStatus;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.Shipment;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.OrderTarget;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Order creation, as {@link OrderTarget} states it: a created order is found for its sale (how the engine retries a
 * creation whose answer was lost without creating a second order), a sale never created is not found, updates are
 * idempotent, and an order for a product the shop does not have is refused as an invalid item.
 */
final class OrderTargetChecks {

    private OrderTargetChecks() {
    }

    static void createdOnceFoundForItsSale(ShopFixture fixture, CatalogSource source, OrderTarget orders)
            throws Exception {
        String productId = fixture.addProduct("TCK ordered", "12.50", 10);
        fixture.advanceTime(CatalogSourceChecks.SETTLE);
        Product product = source.read(productId).orElseThrow(() -> new AssertionError("a new product is not read"));
        Order sale = sale("tck-" + UUID.randomUUID(), product, 1, OrderStatus.PAID, fixture.context().clock().instant());
        assertThat(orders.find(sale)).as("find() of a sale never created").isEmpty();

        ShopOrderRef created = orders.create(sale);
        // the engine's retry after a lost answer: look before creating again
        assertThat(orders.find(sale)).as("find() of a created sale returns its order").contains(created);
        assertThat(fixture.ordersFor(sale.id())).as("shop orders for the sale").isEqualTo(1);

        Order shipped = sale(sale.id(), product, 2, OrderStatus.SHIPPED, sale.createdAt());
        orders.update(created, shipped);
        orders.update(created, shipped);
        assertThat(orders.find(shipped)).as("find() after updates").contains(created);
        assertThat(fixture.ordersFor(sale.id())).as("shop orders for the sale after two updates").isEqualTo(1);

        Order other = sale("tck-" + UUID.randomUUID(), product, 1, OrderStatus.PAID, sale.createdAt());
        ShopOrderRef second = orders.create(other);
        assertThat(second.id()).as("another sale gets another order").isNotEqualTo(created.id());
        assertThat(orders.find(sale)).as("find() tells two sales apart").contains(created);
    }

    static void unknownProductRefused(ShopFixture fixture, CatalogSource source, OrderTarget orders)
            throws Exception {
        String productId = fixture.addProduct("TCK gone before the sale", "12.50", 10);
        fixture.advanceTime(CatalogSourceChecks.SETTLE);
        Product product = source.read(productId).orElseThrow(() -> new AssertionError("a new product is not read"));
        fixture.delete(productId);
        Order sale = sale("tck-" + UUID.randomUUID(), product, 1, OrderStatus.PAID, fixture.context().clock().instant());
        Throwable thrown = catchThrowable(() -> orders.create(sale));
        assertThat(thrown).as("creating an order for a product the shop no longer has")
                .isInstanceOf(InvalidItemException.class);
        SecretScan.of(fixture).assertClean("the refusal of an order", thrown);
    }

    /** A paid sale of one unit of a product (its first variant when it has variants). */
    static Order sale(String id, Product product, long version, OrderStatus status, Instant createdAt) {
        String variantId = product.hasVariants() ? product.variants().get(0).id() : null;
        Money unit = product.hasVariants() ? product.variants().get(0).price() : product.price();
        OrderLine line = new OrderLine(id + "-1", product.id(), variantId, product.sku(), product.title(), 1, unit,
                unit);
        Address address = new Address("Ada", "Lovelace", "", "1 Test Street", "", "London", "", "N1 1AA", "GB",
                "", "ada@example.com");
        List<Shipment> shipments = status == OrderStatus.SHIPPED
                ? List.of(new Shipment(id + "-s1", "DHL", "TCK123", "", createdAt)) : List.of();
        return new Order(id, "G-" + id.substring(id.length() - 6), version, status, unit.currency(), createdAt,
                createdAt.plusSeconds(version), new Buyer("Ada Lovelace", "ada@example.com"), address, address,
                List.of(line), Money.zero(unit.currency()), unit, shipments, null);
    }
}
