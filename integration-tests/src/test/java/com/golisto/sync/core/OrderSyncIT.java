package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.OrderStatus;
import com.golisto.sync.sandbox.golisto.GolistoAck;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Marketplace sales into the shop: exactly once, later versions, acknowledgements, crashes, dead letters. */
class OrderSyncIT extends EngineTestBase {

    @Test
    void sale_becomesExactlyOneShopOrder_laterVersionsUpdateIt_andTheNewStockIsPushed() throws Exception {
        approvedStore();
        String connection = fx.connectionId(STORE);
        String orderId = fx.golisto.sales().create(GolistoSale.builder(connection).line("101", 2)
                .variantLine("200", "2002", 1).shippingTotal("4.90").build());

        RunView poll = fx.engine.pollOrders(STORE);

        assertThat(poll.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(poll.counts().created()).isEqualTo(1);
        assertThat(shop.orders()).singleElement().satisfies(order -> {
            assertThat(order.marketplaceOrderId()).isEqualTo(orderId);
            assertThat(order.order().lines()).extracting(l -> l.productId() + "/" + l.variantId() + "x" + l.quantity())
                    .containsExactly("101/nullx2", "200/2002x1");
            assertThat(order.order().total().toPlainString()).isEqualTo("80.89");
        });
        assertThat(fx.golisto.sales().acknowledgement(orderId))
                .contains(new GolistoAck(shop.orders().get(0).id(), "#" + shop.orders().get(0).id(), 1));
        assertThat(listing("101").stock().quantity()).as("stock re-read and pushed after the order").isEqualTo(8);

        clock.advance(Duration.ofHours(5));
        fx.golisto.sales().ship(orderId, "DHL", "JJD000123", "https://track.example/JJD000123");
        clock.advance(Duration.ofDays(2));
        fx.golisto.sales().schedulePayout(orderId);
        RunView second = fx.engine.pollOrders(STORE);
        RunView third = fx.engine.pollOrders(STORE);

        assertThat(second.counts().updated()).isEqualTo(1);
        assertThat(third.counts().written()).as("nothing new").isZero();
        TestingShop.ShopOrder updated = shop.orders().get(0);
        assertThat(shop.orders()).hasSize(1);
        assertThat(updated.order().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(updated.notes()).contains("Shipped with DHL JJD000123");
        assertThat(updated.notes()).anySatisfy(n -> assertThat(n).startsWith("Payout SCHEDULED"));
        assertThat(fx.golisto.sales().acknowledgement(orderId).orElseThrow().version()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"create", "create.after", "ack.before", "ack.after"})
    void processKilledAtAnyStepOfOrderCreation_restartEndsWithExactlyOneOrder(String point) throws Exception {
        approvedStore();
        String orderId = fx.golisto.sales().create(GolistoSale.builder(fx.connectionId(STORE)).line("104", 1).build());
        if (point.startsWith("create")) {
            shop.crashNext(point);
        } else {
            fx.marketplace.crashNext(point);
        }

        assertThatThrownBy(() -> fx.engine.pollOrders(STORE)).isInstanceOf(TestingShop.SimulatedCrash.class);
        fx.reopen();
        fx.engine.runDueWork();
        fx.engine.pollOrders(STORE);
        // an attempt the killed process began may still be completing in the shop: none is made again sooner
        fx.clock.advance(Duration.ofMinutes(2)); // the SPI default OrderTarget.creationSettleTime()
        fx.engine.pollOrders(STORE);

        assertThat(shop.orders()).singleElement()
                .satisfies(order -> assertThat(order.marketplaceOrderId()).isEqualTo(orderId));
        assertThat(fx.golisto.sales().acknowledgement(orderId)).hasValueSatisfying(ack -> {
            assertThat(ack.shopOrderId()).isEqualTo(shop.orders().get(0).id());
            assertThat(ack.version()).isEqualTo(1);
        });
        assertThat(fx.engine.recentRuns(STORE, 20)).filteredOn(r -> r.status() == RunStatus.RUNNING).isEmpty();
    }

    @Test
    void saleOfAProductTheShopNoLongerHas_goesToDeadLetters_otherSalesGoOn_andReplaySucceedsOnceItIsBack()
            throws Exception {
        approvedStore();
        var gone = shop.product("104").orElseThrow();
        shop.deletePermanently("104");
        String refused = fx.golisto.sales().create(GolistoSale.builder(fx.connectionId(STORE)).line("104", 1).build());
        String fine = fx.golisto.sales().create(GolistoSale.builder(fx.connectionId(STORE)).line("101", 1).build());

        RunView poll = fx.engine.pollOrders(STORE);

        assertThat(poll.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(poll.counts().failed()).isEqualTo(1);
        assertThat(shop.orders()).extracting(TestingShop.ShopOrder::marketplaceOrderId).containsExactly(fine);
        List<DeadLetterView> letters = fx.engine.deadLetters();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.kind()).isEqualTo("ORDER");
            assertThat(letter.itemId()).isEqualTo(refused);
            assertThat(letter.reason()).contains("Invalid product ID 104");
            assertThat(letter.payload()).contains("\"product_id\":\"104\"");
        });
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EngineEvent.ItemFailed.class,
                f -> assertThat(f.itemId()).isEqualTo(refused)));

        shop.put(gone);
        RunView replay = fx.engine.replayDeadLetter(letters.get(0).id());

        assertThat(replay.kind()).isEqualTo(RunKind.REPLAY);
        assertThat(replay.counts().created()).isEqualTo(1);
        assertThat(fx.engine.deadLetters()).isEmpty();
        assertThat(shop.orders()).extracting(TestingShop.ShopOrder::marketplaceOrderId).containsExactly(fine, refused);
    }
}
