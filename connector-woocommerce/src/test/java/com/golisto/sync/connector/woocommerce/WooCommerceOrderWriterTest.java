package com.golisto.sync.connector.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.api.model.Address;
import com.golisto.sync.api.model.Buyer;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.OrderLine;
import com.golisto.sync.api.model.OrderStatus;
import com.golisto.sync.api.model.Payout;
import com.golisto.sync.api.model.PayoutStatus;
import com.golisto.sync.api.model.Shipment;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.NotFoundException;
import com.golisto.sync.api.spi.OrderTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WooCommerceOrderWriterTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private WooFixture fx;
    private OrderTarget orders;

    @BeforeEach
    void start() throws Exception {
        fx = WooFixture.withSampleCatalog(Map.of());
        fx.emulator.merchant().setStock(47, 10);
        fx.emulator.merchant().setStock(80, 5);
        orders = fx.connector.orderTarget().orElseThrow();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    static Order order(String id, String productId, String variantId, OrderStatus status) {
        return order(id, 1, productId, variantId, status, List.of(), null);
    }

    static Order order(String id, long version, String productId, String variantId, OrderStatus status,
                       List<Shipment> shipments, Payout payout) {
        Instant created = Instant.parse("2024-05-01T11:59:00Z");
        Address ship = new Address("Ana", "Lima", "", "Rua das Flores 1", "", "Porto", "", "4000-001", "PT", "+351 1",
                "");
        OrderLine line = new OrderLine("L1", productId, variantId, null, "Sold on Golisto", 2, Money.of("17.50", "EUR"),
                Money.of("35.00", "EUR"));
        return new Order(id, "G-" + id, version, status, EUR, created, created.plusSeconds(version),
                new Buyer("Ana Lima", "ana@example.com"), ship, Address.empty(), List.of(line), Money.of("4.90", "EUR"),
                Money.of("39.90", "EUR"), shipments, payout);
    }

    private JsonNode wooOrder(ShopOrderRef ref) {
        return fx.emulator.order(Long.parseLong(ref.id())).orElseThrow();
    }

    private static String meta(JsonNode order, String key) {
        return WooCommerceOrderJson.metaValue(order, key);
    }

    @Test
    void create_paidSale_becomesAProcessingPaidOrderWithGolistoMetadata() throws Exception {
        ShopOrderRef ref = orders.create(order("GO-1", "47", null, OrderStatus.PAID));
        JsonNode o = wooOrder(ref);
        assertThat(ref.number()).isEqualTo(o.path("number").asText());
        assertThat(o.path("status").asText()).isEqualTo("processing");
        assertThat(o.path("currency").asText()).isEqualTo("EUR");
        assertThat(o.path("date_paid_gmt").isTextual()).isTrue();
        assertThat(o.path("line_items").get(0).path("total").asText()).isEqualTo("35.00");
        assertThat(o.path("line_items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(o.path("shipping_total").asText()).isEqualTo("4.90");
        assertThat(o.path("total").asText()).isEqualTo("39.90");
        assertThat(o.path("billing").path("email").asText()).isEqualTo("ana@example.com");
        assertThat(o.path("billing").path("first_name").asText()).isEqualTo("Ana");
        assertThat(o.path("shipping").path("city").asText()).isEqualTo("Porto");
        assertThat(meta(o, "_golisto_order_id")).isEqualTo("GO-1");
        assertThat(meta(o, "golisto_order_id")).isEqualTo("GO-1");
        assertThat(meta(o, "golisto_order_number")).isEqualTo("G-GO-1");
        assertThat(fx.emulator.merchant().product(47).orElseThrow().path("stock_quantity").asInt()).isEqualTo(8);
    }

    @Test
    void create_leavesANoteSayingGolistoSyncMadeTheOrder_once() throws Exception {
        ShopOrderRef ref = orders.create(order("GO-10", "47", null, OrderStatus.PAID));
        orders.update(ref, order("GO-10", 2, "47", null, OrderStatus.SHIPPED, List.of(), null));
        assertThat(fx.emulator.orderNotes(Long.parseLong(ref.id())))
                .filteredOn(n -> n.path("note").asText().contains("[golisto order GO-10]"))
                .singleElement()
                .satisfies(n -> assertThat(n.path("note").asText())
                        .startsWith("Order created by Golisto Sync from Golisto sale G-GO-10"))
                .satisfies(n -> assertThat(n.path("customer_note").asBoolean()).isFalse());
    }

    @Test
    void create_sendsNoCreatedVia_whichARealStoreOverwritesWithRestApi() throws Exception {
        assertThat(WooCommerceOrderJson.createBody(order("GO-11", "47", null, OrderStatus.PAID)).has("created_via"))
                .isFalse();
        ShopOrderRef ref = orders.create(order("GO-11", "47", null, OrderStatus.PAID));
        assertThat(wooOrder(ref).path("created_via").asText()).isEqualTo("rest-api");
    }

    @Test
    void find_recognisesItsOrderByGolistoMetadataAlone_amongOtherRestApiOrders() throws Exception {
        ShopOrderRef ours = orders.create(order("GO-12", "47", null, OrderStatus.PAID));
        fx.clock.advance(Duration.ofSeconds(1));
        // another REST integration's order, newer than ours, with the same created_via and payment method
        ShopOrderRef foreign = new WooFixtureOrders(fx).createForeignOrder(47, "GO-NOT-OURS");
        assertThat(wooOrder(foreign).path("created_via").asText())
                .isEqualTo(wooOrder(ours).path("created_via").asText());
        assertThat(orders.find(order("GO-12", "47", null, OrderStatus.PAID))).hasValue(ours);
        assertThat(orders.find(order("GO-NOT-OURS", "47", null, OrderStatus.PAID))).isEmpty();
    }

    @Test
    void create_variationLine_usesProductAndVariationIds() throws Exception {
        ShopOrderRef ref = orders.create(order("GO-2", "45", "80", OrderStatus.PAID));
        JsonNode line = wooOrder(ref).path("line_items").get(0);
        assertThat(line.path("product_id").asLong()).isEqualTo(45);
        assertThat(line.path("variation_id").asLong()).isEqualTo(80);
        assertThat(fx.emulator.merchant().product(80).orElseThrow().path("stock_quantity").asInt()).isEqualTo(3);
    }

    @Test
    void create_shippedSale_isCompletedWithVisibleTrackingAndOneNote() throws Exception {
        Shipment parcel = new Shipment("SHP-1", "DHL", "JD0123", "https://track.example/JD0123", null);
        ShopOrderRef ref = orders.create(order("GO-3", 2, "47", null, OrderStatus.SHIPPED, List.of(parcel), null));
        JsonNode o = wooOrder(ref);
        assertThat(o.path("status").asText()).isEqualTo("completed");
        assertThat(meta(o, "golisto_shipment_carrier")).isEqualTo("DHL");
        assertThat(meta(o, "golisto_tracking_number")).isEqualTo("JD0123");
        assertThat(meta(o, "golisto_tracking_url")).isEqualTo("https://track.example/JD0123");
        assertThat(fx.emulator.orderNotes(Long.parseLong(ref.id())))
                .filteredOn(n -> n.path("note").asText().contains("[golisto shipment SHP-1]")).hasSize(1);
    }

    @Test
    void update_movesStatusForward_addsMetadataAndNotesExactlyOnce() throws Exception {
        ShopOrderRef ref = orders.create(order("GO-4", "47", null, OrderStatus.PAID));
        Shipment parcel = new Shipment("SHP-9", "UPS", "1Z999", "", null);
        Payout payout = new Payout(PayoutStatus.PAID, Money.of("30.00", "EUR"), Money.of("5.00", "EUR"), "PO-77",
                Instant.parse("2024-05-03T00:00:00Z"));
        Order shipped = order("GO-4", 3, "47", null, OrderStatus.SHIPPED, List.of(parcel), payout);
        orders.update(ref, shipped);
        orders.update(ref, shipped);
        JsonNode o = wooOrder(ref);
        assertThat(o.path("status").asText()).isEqualTo("completed");
        assertThat(meta(o, "golisto_tracking_number")).isEqualTo("1Z999");
        assertThat(meta(o, "golisto_payout_status")).isEqualTo("paid");
        assertThat(meta(o, "golisto_payout_amount")).isEqualTo("30.00 EUR");
        assertThat(meta(o, "golisto_payout_fee")).isEqualTo("5.00 EUR");
        assertThat(meta(o, "golisto_payout_reference")).isEqualTo("PO-77");
        List<JsonNode> notes = fx.emulator.orderNotes(Long.parseLong(ref.id()));
        assertThat(notes).filteredOn(n -> n.path("note").asText().contains("[golisto shipment SHP-9]")).hasSize(1);
        assertThat(notes).filteredOn(n -> n.path("note").asText().contains("[golisto payout paid]")).hasSize(1);
    }

    @Test
    void update_neverUndoesTheMerchantsCompletion_butCancellationApplies() throws Exception {
        ShopOrderRef ref = orders.create(order("GO-5", "47", null, OrderStatus.PAID));
        new WooFixtureOrders(fx).setStatus(ref, "completed"); // the merchant completes it in WooCommerce
        orders.update(ref, order("GO-5", 2, "47", null, OrderStatus.PAID, List.of(), null));
        assertThat(wooOrder(ref).path("status").asText()).isEqualTo("completed");
        orders.update(ref, order("GO-5", 3, "47", null, OrderStatus.REFUNDED, List.of(), null));
        assertThat(wooOrder(ref).path("status").asText()).isEqualTo("refunded");
    }

    @Test
    void update_ofAnOrderDeletedInWooCommerce_isNotFound() throws Exception {
        ShopOrderRef ref = orders.create(order("GO-6", "47", null, OrderStatus.PAID));
        new WooFixtureOrders(fx).deletePermanently(ref);
        assertThatThrownBy(() -> orders.update(ref, order("GO-6", 2, "47", null, OrderStatus.SHIPPED, List.of(), null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void find_pagesBackwardsThroughRecentOrdersAndMatchesTheHiddenGolistoId() throws Exception {
        ShopOrderRef wanted = orders.create(order("GO-7", "47", null, OrderStatus.PAID));
        fx.emulator.merchant().setStock(47, 1000);
        for (int i = 0; i < 120; i++) {
            fx.clock.advance(Duration.ofSeconds(1));
            orders.create(order("OTHER-" + i, "47", null, OrderStatus.PAID));
        }
        long before = fx.context.count("GET /orders");
        assertThat(orders.find(order("GO-7", "47", null, OrderStatus.PAID))).hasValue(wanted);
        assertThat(fx.context.count("GET /orders") - before).isEqualTo(2);
        assertThat(orders.find(order("GO-NEVER", "47", null, OrderStatus.PAID))).isEmpty();
    }

    @Test
    void create_withAnUnknownProduct_isInvalidItem_andNothingIsCreated() {
        assertThatThrownBy(() -> orders.create(order("GO-8", "999999", null, OrderStatus.PAID)))
                .isInstanceOf(InvalidItemException.class);
        assertThatThrownBy(() -> orders.create(order("GO-9", "not-a-woo-id", null, OrderStatus.PAID)))
                .isInstanceOfSatisfying(InvalidItemException.class,
                        e -> assertThat(e.code()).isEqualTo("golisto_unknown_product"));
        assertThat(fx.emulator.orders()).isEmpty();
    }
}
