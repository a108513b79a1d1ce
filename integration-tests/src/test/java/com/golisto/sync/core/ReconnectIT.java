package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.sandbox.golisto.GolistoConnectionStatus;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (c) of issue 10 over real HTTP: disconnect, connect again and approve again lists every product
 * again. The Golisto emulator keeps listings and sales per connection, as the contract's per-connection
 * token and "sales for this connection" say: a new connection starts with none, whatever the old one held.
 */
class ReconnectIT extends EngineTestBase {

    @Test
    void disconnectConnectApprove_listsEveryProductAgain() throws Exception {
        approvedStore();
        String first = fx.connectionId(STORE);
        assertCatalogEqualsShop();

        fx.engine.disconnect(STORE);
        fx.register(STORE, "testing-shop", SHOP_SETTINGS); // disconnecting erased the shop's keys
        fx.connect(STORE);
        String second = fx.connectionId(STORE);

        assertThat(second).isNotEqualTo(first);
        assertThat(fx.golisto.connection(first).status()).isEqualTo(GolistoConnectionStatus.DISCONNECTED);
        assertThat(fx.golisto.listings(second)).as("a new connection holds no listing").isEmpty();
        assertThat(fx.golisto.listings(first)).as("the old connection's listings stay with it").hasSize(4);

        RunView firstPass = fx.approve(STORE);

        assertThat(firstPass.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(firstPass.counts().created()).as("every active product created on the new connection").isEqualTo(4);
        assertCatalogEqualsShop();

        RunView full = fx.engine.syncAndWait(STORE, SyncMode.FULL);
        assertThat(full.counts().written()).as("nothing left to write").isZero();
        assertCatalogEqualsShop();
    }

    @Test
    void salesArriveFromTheNewConnection_andTheOldConnectionsOrderIsNotCreatedAgain() throws Exception {
        approvedStore();
        String oldSale = fx.golisto.sales().create(GolistoSale.builder(fx.connectionId(STORE)).line("101", 1).build());
        assertThat(fx.engine.pollOrders(STORE).counts().created()).isOne();

        fx.engine.disconnect(STORE);
        fx.register(STORE, "testing-shop", SHOP_SETTINGS);
        fx.connect(STORE);
        fx.approve(STORE);
        String newSale = fx.golisto.sales().create(GolistoSale.builder(fx.connectionId(STORE)).line("104", 2).build());
        RunView poll = fx.engine.pollOrders(STORE);

        assertThat(poll.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(poll.counts().created()).isOne();
        assertThat(shop.orders()).extracting(o -> o.marketplaceOrderId()).containsExactly(oldSale, newSale);
        assertThat(fx.golisto.sales().acknowledgement(newSale)).isPresent();
    }
}
