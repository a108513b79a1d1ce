package com.golisto.sync.core.engine;

import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.core.connectors.ConnectorRegistry;
import com.golisto.sync.core.schedule.Schedule;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import com.golisto.sync.core.webhooks.Debouncer;
import com.golisto.sync.core.webhooks.DeliveryDeduplicator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Inbound webhooks: verified by the store's connector, de-duplicated by delivery key, and turned into
 * due work: products marked dirty for the debounce, a status poll made due at once, an order poll made due
 * one debounce after the first order event of a burst. The schedule starts following a store it did not
 * know yet, so events that arrive before the first tick are not lost.
 * Nothing here does network I/O, so the host answers at once. Thread-safe.
 */
final class InboundWebhooks {

    private final StateStore store;
    private final ConnectorRegistry registry;
    private final Function<String, StoreRuntime> runtimes;
    private final DeliveryDeduplicator deliveries;
    private final Debouncer debouncer;
    private final Schedule schedule;
    private final BiConsumer<StoreRecord, Instant> follow;
    private final Duration orderDebounce;
    private final Clock clock;

    /**
     * @param follow makes the schedule follow a store it does not know yet (see {@link DueWork#follow})
     * @param orderDebounce how long after the first order event of a burst the order poll is due
     */
    InboundWebhooks(StateStore store, ConnectorRegistry registry, Function<String, StoreRuntime> runtimes,
            DeliveryDeduplicator deliveries, Debouncer debouncer, Schedule schedule,
            BiConsumer<StoreRecord, Instant> follow, Duration orderDebounce, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.runtimes = runtimes;
        this.deliveries = deliveries;
        this.debouncer = debouncer;
        this.schedule = schedule;
        this.follow = follow;
        this.orderDebounce = orderDebounce;
        this.clock = clock;
    }

    /** A shop webhook for one store: product notifications mark products dirty (approved stores only). */
    WebhookVerdict shop(String storeId, InboundRequest request) {
        StoreMdc mdc = StoreMdc.of(storeId);
        try {
            return shopDelivery(storeId, request);
        } finally {
            mdc.close();
        }
    }

    private WebhookVerdict shopDelivery(String storeId, InboundRequest request) {
        Optional<StoreRecord> record = store.stores().find(storeId);
        if (record.isEmpty()) {
            return new WebhookVerdict.Rejected("unknown store");
        }
        WebhookVerdict verdict;
        try {
            WebhookReceiver receiver = runtimes.apply(storeId).shop().webhookReceiver().orElse(null);
            if (receiver == null) {
                return new WebhookVerdict.Ignored("the shop connector does not receive webhooks");
            }
            verdict = receiver.verify(request);
        } catch (InvalidSettingsException e) {
            return new WebhookVerdict.Rejected("the store is not connected");
        }
        if (!(verdict instanceof WebhookVerdict.Accepted accepted)) {
            return verdict;
        }
        if (record.get().status() != ConnectionStatus.APPROVED) {
            return new WebhookVerdict.Ignored("store " + storeId + " is not approved");
        }
        if (!deliveries.firstTime(storeId, "shop:" + accepted.deliveryKey())) {
            return new WebhookVerdict.Ignored("repeated delivery");
        }
        Instant now = clock.instant();
        for (ChangeNotification notification : accepted.notifications()) {
            if (notification.kind() == ChangeNotification.Kind.PRODUCT) {
                debouncer.mark(storeId, notification.resourceId(), now);
            }
        }
        return verdict;
    }

    /** A marketplace webhook: routed to its store by the connection it names, then verified. */
    WebhookVerdict marketplace(InboundRequest request) {
        for (String id : registry.ids()) {
            ConnectorProvider provider = registry.requireProvider(id);
            if (provider.webhookRouting().isEmpty()) {
                continue;
            }
            Optional<String> account = provider.webhookRouting().get().accountId(request);
            if (account.isEmpty()) {
                continue;
            }
            Optional<StoreRecord> record = store.stores().findByAccount(account.get())
                    .filter(r -> r.marketplaceConnector().equals(id));
            if (record.isEmpty()) {
                return new WebhookVerdict.Rejected("no store is connected under this account");
            }
            StoreMdc mdc = StoreMdc.of(record.get().id());
            try {
                return marketplaceDelivery(record.get(), request);
            } finally {
                mdc.close();
            }
        }
        return new WebhookVerdict.Rejected("the delivery names no connection");
    }

    private WebhookVerdict marketplaceDelivery(StoreRecord record, InboundRequest request) {
        String storeId = record.id();
        WebhookVerdict verdict;
        try {
            WebhookReceiver receiver = runtimes.apply(storeId).marketplace().webhookReceiver().orElse(null);
            if (receiver == null) {
                return new WebhookVerdict.Ignored("the marketplace connector does not receive webhooks");
            }
            verdict = receiver.verify(request);
        } catch (InvalidSettingsException e) {
            return new WebhookVerdict.Rejected("the store is not connected");
        }
        if (!(verdict instanceof WebhookVerdict.Accepted accepted)) {
            return verdict;
        }
        if (!deliveries.firstTime(storeId, "marketplace:" + accepted.deliveryKey())) {
            return new WebhookVerdict.Ignored("repeated delivery");
        }
        Instant now = clock.instant();
        // before the first tick (a fresh or restarted engine) the schedule does not know the store yet:
        // making its work due would otherwise be a no-op, and the event lost until a later poll
        follow.accept(record, now);
        for (ChangeNotification notification : accepted.notifications()) {
            switch (notification.kind()) {
                case CONNECTION -> schedule.retryAt(storeId, Schedule.Work.STATUS_POLL, now);
                // a burst of order events (one per sale and per status change) becomes one poll
                case ORDER -> schedule.retryAt(storeId, Schedule.Work.ORDER_POLL, now.plus(orderDebounce));
                case PRODUCT -> debouncer.mark(storeId, notification.resourceId(), now);
            }
        }
        return verdict;
    }
}
