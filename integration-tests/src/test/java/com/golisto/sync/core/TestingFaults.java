package com.golisto.sync.core;

import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.model.WriteResult;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.CredentialIssuer;
import com.golisto.sync.api.spi.OrderTarget;
import com.golisto.sync.api.spi.StoreInfoSource;
import com.golisto.sync.api.spi.WebhookSubscriptions;
import com.golisto.sync.api.spi.ConnectionLifecycle;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.OrderSource;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookRouting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wraps a real connector provider so a test can make the process "die" (throw
 * {@link TestingShop.SimulatedCrash}) right before or after a catalog batch, an order acknowledgement or
 * an order creation reaches the real remote. Points: {@code apply.before}, {@code apply.after},
 * {@code ack.before}, {@code ack.after}, {@code create.before}, {@code create.after}. Everything else
 * passes through untouched; the inventory items sent to the marketplace are counted.
 */
final class TestingFaults implements ConnectorProvider {

    private final ConnectorProvider delegate;
    private final Map<String, List<Runnable>> hooks = new ConcurrentHashMap<>();
    private final java.util.concurrent.Semaphore crashes = new java.util.concurrent.Semaphore(0);
    private final java.util.concurrent.atomic.AtomicLong inventoryItems = new java.util.concurrent.atomic.AtomicLong();

    TestingFaults(ConnectorProvider delegate) {
        this.delegate = delegate;
    }

    /** Makes the next call reaching {@code point} die as a killed process would. */
    void crashNext(String point) {
        hooks.computeIfAbsent(point, p -> new CopyOnWriteArrayList<>()).add(() -> {
            crashes.release();
            throw new TestingShop.SimulatedCrash(point);
        });
    }

    /** The inventory items (stock updates of a product or a variant) sent to the marketplace so far. */
    long inventoryItems() {
        return inventoryItems.get();
    }

    /** Waits until a simulated crash happened (on an engine worker thread). */
    boolean awaitCrash(java.time.Duration timeout) throws InterruptedException {
        return crashes.tryAcquire(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void at(String point) {
        List<Runnable> pending = hooks.get(point);
        if (pending != null && !pending.isEmpty()) {
            pending.remove(0).run();
        }
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return delegate.descriptor();
    }

    @Override
    public Optional<WebhookRouting> webhookRouting() {
        return delegate.webhookRouting();
    }

    @Override
    public Connector open(Settings settings, ConnectorContext context) {
        Connector real = delegate.open(settings, context);
        CatalogTarget target = real.catalogTarget().map(Target::new).orElse(null);
        OrderSource orders = real.orderSource().map(Orders::new).orElse(null);
        OrderTarget shopOrders = real.orderTarget().map(ShopOrders::new).orElse(null);
        return new Connector() {
            @Override
            public Optional<OrderTarget> orderTarget() {
                return Optional.ofNullable(shopOrders);
            }

            @Override
            public Optional<CatalogSource> catalogSource() {
                return real.catalogSource();
            }

            @Override
            public Optional<WebhookSubscriptions> webhookSubscriptions() {
                return real.webhookSubscriptions();
            }

            @Override
            public Optional<CredentialIssuer> credentialIssuer() {
                return real.credentialIssuer();
            }

            @Override
            public Optional<StoreInfoSource> storeInfo() {
                return real.storeInfo();
            }

            @Override
            public Optional<CatalogTarget> catalogTarget() {
                return Optional.ofNullable(target);
            }

            @Override
            public Optional<OrderSource> orderSource() {
                return Optional.ofNullable(orders);
            }

            @Override
            public Optional<WebhookReceiver> webhookReceiver() {
                return real.webhookReceiver();
            }

            @Override
            public Optional<ConnectionLifecycle> connectionLifecycle() {
                return real.connectionLifecycle();
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    private final class Target implements CatalogTarget {
        private final CatalogTarget real;

        Target(CatalogTarget real) {
            this.real = real;
        }

        @Override
        public int maxBatchSize() {
            return real.maxBatchSize();
        }

        @Override
        public List<WriteResult> apply(CatalogBatch batch) throws InterruptedException {
            at("apply.before");
            List<WriteResult> results = real.apply(batch);
            at("apply.after");
            return results;
        }

        @Override
        public int maxInventoryBatchSize() {
            return real.maxInventoryBatchSize();
        }

        @Override
        public List<WriteResult> applyInventory(List<InventoryUpdate> updates) throws InterruptedException {
            inventoryItems.addAndGet(updates.size());
            return real.applyInventory(updates);
        }

        @Override
        public Optional<Listing> readListing(String productId) throws InterruptedException {
            return real.readListing(productId);
        }
    }

    private final class ShopOrders implements OrderTarget {
        private final OrderTarget real;

        ShopOrders(OrderTarget real) {
            this.real = real;
        }

        @Override
        public ShopOrderRef create(Order order) throws InterruptedException {
            at("create.before");
            ShopOrderRef created = real.create(order);
            at("create.after");
            return created;
        }

        @Override
        public Optional<ShopOrderRef> find(Order order) throws InterruptedException {
            return real.find(order);
        }

        @Override
        public void update(ShopOrderRef shopOrder, Order order) throws InterruptedException {
            real.update(shopOrder, order);
        }
    }

    private final class Orders implements OrderSource {
        private final OrderSource real;

        Orders(OrderSource real) {
            this.real = real;
        }

        @Override
        public Page<Order> readChanged(Cursor since, String pageToken) throws InterruptedException {
            return real.readChanged(since, pageToken);
        }

        @Override
        public Optional<Order> read(String orderId) throws InterruptedException {
            return real.read(orderId);
        }

        @Override
        public AckOutcome acknowledge(String orderId, ShopOrderRef shopOrder, long version) throws InterruptedException {
            at("ack.before");
            AckOutcome outcome = real.acknowledge(orderId, shopOrder, version);
            at("ack.after");
            return outcome;
        }
    }
}
