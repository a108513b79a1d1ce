package com.golisto.sync.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * How the end-to-end benchmark runs; parsed from the command line by {@link #parse}.
 *
 * @param sizes the catalog sizes (products) to run every scenario at, in order
 * @param changedShare the share of products changed before the incremental scenario, and during the day
 *     scenario (0.01 = 1%)
 * @param fixedChanges the number of products changed before the second incremental scenario, the same at
 *     every catalog size (so that its request count can be compared across sizes)
 * @param webhooks how many different products the webhook scenario changes
 * @param seed the catalog generator's seed
 * @param inProcess run the emulators in this JVM (quick, for tests) instead of a child JVM
 * @param emulatorHeap the child JVM's {@code -Xmx}
 */
record BenchmarkOptions(List<Integer> sizes, double changedShare, int fixedChanges, int webhooks, long seed, boolean inProcess,
        String emulatorHeap) {

    static final String USAGE = """
            Usage: bin/bench [--sizes 10000,100000] [--changed 0.01] [--fixed-changes 100] [--webhooks 100] \
            [--seed 1] \
            [--in-process] [--emulator-heap 6g]
              --sizes          catalog sizes in products; every scenario runs at each (default 10000,100000)
              --changed        share of products changed before the incremental sync, and during the day
                               (default 0.01)
              --fixed-changes  products changed before the second incremental sync, at every size (default 100)
              --webhooks       products changed, one webhook each, in the webhook scenario (default 100)
              --seed           seed of the generated catalog (default 1)
              --in-process     run the emulators in the engine's JVM (their catalog then counts in the heap)
              --emulator-heap  -Xmx of the emulators' JVM (default 6g)
            Scenarios at each size, in order: feed_push (a naive integration pushing the whole feed, the
            baseline), full_first, full_unchanged, incremental, incremental_fixed, webhooks, and day (24 hours
            of the default schedule on the test clocks, with ratios to feed_push).
            Prints one JSON line per scenario on stdout; progress goes to stderr.""";

    BenchmarkOptions {
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("--sizes needs one or more positive catalog sizes");
        }
        if (!(changedShare > 0 && changedShare <= 1)) {
            throw new IllegalArgumentException("--changed must be above 0 and at most 1, was " + changedShare);
        }
        if (fixedChanges < 1) {
            throw new IllegalArgumentException("--fixed-changes must be at least 1, was " + fixedChanges);
        }
        if (webhooks < 1) {
            throw new IllegalArgumentException("--webhooks must be at least 1, was " + webhooks);
        }
    }

    /** The defaults: 10,000 then 100,000 products, 1% and 100 changed, 100 webhooks, emulators in a child JVM. */
    static BenchmarkOptions defaults() {
        return new BenchmarkOptions(List.of(10_000, 100_000), 0.01, 100, 100, 1, false, "6g");
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException with a sentence naming the bad option
     */
    static BenchmarkOptions parse(String... args) {
        BenchmarkOptions d = defaults();
        List<Integer> sizes = d.sizes();
        double changed = d.changedShare();
        int fixed = d.fixedChanges();
        int webhooks = d.webhooks();
        long seed = d.seed();
        boolean inProcess = d.inProcess();
        String heap = d.emulatorHeap();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            try {
                switch (arg) {
                    case "--sizes" -> {
                        List<Integer> parsed = new ArrayList<>();
                        for (String s : value(args, ++i, arg).split(",")) {
                            parsed.add(Integer.parseInt(s.strip().replace("_", "")));
                        }
                        sizes = parsed;
                    }
                    case "--changed" -> changed = Double.parseDouble(value(args, ++i, arg));
                    case "--fixed-changes" -> fixed = Integer.parseInt(value(args, ++i, arg));
                    case "--webhooks" -> webhooks = Integer.parseInt(value(args, ++i, arg));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                    case "--in-process" -> inProcess = true;
                    case "--emulator-heap" -> heap = value(args, ++i, arg);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(arg + " needs a number: " + e.getMessage(), e);
            }
        }
        return new BenchmarkOptions(sizes, changed, fixed, webhooks, seed, inProcess, heap);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
