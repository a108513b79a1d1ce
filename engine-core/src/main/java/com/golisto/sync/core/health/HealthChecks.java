package com.golisto.sync.core.health;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.core.EngineHealth;
import com.golisto.sync.core.HealthCheck;
import com.golisto.sync.core.HealthPolicy;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.store.HealthStore;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the engine's health: the {@value HealthCheck#STATE_STORE} write probe, then for each approved store
 * its {@value HealthCheck#PASSES}, {@value HealthCheck#WEBHOOKS} and {@value HealthCheck#ORDER_POLLS} checks.
 * Reads only the state store (never a remote); one answer is reused for {@link HealthPolicy#cacheFor()} by
 * the clock, so the write probe and the store queries run at most that often however many probes ask. The
 * order-poll check reads the store's poll counts, which every successful order poll updates. Thread-safe.
 */
public final class HealthChecks {

    private static final Logger LOG = LoggerFactory.getLogger(HealthChecks.class);

    /** Whether a store's connectors carry orders (a catalog-only shop has no order polls to check). */
    private final Predicate<StoreRecord> tradesOrders;
    private final StateStore store;
    private final HealthPolicy policy;
    private final Duration orderPollLag;
    private final Clock clock;
    private final String nodeId;
    private final Instant openedAt;
    private final ReentrantLock computing = new ReentrantLock();
    // null until the first answer; replaced whole, read without the lock
    private volatile @Nullable EngineHealth cached;

    /**
     * @param store read for the checks, written by the probe
     * @param policy the thresholds
     * @param orderPollLag the allowed order-poll lag in effect ({@link HealthPolicy#orderPollLag})
     * @param clock the engine's clock
     * @param nodeId this node's name, the key of its probe row
     */
    public HealthChecks(StateStore store, HealthPolicy policy, Duration orderPollLag, Clock clock, String nodeId,
            Predicate<StoreRecord> tradesOrders) {
        this.store = Objects.requireNonNull(store, "store");
        this.tradesOrders = Objects.requireNonNull(tradesOrders, "tradesOrders");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.orderPollLag = Objects.requireNonNull(orderPollLag, "orderPollLag");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.openedAt = clock.instant();
    }

    /** The health now: the cached answer while it is younger than {@link HealthPolicy#cacheFor()}, else a new one. */
    public EngineHealth current() {
        EngineHealth fresh = fresh(cached);
        if (fresh != null) {
            return fresh;
        }
        computing.lock();
        try {
            fresh = fresh(cached);
            if (fresh == null) {
                fresh = compute(clock.instant());
                cached = fresh;
            }
            return fresh;
        } finally {
            computing.unlock();
        }
    }

    private @Nullable EngineHealth fresh(@Nullable EngineHealth health) {
        if (health == null) {
            return null;
        }
        Duration age = Duration.between(health.checkedAt(), clock.instant());
        return !age.isNegative() && age.compareTo(policy.cacheFor()) < 0 ? health : null;
    }

    private EngineHealth compute(Instant now) {
        List<HealthCheck> checks = new ArrayList<>();
        HealthCheck probe = probe();
        checks.add(probe);
        List<StoreRecord> records;
        try {
            records = store.stores().list();
        } catch (RuntimeException e) {
            if (probe.passing()) {
                checks.set(0, HealthCheck.fail(HealthCheck.STATE_STORE, null, "the state store cannot be read",
                        e.toString()));
            }
            return new EngineHealth(now, checks);
        }
        for (StoreRecord record : records) {
            if (record.status() != ConnectionStatus.APPROVED || record.unreadable() != null) {
                continue;
            }
            try {
                HealthStore.StoreHealth marks = store.health().of(record.id());
                checks.add(passes(record.id()));
                checks.add(webhooks(record.id(), marks));
                if (tradesOrders.test(record)) {
                    checks.add(orderPolls(record, now));
                }
            } catch (RuntimeException e) {
                checks.add(HealthCheck.fail(HealthCheck.STATE_STORE, record.id(),
                        "store " + record.id() + ": its health marks cannot be read", e.toString()));
            }
        }
        return new EngineHealth(now, checks);
    }

    private HealthCheck probe() {
        try {
            store.health().probeWrite(nodeId);
            return HealthCheck.pass(HealthCheck.STATE_STORE, null, "the state store accepts writes");
        } catch (RuntimeException e) {
            LOG.warn("event=health_probe_failed check=state_store error={}", e.getClass().getSimpleName());
            return HealthCheck.fail(HealthCheck.STATE_STORE, null, "the state store cannot write", rootCause(e));
        }
    }

    private HealthCheck passes(String storeId) {
        int limit = policy.failedPasses();
        List<HealthStore.PassOutcome> last = store.health().lastPasses(storeId, limit);
        long failed = last.stream().filter(HealthStore.PassOutcome::failed).count();
        if (last.size() == limit && failed == limit) {
            String error = last.get(0).error();
            return HealthCheck.fail(HealthCheck.PASSES, storeId, "store " + storeId + ": its last " + limit
                    + " catalog passes failed", error == null ? null : "last error: " + error);
        }
        if (last.isEmpty()) {
            return HealthCheck.pass(HealthCheck.PASSES, storeId, "store " + storeId + ": no catalog pass finished yet");
        }
        return HealthCheck.pass(HealthCheck.PASSES, storeId, "store " + storeId + ": " + failed + " of its last "
                + last.size() + " catalog passes failed (the check fails at " + limit + " in a row)");
    }

    private static HealthCheck webhooks(String storeId, HealthStore.StoreHealth marks) {
        Instant checkedAt = marks.webhooksCheckedAt();
        if (checkedAt == null) {
            return HealthCheck.pass(HealthCheck.WEBHOOKS, storeId, "store " + storeId
                    + ": webhooks not checked yet (approval and each incremental pass check them)");
        }
        String problem = marks.webhooksProblem();
        if (problem != null) {
            return HealthCheck.fail(HealthCheck.WEBHOOKS, storeId, "store " + storeId
                    + ": the shop's webhooks are disabled or not delivering", problem + " (checked " + checkedAt + ")");
        }
        return HealthCheck.pass(HealthCheck.WEBHOOKS, storeId, "store " + storeId + ": webhooks delivering (checked "
                + checkedAt + ")");
    }

    private HealthCheck orderPolls(StoreRecord record, Instant now) {
        Instant lastPoll = store.runs().pollCounts(record.id(), RunKind.ORDERS).lastPolledAt();
        // a store approved (or an engine started) a moment ago has had no chance to poll yet
        Instant since = latest(latest(openedAt, record.updatedAt()), lastPoll);
        Duration lag = Duration.between(since, now);
        String what = lastPoll == null ? "no successful order poll yet" : "last successful order poll " + lastPoll;
        if (lag.compareTo(orderPollLag) > 0) {
            return HealthCheck.fail(HealthCheck.ORDER_POLLS, record.id(), "store " + record.id()
                    + ": no successful order poll for " + human(lag) + " (allowed " + human(orderPollLag) + ")", what);
        }
        return HealthCheck.pass(HealthCheck.ORDER_POLLS, record.id(), "store " + record.id() + ": " + what
                + " (allowed lag " + human(orderPollLag) + ")");
    }

    private static Instant latest(Instant a, @Nullable Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    /** The innermost cause's type and message: the database's own words, without the statement wrapper. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** Whole minutes from two minutes on, seconds below. */
    static String human(Duration d) {
        return d.compareTo(Duration.ofMinutes(2)) >= 0 ? d.toMinutes() + " minutes" : d.toSeconds() + " seconds";
    }
}
