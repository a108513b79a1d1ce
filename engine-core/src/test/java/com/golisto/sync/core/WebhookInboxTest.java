package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.Products;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The durable webhook inbox: a verified product webhook is in the database before the engine answers, so a node
 * killed right after answering loses nothing, any node sharing the database processes it, a redelivery received
 * by two nodes is processed once, and the debounce and batch window hold across nodes.
 */
class WebhookInboxTest {

    private static final Duration DEBOUNCE = EngineOptions.defaults().webhookDebounce();

    private EngineHarness h;
    private final List<SyncEngine> nodes = new ArrayList<>();

    @BeforeEach
    void approvedStore() throws Exception {
        open(EngineHarness.defaultOptions());
    }

    private void open(EngineOptions options) throws Exception {
        h = EngineHarness.create(options).seedCatalog();
        h.open();
        h.approvedStore();
    }

    @AfterEach
    void close() {
        nodes.forEach(SyncEngine::close);
        h.close();
    }

    private SyncEngine node(String nodeId) {
        SyncEngine node = h.openNode(nodeId);
        nodes.add(node);
        return node;
    }

    private InboundRequest priceChange(String delivery, String productId, String price) {
        h.shop.put(Products.simple(productId, "Beanie", price, null, 10));
        return h.shop.productWebhook(delivery, productId, "updated");
    }

    private BigDecimal listedPrice(String productId) {
        return h.marketplace.listings(h.account(STORE)).stream().filter(l -> l.product().id().equals(productId))
                .findFirst().orElseThrow().product().price().amount();
    }

    private int webhookPasses() {
        return h.runs(STORE, RunKind.WEBHOOK).size();
    }

    @Test
    void aWebhookAnsweredByANodeClosedBeforeProcessingIt_isSyncedAfterTheRestart() throws Exception {
        WebhookVerdict verdict = h.engine().handleShopWebhook(STORE, priceChange("d-1", "101", "21"));
        assertThat(verdict).isInstanceOf(WebhookVerdict.Accepted.class);

        h.closeEngine(); // killed right after answering 2xx: nothing processed
        h.open();
        h.advance(DEBOUNCE);

        assertThat(listedPrice("101")).isEqualByComparingTo("21");
        assertThat(webhookPasses()).isEqualTo(1);
        assertThat(h.engine().pendingWork()).isZero();
    }

    @Test
    void aWebhookTheInboxCannotStore_throwsAndLeavesTheDeliveryUnseen_soItsRedeliveryIsSynced() throws Exception {
        h.execute("ALTER TABLE webhook_inbox RENAME TO webhook_inbox_away");
        assertThatThrownBy(() -> h.engine().handleShopWebhook(STORE, priceChange("d-1", "101", "28")))
                .as("no 2xx: the shop redelivers").isInstanceOf(RuntimeException.class);
        h.execute("ALTER TABLE webhook_inbox_away RENAME TO webhook_inbox");

        WebhookVerdict redelivery = h.engine().handleShopWebhook(STORE, h.shop.productWebhook("d-1", "101", "updated"));
        h.advance(DEBOUNCE);

        assertThat(redelivery).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(listedPrice("101")).isEqualByComparingTo("28");
    }

    @Test
    void aWebhookReceivedByOneNode_isProcessedByAnother() throws Exception {
        SyncEngine other = node("node-2");

        h.engine().handleShopWebhook(STORE, priceChange("d-1", "101", "22"));
        h.clock.advance(DEBOUNCE);
        other.runDueWork();

        assertThat(listedPrice("101")).isEqualByComparingTo("22");
        assertThat(webhookPasses()).isEqualTo(1);
        h.engine().runDueWork();
        assertThat(webhookPasses()).as("processed once, by the node that claimed it").isEqualTo(1);
    }

    @Test
    void aRedeliveryReceivedByTwoNodes_isProcessedOnce() throws Exception {
        SyncEngine other = node("node-2");
        InboundRequest delivery = priceChange("d-1", "101", "23");

        WebhookVerdict first = h.engine().handleShopWebhook(STORE, delivery);
        WebhookVerdict second = other.handleShopWebhook(STORE, h.shop.productWebhook("d-1", "101", "updated"));
        h.clock.advance(DEBOUNCE);
        h.engine().runDueWork();
        other.runDueWork();

        assertThat(first).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(second).isInstanceOf(WebhookVerdict.Ignored.class);
        assertThat(listedPrice("101")).isEqualByComparingTo("23");
        assertThat(webhookPasses()).isEqualTo(1);
    }

    @Test
    void notificationsWithinTheDebounceOnTwoNodes_coalesceIntoOnePass() throws Exception {
        SyncEngine other = node("node-2");

        h.engine().handleShopWebhook(STORE, priceChange("d-1", "101", "24"));
        h.clock.advance(DEBOUNCE.dividedBy(2));
        other.handleShopWebhook(STORE, priceChange("d-2", "101", "25"));
        h.clock.advance(DEBOUNCE.dividedBy(2).plusMillis(1));
        h.engine().runDueWork();
        other.runDueWork();
        assertThat(webhookPasses()).as("the second notification pushed the due time out, on every node").isZero();

        h.clock.advance(DEBOUNCE);
        h.engine().runDueWork();
        other.runDueWork();

        assertThat(webhookPasses()).isEqualTo(1);
        assertThat(listedPrice("101")).isEqualByComparingTo("25");
    }

    @Test
    void theBatchWindowAfterAWebhookPass_holdsOnEveryNode() throws Exception {
        h.close();
        Duration window = Duration.ofMinutes(10);
        open(EngineHarness.defaultOptions().withCatalogSchedule(
                new EngineOptions.CatalogSchedule(window, EngineOptions.CatalogSchedule.defaults().deepCheckDays())));
        SyncEngine other = node("node-2");
        h.engine().handleShopWebhook(STORE, priceChange("d-1", "101", "26"));
        h.advance(DEBOUNCE);
        assertThat(webhookPasses()).isEqualTo(1);

        other.handleShopWebhook(STORE, priceChange("d-2", "102", "27"));
        h.clock.advance(Duration.ofMinutes(5));
        other.runDueWork();
        h.engine().runDueWork();
        assertThat(webhookPasses()).as("inside the window the first node's pass opened").isEqualTo(1);

        h.clock.advance(window);
        other.runDueWork();

        assertThat(webhookPasses()).isEqualTo(2);
        assertThat(listedPrice("102")).isEqualByComparingTo("27");
    }
}
