package com.golisto.sync.core.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.OrderLine;
import com.golisto.sync.api.model.OrderStatus;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.OrderSource;
import com.golisto.sync.api.spi.OrderTarget;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.retry.RetryPolicy;
import com.golisto.sync.core.runs.RemoteCalls;
import com.golisto.sync.core.runs.RunCounter;
import com.golisto.sync.core.store.EntityKind;
import com.golisto.sync.core.store.Mapping;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.testing.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order pipeline against a real state store and in-memory remotes that misbehave on purpose. */
class OrderPipelineTest {

    private static final String STORE = "s1";
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir(factory = com.golisto.sync.core.TestingTempDirs.class)
    Path dir;

    private StateStore store;
    private final Marketplace marketplace = new Marketplace();
    private final Shop shop = new Shop();
    private final RunCounter counter = new RunCounter();
    private final List<String> deadLetters = new ArrayList<>();
    private final Set<String> refreshed = new LinkedHashSet<>();
    private final FakeClock clock = FakeClock.at(T0);
    private OrderPipeline pipeline;

    @BeforeEach
    void open() {
        store = StateStore.open("jdbc:hsqldb:file:" + dir.resolve("state"), MasterKey.generate(), clock);
        store.stores().create(STORE, "shop", "marketplace");
        store.mappings().upsert(List.of(Mapping.of(STORE, EntityKind.PRODUCT, "p1", "l1", "fp", "sfp", 1, 0, "SYNCED",
                null)));
        RemoteCalls calls = new RemoteCalls(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(10), 0,
                d -> { }), new Semaphore(1), () -> null);
        pipeline = new OrderPipeline(STORE, marketplace, shop, store, calls, counter,
                (kind, id, reason, payload) -> deadLetters.add(kind + " " + id + ": " + reason), refreshed::addAll);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void staleAcknowledgement_rereadsTheOrderAndAppliesTheNewerVersion() throws Exception {
        marketplace.put(order("o1", 1, OrderStatus.PAID, "p1"));
        marketplace.staleOnce.add("o1");
        marketplace.onAckStale = () -> marketplace.put(order("o1", 2, OrderStatus.SHIPPED, "p1"));

        pipeline.poll();

        assertThat(shop.created).hasSize(1);
        assertThat(shop.updates).containsExactly("o1@2");
        assertThat(marketplace.acks).containsExactly("o1@1:STALE", "o1@2:RECORDED");
        assertThat(store.mappings().find(STORE, EntityKind.ORDER, "o1").orElseThrow().version()).isEqualTo(2);
        assertThat(refreshed).containsExactly("p1");
    }

    @Test
    void lineNamingAProductTheStoreDoesNotList_isDeadLetteredWithoutTouchingTheShop() throws Exception {
        marketplace.put(order("o1", 1, OrderStatus.PAID, "p-unknown"));
        marketplace.put(order("o2", 1, OrderStatus.PAID, "p1"));

        pipeline.poll();

        assertThat(deadLetters).singleElement().satisfies(d -> assertThat(d)
                .startsWith("ORDER o1: order N-o1 (o1) was not created in the shop")
                .contains("names product p-unknown, which is not a product this store lists"));
        assertThat(shop.created).extracting(Order::id).containsExactly("o2");
        assertThat(store.intents().listOpen(STORE)).isEmpty();
        assertThat(store.cursors().find(STORE, OrderPipeline.CURSOR)).isPresent();
    }

    @Test
    void creationWhoseAnswerWasLost_isFoundByTheNextPollInsteadOfCreatedTwice() throws Exception {
        marketplace.put(order("o1", 1, OrderStatus.PAID, "p1"));
        shop.loseNextAnswer = true;

        pipeline.poll();

        assertThat(shop.created).hasSize(1);
        assertThat(store.intents().listOpen(STORE)).as("the outcome is unknown: the intent stays open").hasSize(1);
        assertThat(marketplace.acks).isEmpty();

        pipeline.poll();

        assertThat(shop.created).hasSize(1);
        assertThat(shop.finds).isEqualTo(1);
        assertThat(store.intents().listOpen(STORE)).isEmpty();
        assertThat(marketplace.acks).containsExactly("o1@1:RECORDED");
    }

    @Test
    void failedCreation_isNotAttemptedAgainBeforeTheShopsSettleTime_thenCreatedOnce() throws Exception {
        marketplace.put(order("o1", 1, OrderStatus.PAID, "p1"));
        shop.failNextWithoutCreating = true;
        pipeline.poll();
        clock.advance(shop.creationSettleTime().minusSeconds(1));

        pipeline.poll();

        assertThat(shop.attempts).as("the first attempt may still be completing in the shop").isEqualTo(1);
        assertThat(shop.finds).as("meanwhile the shop is only looked at").isPositive();

        clock.advance(Duration.ofSeconds(1));
        pipeline.poll();

        assertThat(shop.attempts).isEqualTo(2);
        assertThat(shop.created).extracting(Order::id).containsExactly("o1");
        assertThat(marketplace.acks).containsExactly("o1@1:RECORDED");
        assertThat(store.intents().listOpen(STORE)).isEmpty();
    }

