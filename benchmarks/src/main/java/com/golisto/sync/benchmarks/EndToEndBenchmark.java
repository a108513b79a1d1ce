package com.golisto.sync.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The end-to-end benchmark: the real engine with the real WooCommerce and Golisto connectors against the
 * sandbox emulators over loopback HTTP, state in a temporary HSQLDB file database. For each catalog size
 * it runs, in order:
 * <ol>
 *   <li>{@code feed_push}: the baseline, a naive integration that reads the whole catalog and writes every
 *       listing ({@link FeedPush}), before the engine connects;</li>
 *   <li>{@code full_first}: approval and the first full sync (10,000 products carry 30,000 variations);</li>
 *   <li>{@code full_unchanged}: a second full sync with nothing changed, which must write nothing;</li>
 *   <li>{@code incremental}: an incremental sync after 1% of the products changed (half price, half stock);</li>
 *   <li>{@code incremental_fixed}: the same after 100 products changed, at every catalog size, to show
 *       that an incremental sync's requests depend on what changed, not on the catalog's size;</li>
 *   <li>{@code webhooks}: 100 different products changed, each announced by its webhook, until the
 *       marketplace shows them all;</li>
 *   <li>{@code day}: 24 hours of the default schedule with 1% of the products changing ({@link DayScenario}),
 *       with its requests also as ratios to the feed push's,</li>
 * </ol>
 * and prints one JSON line per scenario on stdout (see {@link ScenarioResult#toJson()}); progress goes to
 * stderr. Run it with {@code bin/bench}; docs/performance.md explains the numbers.
 */
public final class EndToEndBenchmark {

    private EndToEndBenchmark() {
    }

    /**
     * Runs the benchmark from the command line.
     *
     * @param args see {@link BenchmarkOptions#USAGE}
     */
    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        List<ScenarioResult> results = run(options, line -> out.println(line), System.err::println);
        boolean failed = results.stream().anyMatch(r -> !r.consistent());
        System.exit(failed ? 1 : 0);
    }

    /**
     * Runs every scenario at every size.
     *
     * @param options what to run
     * @param jsonLines receives one JSON line per scenario, as soon as it finished
     * @param progress receives human-readable progress lines
     * @return the results, in order
     */
    static List<ScenarioResult> run(BenchmarkOptions options, Consumer<String> jsonLines, Consumer<String> progress)
            throws Exception {
        List<ScenarioResult> results = new ArrayList<>();
        for (int size : options.sizes()) {
            progress.accept("== " + size + " products: seeding the emulators"
                    + (options.inProcess() ? " (in this JVM)" : " (in a child JVM)"));
            try (Emulators emulators = options.inProcess()
                    ? LocalEmulators.start(size, options.seed())
                    : RemoteEmulators.start(size, options.seed(), options.emulatorHeap())) {
                Consumer<ScenarioResult> emit = result -> {
                    results.add(result);
                    jsonLines.accept(result.toJson());
                };
                // before the engine connects: the feed push has a connection of its own and leaves no state
                ScenarioResult feedPush = FeedPush.run(emulators, progress);
                emit.accept(feedPush);
                try (CatalogScenarios scenarios = CatalogScenarios.connect(emulators, progress)) {
                    scenarios(scenarios, options, size, emit);
                    int changed = (int) Math.max(1, Math.round(size * options.changedShare()));
                    emit.accept(scenarios.day(changed, options.seed(), feedPush.requests()));
                }
            }
        }
        return results;
    }

    /** The engine's scenarios before the day, in order. */
    private static void scenarios(CatalogScenarios scenarios, BenchmarkOptions options, int size,
            Consumer<ScenarioResult> emit) throws Exception {
        emit.accept(scenarios.fullFirst());
        emit.accept(scenarios.fullUnchanged());
        int changed = (int) Math.max(1, Math.round(size * options.changedShare()));
        emit.accept(scenarios.incremental("incremental", changed));
        emit.accept(scenarios.incremental("incremental_fixed", Math.min(size, options.fixedChanges())));
        emit.accept(scenarios.webhooks(options.webhooks()));
    }
}
