package com.golisto.sync.app;

import static com.golisto.sync.app.TestingProcessSandbox.HOLD;
import static com.golisto.sync.app.TestingProcessSandbox.WOO;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.golisto.GolistoAck;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import com.golisto.sync.sandbox.http.Fault;
import com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golisto sales becoming WooCommerce orders while the packaged runner is SIGKILLed for real at three points of
 * an order's way (WooCommerce creating it, the acknowledgement to Golisto, the stock re-read between the two),
 * restarted each time on the same data folder: exactly one WooCommerce order per sale, none missing, each
 * acknowledged to Golisto with that order, and every killed poll shows as failed, interrupted. And a shop slower
 * than the restart: the killed runner's order creation still running when the restarted runner resolves it.
 *
 * <p>Each kill point is exact: the emulator holds the chosen request ({@link TestingProcessSandbox#HOLD}) until the
 * test releases it, and the runner is killed while it waits for the answer; a held write is then released and
 * carried out, its answer lost. Polls are started by each sale's signed {@code order.created} webhook and, after
 * a restart, by the 2-second order poll; the test waits for the emulators' and the admin API's state, never on
 * elapsed time (deadlines only bound a failure).
 */
class OrderProcessKillIT {
    private static final String ACK = "POST /api/woocommerce/orders/{id}/ack";
    private static final String CREATE_ORDER = "POST " + WOO + "/orders";
    private static final String PRODUCT = "GET " + WOO + "/products/{id}";
    private static final String PRODUCTS = "GET " + WOO + "/products";
    /** How the runner looks for a shop order it may have created (docs/woocommerce.md). */
    private static final String FIND_ORDERS = "GET " + WOO + "/orders";

    @TempDir
    Path dir;

    private TestingProcessSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = TestingProcessSandbox.start(dir);
        sandbox.woo.seedCatalog(new WooCatalogGenerator.Spec(40, 10, 2, 5L));
        sandbox.configure(Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void orderPoll_killedWhileCreatingShopOrders_endsWithExactlyOneAcknowledgedShopOrderPerSale() throws Exception {
        RunnerProcess runner = sandbox.startRunner();
        String account = sandbox.connectAndApprove();
        sandbox.await("the first full sync lists the catalog", () -> sandbox.golisto.listings(account).size() == 40,
                () -> sandbox.golisto.listings(account).size() + " listings");
        List<String> sellable = sandbox.golisto.listings(account).stream()
                .filter(l -> l.variantIds().isEmpty() && l.stock().stockStatus().equals("in_stock")
                        && (l.stock().quantity() == null || l.stock().quantity() >= 5))
                .map(GolistoListing::externalId).sorted().toList();
        assertThat(sellable).hasSizeGreaterThanOrEqualTo(4);
        List<String> sales = new ArrayList<>();

        // kill 1: while WooCommerce creates the third order: it is created, the runner never hears back
        sandbox.woo.faults().inject("POST", WOO + "/orders", Fault.latency(Duration.ZERO), 2);
        sandbox.woo.faults().inject("POST", WOO + "/orders", Fault.latency(HOLD), 1);
        List<String> round1 = sell(account, sellable, 4);
        sales.addAll(round1);
        sandbox.awaitRequests(sandbox.woo, CREATE_ORDER, 3);
        long killed1 = sandbox.runningRunId("orders");
        runner.kill();
        sandbox.release(sandbox.woo);
        sandbox.await("the order in flight at kill 1 is created", () -> sandbox.woo.orders().size() == 3,
                () -> sandbox.woo.orders().size() + " orders");
        assertThat(acknowledged(round1)).as("the third sale has a shop order but no acknowledgement").hasSize(2);
        sandbox.woo.faults().clear();
        runner = sandbox.startRunner();
        awaitAcknowledged(sales);

        // kill 2: while the runner acknowledges the second new shop order to Golisto, which records it
        sandbox.golisto.faults().inject("POST", "/api/woocommerce/orders/[^/]+/ack", Fault.latency(Duration.ZERO), 1);
        sandbox.golisto.faults().inject("POST", "/api/woocommerce/orders/[^/]+/ack", Fault.latency(HOLD), 1);
        long acks = sandbox.golisto.requests().count(ACK);
        List<String> round2 = sell(account, sellable, 4);
        sales.addAll(round2);
        sandbox.awaitRequests(sandbox.golisto, ACK, acks + 2);
        long killed2 = sandbox.runningRunId("orders");
        runner.kill();
        sandbox.release(sandbox.golisto);
        sandbox.await("the acknowledgement in flight at kill 2 reaches Golisto", () -> acknowledged(round2).size() == 2,
                () -> acknowledged(round2) + " acknowledged");
        sandbox.golisto.faults().clear();
        runner = sandbox.startRunner();
        awaitAcknowledged(sales);

        // kill 3: the second new shop order is created and mapped; killed while its product's stock is re-read
        // from the shop, before the acknowledgement
        String stockRead = WOO + "/products(/\\d+)?";
        sandbox.woo.faults().inject("GET", stockRead, Fault.latency(Duration.ZERO), 1);
        sandbox.woo.faults().inject("GET", stockRead, Fault.latency(HOLD), 1);
        long reads = productReads();
        int ordersBefore = sandbox.woo.orders().size();
        List<String> round3 = sell(account, sellable, 4);
        sales.addAll(round3);
        sandbox.await("the second new order's stock is being re-read", () -> productReads() >= reads + 2,
                () -> sandbox.woo.requests().toString());
        long killed3 = sandbox.runningRunId("orders");
        runner.kill();
        assertThat(sandbox.woo.orders()).as("two new shop orders at kill 3").hasSize(ordersBefore + 2);
        assertThat(acknowledged(round3)).as("the second is not acknowledged at kill 3").hasSize(1);
        sandbox.release(sandbox.woo);
        sandbox.woo.faults().clear();
        sandbox.startRunner();
        awaitAcknowledged(sales);

        assertExactlyOneAcknowledgedShopOrderPerSale(sales);
        sandbox.assertInterrupted(killed1);
        sandbox.assertInterrupted(killed2);
        sandbox.assertInterrupted(killed3);
        sandbox.assertNoDeadLetters();
    }

    /**
     * The shop is still creating the order when the runner, killed while it waited, is back and resolves its
     * open intent: WooCommerce does not show the order yet, and must not get it a second time. The shop holds the
     * creation until the restarted runner has looked for the order and finished its poll, inside the connector's
     * {@code request-timeout} (five minutes here, so no restart is too slow for it): a live runner would still be
     * waiting for it, so the restarted one must not conclude the order is absent that soon after the attempt began.
     */
    @Test
    void orderPoll_restartedWhileTheShopStillCreatesTheKilledRunnersOrder_createsNoSecondOrder() throws Exception {
        sandbox.configure(Duration.ofSeconds(2), Map.of("request-timeout", "PT5M"));
        RunnerProcess runner = sandbox.startRunner();
        String account = sandbox.connectAndApprove();
        sandbox.await("the first full sync lists the catalog", () -> sandbox.golisto.listings(account).size() == 40,
                () -> sandbox.golisto.listings(account).size() + " listings");
        String product = sandbox.golisto.listings(account).stream()
                .filter(l -> l.variantIds().isEmpty() && l.stock().stockStatus().equals("in_stock")
                        && (l.stock().quantity() == null || l.stock().quantity() >= 5))
                .map(GolistoListing::externalId).sorted().findFirst().orElseThrow();
        sandbox.woo.faults().inject("POST", WOO + "/orders", Fault.latency(HOLD), 1);
        List<String> sale = List.of(sandbox.golisto.sales().create(GolistoSale.builder(account).line(product, 1).build()));
        sandbox.awaitRequests(sandbox.woo, CREATE_ORDER, 1);
        long killed = sandbox.runningRunId("orders");
        runner.kill();
        long lookups = sandbox.woo.requests().count(FIND_ORDERS);
        sandbox.startRunner();
        sandbox.awaitRequests(sandbox.woo, FIND_ORDERS, lookups + 1);
        // the signal: a finished order poll of the restarted runner that left the sale for later (counted failed)
        sandbox.await("the restarted runner defers the sale while the shop still creates its order",
                () -> runsQuietly().stream().anyMatch(r -> r.path("kind").asText().equals("orders")
                        && r.path("id").asLong() > killed && !r.path("status").asText().equals("running")
                        && r.path("counts").path("failed").asLong() >= 1),
                () -> runsQuietly().toString());
        assertThat(sandbox.woo.requests().count(CREATE_ORDER)).as("the shop was asked to create the order once")
                .isEqualTo(1);
        assertThat(sandbox.woo.orders()).as("the shop still creates the killed runner's order").isEmpty();

        sandbox.release(sandbox.woo);
        awaitAcknowledged(sale);
        assertExactlyOneAcknowledgedShopOrderPerSale(sale);
    }

    private List<JsonNode> runsQuietly() {
        try {
            return sandbox.runs();
        } catch (java.io.IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private long productReads() {
        return sandbox.woo.requests().count(PRODUCTS) + sandbox.woo.requests().count(PRODUCT);
    }

    /** Buyers buy one of each of the next {@code count} sellable products; the new Golisto order ids. */
    private List<String> sell(String account, List<String> sellable, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = sandbox.golisto.sales().orderCount();
            ids.add(sandbox.golisto.sales().create(GolistoSale.builder(account).line(sellable.get(n % sellable.size()), 1)
                    .buyer("Buyer " + n, "buyer" + n + "@example.com").build()));
        }
        return ids;
    }

    private List<String> acknowledged(List<String> sales) {
        return sales.stream().filter(id -> sandbox.golisto.sales().acknowledgement(id).isPresent()).toList();
    }

    private void awaitAcknowledged(List<String> sales) throws InterruptedException {
        sandbox.await("every sale is acknowledged", () -> acknowledged(sales).size() == sales.size(),
                () -> acknowledged(sales).size() + " of " + sales.size() + " acknowledged, "
                        + sandbox.woo.orders().size() + " shop orders");
    }

    private void assertExactlyOneAcknowledgedShopOrderPerSale(List<String> sales) {
        Map<String, List<JsonNode>> bySale = sandbox.woo.orders().stream().collect(Collectors.groupingBy(
                o -> golistoOrderId(o).orElse("(none)"), TreeMap::new, Collectors.toList()));
        assertThat(bySale.keySet()).as("the sales the shop's orders carry").containsExactlyInAnyOrderElementsOf(sales);
        for (String sale : sales) {
            assertThat(bySale.get(sale)).as("shop orders of sale %s", sale).hasSize(1);
            JsonNode order = bySale.get(sale).get(0);
            GolistoAck ack = sandbox.golisto.sales().acknowledgement(sale).orElseThrow();
            assertThat(ack.shopOrderId()).as("shop order acknowledged for %s", sale).isEqualTo(order.path("id").asText());
            assertThat(ack.version()).as("version acknowledged for %s", sale)
                    .isEqualTo(sandbox.golisto.sales().order(sale).path("version").asLong());
            assertThat(order.path("line_items")).as("lines of the shop order of %s", sale).hasSize(1);
        }
    }

    /** The Golisto order id an order carries in its {@code _golisto_order_id} metadata (docs/woocommerce.md). */
    private static Optional<String> golistoOrderId(JsonNode order) {
        for (JsonNode meta : order.path("meta_data")) {
            if (meta.path("key").asText().equals("_golisto_order_id")) {
                return Optional.of(meta.path("value").asText());
            }
        }
        return Optional.empty();
    }
}
