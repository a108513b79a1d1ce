package com.golisto.sync.benchmarks.soak;

import com.golisto.sync.sandbox.http.EmulatorServer;
import com.golisto.sync.sandbox.http.Fault;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Injects one random fault at a time into one of the emulators: a rule for the next 1 to 3 requests of any
 * method and path. What requests actually got is read back from the emulators ({@link #served}). Driven by the
 * soak's one thread, from its seeded {@link Random}.
 */
final class Chaos {
    /** The longest "slow answer"; the soak's timeouts are well beyond it. */
    static final Duration SLOWEST = Duration.ofSeconds(4);

    private final Random random;
    private final List<Target> targets;
    private final Fault oversized;
    private final int totalWeight;

    /**
     * One emulator the chaos may hit.
     *
     * @param name how the summary names it
     * @param server the emulator
     * @param timeout a latency beyond the runner's request timeout toward it
     */
    record Target(String name, EmulatorServer server, Duration timeout) {
    }

    /**
     * @param oversizedBytes the size of an oversized answer: above every response cap of the runner
     */
    Chaos(Random random, List<Target> targets, int oversizedBytes) {
        this.random = random;
        this.targets = List.copyOf(targets);
        this.oversized = Fault.oversizedBody(oversizedBytes);
        int sum = 0;
        for (FaultKind kind : FaultKind.values()) {
            sum += kind.weight();
        }
        this.totalWeight = sum;
    }

    /** Adds one random rule to one random emulator; returns what, for the progress log. */
    String injectOne() {
        Target target = targets.get(random.nextInt(targets.size()));
        FaultKind kind = draw();
        int times = 1 + random.nextInt(3);
        Fault fault = switch (kind) {
            case RATE_LIMITED -> Fault.status(429, Duration.ofSeconds(1 + random.nextInt(3)), null);
            case UNAVAILABLE -> Fault.status(503);
            case RESET -> Fault.connectionReset();
            case TIMEOUT -> Fault.latency(target.timeout());
            case SLOW -> Fault.latency(Duration.ofMillis(1_000 + random.nextInt(3_000)));
            case TRUNCATED -> Fault.truncatedBody();
            case OVERSIZED -> oversized;
        };
        target.server().faults().inject("*", ".*", fault, times);
        return kind.label() + " x" + times + " on " + target.name();
    }

    private FaultKind draw() {
        int pick = random.nextInt(totalWeight);
        for (FaultKind kind : FaultKind.values()) {
            pick -= kind.weight();
            if (pick < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights");
    }

    /** Removes every pending fault rule (requests already held by a latency fault still finish). */
    void stop() {
        targets.forEach(t -> t.server().faults().clear());
    }

    /** How many requests got each kind of fault, by emulator name then kind. */
    Map<String, Map<FaultKind, Long>> served() {
        Map<String, Map<FaultKind, Long>> out = new java.util.LinkedHashMap<>();
        for (Target target : targets) {
            Map<FaultKind, Long> byKind = new EnumMap<>(FaultKind.class);
            target.server().faults().served()
                    .forEach((fault, n) -> byKind.merge(FaultKind.of(fault, SLOWEST), n, Long::sum));
            out.put(target.name(), byKind);
        }
        return out;
    }
}
