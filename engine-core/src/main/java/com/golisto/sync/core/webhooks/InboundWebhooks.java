package com.golisto.sync.core.webhooks;

import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.core.connectors.ConnectorRegistry;
import com.golisto.sync.core.runtime.StoreMdc;
import com.golisto.sync.core.runtime.StoreRuntimes;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inbound webhooks: verified by the store's connector, de-duplicated by delivery key, and turned into
 * due work: products written to the durable webhook inbox ({@link com.golisto.sync.core.store.InboxStore}, in the
 * transaction that records the delivery, before the verdict is returned, so the host answers 2xx only once they
 * are stored; a database failure throws and the remote redelivers), a status poll made due at once, an order poll made due
 * one debounce after the first order event of a burst (through {@link DueWorkRequests}). The schedule starts
 * following a store it did not know yet, so events that arrive before the first tick are not lost.
 * Nothing here does network I/O, so the host answers at once. Thread-safe.
 */
public final class InboundWebhooks {

    private final StateStore store;
    private final ConnectorRegistry registry;
    private final StoreRuntimes runtimes;
    private final DeliveryDeduplicator deliveries;
    private final DueWorkRequests dueWork;
    private final Duration orderDebounce;
    private final Clock clock;
    private final WebhookTally tally = new WebhookTally();

    /**
     * @param dueWork makes polls due and the schedule follow a store it does not know yet
     * @param orderDebounce how long after the first order event of a burst the order poll is due; also how long a
     *     product must stay un-notified before its webhook pass (at the latest 5 times that after the first)
     */
    public InboundWebhooks(StateStore store, ConnectorRegistry registry, StoreRuntimes runtimes,
            DeliveryDeduplicator deliveries, DueWorkRequests dueWork, Duration orderDebounce,
            Clock clock) {
        this.store = store;
        this.registry = registry;
        this.runtimes = runtimes;
        this.deliveries = deliveries;
        this.dueWork = dueWork;
        this.orderDebounce = orderDebounce;
        this.clock = clock;
    }

    /** A shop webhook for one store: product notifications mark products dirty (approved stores only). */
    public WebhookVerdict shop(String storeId, InboundRequest request) {
        StoreMdc mdc = StoreMdc.of(storeId);
        try {
            Optional<StoreRecord> record = store.stores().find(storeId);
            if (record.isEmpty()) {
                return new WebhookVerdict.Rejected("unknown store");
            }
            WebhookVerdict verdict = shopDelivery(record.get(), request);
            tally.record(storeId, verdict);
            tally.shopDelivery(storeId, clock.instant());
            return verdict;
        } finally {
            mdc.close();
        }
    }

    private WebhookVerdict shopDelivery(StoreRecord record, InboundRequest request) {
        String storeId = record.id();
        WebhookVerdict verdict;
        try {
            WebhookReceiver receiver = runtimes.of(storeId).shop().webhookReceiver().orElse(null);
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
        if (record.status() != ConnectionStatus.APPROVED) {
            return new WebhookVerdict.Ignored("store " + storeId + " is not approved");
        }
        if (!firstTime(storeId, "shop:" + accepted.deliveryKey(), accepted)) {
            return new WebhookVerdict.Ignored(WebhookTally.REPEATED);
        }
        return verdict;
    }

    /** A marketplace webhook: routed to its store by the connection it names, then verified. */
    public WebhookVerdict marketplace(InboundRequest request) {
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
                WebhookVerdict verdict = marketplaceDelivery(record.get(), request);
                tally.record(record.get().id(), verdict);
                return verdict;
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
            WebhookReceiver receiver = runtimes.of(storeId).marketplace().webhookReceiver().orElse(null);
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
        if (!firstTime(storeId, "marketplace:" + accepted.deliveryKey(), accepted)) {
            return new WebhookVerdict.Ignored(WebhookTally.REPEATED);
        }
        Instant now = clock.instant();
        // before the first tick (a fresh or restarted engine) the schedule does not know the store yet:
        // making its work due would otherwise be a no-op, and the event lost until a later poll
        dueWork.follow(record, now);
        for (ChangeNotification notification : accepted.notifications()) {
            switch (notification.kind()) {
                case CONNECTION -> dueWork.statusPollDue(storeId, now);
                // a burst of order events (one per sale and per status change) becomes one poll
                case ORDER -> dueWork.orderPollDue(storeId, now.plus(orderDebounce));
                case PRODUCT -> { } // in the inbox already
            }
        }
        return verdict;
    }

    /**
     * Records a delivery the first time it is seen, with the products it names in the webhook inbox (one
     * transaction); false for a repeat, seen by this node or another.
     */
    private boolean firstTime(String storeId, String deliveryKey, WebhookVerdict.Accepted accepted) {
        List<String> products = new ArrayList<>();
        for (ChangeNotification notification : accepted.notifications()) {
            if (notification.kind() == ChangeNotification.Kind.PRODUCT) {
                products.add(notification.resourceId());
            }
        }
        if (products.isEmpty()) {
            return deliveries.firstTime(storeId, deliveryKey);
        }
        return deliveries.firstTime(storeId, deliveryKey, () -> store.inbox().receive(storeId, "webhook", deliveryKey,
                products, orderDebounce, orderDebounce.multipliedBy(5)));
    }

    /** The deliveries counted by store and result. */
    public WebhookTally tally() {
        return tally;
    }
}
