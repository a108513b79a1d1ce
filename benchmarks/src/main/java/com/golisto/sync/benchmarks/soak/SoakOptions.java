package com.golisto.sync.benchmarks.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the soak runs; parsed from the command line by {@link #parse}.
 *
 * @param duration how long faults, changes, sales and kills go on (the reconcile and checks come after)
 * @param seed the seed of every random choice (catalog, faults, changes, sales, kill times)
 * @param products the generated catalog's size (a fifth of it variable products with 4 variations each)
 * @param killMin the shortest time between two {@code kill -9} of the runner
 * @param killMax the longest time between two kills
 * @param convergeTimeout how long after the faults stop the invariants may take to hold
 * @param runnerJar the packaged runner's jar (app-standalone)
 * @param runnerLib the runner's {@code lib/} folder
 * @param workDir where the runner's data folder, configuration and logs go; null for a new temporary folder
 * @param commit the engine commit, for the summary
 */
record SoakOptions(Duration duration, long seed, int products, Duration killMin, Duration killMax,
                   Duration convergeTimeout, Path runnerJar, Path runnerLib, @Nullable Path workDir, String commit) {

    static final String USAGE = """
            Usage: bin/soak [--minutes 10] [--seed 1] [--products 200] [--kill-every 60-180] \
            [--converge-timeout 300] [--work-dir DIR]
              --minutes           how long the faults, catalog changes, sales and kills go on (default 10)
              --seed              seed of every random choice: catalog, faults, changes, sales, kill times (default 1)
              --products          size of the generated shop catalog (default 200)
              --kill-every        seconds between two kill -9 of the runner, drawn from MIN-MAX (default 60-180)
              --converge-timeout  seconds the invariants may take to hold once the faults stop (default 300)
              --work-dir          keep the runner's data, configuration and logs there (default: a new temp folder)
            Prints progress on stderr, then a summary and a Markdown table (docs/reliability.md) on stdout.
            Exit code 0 when every invariant holds, 1 when one fails, 2 on a usage error.""";

    SoakOptions {
        Objects.requireNonNull(runnerJar, "runnerJar");
        Objects.requireNonNull(runnerLib, "runnerLib");
        Objects.requireNonNull(commit, "commit");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--minutes must be positive");
        }
        if (products < 10) {
            throw new IllegalArgumentException("--products must be at least 10, was " + products);
        }
        if (killMin.isNegative() || killMin.isZero() || killMax.compareTo(killMin) < 0) {
            throw new IllegalArgumentException("--kill-every needs 0 < MIN <= MAX seconds");
        }
        if (convergeTimeout.isNegative() || convergeTimeout.isZero()) {
            throw new IllegalArgumentException("--converge-timeout must be positive");
        }
    }

    /**
     * Parses the command line ({@code --runner-jar}, {@code --runner-lib} and {@code --commit} come from
     * {@code bin/soak}).
     *
     * @throws IllegalArgumentException with a sentence naming the bad option
     */
    static SoakOptions parse(String... args) {
        double minutes = 10;
        long seed = 1;
        int products = 200;
        long killMin = 60;
        long killMax = 180;
        long converge = 300;
        Path jar = null;
        Path lib = null;
        Path work = null;
        String commit = "unknown";
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--minutes" -> minutes = Double.parseDouble(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--products" -> products = Integer.parseInt(value);
                    case "--kill-every" -> {
                        String[] range = value.split("-", 2);
                        killMin = Long.parseLong(range[0].trim());
                        killMax = range.length == 2 ? Long.parseLong(range[1].trim()) : killMin;
                    }
                    case "--converge-timeout" -> converge = Long.parseLong(value);
                    case "--runner-jar" -> jar = Path.of(value);
                    case "--runner-lib" -> lib = Path.of(value);
                    case "--work-dir" -> work = Path.of(value);
                    case "--commit" -> commit = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, not " + value, e);
            }
        }
        if (jar == null || lib == null) {
            throw new IllegalArgumentException("--runner-jar and --runner-lib are required (bin/soak passes them)");
        }
        return new SoakOptions(Duration.ofMillis(Math.round(minutes * 60_000)), seed, products,
                Duration.ofSeconds(killMin), Duration.ofSeconds(killMax), Duration.ofSeconds(converge), jar, lib,
                work, commit);
    }
}
