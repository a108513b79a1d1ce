package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.OrderStatus;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeMarketplace;
import com.golisto.sync.core.testing.FakeMarketplace.SaleLine;
import com.golisto.sync.core.testing.FakeShop;
import com.golisto.sync.core.testing.Faults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Marketplace sales into the shop: exactly once (the intent protocol), later versions, dead letters. */
class MarketplaceSalesTest {

    EngineHarness h;
    String account;

    @BeforeEach
    void approvedStore() throws Exception {
        h = EngineHarness.create().seedCatalog();
        h.open();
        h.approvedStore();
        account = h.account(STORE);
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void sale_becomesExactlyOneShopOrder_laterVersionsUpdateIt_andTheNewStockIsPushed() throws Exception {
        String orderId = h.marketplace.createSale(account, new SaleLine("101", null, 2), new SaleLine("200", "2002", 1));

        RunView poll = h.engine().pollOrders(STORE);

        assertThat(poll.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(poll.counts().created()).isEqualTo(1);
        assertThat(h.shop.orders()).singleElement().satisfies(order -> {
            assertThat(order.marketplaceOrderId()).isEqualTo(orderId);
            assertThat(order.order().lines()).extracting(l -> l.productId() + "/" + l.variantId() + "x" + l.quantity())
                    .containsExactly("101/nullx2", "200/2002x1");
        });
        FakeShop.ShopOrder created = h.shop.orders().get(0);
        assertThat(h.marketplace.acknowledgement(orderId))
                .contains(new FakeMarketplace.Ack(created.id(), "#" + created.id(), 1));
        assertThat(h.marketplace.listing(account, "101").orElseThrow().product().stock().quantity())
                .as("stock re-read and pushed after the order").isEqualTo(8);
        h.assertListingsMatchShop();

        h.clock.advance(Duration.ofHours(5));
        h.marketplace.ship(orderId, "DHL", "JJD000123");
        h.marketplace.schedulePayout(orderId);
        RunView second = h.engine().pollOrders(STORE);
        RunView third = h.engine().pollOrders(STORE);

        assertThat(second.counts().updated()).isEqualTo(1);
        assertThat(third.counts().written()).as("nothing new").isZero();
        assertThat(h.shop.orders()).singleElement().satisfies(order -> {
            assertThat(order.order().status()).isEqualTo(OrderStatus.SHIPPED);
            assertThat(order.notes()).contains("Shipped with DHL JJD000123")
                    .anySatisfy(n -> assertThat(n).startsWith("Payout SCHEDULED"));
        });
        assertThat(h.marketplace.acknowledgement(orderId).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void createThatFailsAfterTheShopWroteTheOrder_isFoundByTheNextPoll_notCreatedAgain() throws Exception {
        String orderId = h.marketplace.createSale(account, new SaleLine("104", null, 1));
        h.shop.faults().failNextAfter(FakeShop.Op.CREATE_ORDER, 1, () -> new RetryableException("read timed out", null));

        RunView lost = h.engine().pollOrders(STORE);
        RunView next = h.engine().pollOrders(STORE);

        assertThat(lost.counts().failed()).as("the outcome was unknown").isEqualTo(1);
        assertThat(h.engine().deadLetters()).as("an unknown outcome is no dead letter").isEmpty();
        assertThat(next.counts().created()).isEqualTo(1);
        assertThat(h.shop.faults().calls(FakeShop.Op.CREATE_ORDER)).isEqualTo(1);
        assertThat(h.shop.orders()).singleElement()
                .satisfies(o -> assertThat(o.marketplaceOrderId()).isEqualTo(orderId));
        assertThat(h.marketplace.acknowledgement(orderId)).isPresent();
    }

    @Test
    void createThatFailsBeforeTheShopWroteIt_isTriedAgainOnlyOnceTheSettleTimePassed() throws Exception {
        String orderId = h.marketplace.createSale(account, new SaleLine("104", null, 1));
        h.shop.faults().failNext(FakeShop.Op.CREATE_ORDER, 1, () -> new RetryableException("connection reset", null));

        h.engine().pollOrders(STORE);
        RunView tooSoon = h.engine().pollOrders(STORE);
        long attemptsTooSoon = h.shop.faults().calls(FakeShop.Op.CREATE_ORDER);
        h.clock.advance(Duration.ofMinutes(2)); // the SPI default OrderTarget.creationSettleTime()
        RunView later = h.engine().pollOrders(STORE);

        assertThat(tooSoon.counts().created()).isZero();
        assertThat(attemptsTooSoon).as("no blind second create while the first may be completing").isEqualTo(1);
        assertThat(later.counts().created()).isEqualTo(1);
        assertThat(h.shop.orders()).singleElement()
                .satisfies(o -> assertThat(o.marketplaceOrderId()).isEqualTo(orderId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"before-create", "after-create", "before-ack", "after-ack"})
    void engineKilledAtAnyStepOfOrderCreation_reopensAndEndsWithExactlyOneOrder(String point) throws Exception {
        String orderId = h.marketplace.createSale(account, new SaleLine("104", null, 1));
        switch (point) {
            case "before-create" -> h.shop.faults().crashNext(FakeShop.Op.CREATE_ORDER);
            case "after-create" -> h.shop.faults().crashNextAfter(FakeShop.Op.CREATE_ORDER);
            case "before-ack" -> h.marketplace.faults().crashNext(FakeMarketplace.Op.ACKNOWLEDGE);
            default -> h.marketplace.faults().crashNextAfter(FakeMarketplace.Op.ACKNOWLEDGE);
        }

        assertThatThrownBy(() -> h.engine().pollOrders(STORE)).isInstanceOf(Faults.SimulatedCrash.class);
        h.reopen();
        h.engine().runDueWork();
        h.engine().pollOrders(STORE);
        // an attempt the killed process began may still be completing in the shop: none is made again sooner
        h.clock.advance(Duration.ofMinutes(2));
        h.engine().pollOrders(STORE);

        assertThat(h.shop.orders()).singleElement()
                .satisfies(order -> assertThat(order.marketplaceOrderId()).isEqualTo(orderId));
        assertThat(h.marketplace.acknowledgement(orderId)).hasValueSatisfying(ack -> {
            assertThat(ack.shopOrderId()).isEqualTo(h.shop.orders().get(0).id());
            assertThat(ack.version()).isEqualTo(1);
        });
        assertThat(h.engine().recentRuns(STORE, 20)).filteredOn(r -> r.status() == RunStatus.RUNNING).isEmpty();
    }

    @Test
    void saleTheShopRefuses_goesToTheDeadLetters_otherSalesGoOn_andTheReplaySucceedsOnceTheProductIsBack()
            throws Exception {
        var gone = h.shop.product("104").orElseThrow();
        h.shop.deletePermanently("104");
        String refused = h.marketplace.createSale(account, new SaleLine("104", null, 1));
        String fine = h.marketplace.createSale(account, new SaleLine("101", null, 1));

        RunView poll = h.engine().pollOrders(STORE);

        assertThat(poll.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(poll.counts().failed()).isEqualTo(1);
        assertThat(h.shop.orders()).extracting(FakeShop.ShopOrder::marketplaceOrderId).containsExactly(fine);
        List<DeadLetterView> letters = h.engine().deadLetters();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.kind()).isEqualTo("ORDER");
            assertThat(letter.itemId()).isEqualTo(refused);
            assertThat(letter.reason()).contains("Invalid product ID 104");
            assertThat(letter.payload()).contains("104");
        });
        assertThat(h.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EngineEvent.ItemFailed.class,
                f -> assertThat(f.itemId()).isEqualTo(refused)));

        h.shop.put(gone);
        RunView replay = h.engine().replayDeadLetter(letters.get(0).id());

        assertThat(replay.kind()).isEqualTo(RunKind.REPLAY);
        assertThat(replay.counts().created()).isEqualTo(1);
        assertThat(h.engine().deadLetters()).isEmpty();
        assertThat(h.shop.orders()).extracting(FakeShop.ShopOrder::marketplaceOrderId).containsExactly(fine, refused);
    }

    @Test
    void saleOfAProductTheStoreNeverListed_isDeadLetteredWithoutAskingTheShop() throws Exception {
        String unlisted = h.marketplace.createSale(account, new SaleLine("999", null, 1));

        RunView poll = h.engine().pollOrders(STORE);

        assertThat(poll.counts().failed()).isEqualTo(1);
        assertThat(h.shop.faults().calls(FakeShop.Op.CREATE_ORDER)).isZero();
        assertThat(h.engine().deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.itemId()).isEqualTo(unlisted);
            assertThat(letter.reason()).contains("999");
        });
    }

