package com.golisto.sync.core;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * How the engine schedules and paces its work. Start from {@link #defaults()} and change what you need
 * with the {@code with...} methods.
 *
 * @param dailyFullSyncAt local time (in the clock's zone) of each approved store's daily full
 *     reconciliation; default 03:00
 * @param fullSyncJitter each store starts its daily pass within this window after {@code dailyFullSyncAt},
 *     at an offset derived from its id; default 1 hour
 * @param incrementalInterval how often an incremental pass (with webhook repair) runs; default 15 minutes
 * @param orderPollInterval how often marketplace orders are polled; default 2 minutes
 * @param statusPollInterval how often the connection status is polled; default 5 minutes
 * @param webhookDebounce how long a product must receive no further webhook before it is synced (bursts
 *     coalesce); a product that keeps changing is synced at the latest five times this after its first
 *     webhook; default 2 seconds
 * @param shopConcurrency the most concurrent requests to one shop (shared hosting falls over easily);
 *     default 2
 * @param storeParallelism the most catalog passes (full, incremental, webhook) a node runs at once; its order and
 *     status polls run on threads of their own besides, so a long pass never delays another store's poll; default 16
 * @param retry how transient failures are retried
 * @param tickInterval how often the background loop started by {@link SyncEngine#start()} looks for due
 *     work (the webhook inbox, and the cluster tasks in the database); default 250 milliseconds
 * @param leaseDuration how long a store's work lease lasts before another node may take the store over
 *     (renewed every third of it while work runs); default 30 seconds
 * @param retention how long the engine keeps its history (runs, webhook deliveries, dead letters, one-time
 *     states) and how often it sweeps
 * @param passRetry how a failed full or incremental pass is made due again
 * @param adaptiveShopConcurrency whether each store's limit on shop requests in flight adapts to the shop
 *     (AIMD between 1 and {@code shopConcurrency}, see {@code ShopConcurrencyLimit}); false keeps it at
 *     {@code shopConcurrency}; default true
 * @param catalog what daily and webhook-triggered passes read (webhook batch window, rolling deep check)
 * @param cluster how nodes sharing the database watch each other (heartbeats of the work they run)
 */
public record EngineOptions(
        LocalTime dailyFullSyncAt,
        Duration fullSyncJitter,
        Duration incrementalInterval,
        Duration orderPollInterval,
        Duration statusPollInterval,
        Duration webhookDebounce,
        int shopConcurrency,
        int storeParallelism,
        Retry retry,
        Duration tickInterval,
        Duration leaseDuration,
        Retention retention,
        PassRetry passRetry,
        boolean adaptiveShopConcurrency,
        CatalogSchedule catalog,
        Cluster cluster) {

    public EngineOptions {
        Objects.requireNonNull(dailyFullSyncAt, "dailyFullSyncAt");
        notNegative(fullSyncJitter, "fullSyncJitter");
        positive(incrementalInterval, "incrementalInterval");
        positive(orderPollInterval, "orderPollInterval");
        positive(statusPollInterval, "statusPollInterval");
        notNegative(webhookDebounce, "webhookDebounce");
        if (shopConcurrency < 1) {
            throw new IllegalArgumentException("shopConcurrency must be at least 1, was " + shopConcurrency);
        }
        if (storeParallelism < 1) {
            throw new IllegalArgumentException("storeParallelism must be at least 1, was " + storeParallelism);
        }
        Objects.requireNonNull(retry, "retry");
        positive(tickInterval, "tickInterval");
        positive(leaseDuration, "leaseDuration");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(passRetry, "passRetry");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(cluster, "cluster");
    }

    /** The options before the cluster settings were configurable, with their defaults. */
    public EngineOptions(LocalTime dailyFullSyncAt, Duration fullSyncJitter, Duration incrementalInterval,
            Duration orderPollInterval, Duration statusPollInterval, Duration webhookDebounce, int shopConcurrency,
            int storeParallelism, Retry retry, Duration tickInterval, Duration leaseDuration, Retention retention,
            PassRetry passRetry, boolean adaptiveShopConcurrency, CatalogSchedule catalog) {
        this(dailyFullSyncAt, fullSyncJitter, incrementalInterval, orderPollInterval, statusPollInterval,
                webhookDebounce, shopConcurrency, storeParallelism, retry, tickInterval, leaseDuration, retention,
                passRetry, adaptiveShopConcurrency, catalog, Cluster.defaults());
    }

    /**
     * How the nodes sharing one database (see docs/scale-out.md) keep each store's work on exactly one of them.
     * Each store's periodic work is a task in the database; the node running one writes a heartbeat on it every
     * {@code heartbeatInterval}, and a task whose heartbeat is {@code missedHeartbeats} intervals old belongs to a
     * dead node: another node picks it up (after the store's work lease, {@link #leaseDuration()}, expired too).
     *
     * @param heartbeatInterval how often a node marks the tasks it runs as alive; default 5 seconds
     * @param missedHeartbeats after how many missed heartbeats a node's tasks are taken over; default 6
     */
    public record Cluster(Duration heartbeatInterval, int missedHeartbeats) {
        public Cluster {
            positive(heartbeatInterval, "heartbeatInterval");
            if (missedHeartbeats < 1) {
                throw new IllegalArgumentException("missedHeartbeats must be at least 1, was " + missedHeartbeats);
            }
        }

        /** A 5-second heartbeat, 6 missed ones (30 seconds) before a node's tasks go to another. */
        public static Cluster defaults() {
            return new Cluster(Duration.ofSeconds(5), 6);
        }

        /** How long a node is silent before its tasks go to another: the interval times the missed heartbeats. */
        public Duration silenceBeforeTakeOver() {
            return heartbeatInterval.multipliedBy(missedHeartbeats);
        }
    }

    /** The options before the catalog schedule was configurable, with its defaults. */
    public EngineOptions(LocalTime dailyFullSyncAt, Duration fullSyncJitter, Duration incrementalInterval,
            Duration orderPollInterval, Duration statusPollInterval, Duration webhookDebounce, int shopConcurrency,
            int storeParallelism, Retry retry, Duration tickInterval, Duration leaseDuration, Retention retention,
            PassRetry passRetry, boolean adaptiveShopConcurrency) {
        this(dailyFullSyncAt, fullSyncJitter, incrementalInterval, orderPollInterval, statusPollInterval,
                webhookDebounce, shopConcurrency, storeParallelism, retry, tickInterval, leaseDuration, retention,
                passRetry, adaptiveShopConcurrency, CatalogSchedule.defaults(), Cluster.defaults());
    }

    /**
     * What the daily full pass and webhook-triggered passes read, so that a day of syncing costs the shop little
     * (see docs/performance.md, "A day of syncing").
     *
     * @param webhookBatchWindow after a webhook-triggered pass of a store, its further webhooks wait until this long
     *     after it and are synced together (the first webhook after a quiet spell is synced after the debounce);
     *     {@link Duration#ZERO} syncs every burst on its own; default 10 minutes
     * @param deepCheckDays the daily full pass re-reads whole (variants included, whatever their version) the
     *     products whose turn it is, one of this many slices of the catalog a day, so drift no shop timestamp
     *     reveals is repaired within this many days; the other products are read whole only when their version
     *     changed; 1 reads every product whole every day; default 7
     */
    public record CatalogSchedule(Duration webhookBatchWindow, int deepCheckDays) {
        public CatalogSchedule {
            notNegative(webhookBatchWindow, "webhookBatchWindow");
            if (deepCheckDays < 1 || deepCheckDays > 366) {
                throw new IllegalArgumentException("deepCheckDays must be between 1 and 366, was " + deepCheckDays);
            }
        }

        /** A 10-minute webhook batch window and a 7-day deep check. */
        public static CatalogSchedule defaults() {
            return new CatalogSchedule(Duration.ofMinutes(10), 7);
        }
    }

    /** The options before retention and pass retries were configurable, with their defaults. */
    public EngineOptions(LocalTime dailyFullSyncAt, Duration fullSyncJitter, Duration incrementalInterval,
            Duration orderPollInterval, Duration statusPollInterval, Duration webhookDebounce, int shopConcurrency,
            int storeParallelism, Retry retry, Duration tickInterval, Duration leaseDuration) {
        this(dailyFullSyncAt, fullSyncJitter, incrementalInterval, orderPollInterval, statusPollInterval,
                webhookDebounce, shopConcurrency, storeParallelism, retry, tickInterval, leaseDuration,
                Retention.defaults(), PassRetry.defaults(), true, CatalogSchedule.defaults(),
                Cluster.defaults());
    }

    /**
     * How long the engine keeps its history; a sweep on the engine's clock, started from the background loop
     * (and from {@link SyncEngine#runDueWork()}) at most every {@code sweepInterval}, deletes what is older,
     * at most {@code batchSize} rows per transaction so that a big table is never locked for long.
     *
     * @param runs how long finished runs are kept, by start time; default 30 days
     * @param runsKeptPerKind the newest runs of each kind every store keeps however old they are (the last
     *     successful full pass is always kept too); default 20
     * @param webhookDeliveries how long a handled webhook delivery is remembered to drop a redelivery; far
     *     beyond the remotes' redelivery windows (Golisto refuses a delivery signed more than 5 minutes ago;
     *     WooCommerce does not retry); default 7 days
     * @param replayedDeadLetters how long a dead letter is kept after its last replay (that did not get it
     *     through, and nothing failed it again since); default 30 days
     * @param pendingDeadLetters how long a dead letter never replayed is kept after it was first recorded;
     *     default 90 days
     * @param oneTimeStates how long a connect or key-grant state is kept after it was used or expired (it is
     *     refused either way); default 1 day
     * @param sweepInterval how often the sweep runs; default 1 hour
     * @param batchSize the most rows one delete transaction removes; default 1000
     */
    public record Retention(Duration runs, int runsKeptPerKind, Duration webhookDeliveries,
            Duration replayedDeadLetters, Duration pendingDeadLetters, Duration oneTimeStates, Duration sweepInterval,
            int batchSize) {
        public Retention {
            positive(runs, "retention runs");
            if (runsKeptPerKind < 0) {
                throw new IllegalArgumentException("retention runsKeptPerKind must not be negative, was "
                        + runsKeptPerKind);
            }
            positive(webhookDeliveries, "retention webhookDeliveries");
            positive(replayedDeadLetters, "retention replayedDeadLetters");
            positive(pendingDeadLetters, "retention pendingDeadLetters");
            positive(oneTimeStates, "retention oneTimeStates");
            positive(sweepInterval, "retention sweepInterval");
            if (batchSize < 1) {
                throw new IllegalArgumentException("retention batchSize must be at least 1, was " + batchSize);
            }
        }

        /** Runs 30 days (the newest 20 per kind kept), deliveries 7 days, dead letters 30/90 days, states 1 day. */
        public static Retention defaults() {
            return new Retention(Duration.ofDays(30), 20, Duration.ofDays(7), Duration.ofDays(30),
                    Duration.ofDays(90), Duration.ofDays(1), Duration.ofHours(1), 1000);
        }
    }

    /**
     * How a full or incremental pass that failed (its remote calls ran out of time budget, a remote was
     * down, the process was killed during it) is made due again: after {@code first}, then twice as long
     * after each further failure, at most {@code max}; each wait is shortened by up to half at an amount
     * derived from the store id and the attempt (so stores spread out and every node agrees). A pass that
     * succeeds resets the wait to {@code first}.
     *
     * @param first the longest wait before the first retry; default 1 minute
     * @param max the longest wait between retries; default 30 minutes
     */
    public record PassRetry(Duration first, Duration max) {
        public PassRetry {
            positive(first, "pass retry first");
            positive(max, "pass retry max");
            if (max.compareTo(first) < 0) {
                throw new IllegalArgumentException("pass retry max " + max + " is below first " + first);
            }
        }

        /** First retry within 1 minute, doubling, at most 30 minutes apart. */
        public static PassRetry defaults() {
            return new PassRetry(Duration.ofMinutes(1), Duration.ofMinutes(30));
        }
    }

    /**
     * How transient failures (429, 5xx, timeouts, resets) of one remote call are retried: exponential
     * backoff from {@code initialBackoff} to {@code maxBackoff} with random jitter, never sooner than a
     * remote's Retry-After, for as long as the call's {@code requestBudget} allows. When the next wait
     * would end after the budget the call fails (and its pass is retried later, see {@link PassRetry}).
     *
     * @param maxAttempts attempts per call in total, at least 1; {@link Integer#MAX_VALUE} (the default)
     *     for no limit but the budget
     * @param initialBackoff the first wait; default 500 milliseconds
     * @param maxBackoff the longest computed wait (a Retry-After may ask for more); default 30 seconds
     * @param jitter how much each wait varies at random, from 0 to 1; default 0.25
     * @param requestBudget how long one call may take with its retries and waits; default 2 minutes
     */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
            Duration requestBudget) {
        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("retry maxAttempts must be at least 1, was " + maxAttempts);
            }
            notNegative(initialBackoff, "retry initialBackoff");
            notNegative(maxBackoff, "retry maxBackoff");
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("retry maxBackoff " + maxBackoff + " is below initialBackoff "
                        + initialBackoff);
            }
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("retry jitter must be between 0 and 1, was " + jitter);
            }
            positive(requestBudget, "retry requestBudget");
        }

        /** At most {@code maxAttempts} attempts, within the default budget of 2 minutes. */
        public Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {
            this(maxAttempts, initialBackoff, maxBackoff, jitter, DEFAULT_REQUEST_BUDGET);
        }

        /** No attempt limit, 500 ms to 30 s, 25 % jitter, a 2-minute budget per call. */
        public static Retry defaults() {
            return new Retry(Integer.MAX_VALUE, Duration.ofMillis(500), Duration.ofSeconds(30), 0.25,
                    DEFAULT_REQUEST_BUDGET);
        }

        /** With another time budget per call. */
        public Retry withRequestBudget(Duration budget) {
            return new Retry(maxAttempts, initialBackoff, maxBackoff, jitter, budget);
        }
    }

    /** The default time budget of one remote call with its retries. */
    static final Duration DEFAULT_REQUEST_BUDGET = Duration.ofMinutes(2);

    /** The defaults described on each component. */
    public static EngineOptions defaults() {
        return new EngineOptions(LocalTime.of(3, 0), Duration.ofHours(1), Duration.ofMinutes(15),
                Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofSeconds(2), 2, 16, Retry.defaults(),
                Duration.ofMillis(250), Duration.ofSeconds(30), Retention.defaults(), PassRetry.defaults(), true,
                CatalogSchedule.defaults(), Cluster.defaults());
    }

    /** With another daily full-sync time and jitter window. */
    public EngineOptions withDailyFullSync(LocalTime at, Duration jitter) {
        return new EngineOptions(at, jitter, incrementalInterval, orderPollInterval, statusPollInterval,
                webhookDebounce, shopConcurrency, storeParallelism, retry, tickInterval, leaseDuration, retention,
                passRetry, adaptiveShopConcurrency, catalog,
                cluster);
    }

    /** With other incremental, order-poll and status-poll intervals. */
    public EngineOptions withIntervals(Duration incremental, Duration orderPoll, Duration statusPoll) {
        return new EngineOptions(dailyFullSyncAt, fullSyncJitter, incremental, orderPoll, statusPoll,
                webhookDebounce, shopConcurrency, storeParallelism, retry, tickInterval, leaseDuration, retention,
                passRetry, adaptiveShopConcurrency, catalog,
                cluster);
    }

    /** With another catalog schedule (webhook batch window, deep check). */
    public EngineOptions withCatalogSchedule(CatalogSchedule newCatalog) {
        return new EngineOptions(dailyFullSyncAt, fullSyncJitter, incrementalInterval, orderPollInterval,
                statusPollInterval, webhookDebounce, shopConcurrency, storeParallelism, retry, tickInterval,
                leaseDuration, retention, passRetry, adaptiveShopConcurrency, newCatalog,
                cluster);
    }

    /** With another webhook debounce. */
    public EngineOptions withWebhookDebounce(Duration debounce) {
        return new EngineOptions(dailyFullSyncAt, fullSyncJitter, incrementalInterval, orderPollInterval,
                statusPollInterval, debounce, shopConcurrency, storeParallelism, retry, tickInterval, leaseDuration,
                retention, passRetry, adaptiveShopConcurrency, catalog,
                cluster);
    }

    /** With other concurrency limits. */
    public EngineOptions withConcurrency(int newShopConcurrency, int newStoreParallelism) {
        return new EngineOptions(dailyFullSyncAt, fullSyncJitter, incrementalInterval, orderPollInterval,
                statusPollInterval, webhookDebounce, newShopConcurrency, newStoreParallelism, retry, tickInterval,
                leaseDuration, retention, passRetry, adaptiveShopConcurrency, catalog,
                cluster);
    }

    /** With other retry settings. */
    public EngineOptions withRetry(Retry newRetry) {
        return new EngineOptions(dailyFullSyncAt, fullSyncJitter, incrementalInterval, orderPollInterval,
                statusPollInterval, webhookDebounce, shopConcurrency, storeParallelism, newRetry, tickInterval,
                leaseDuration, retention, passRetry, adaptiveShopConcurrency, catalog,
                cluster);
    }

    /** With another background tick interval and lease duration. */
    public EngineOptions withTiming(Duration newTickInterval, Duration newLeaseDuration) {
        return new EngineOptions(dailyFullSyncAt, fullSyncJitter, incrementalInterval, orderPollInterval,
                statusPollInterval, webhookDebounce, shopConcurrency, storeParallelism, retry, newTickInterval,
                newLeaseDuration, retention, passRetry, adaptiveShopConcurrency, catalog,
                cluster);
    }

    /** With another retention of the engine's history. */
    public EngineOptions withRetention(Retention newRetention) {
        return new EngineOptions(dailyFullSyncAt, fullSyncJitter, incrementalInterval, orderPollInterval,
                statusPollInterval, webhookDebounce, shopConcurrency, storeParallelism, retry, tickInterval,
                leaseDuration, newRetention, passRetry, adaptiveShopConcurrency, catalog,
                cluster);
    }

    /** With other pass retry waits. */
    public EngineOptions withPassRetry(PassRetry newPassRetry) {
        return new EngineOptions(dailyFullSyncAt, fullSyncJitter, incrementalInterval, orderPollInterval,
                statusPollInterval, webhookDebounce, shopConcurrency, storeParallelism, retry, tickInterval,
                leaseDuration, retention, newPassRetry, adaptiveShopConcurrency, catalog,
                cluster);
    }

    /** With the shop concurrency adapting to each shop (true, the default) or fixed at {@code shopConcurrency}. */
    public EngineOptions withAdaptiveShopConcurrency(boolean adaptive) {
        return new EngineOptions(dailyFullSyncAt, fullSyncJitter, incrementalInterval, orderPollInterval,
                statusPollInterval, webhookDebounce, shopConcurrency, storeParallelism, retry, tickInterval,
                leaseDuration, retention, passRetry, adaptive, catalog, cluster);
    }

    /** With other cluster settings (heartbeats of the work a node runs). */
    public EngineOptions withCluster(Cluster newCluster) {
        return new EngineOptions(dailyFullSyncAt, fullSyncJitter, incrementalInterval, orderPollInterval,
                statusPollInterval, webhookDebounce, shopConcurrency, storeParallelism, retry, tickInterval,
                leaseDuration, retention, passRetry, adaptiveShopConcurrency, catalog, newCluster);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void notNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
