package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.golisto.sync.api.model.ConnectionState;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.StoreInfo;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.ConnectionLifecycle;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.StoreInfoSource;
import com.golisto.sync.api.spi.WebhookSubscription;
import com.golisto.sync.api.spi.WebhookSubscriptions;
import java.net.URI;
import java.util.List;

/**
 * The capabilities around the data: webhook registration ({@link WebhookSubscriptions}: idempotent ensure and
 * remove), the shop's own facts ({@link StoreInfoSource}) and a marketplace connection's status and end
 * ({@link ConnectionLifecycle}).
 */
final class LifecycleChecks {

    /** A delivery URL no remote can reach; registration must not depend on reaching it. */
    static final URI DELIVERY_URL = URI.create("https://tck.example.com/webhooks/tck-store");

    private LifecycleChecks() {
    }

    static void subscriptionsEnsuredAndRemovedIdempotently(WebhookSubscriptions subscriptions) throws Exception {
        List<WebhookSubscription> first = subscriptions.ensure(DELIVERY_URL);
        assertThat(first).as("ensure() registers at least one topic").isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.deliveryUrl()).isEqualTo(DELIVERY_URL);
                    assertThat(s.health()).isEqualTo(WebhookSubscription.Health.ACTIVE);
                });
        List<WebhookSubscription> again = subscriptions.ensure(DELIVERY_URL);
        assertThat(again).extracting(WebhookSubscription::id).as("ensure() again registers nothing new")
                .containsExactlyInAnyOrderElementsOf(first.stream().map(WebhookSubscription::id).toList());
        assertThat(subscriptions.list(DELIVERY_URL)).extracting(WebhookSubscription::id).as("list() after ensure()")
                .containsExactlyInAnyOrderElementsOf(first.stream().map(WebhookSubscription::id).toList());
        subscriptions.remove(DELIVERY_URL);
        assertThat(subscriptions.list(DELIVERY_URL)).as("list() after remove()").isEmpty();
        subscriptions.remove(DELIVERY_URL);
    }

    static void storeInfoNamesTheCurrencyOfItsProducts(ShopFixture fixture, StoreInfoSource info, CatalogSource source)
            throws Exception {
        String id = fixture.addProduct("TCK currency", "10.00", 5);
        fixture.advanceTime(CatalogSourceChecks.SETTLE);
        StoreInfo facts = info.read();
        Product product = source.read(id).orElseThrow(() -> new AssertionError("a new product is not read"));
        assertThat(facts.currency()).as("the shop's currency is its products' currency")
                .isEqualTo(product.price().currency());
        assertThat(facts.homeUrl().isAbsolute()).as("the home URL %s is absolute", facts.homeUrl()).isTrue();
    }

    /**
     * The fixture's store is approved; a refused token is {@link CredentialsRejectedException}; disconnecting twice is
     * fine, and the connection then reads disconnected or its token is refused.
     */
    static void connectionStatusAndDisconnect(ConnectorFixture fixture, ConnectionLifecycle lifecycle)
            throws Exception {
        assertThat(lifecycle.status().status()).as("the fixture's store is connected and approved")
                .isEqualTo(ConnectionStatus.APPROVED);
        fixture.failNextCall(401, null);
        Throwable refused = catchThrowable(lifecycle::status);
        assertThat(refused).as("status() answered 401").isInstanceOf(CredentialsRejectedException.class);
        SecretScan.of(fixture).assertClean("the exception for a refused token", refused);
        lifecycle.disconnect();
        lifecycle.disconnect();
        Throwable after = catchThrowable(() -> {
            ConnectionState state = lifecycle.status();
            assertThat(state.status()).as("status() after disconnect()").isEqualTo(ConnectionStatus.DISCONNECTED);
        });
        if (after != null && !(after instanceof CredentialsRejectedException)) {
            throw new AssertionError("status() after disconnect() reads DISCONNECTED or throws"
                    + " CredentialsRejectedException, not " + after, after);
        }
    }
}