    @Test
    void orderWebhooksAfterARestart_leadToOneOrderPollOnceTheDebouncePassed_andARepeatIsHarmless() throws Exception {
        h.reopen();
        List<String> orderIds = new ArrayList<>();
        List<com.golisto.sync.api.spi.InboundRequest> deliveries = new ArrayList<>();
        for (String product : List.of("101", "104", "101")) {
            String id = h.marketplace.createSale(account, new SaleLine(product, null, 1));
            orderIds.add(id);
            deliveries.add(h.marketplace.webhook(account, "order.created", id));
        }

        deliveries.forEach(d -> assertThat(h.engine().handleMarketplaceWebhook(d))
                .isInstanceOf(com.golisto.sync.api.spi.WebhookVerdict.Accepted.class));
        h.engine().runDueWork();
        int pollsWithinTheDebounce = h.runs(STORE, RunKind.ORDERS).size();
        h.advance(Duration.ofSeconds(2));
        h.advance(Duration.ofMillis(500));

        assertThat(pollsWithinTheDebounce).as("a burst of order events is coalesced").isZero();
        assertThat(h.runs(STORE, RunKind.ORDERS)).as("one poll for the burst").hasSize(1);
        assertThat(h.shop.orders()).extracting(FakeShop.ShopOrder::marketplaceOrderId)
                .containsExactlyInAnyOrderElementsOf(orderIds);
        assertThat(h.engine().handleMarketplaceWebhook(deliveries.get(0)))
                .isInstanceOf(com.golisto.sync.api.spi.WebhookVerdict.Ignored.class);
        h.advance(Duration.ofSeconds(3));
        assertThat(h.runs(STORE, RunKind.ORDERS)).hasSize(1);
        assertThat(h.engine().handleMarketplaceWebhook(h.marketplace.forgedWebhook(account, "order.created",
                orderIds.get(0)))).isInstanceOf(com.golisto.sync.api.spi.WebhookVerdict.Rejected.class);
    }
}
