package com.golisto.sync.benchmarks;

import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.sandbox.http.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@code day} scenario: 24 hours of the engine's default catalog schedule on the test clocks, with 1%
 * of the products changing at seeded random instants spread over the day. The engine runs with
 * {@link EngineOptions#defaults()} (daily full pass at 03:00 plus the store's jitter, an incremental pass
 * every 15 minutes, the default webhook debounce), except that order and status polls are a week apart:
 * a feed push imports no orders, so they are left out of the comparison.
 *
 * <p>Before the day the schedule runs (not measured) until its daily full pass has completed, so the day
 * starts right after a complete full sync and its own daily full pass falls at its end, 24 hours later:
 * every permanent delete of the day then happened less than 24 hours before it. During the day the clocks
 * move in steps of one minute, and to each change's instant; after each webhook the clocks move past the
 * debounce and a tick, as the background loop would see it. At every step {@link SyncEngine#runDueWork()}
 * lets the engine's own schedule decide what runs. Of the changes, half are saves whose webhook is
 * delivered, a quarter saves whose webhook is lost, and the last quarter is split between permanent deletes
 * (no webhook) and direct database edits (neither date_modified nor webhook), which only a deep check finds.
 */
final class DayScenario {

    /** The defaults, with order and status polls a week apart. */
    static final EngineOptions OPTIONS = EngineOptions.defaults().withIntervals(
            EngineOptions.defaults().incrementalInterval(), Duration.ofDays(7), Duration.ofDays(7));
    static final Duration DAY = Duration.ofDays(1);
    static final Duration STEP = Duration.ofMinutes(1);
    /** The debounce plus one tick of the background loop, in whole seconds (the emulator clock's unit). */
    private static final Duration AFTER_WEBHOOK = Duration.ofSeconds(
            (OPTIONS.webhookDebounce().plus(OPTIONS.tickInterval()).toMillis() + 999) / 1000);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);

    /** One planned change: when in the day, what, and to which generated product. */
    record Planned(Duration at, DayChange.Kind kind, int index) {
    }

    private final Emulators emulators;
    private final SyncEngine engine;
    private final MutableClock clock;
    private final WebhookEndpoint endpoint;
    private final HeapMeter heap;
    private final Consumer<String> progress;
    private final List<RunView> runs = new ArrayList<>();
    private long lastRunSeen;

    DayScenario(Emulators emulators, SyncEngine engine, MutableClock clock, WebhookEndpoint endpoint, HeapMeter heap,
            Consumer<String> progress) {
        this.emulators = emulators;
        this.engine = engine;
        this.clock = clock;
        this.endpoint = endpoint;
        this.heap = heap;
        this.progress = progress;
    }

    /**
     * Runs the day.
     *
     * @param count products changed during the day
     * @param seed the plan's seed
     * @param feedPush the feed push's counts of the same run, for the ratios; null when it did not run
     */
    ScenarioResult run(int count, long seed, @Nullable RequestCounts feedPush) throws InterruptedException {
        CatalogShape shape = emulators.shape();
        List<Planned> plan = plan(count, seed, shape.products());
        progress.accept("-- day: the default schedule until its daily full pass, then 24 hours with " + count
                + " products changing (" + count(plan, DayChange.Kind.WEBHOOK) + " with webhook, "
                + count(plan, DayChange.Kind.LOST) + " webhook lost, " + count(plan, DayChange.Kind.DELETE)
                + " deleted, " + count(plan, DayChange.Kind.DIRECT) + " direct edits)");
        lastRunSeen = engine.recentRuns(CatalogScenarios.STORE, 1).stream().mapToLong(r -> r.id().value()).max()
                .orElse(0);
        untilDailyFullPass();
        runs.clear();

        emulators.resetCounts();
        heap.start();
        long startNanos = System.nanoTime();
        long startCpu = CatalogScenarios.processCpuNanos();
        Instant start = clock.instant();
        Instant end = start.plus(DAY);
        List<DayChange> changes = new ArrayList<>();
        int next = 0;
        while (clock.instant().isBefore(end)) {
            Instant stepEnd = clock.instant().plus(STEP).isAfter(end) ? end : clock.instant().plus(STEP);
            while (next < plan.size() && !start.plus(plan.get(next).at()).isAfter(stepEnd)) {
                Planned change = plan.get(next);
                moveTo(start.plus(change.at()));
                long accepted = endpoint.shopAccepted();
                changes.add(emulators.dayChange(change.kind(), change.index(), next));
                if (change.kind() == DayChange.Kind.WEBHOOK) {
                    awaitDelivery(accepted);
                    move(AFTER_WEBHOOK);
                    engine.runDueWork();
                    collect();
                }
                next++;
            }
            moveTo(stepEnd);
            engine.runDueWork();
            collect();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpuSeconds = (CatalogScenarios.processCpuNanos() - startCpu) / 1e9;
        HeapMeter.HeapPeak peak = heap.stop();
        RequestCounts counts = emulators.counts();
        DayCheck check = emulators.dayCheck();
        return result(shape, plan, changes, check, counts, peak, seconds, cpuSeconds, feedPush);
    }

    private ScenarioResult result(CatalogShape shape, List<Planned> plan, List<DayChange> changes, DayCheck check,
            RequestCounts counts, HeapMeter.HeapPeak peak, double seconds, double cpuSeconds,
            @Nullable RequestCounts feedPush) {
        Map<String, Long> byKind = new HashMap<>();
        runs.forEach(r -> byKind.merge("runs_" + r.kind().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
        List<String> failures = runs.stream().filter(r -> r.status() != RunStatus.SUCCEEDED)
                .map(r -> r.kind() + " run " + r.id() + " " + r.status() + r.failure().map(f -> ": " + f).orElse(""))
                .toList();
        failures.forEach(f -> progress.accept("   " + f));
        long fullPasses = byKind.getOrDefault("runs_full", 0L);
        if (fullPasses != 1) {
            progress.accept("   the day held " + fullPasses + " daily full passes, not 1");
        }
        if (check.difference() != null) {
            progress.accept("   marketplace differs from the shop: " + check.difference());
        }
        int bursts = webhookBursts(plan);
        Map<String, Long> details = new HashMap<>(byKind);
        details.put("changes_webhook", count(plan, DayChange.Kind.WEBHOOK));
        details.put("changes_webhook_lost", count(plan, DayChange.Kind.LOST));
        details.put("deletions", (long) check.deletions());
        details.put("deletions_gone", (long) check.deletionsGone());
        details.put("direct_edits", (long) check.directEdits());
        details.put("direct_edits_repaired", (long) check.directRepaired());
        details.put("webhook_bursts", (long) bursts);
        details.put("listings", (long) check.listings());
        // one of the day's intervals is covered by the daily listing of every product page
        int polls = (int) (DAY.toMinutes() / OPTIONS.incrementalInterval().toMinutes()) - 1;
        LowerBound bound = LowerBound.day(shape, polls, bursts, changes);
        boolean consistent = check.difference() == null && failures.isEmpty() && fullPasses == 1;
        progress.accept(String.format("   %.1f s, %d shop + %d marketplace requests (lower bound %d), %d of %d direct "
                        + "edits repaired, heap peak %.0f MB", seconds, counts.shopTotal(), counts.marketplaceTotal(),
                bound.total(), check.directRepaired(), check.directEdits(), peak.sampledPeakMb()));
        return new ScenarioResult("day", shape, changes.size(), seconds, cpuSeconds, counts, bound, peak,
                CatalogScenarios.engineCounts(runs), consistent, feedPush, details);
    }

    /** Runs the schedule, unmeasured, until the daily full pass it starts has completed. */
    private void untilDailyFullPass() throws InterruptedException {
        Instant limit = clock.instant().plus(DAY).plus(OPTIONS.fullSyncJitter()).plus(STEP);
        while (true) {
            if (clock.instant().isAfter(limit)) {
                throw new IllegalStateException("the default schedule started no full pass within a day");
            }
            move(STEP);
            engine.runDueWork();
            for (RunView run : collect()) {
                if (run.kind() == RunKind.FULL) {
                    if (run.status() != RunStatus.SUCCEEDED) {
                        throw new IllegalStateException("the daily full pass before the day " + run.status()
                                + run.failure().map(f -> ": " + f).orElse(""));
                    }
                    return;
                }
            }
        }
    }

    /** The seeded plan: distinct products, kinds in the scenario's shares, instants spread over the day. */
    static List<Planned> plan(int count, long seed, int products) {
        if (count < 1 || count > products) {
            throw new IllegalArgumentException("can change 1 to " + products + " products a day, not " + count);
        }
        SplittableRandom random = new SplittableRandom(seed * 7_919L + products);
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(random.nextInt(products));
        }
        int webhook = count / 2;
        int lost = count / 4;
        int deletions = (count - webhook - lost + 1) / 2;
        List<Planned> plan = new ArrayList<>(count);
        int i = 0;
        for (int index : chosen) {
            DayChange.Kind kind = i < webhook ? DayChange.Kind.WEBHOOK
                    : i < webhook + lost ? DayChange.Kind.LOST
                    : i < webhook + lost + deletions ? DayChange.Kind.DELETE : DayChange.Kind.DIRECT;
            plan.add(new Planned(Duration.ofSeconds(random.nextLong(DAY.toSeconds())), kind, index));
            i++;
        }
        plan.sort(Comparator.comparing(Planned::at));
        return plan;
    }

    /**
     * Webhook changes the engine's guarantee lets it sync together: a new burst when the webhook comes the batch window
     * (at least the debounce) or more after the current burst's first.
     */
    static int webhookBursts(List<Planned> plan) {
        // a burst opens with a webhook that comes a batch window (at least the debounce) after the previous burst
        // opened; the webhooks inside the window are synced with it, as the engine's guarantee allows
        Duration window = OPTIONS.catalog().webhookBatchWindow().compareTo(OPTIONS.webhookDebounce()) > 0
                ? OPTIONS.catalog().webhookBatchWindow() : OPTIONS.webhookDebounce();
        int bursts = 0;
        Duration opened = null;
        for (Planned change : plan) {
            if (change.kind() != DayChange.Kind.WEBHOOK) {
                continue;
            }
            if (opened == null || change.at().minus(opened).compareTo(window) >= 0) {
                bursts++;
                opened = change.at();
            }
        }
        return bursts;
    }

    private static long count(List<Planned> plan, DayChange.Kind kind) {
        return plan.stream().filter(p -> p.kind() == kind).count();
    }

    /** The runs that started since the last call, oldest first. */
    private List<RunView> collect() {
        List<RunView> fresh = new ArrayList<>(engine.recentRuns(CatalogScenarios.STORE, 200).stream()
                .filter(r -> r.id().value() > lastRunSeen).toList());
        fresh.sort(Comparator.comparingLong(r -> r.id().value()));
        if (!fresh.isEmpty()) {
            lastRunSeen = fresh.get(fresh.size() - 1).id().value();
        }
        runs.addAll(fresh);
        return fresh;
    }

    private void moveTo(Instant target) {
        if (target.isAfter(clock.instant())) {
            move(Duration.between(clock.instant(), target));
        }
    }

    /** Moves the emulators' clock and the engine's together. */
    private void move(Duration amount) {
        emulators.advance(amount);
        clock.advance(amount);
    }

    private void awaitDelivery(long before) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (endpoint.shopAccepted() == before && System.nanoTime() < deadline) {
            Thread.sleep(1); // the delivery comes from the shop's own thread
        }
        if (endpoint.shopAccepted() == before) {
            progress.accept("   a webhook the day delivered did not arrive");
        }
    }
}
