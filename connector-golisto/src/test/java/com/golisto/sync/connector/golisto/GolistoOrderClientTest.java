package com.golisto.sync.connector.golisto;

import static com.golisto.sync.connector.golisto.GolistoTestProducts.listing;
import static com.golisto.sync.connector.golisto.GolistoTestProducts.simple;
import static com.golisto.sync.connector.golisto.GolistoTestProducts.variable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.OrderStatus;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.PayoutStatus;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.api.spi.OrderSource;
import com.golisto.sync.api.spi.OrderSource.AckOutcome;
import com.golisto.sync.sandbox.golisto.GolistoAck;
import com.golisto.sync.sandbox.golisto.GolistoAddress;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GolistoOrderClientTest {

    private final GolistoTestStore store = new GolistoTestStore(Map.of("page-size", "2"));
    private final OrderSource orders = store.connector.orderSource().orElseThrow();

    @BeforeEach
    void listProducts() throws InterruptedException {
        store.connectAndApprove();
        store.connector.catalogTarget().orElseThrow().apply(new CatalogBatch(
                List.of(listing(simple("10", "19.90", "EUR"), "fp"), listing(variable("20"), "fp")), List.of()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String sell() {
        return store.golisto.sales().create(GolistoSale.builder(store.connectionId).line("10", 1).build());
    }

    @Test
    void read_mapsEveryField_ofASoldShippedPaidOrder() throws InterruptedException {
        String id = store.golisto.sales().create(GolistoSale.builder(store.connectionId)
                .line("10", 2).variantLine("20", "20-blue", 1)
                .buyer("Kim Lee", "kim@example.com")
                .shippingAddress(GolistoAddress.of("Kim", "Lee", "Rue 1", "75001", "Paris", "FR", "kim@example.com"))
                .shippingTotal("4.90").build());
        store.clock.advance(Duration.ofHours(1));
        store.golisto.sales().ship(id, "DHL", "JD0001", "https://track.example/JD0001");
        store.golisto.sales().schedulePayout(id);
        store.golisto.sales().payPayout(id);

        Order order = orders.read(id).orElseThrow();

        assertThat(order.version()).isEqualTo(4);
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(order.buyer().name()).isEqualTo("Kim Lee");
        assertThat(order.shippingAddress().country()).isEqualTo("FR");
        assertThat(order.billingAddress().city()).isEqualTo("Paris");
        assertThat(order.lines()).hasSize(2);
        assertThat(order.lines().get(0).productId()).isEqualTo("10");
        assertThat(order.lines().get(0).total()).isEqualTo(Money.of("39.80", "EUR"));
        assertThat(order.lines().get(1).variantId()).isEqualTo("20-blue");
        assertThat(order.lines().get(1).unitPrice()).isEqualTo(Money.of("15.50", "EUR"));
        assertThat(order.shippingTotal()).isEqualTo(Money.of("4.90", "EUR"));
        assertThat(order.total()).isEqualTo(Money.of("60.20", "EUR"));
        assertThat(order.shipments()).singleElement().satisfies(s -> {
            assertThat(s.carrier()).isEqualTo("DHL");
            assertThat(s.trackingNumber()).isEqualTo("JD0001");
            assertThat(s.trackingUrl()).isEqualTo("https://track.example/JD0001");
            assertThat(s.shippedAt()).isEqualTo(store.clock.instant());
        });
        assertThat(order.payout().status()).isEqualTo(PayoutStatus.PAID);
        assertThat(order.payout().fee()).isEqualTo(Money.of("6.02", "EUR"));
        assertThat(order.payout().amount()).isEqualTo(Money.of("54.18", "EUR"));
        assertThat(order.payout().reference()).startsWith("GPO-");
        assertThat(order.payout().paidAt()).isEqualTo(store.clock.instant());
    }

    @Test
    void read_unknownOrder_isEmpty() throws InterruptedException {
        assertThat(orders.read("gord_404")).isEmpty();
    }

    @Test
    void readChanged_pagesThroughEveryOrder_oldestChangeFirst() throws InterruptedException {
        List<String> sold = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sold.add(sell());
            store.clock.advance(Duration.ofSeconds(1));
        }

        List<String> seen = new ArrayList<>();
        Page<Order> page = orders.readChanged(Cursor.beginning(), null);
        seen.addAll(page.items().stream().map(Order::id).toList());
        int pages = 1;
        while (page.hasNext()) {
            page = orders.readChanged(Cursor.beginning(), page.nextPageToken());
            seen.addAll(page.items().stream().map(Order::id).toList());
            pages++;
        }

        assertThat(seen).containsExactlyElementsOf(sold);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void readChanged_fromAStoredCursor_returnsOnlyLaterChanges() throws InterruptedException {
        String first = sell();
        store.clock.advance(Duration.ofSeconds(1));
        Cursor after = orders.readChanged(Cursor.beginning(), null).cursor();
        store.clock.advance(Duration.ofSeconds(1));
        String second = sell();
        store.clock.advance(Duration.ofSeconds(1));
        store.golisto.sales().ship(first, "UPS", "1Z", "https://ups.example/1Z");

        Page<Order> changed = orders.readChanged(after, null);

        assertThat(changed.items()).extracting(Order::id).containsExactly(second, first);
        assertThat(changed.items().get(1).version()).isEqualTo(2);
        assertThat(orders.readChanged(changed.cursor(), null).items()).isEmpty();
    }

    @Test
    void readChanged_ordersChangedAtTheSameInstant_areNeitherLostNorRepeated_acrossACrashBetweenPages()
            throws InterruptedException {
        // the clock stands still: five sales share one updated_at, pages hold two
        List<String> sold = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sold.add(sell());
        }
        Page<Order> first = orders.readChanged(Cursor.beginning(), null);

        // the engine stored first.cursor() and crashed: a new read starts from that cursor, following page tokens
        List<String> seen = new ArrayList<>(first.items().stream().map(Order::id).toList());
        Cursor resumed = first.cursor();
        Page<Order> page = orders.readChanged(resumed, null);
        seen.addAll(page.items().stream().map(Order::id).toList());
        for (int guard = 0; page.hasNext() && guard < 10; guard++) {
            page = orders.readChanged(resumed, page.nextPageToken());
            seen.addAll(page.items().stream().map(Order::id).toList());
        }

        assertThat(orders.readChanged(page.cursor(), null).items()).isEmpty();
        assertThat(seen).containsExactlyElementsOf(sold);
    }

    @Test
    void acknowledge_currentVersion_isRecorded_andIdempotent() throws InterruptedException {
        String id = sell();

        assertThat(orders.acknowledge(id, new ShopOrderRef("501", "#501"), 1)).isEqualTo(AckOutcome.RECORDED);
        assertThat(orders.acknowledge(id, new ShopOrderRef("501", "#501"), 1)).isEqualTo(AckOutcome.RECORDED);

        assertThat(store.golisto.sales().acknowledgement(id)).contains(new GolistoAck("501", "#501", 1));
    }

    @Test
    void acknowledge_olderVersion_isStale() throws InterruptedException {
        String id = sell();
        store.golisto.sales().cancel(id);

        assertThat(orders.acknowledge(id, new ShopOrderRef("501", null), 1)).isEqualTo(AckOutcome.STALE);
        assertThat(store.golisto.sales().acknowledgement(id)).isEmpty();
    }

    @Test
    void acknowledge_versionNewerThanGolistos_isAnInvalidItem() {
        String id = sell();

        InvalidItemException e = catchThrowableOfType(InvalidItemException.class,
                () -> orders.acknowledge(id, new ShopOrderRef("501", null), 7));

        assertThat(e.code()).isEqualTo("validation_failed");
        assertThat(e.getMessage()).contains("422").contains("newer than the order's current version 1");
    }

    @Test
    void beforeApproval_orderCalls_areNotApproved() throws InterruptedException {
        store.golisto.disconnectByGolisto(store.connectionId, "paused");

        assertThatThrownBy(() -> orders.readChanged(Cursor.beginning(), null)).isInstanceOf(NotApprovedException.class);
        assertThatThrownBy(() -> orders.read("gord_1")).isInstanceOf(NotApprovedException.class);
        assertThatThrownBy(() -> orders.acknowledge("gord_1", new ShopOrderRef("1", null), 1))
                .isInstanceOf(NotApprovedException.class);
    }

    @Test
    void cancelledAndRefundedOrders_mapTheirStatus_andDropTheUnpaidPayout() throws InterruptedException {
        String cancelled = sell();
        String refunded = sell();
        store.golisto.sales().cancel(cancelled);
        store.golisto.sales().ship(refunded, "DHL", "1", "https://t/1");
        store.golisto.sales().deliver(refunded);
        store.golisto.sales().refund(refunded);

        assertThat(orders.read(cancelled).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.read(cancelled).orElseThrow().payout()).isNull();
        assertThat(orders.read(refunded).orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(orders.read(refunded).orElseThrow().version()).isEqualTo(4);
    }
}
