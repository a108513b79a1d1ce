package com.golisto.sync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EndToEndBenchmarkTest {

    private static final List<String> FIELDS = List.of("scenario", "products", "variations", "changed", "seconds",
            "engine_cpu_seconds", "requests_shop", "requests_marketplace", "shop_writes", "marketplace_writes", "requests_lower_bound",
            "lower_bound_shop", "lower_bound_marketplace", "ratio_to_lower_bound", "heap_peak_mb",
            "heap_pool_peaks_mb", "heap_after_gc_peak_mb", "heap_retained_mb", "gc_count", "gc_seconds",
            "max_heap_mb", "consistent", "engine_counts", "shop_routes", "marketplace_routes", "lower_bound_how");

    @Test
    void run_tinyCatalog_printsOneCompleteLinePerScenarioAndTheUnchangedFullSyncWritesNothing() throws Exception {
        List<String> lines = new ArrayList<>();
        BenchmarkOptions options = BenchmarkOptions.parse(
                "--sizes", "50", "--fixed-changes", "3", "--webhooks", "5", "--in-process");

        EndToEndBenchmark.run(options, lines::add, line -> { });

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).doesNotContain("\n");
            parsed.add(json.readTree(line));
        }
        Map<String, JsonNode> byScenario = parsed.stream()
                .collect(Collectors.toMap(n -> n.path("scenario").asText(), Function.identity()));
        assertThat(byScenario).containsOnlyKeys("feed_push", "full_first", "full_unchanged", "incremental",
                "incremental_fixed", "webhooks", "day");
        assertThat(parsed.get(0).path("scenario").asText()).isEqualTo("feed_push");
        assertThat(parsed.get(parsed.size() - 1).path("scenario").asText()).isEqualTo("day");
        for (JsonNode line : parsed) {
            assertThat(line.fieldNames()).toIterable().containsAll(FIELDS);
            assertThat(line.path("products").asInt()).isEqualTo(50);
            assertThat(line.path("variations").asInt()).isEqualTo(150);
            assertThat(line.path("consistent").asBoolean()).as(line.toString()).isTrue();
            assertThat(line.path("requests_lower_bound").asLong()).isPositive();
            assertThat(line.path("requests_shop").asLong() + line.path("requests_marketplace").asLong())
                    .as("no scenario can beat the APIs' lower bound: %s", line)
                    .isGreaterThanOrEqualTo(line.path("requests_lower_bound").asLong());
            assertThat(line.path("heap_peak_mb").asDouble()).isPositive()
                    .isLessThanOrEqualTo(line.path("max_heap_mb").asDouble());
        }

        JsonNode first = byScenario.get("full_first");
        assertThat(first.path("engine_counts").path("created").asLong()).isEqualTo(50);
        assertThat(first.path("marketplace_routes").path("POST /api/woocommerce/catalog/batch").asLong())
                .isEqualTo(1);

        JsonNode unchanged = byScenario.get("full_unchanged");
        assertThat(unchanged.path("marketplace_writes").asLong()).isZero();
        assertThat(unchanged.path("lower_bound_marketplace").asLong()).isZero();
        assertThat(unchanged.path("engine_counts").path("unchanged").asLong()).isEqualTo(50);
        assertThat(unchanged.path("engine_counts").path("created").asLong()
                + unchanged.path("engine_counts").path("updated").asLong()
                + unchanged.path("engine_counts").path("deleted").asLong()).isZero();

        JsonNode incremental = byScenario.get("incremental");
        assertThat(incremental.path("changed").asInt()).isEqualTo(1);
        assertThat(incremental.path("marketplace_writes").asLong()).isPositive();
        assertThat(byScenario.get("webhooks").path("changed").asInt()).isEqualTo(5);

        // 50 products: 1 page, 15 variable products with 1 variations page each, 1 catalog batch of 50
        JsonNode feedPush = byScenario.get("feed_push");
        assertThat(feedPush.path("shop_routes").path("GET /wp-json/wc/v3/products").asLong()).isEqualTo(1);
        assertThat(feedPush.path("requests_shop").asLong()).isEqualTo(1 + 15);
        assertThat(feedPush.path("requests_marketplace").asLong()).isEqualTo(1);
        assertThat(feedPush.path("engine_counts").path("pushed").asLong()).isEqualTo(50);
        assertThat(feedPush.path("ratio_to_feed_push_total").asDouble()).isEqualTo(1.0);

        JsonNode day = byScenario.get("day");
        assertThat(day.path("details").path("runs_full").asLong()).isEqualTo(1);
        // 96 intervals of 15 minutes: the daily full pass takes the place of the incremental pass due with it
        assertThat(day.path("details").path("runs_incremental").asLong()).isEqualTo(95);
        assertThat(day.path("details").path("deletions_gone").asLong())
                .isEqualTo(day.path("details").path("deletions").asLong());
        assertThat(day.path("requests_total").asLong()).isEqualTo(
                day.path("requests_shop").asLong() + day.path("requests_marketplace").asLong());
        assertThat(day.path("ratio_to_feed_push_shop").asDouble()).isEqualTo(ratio(day, feedPush, "requests_shop"));
        assertThat(day.path("ratio_to_feed_push_marketplace").asDouble())
                .isEqualTo(ratio(day, feedPush, "requests_marketplace"));
        assertThat(day.path("ratio_to_feed_push_total").asDouble()).isEqualTo(ratio(day, feedPush, "requests_total"));
    }

    @Test
    void run_dayOfTwoHundredProducts_changesTwoAtEachKindShareAndChecksEveryGuarantee() throws Exception {
        List<String> lines = new ArrayList<>();
        BenchmarkOptions options = BenchmarkOptions.parse(
                "--sizes", "400", "--fixed-changes", "2", "--webhooks", "2", "--in-process");

        EndToEndBenchmark.run(options, lines::add, line -> { });

        JsonNode day = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(day.path("scenario").asText()).isEqualTo("day");
        assertThat(day.path("consistent").asBoolean()).as(day.toString()).isTrue();
        // 1% of 400: 2 with webhook, 1 with the webhook lost, 1 permanent delete, no direct edit
        assertThat(day.path("changed").asInt()).isEqualTo(4);
        assertThat(day.path("details").path("changes_webhook").asLong()).isEqualTo(2);
        assertThat(day.path("details").path("changes_webhook_lost").asLong()).isEqualTo(1);
        assertThat(day.path("details").path("deletions").asLong()).isEqualTo(1);
        assertThat(day.path("details").path("deletions_gone").asLong()).isEqualTo(1);
        assertThat(day.path("details").path("listings").asLong()).isEqualTo(399);
    }

    private static double ratio(JsonNode scenario, JsonNode baseline, String field) {
        return Math.round(scenario.path(field).asLong() * 10_000.0 / baseline.path(field).asLong()) / 10_000.0;
    }
}