    @Test
    void shopStillCreatingAnOrderWhoseAnswerWasLost_getsNoSecondOrder_andTheFirstIsFoundWhenItLands()
            throws Exception {
        marketplace.put(order("o1", 1, OrderStatus.PAID, "p1"));
        shop.completeNextLater = true;
        pipeline.poll();
        clock.advance(Duration.ofSeconds(20));
        pipeline.poll();
        assertThat(shop.created).isEmpty();

        shop.landLateCreations();
        pipeline.poll();

        assertThat(shop.attempts).isEqualTo(1);
        assertThat(shop.created).extracting(Order::id).containsExactly("o1");
        assertThat(marketplace.acks).containsExactly("o1@1:RECORDED");
    }

    @Test
    void orderTheShopRefuses_closesItsIntentAndIsDeadLettered() throws Exception {
        marketplace.put(order("o1", 1, OrderStatus.PAID, "p1"));
        shop.refuseNext = true;

        pipeline.poll();

        assertThat(shop.created).isEmpty();
        assertThat(store.intents().listOpen(STORE)).isEmpty();
        assertThat(deadLetters).singleElement().satisfies(d -> assertThat(d).contains("the shop refused order N-o1"));
    }

    @Test
    void openIntentFromACrash_isResolvedByFindBeforeAnyNewCreation() throws Exception {
        Order sale = order("o1", 1, OrderStatus.PAID, "p1");
        marketplace.put(sale);
        store.intents().open(STORE, OrderPipeline.CREATE_ORDER, "o1", "{}");
        shop.created.add(sale);

        pipeline.recover();

        assertThat(shop.created).hasSize(1);
        assertThat(store.intents().listOpen(STORE)).isEmpty();
        assertThat(store.mappings().find(STORE, EntityKind.ORDER, "o1").orElseThrow().targetId()).isEqualTo("100");
    }

    private static Order order(String id, long version, OrderStatus status, String productId) {
        Money price = Money.of("10", "EUR");
        return new Order(id, "N-" + id, version, status, price.currency(), T0, T0.plusSeconds(version), null, null,
                null, List.of(new OrderLine("l1", productId, null, null, "Thing", 1, price, price)), null, price,
                List.of(), null);
    }

    /** An in-memory marketplace whose acknowledgements can answer STALE once. */
    private static final class Marketplace implements OrderSource {
        final Map<String, Order> orders = new HashMap<>();
        final Set<String> staleOnce = new LinkedHashSet<>();
        final List<String> acks = new ArrayList<>();
        Runnable onAckStale = () -> { };

        void put(Order order) {
            orders.put(order.id(), order);
        }

        @Override
        public Page<Order> readChanged(Cursor since, String pageToken) {
            return new Page<>(List.copyOf(orders.values()).stream()
                    .sorted(java.util.Comparator.comparing(Order::id)).toList(), null, new Cursor("after-all"));
        }

        @Override
        public Optional<Order> read(String orderId) {
            return Optional.ofNullable(orders.get(orderId));
        }

        @Override
        public AckOutcome acknowledge(String orderId, ShopOrderRef shopOrder, long version) {
            AckOutcome outcome = staleOnce.remove(orderId) ? AckOutcome.STALE : AckOutcome.RECORDED;
            acks.add(orderId + "@" + version + ":" + outcome);
            if (outcome == AckOutcome.STALE) {
                onAckStale.run();
            }
            return outcome;
        }
    }

    /** An in-memory shop that can lose the answer to a creation, or refuse one. */
    private static final class Shop implements OrderTarget {
        final List<Order> created = new ArrayList<>();
        final List<Order> landingLater = new ArrayList<>();
        final List<String> updates = new ArrayList<>();
        int attempts;
        int finds;
        boolean loseNextAnswer;
        boolean failNextWithoutCreating;
        boolean completeNextLater;
        boolean refuseNext;

        @Override
        public ShopOrderRef create(Order order) {
            attempts++;
            if (refuseNext) {
                refuseNext = false;
                throw new InvalidItemException("invalid", "Invalid product.");
            }
            if (failNextWithoutCreating) {
                failNextWithoutCreating = false;
                throw new RetryableException("connection reset", null);
            }
            if (completeNextLater) {
                completeNextLater = false;
                landingLater.add(order);
                throw new RetryableException("timed out", null);
            }
            created.add(order);
            if (loseNextAnswer) {
                loseNextAnswer = false;
                throw new RetryableException("timed out", null);
            }
            return new ShopOrderRef(Integer.toString(99 + created.size()), null);
        }

        /** The shop finishes the creations it was still working on. */
        void landLateCreations() {
            created.addAll(landingLater);
            landingLater.clear();
        }

        @Override
        public Optional<ShopOrderRef> find(Order order) {
            finds++;
            for (int i = 0; i < created.size(); i++) {
                if (created.get(i).id().equals(order.id())) {
                    return Optional.of(new ShopOrderRef(Integer.toString(100 + i), null));
                }
            }
            return Optional.empty();
        }

        @Override
        public void update(ShopOrderRef shopOrder, Order order) {
            updates.add(order.id() + "@" + order.version());
        }
    }
}
