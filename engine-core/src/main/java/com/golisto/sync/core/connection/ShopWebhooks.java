package com.golisto.sync.core.connection;

import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.WebhookSubscriptions;
import com.golisto.sync.core.runs.RemoteCalls;
import com.golisto.sync.core.runtime.StoreRuntime;
import com.golisto.sync.core.store.HealthStore;
import com.golisto.sync.api.spi.WebhookSubscription;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhooks the engine registers in a store's shop: registered on approval and checked by every
 * incremental pass, removed on disconnection. Thread-safe.
 */
public final class ShopWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(ShopWebhooks.class);

    private final Stores stores;
    private final Endpoints endpoints;
    private final HealthStore health;
    private final Map<String, Subscriptions> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, Instant> checkedAt = new ConcurrentHashMap<>();

    /**
     * How often scheduled incremental passes check a store's shop webhooks (two shop requests a check): a webhook
     * the shop disabled meanwhile costs nothing but latency, since the incremental passes carry every change.
     */
    public static final Duration SCHEDULED_CHECK_EVERY = Duration.ofHours(1);

    /**
     * What the last check of a store's shop webhooks in this engine saw (memory only: empty after a restart
     * until the next incremental pass checks again).
     *
     * @param registered the webhooks to the engine's URL after the repair
     * @param active those of them delivering
     * @param disabledBefore those the shop had disabled after failed deliveries, before the repair
     */
    public record Subscriptions(int registered, int active, int disabledBefore) {
        static Subscriptions of(List<WebhookSubscription> before, List<WebhookSubscription> after) {
            return new Subscriptions(after.size(),
                    (int) after.stream().filter(s -> s.health() == WebhookSubscription.Health.ACTIVE).count(),
                    (int) before.stream().filter(s -> s.health() == WebhookSubscription.Health.DISABLED).count());
        }
    }

    /**
     * For the stores' shop webhook URLs under the host's endpoints; each check's findings go to {@code health}
     * (the {@code webhooks} health check).
     */
    public ShopWebhooks(Stores stores, Endpoints endpoints, HealthStore health) {
        this.stores = stores;
        this.endpoints = endpoints;
        this.health = health;
    }

    /** The URL the shop posts this store's webhooks to. */
    URI url(String storeId) {
        return endpoints.endpoint("/webhooks/" + stores.record(storeId).shopConnector() + "/" + storeId);
    }

    /**
     * Registers missing shop webhooks and re-activates disabled ones; problems are logged, not thrown.
     *
     * <p>When the shop connector predicts that the shop cannot deliver to our URL (a loopback address, a
     * port the shop refuses), the webhooks are registered all the same and the problem is logged once:
     * the prediction is judged from the URL alone, and a shop configured to allow the address (or one that
     * does not check it) then still delivers. Incremental passes keep the catalog in sync either way.
     */
    public void ensure(StoreRuntime runtime, RemoteCalls remote) throws InterruptedException {
        WebhookSubscriptions subscriptions = runtime.shop().webhookSubscriptions().orElse(null);
        if (subscriptions == null) {
            return;
        }
        URI url = url(runtime.storeId());
        var problem = subscriptions.reachabilityProblem(url);
        if (problem.isPresent() && runtime.firstUnreachableWarning()) {
            LOG.warn("store {}: the shop will probably not deliver webhooks to {}: {}. Registering them anyway;"
                    + " until the runner's public URL is reachable, changes arrive with the incremental passes",
                    runtime.storeId(), url, problem.get());
        }
        try {
            // read before the repair too: a webhook the shop disabled after failed deliveries is re-activated by
            // ensure, and only this list still shows that deliveries were failing (the webhooks health check)
            var before = remote.shop("list shop webhooks", () -> subscriptions.list(url));
            var active = remote.shop("ensure shop webhooks", () -> subscriptions.ensure(url));
            LOG.debug("store {}: {} shop webhooks deliver to {}", runtime.storeId(), active.size(), url);
            lastSeen.put(runtime.storeId(), Subscriptions.of(before, active));
            health.markWebhooks(runtime.storeId(), WebhookFindings.problem(url, before, active).orElse(null));
        } catch (RetryableException | InvalidItemException e) {
            LOG.warn("store {}: could not register the shop webhooks: {}", runtime.storeId(), e.getMessage());
            health.markWebhooks(runtime.storeId(), "could not register the shop webhooks: " + e.getMessage());
        }
    }

    /**
     * {@link #ensure} unless a check through this method ran less than {@link #SCHEDULED_CHECK_EVERY} before
     * {@code now}: what scheduled incremental passes do, so that 96 passes a day cost 24 checks.
     */
    public void ensureIfDue(StoreRuntime runtime, RemoteCalls remote, Instant now) throws InterruptedException {
        Instant last = checkedAt.get(runtime.storeId());
        if (last != null && now.isBefore(last.plus(SCHEDULED_CHECK_EVERY))) {
            return;
        }
        ensure(runtime, remote);
        checkedAt.put(runtime.storeId(), now);
    }

    /** What the last check of the store's shop webhooks in this engine saw; empty before the first. */
    public Optional<Subscriptions> lastSeen(String storeId) {
        return Optional.ofNullable(lastSeen.get(storeId));
    }

    /**
     * Removes the store's shop webhooks when it was approved (only then had it any); problems are logged,
     * not thrown.
     */
    void remove(StoreRuntime runtime, RemoteCalls remote, boolean wasApproved) throws InterruptedException {
        String storeId = runtime.storeId();
        try {
            WebhookSubscriptions subscriptions = runtime.shop().webhookSubscriptions().orElse(null);
            if (subscriptions != null && wasApproved) {
                lastSeen.remove(storeId);
                remote.shop("remove shop webhooks", () -> {
                    subscriptions.remove(url(storeId));
                    return null;
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("store {}: could not remove the shop webhooks: {}", storeId, e.getMessage());
        }
    }
}
