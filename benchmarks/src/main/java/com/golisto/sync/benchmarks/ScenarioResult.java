package com.golisto.sync.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one scenario measured; {@link #toJson()} is the one JSON line the benchmark prints for it.
 *
 * @param scenario the scenario's name, e.g. {@code full_first}
 * @param shape the catalog it ran on
 * @param changed products changed before the scenario, 0 for full syncs
 * @param seconds wall time of the sync, from the call until the marketplace holds the result
 * @param cpuSeconds CPU time this JVM used meanwhile (the engine's; the emulators' too when they run in
 *     this JVM)
 * @param requests the emulators' request counts during the scenario
 * @param lowerBound the fewest requests the APIs allow for the same work
 * @param heap the heap used during the scenario
 * @param engineCounts the counts the engine reported for its run(s) (read, created, ...), by name
 * @param consistent whether the marketplace afterwards equals the shop (checked on the emulators)
 * @param feedPush the {@code feed_push} scenario's request counts of the same run, for the ratios to it;
 *     null when the scenario is not compared with the feed push
 * @param details scenario-specific numbers (the day's changes by kind, repairs), printed as {@code details}
 */
record ScenarioResult(
        String scenario,
        CatalogShape shape,
        int changed,
        double seconds,
        double cpuSeconds,
        RequestCounts requests,
        LowerBound lowerBound,
        HeapMeter.HeapPeak heap,
        Map<String, Long> engineCounts,
        boolean consistent,
        @Nullable RequestCounts feedPush,
        Map<String, Long> details) {

    private static final ObjectMapper JSON = new ObjectMapper();

    ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(lowerBound, "lowerBound");
        Objects.requireNonNull(heap, "heap");
        engineCounts = Map.copyOf(engineCounts);
        details = Map.copyOf(details);
    }

    /** This result compared with the feed push's request counts. */
    ScenarioResult comparedWith(RequestCounts baseline) {
        return new ScenarioResult(scenario, shape, changed, seconds, cpuSeconds, requests, lowerBound, heap,
                engineCounts, consistent, baseline, details);
    }

    /** The scenario as one line of JSON (no line break inside). */
    String toJson() {
        ObjectNode line = JSON.createObjectNode();
        line.put("scenario", scenario);
        line.put("products", shape.products());
        line.put("variations", shape.variations());
        line.put("changed", changed);
        line.put("seconds", Math.round(seconds * 1000) / 1000.0);
        line.put("engine_cpu_seconds", Math.round(cpuSeconds * 1000) / 1000.0);
        long shopTotal = requests.shopTotal();
        long marketplaceTotal = requests.marketplaceTotal();
        line.put("requests_shop", shopTotal);
        line.put("requests_marketplace", marketplaceTotal);
        line.put("requests_total", shopTotal + marketplaceTotal);
        if (feedPush != null) {
            line.put("ratio_to_feed_push_shop", ratio(shopTotal, feedPush.shopTotal()));
            line.put("ratio_to_feed_push_marketplace", ratio(marketplaceTotal, feedPush.marketplaceTotal()));
            line.put("ratio_to_feed_push_total", ratio(shopTotal + marketplaceTotal,
                    feedPush.shopTotal() + feedPush.marketplaceTotal()));
        }
        line.put("shop_writes", RequestCounts.writes(requests.shop()));
        line.put("marketplace_writes", RequestCounts.writes(requests.marketplace()));
        line.put("requests_lower_bound", lowerBound.total());
        line.put("lower_bound_shop", lowerBound.shopReads());
        line.put("lower_bound_marketplace", lowerBound.marketplaceWrites());
        line.put("ratio_to_lower_bound", lowerBound.total() == 0 ? 0.0
                : Math.round((shopTotal + marketplaceTotal) * 1000.0 / lowerBound.total()) / 1000.0);
        line.put("heap_peak_mb", heap.sampledPeakMb());
        line.put("heap_pool_peaks_mb", heap.poolPeaksMb());
        if (heap.afterGcPeakMb() > 0) {
            line.put("heap_after_gc_peak_mb", heap.afterGcPeakMb());
        } else {
            line.putNull("heap_after_gc_peak_mb"); // no collection ran during the scenario
        }
        line.put("heap_retained_mb", heap.retainedMb());
        line.put("gc_count", heap.collections());
        line.put("gc_seconds", Math.round(heap.gcSeconds() * 1000) / 1000.0);
        line.put("max_heap_mb", heap.maxHeapMb());
        line.put("consistent", consistent);
        ObjectNode counts = line.putObject("engine_counts");
        new java.util.TreeMap<>(engineCounts).forEach(counts::put);
        ObjectNode shop = line.putObject("shop_routes");
        RequestCounts.sorted(requests.shop()).forEach(shop::put);
        ObjectNode marketplace = line.putObject("marketplace_routes");
        RequestCounts.sorted(requests.marketplace()).forEach(marketplace::put);
        if (!details.isEmpty()) {
            ObjectNode more = line.putObject("details");
            new java.util.TreeMap<>(details).forEach(more::put);
        }
        line.put("lower_bound_how", lowerBound.how());
        return line.toString();
    }

    /** {@code part / whole} to four decimals; 0 when there is no whole. */
    private static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
