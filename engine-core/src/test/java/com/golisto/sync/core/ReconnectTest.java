package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeShop;
import com.golisto.sync.core.testing.FakeMarketplace.SaleLine;
import com.golisto.sync.core.testing.Products;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconnecting a store: a new marketplace connection holds nothing of the previous one, so the engine
 * forgets what it believed was listed and the first full pass after approval lists the whole catalog again;
 * sales of the old connection are neither duplicated nor replayed into the new one.
 */
class ReconnectTest {

    EngineHarness h;

    @BeforeEach
    void open() {
        h = EngineHarness.create().seedCatalog();
        h.open();
    }

    @AfterEach
    void close() {
        h.close();
    }

    /** Disconnects, gives the shop keys again (disconnecting erased them), connects and approves. */
    private RunView reconnect() throws InterruptedException {
        h.engine().disconnect(STORE);
        h.register(STORE);
        h.connect(STORE);
        return h.approve(STORE);
    }

    @Test
    void disconnectConnectApprove_listsEveryProductAgain_onTheNewConnection() throws Exception {
        h.approvedStore();
        String first = h.account(STORE);
        h.assertListingsMatchShop();

        RunView firstPassOfNewConnection = reconnect();

        String second = h.account(STORE);
        assertThat(second).isNotEqualTo(first);
        assertThat(h.marketplace.status(first)).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(firstPassOfNewConnection.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(firstPassOfNewConnection.counts().created()).as("every active product created again").isEqualTo(4);
        h.assertListingsMatchShop();
        assertThat(h.marketplace.listings(second)).hasSize(4);
    }

    @Test
    void afterReconnecting_aForcedFullPassAndChangesKeepTheNewConnectionEqualToTheShop() throws Exception {
        h.approvedStore();
        reconnect();
        h.shop.put(Products.simple("105", "Gloves", "12", null, 3));
        h.shop.deletePermanently("104");

        RunView full = h.engine().syncAndWait(STORE, SyncMode.FULL);

        assertThat(full.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(full.counts().created()).isEqualTo(1);
        assertThat(full.counts().deleted()).isEqualTo(1);
        h.assertListingsMatchShop();
    }

    @Test
    void salesOfTheOldConnection_stayOneShopOrder_andTheNewConnectionsSalesArrive() throws Exception {
        h.approvedStore();
        String oldSale = h.marketplace.createSale(h.account(STORE), new SaleLine("101", null, 1));
        assertThat(h.engine().pollOrders(STORE).counts().created()).isOne();

        reconnect();
        String newSale = h.marketplace.createSale(h.account(STORE), new SaleLine("104", null, 2));
        RunView poll = h.engine().pollOrders(STORE);

        assertThat(poll.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(poll.counts().created()).isOne();
        assertThat(h.shop.orders()).extracting(o -> o.marketplaceOrderId()).containsExactly(oldSale, newSale);
        assertThat(h.marketplace.acknowledgement(newSale)).isPresent();
    }

    @Test
    void aSaleWhoseShopOrderWasLeftUndecided_byTheOldConnection_isNotCreatedThroughTheNewOne() throws Exception {
        h.approvedStore();
        h.marketplace.createSale(h.account(STORE), new SaleLine("101", null, 1));
        h.shop.faults().failNext(FakeShop.Op.CREATE_ORDER, 1, () -> new RetryableException("connection reset", null));
        assertThat(h.engine().pollOrders(STORE).counts().failed()).as("the creation's outcome is unknown").isOne();

        reconnect();
        h.clock.advance(Duration.ofHours(1)); // long past the shop's settle time
        RunView poll = h.engine().pollOrders(STORE);

        assertThat(poll.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(poll.counts().written()).isZero();
        assertThat(h.shop.faults().calls(FakeShop.Op.CREATE_ORDER)).as("no second attempt for the old sale").isOne();
        assertThat(h.shop.orders()).isEmpty();
    }

    @Test
    void reconnectingWithoutDisconnecting_alsoStartsFromNothing() throws Exception {
        h.approvedStore();
        String first = h.account(STORE);

        h.connect(STORE);
        h.approve(STORE);

        assertThat(h.account(STORE)).isNotEqualTo(first);
        h.assertListingsMatchShop();
    }
}
