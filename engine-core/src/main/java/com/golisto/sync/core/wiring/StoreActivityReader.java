package com.golisto.sync.core.wiring;

import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunProgress;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreActivity;
import com.golisto.sync.core.WebhookHealth;
import com.golisto.sync.core.connection.ShopWebhooks;
import com.golisto.sync.core.runs.RunCounter;
import com.golisto.sync.core.runs.Runs;
import com.golisto.sync.core.scheduling.Schedule;
import com.golisto.sync.core.scheduling.StoreTasks;
import com.golisto.sync.core.store.EntityKind;
import com.golisto.sync.core.store.HealthStore;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.SyncRun;
import com.golisto.sync.core.webhooks.WebhookTally;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a store's {@link StoreActivity}: the running catalog pass with its live counter, the schedule's next
 * slots, the mapping and ledger counts, and the webhooks' last check and deliveries. A few small state-store
 * queries; never a remote. Thread-safe.
 */
final class StoreActivityReader {
    /** Runs read to find a running catalog pass (queued ones may come before it). */
    private static final int RECENT = 10;
    private static final Set<RunKind> PASSES = Set.of(RunKind.FULL, RunKind.INCREMENTAL, RunKind.WEBHOOK);

    private final StateStore store;
    private final StoreTasks tasks;
    private final Runs runs;
    private final ShopWebhooks webhooks;
    private final WebhookTally tally;
    private final Clock clock;

    StoreActivityReader(StateStore store, StoreTasks tasks, Runs runs, ShopWebhooks webhooks, WebhookTally tally,
            Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.runs = runs;
        this.webhooks = webhooks;
        this.tally = tally;
        this.clock = clock;
    }

    /** The store's activity; empty for an unknown store. */
    Optional<StoreActivity> of(String storeId) {
        if (store.stores().find(storeId).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        HealthStore.StoreHealth health = store.health().of(storeId);
        Optional<ShopWebhooks.Subscriptions> seen = webhooks.lastSeen(storeId);
        WebhookHealth hooks = new WebhookHealth(seen.map(ShopWebhooks.Subscriptions::registered).orElse(null),
                seen.map(ShopWebhooks.Subscriptions::active).orElse(null),
                seen.map(ShopWebhooks.Subscriptions::disabledBefore).orElse(null), health.webhooksCheckedAt(),
                health.webhooksProblem(), tally.lastShopDelivery(storeId).orElse(null),
                tally.shopDeliveriesInLastHour(storeId, now));
        return Optional.of(new StoreActivity(storeId, now, running(storeId, now),
                tasks.nextSlot(storeId, Schedule.Work.FULL_SYNC).orElse(null),
                tasks.nextSlot(storeId, Schedule.Work.INCREMENTAL_SYNC).orElse(null),
                store.mappings().countMapped(storeId, EntityKind.PRODUCT), store.ledger().countByOutcome(storeId),
                hooks));
    }

    /** The oldest running catalog pass of the store (the one the pipeline works on), with its live counts. */
    private @Nullable RunProgress running(String storeId, Instant now) {
        List<RunView> recent = runs.recent(storeId, RECENT);
        RunView run = null;
        for (RunView r : recent) {
            if (!r.finished() && PASSES.contains(r.kind()) && runs.live(r.id().value()).isPresent()) {
                run = r;
            }
        }
        if (run == null) {
            return null;
        }
        long pages = runs.live(run.id().value()).map(RunCounter::pages).orElse(0L);
        RunCounts counts = run.counts();
        Long expected = run.kind() == RunKind.FULL ? store.runs().lastSucceeded(storeId, RunKind.FULL)
                .map(SyncRun::counts).map(RunCounts::read).orElse(null) : null;
        return new RunProgress(run.id(), run.kind(), run.startedAt(), now, pages, counts.read(), expected);
    }
}
