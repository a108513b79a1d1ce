package com.golisto.sync.core.orders;

import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.OrderLine;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.OrderSource;
import com.golisto.sync.api.spi.OrderTarget;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.runs.Failures;
import com.golisto.sync.core.runs.Payloads;
import com.golisto.sync.core.runs.RemoteCalls;
import com.golisto.sync.core.runs.RunCounter;
import com.golisto.sync.core.store.EntityKind;
import com.golisto.sync.core.store.Intent;
import com.golisto.sync.core.store.IntentAlreadyDoneException;
import com.golisto.sync.core.store.IntentAlreadyOpenException;
import com.golisto.sync.core.store.Mapping;
import com.golisto.sync.core.store.StateStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one store's marketplace sales into its shop, for one run.
 *
 * <p>Per order: a sale without a shop order is created exactly once, then later versions update it
 * (status, metadata, notes); each version is acknowledged to the marketplace with the shop order, and
 * the order's mapping records the version acknowledged. A STALE acknowledgement re-reads the order and
 * applies the newer version. After creating an order the stock of its products is re-read from the shop
 * and pushed (the sale changed it). A sale the shop refuses (for instance a line naming a product the
 * store does not list) goes to the dead letters with the reason; the other sales go on.
 *
 * <p>Exactly once: an intent row is committed before every {@link OrderTarget#create}; it is completed
 * after the mapping is stored. An open intent (a crash, a timeout whose outcome is unknown) is resolved
 * by {@link OrderTarget#find} before any new attempt, and a new attempt waits until the previous one can no
 * longer be completing in the shop ({@link OrderTarget#creationSettleTime()}). Steps after creation (mapping, acknowledgement,
 * cursor) are idempotent and simply redone. Not thread-safe: one pipeline per store at a time.
 */
public final class OrderPipeline {

    /** The state store cursor holding the marketplace's order position. */
    public static final String CURSOR = "orders.changed-since";
    /** The intent kind recorded before creating a shop order. */
    public static final String CREATE_ORDER = "CREATE_ORDER";

    private static final Logger LOG = LoggerFactory.getLogger(OrderPipeline.class);
    private static final int MAX_STALE_ROUNDS = 5;

    /** Re-reads products whose stock a new order changed, and pushes them to the marketplace. */
    @FunctionalInterface
    public interface StockRefresh {
        /** Syncs these shop products now. */
        void refresh(Set<String> productIds) throws InterruptedException;
    }

    private final String storeId;
    private final OrderSource source;
    private final OrderTarget target;
    private final StateStore store;
    private final RemoteCalls calls;
    private final RunCounter counter;
    private final Failures failures;
    private final StockRefresh stockRefresh;

    /** One run's pipeline. */
    public OrderPipeline(String storeId, OrderSource source, OrderTarget target, StateStore store, RemoteCalls calls,
            RunCounter counter, Failures failures, StockRefresh stockRefresh) {
        this.storeId = storeId;
        this.source = source;
        this.target = target;
        this.store = store;
        this.calls = calls;
        this.counter = counter;
        this.failures = failures;
        this.stockRefresh = stockRefresh;
    }

    /**
     * Resolves the store's open creation intents: each sale is looked up in the shop and created only if
     * it is not there. Run before every poll, so a crash anywhere is repaired at the next start.
     */
    public void recover() throws InterruptedException {
        for (Intent intent : store.intents().listOpen(storeId)) {
            if (!intent.kind().equals(CREATE_ORDER)) {
                continue;
            }
            Optional<Order> order = calls.marketplace("read order", () -> source.read(intent.intentKey()));
            if (order.isEmpty()) {
                store.intents().complete(intent.id(), "the marketplace no longer knows the order");
                continue;
            }
            Optional<Mapping> mapping = store.mappings().find(storeId, EntityKind.ORDER, intent.intentKey());
            if (mapping.isPresent() && mapping.get().targetId() != null) {
                // the process stopped between storing the mapping and completing the intent
                store.intents().complete(intent.id(), mapping.get().targetId());
            }
            LOG.info("store {}: resolving the interrupted creation of marketplace order {}", storeId,
                    order.get().number());
            apply(order.get(), 0);
        }
    }

    /** Reads the sales changed since the stored cursor and applies each; the cursor moves after each page. */
    public void poll() throws InterruptedException {
        recover();
        Cursor since = store.cursors().find(storeId, CURSOR).map(Cursor::new).orElse(Cursor.beginning());
        String token = null;
        do {
            String pageToken = token;
            Page<Order> page = calls.marketplace("read orders", () -> source.readChanged(since, pageToken));
            counter.read(page.items().size());
            for (Order order : page.items()) {
                apply(order, 0);
            }
            if (page.cursor() != null) {
                store.cursors().save(storeId, CURSOR, page.cursor().value());
            }
            token = page.nextPageToken();
        } while (token != null);
    }

    /** Re-reads one sale and applies it (a dead-letter replay). @return false when the marketplace does not know it */
    public boolean replay(String orderId) throws InterruptedException {
        recover();
        Optional<Order> order = calls.marketplace("read order", () -> source.read(orderId));
        if (order.isEmpty()) {
            return false;
        }
        counter.read(1);
        return apply(order.get(), 0);
    }

    /** @return false when the sale was given up on */
    private boolean apply(Order order, int staleRounds) throws InterruptedException {
        Optional<Mapping> mapping = store.mappings().find(storeId, EntityKind.ORDER, order.id());
        ShopOrderRef shopOrder;
        if (mapping.isEmpty() || mapping.get().targetId() == null) {
            Optional<ShopOrderRef> created = createOnce(order);
            if (created.isEmpty()) {
                return false;
            }
            shopOrder = created.get();
            counter.created(1);
            refreshStock(order);
        } else {
            shopOrder = shopOrder(mapping.get());
            if (mapping.get().version() >= order.version()) {
                counter.unchanged(1);
                return true;
            }
            try {
                calls.shop("update shop order", () -> {
                    target.update(shopOrder, order);
                    return null;
                });
            } catch (InvalidItemException e) {
                giveUp(order, "the shop refused the update of order " + order.number() + " (" + order.id() + ") to "
                        + order.status() + ": " + e.getMessage());
                return false;
            }
            counter.updated(1);
        }
        OrderSource.AckOutcome ack = calls.marketplace("acknowledge order",
                () -> source.acknowledge(order.id(), shopOrder, order.version()));
        if (ack == OrderSource.AckOutcome.STALE) {
            Optional<Order> newer = calls.marketplace("read order", () -> source.read(order.id()));
            if (newer.isPresent() && newer.get().version() > order.version() && staleRounds < MAX_STALE_ROUNDS) {
                return apply(newer.get(), staleRounds + 1);
            }
            return true;
        }
        store.mappings().upsert(List.of(orderMapping(order, shopOrder, order.version())));
        return true;
    }

    /**
     * Creates the shop order unless an earlier attempt did; the intent row makes that decidable.
     *
     * <p>An attempt whose answer was lost (a timeout, a reset, a killed process) may still be completing in
     * the shop, where {@link OrderTarget#find} does not show it yet. So {@code create} is called at most
     * once per {@link OrderTarget#creationSettleTime()}: each attempt is recorded on the intent before it
     * starts, and a sale whose latest attempt is younger than that waits, its intent open, for a later poll
     * that looks again. There is no blind retry of a create within a run.
     */
    private Optional<ShopOrderRef> createOnce(Order order) throws InterruptedException {
        Optional<String> unknownProduct = firstUnlistedProduct(order);
        if (unknownProduct.isPresent()) {
            giveUp(order, "order " + order.number() + " (" + order.id() + ") was not created in the shop: "
                    + unknownProduct.get());
            return Optional.empty();
        }
        Intent intent;
        Optional<Intent> open = store.intents().findOpen(storeId, CREATE_ORDER, order.id());
        if (open.isPresent()) {
            intent = open.get();
            Optional<ShopOrderRef> existing = calls.shop("find shop order", () -> target.find(order));
            if (existing.isPresent()) {
                return Optional.of(recordCreated(order, intent, existing.get()));
            }
            if (intent.attemptedAt() != null && store.intents().attemptedWithin(intent, target.creationSettleTime())) {
                LOG.info("store {}: order {} is not in the shop yet, but an attempt to create it began at {} and may"
                        + " still be completing there; looking again at the next poll", storeId, order.number(),
                        intent.attemptedAt());
                counter.failed(1);
                return Optional.empty();
            }
        } else {
            try {
                intent = store.intents().openUnlessMapped(storeId, CREATE_ORDER, order.id(), Payloads.order(order),
                        EntityKind.ORDER);
            } catch (IntentAlreadyOpenException e) {
                intent = e.existing();
            } catch (IntentAlreadyDoneException e) {
                // another node created it after this one looked: the mapping it recorded is the shop order
                return Optional.of(shopOrder(e.mapping()));
            }
        }
        // the database grants each attempt to one caller: two nodes never both call create for one sale
        if (!store.intents().claimAttempt(intent.id(), target.creationSettleTime())) {
            LOG.info("store {}: order {} is being created by another attempt; looking again at the next poll", storeId,
                    order.number());
            counter.failed(1);
            return Optional.empty();
        }
        ShopOrderRef created;
        try {
            created = calls.shopOnce(() -> target.create(order));
        } catch (InvalidItemException e) {
            store.intents().complete(intent.id(), "refused: " + e.code());
            giveUp(order, "the shop refused order " + order.number() + " (" + order.id() + "): " + e.getMessage());
            return Optional.empty();
        } catch (RetryableException e) {
            LOG.warn("store {}: creating order {} in the shop failed without a clear answer ({}); a later poll looks"
                    + " for it and creates it only if it is still missing", storeId, order.number(), e.getMessage());
            counter.failed(1);
            return Optional.empty();
        }
        return Optional.of(recordCreated(order, intent, created));
    }

    private ShopOrderRef recordCreated(Order order, Intent intent, ShopOrderRef shopOrder) {
        // version 0: created, not acknowledged yet; the acknowledgement records the version
        store.mappings().upsert(List.of(orderMapping(order, shopOrder, 0)));
        store.intents().complete(intent.id(), shopOrder.id());
        LOG.info("store {}: marketplace order {} is shop order {}", storeId, order.number(), shopOrder.number());
        return shopOrder;
    }

    /** The shop order a mapping names: the last-result column keeps its number (see orderMapping), else the id. */
    private static ShopOrderRef shopOrder(Mapping mapping) {
        String id = Objects.requireNonNull(mapping.targetId(), "the mapping's shop order");
        String number = mapping.lastResult();
        return new ShopOrderRef(id, number != null ? number : id);
    }

    /** The mapping keeps the shop order number in its last-result column (the ack sends it back). */
    private Mapping orderMapping(Order order, ShopOrderRef shopOrder, long version) {
        return Mapping.of(storeId, EntityKind.ORDER, order.id(), shopOrder.id(), null, null, 0, version,
                version == 0 ? "CREATED" : "SYNCED", shopOrder.number());
    }

    /** A line naming a product this store never listed cannot become a shop order line. */
    private Optional<String> firstUnlistedProduct(Order order) {
        Set<String> ids = new LinkedHashSet<>();
        order.lines().forEach(line -> ids.add(line.productId()));
        Map<String, Mapping> listed = store.mappings().findAll(storeId, EntityKind.PRODUCT, ids);
        for (OrderLine line : order.lines()) {
            if (!listed.containsKey(line.productId())) {
                return Optional.of("line " + line.lineId() + " names product " + line.productId()
                        + (line.sku() == null ? "" : " (SKU " + line.sku() + ")")
                        + ", which is not a product this store lists");
            }
        }
        return Optional.empty();
    }

    private void refreshStock(Order order) throws InterruptedException {
        Set<String> products = new LinkedHashSet<>();
        order.lines().forEach(line -> products.add(line.productId()));
        try {
            stockRefresh.refresh(products);
        } catch (RetryableException e) {
            // the next incremental pass catches the stock; the order itself is safely created
            LOG.warn("store {}: stock refresh after order {} failed: {}", storeId, order.number(), e.getMessage());
        }
    }

    private void giveUp(Order order, String reason) {
        failures.giveUp(Failures.ORDER, order.id(), reason, Payloads.order(order));
    }
}
