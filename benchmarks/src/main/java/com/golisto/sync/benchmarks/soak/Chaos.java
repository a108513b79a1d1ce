package com.golisto.sync.benchmarks.soak;

import com.golisto.sync.sandbox.http.EmulatorServer;
import com.golisto.sync.sandbox.http.Fault;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Injects random faults into the emulators in proportion to the requests they get: after every 4 to 15 requests
 * (10 on average) an emulator gets a rule for its next 1 to 3 requests of any method and path, so that about one
 * request in five meets a fault however busy the runner is. What requests actually got is read back from the
 * emulators ({@link #served}). Driven by the soak's one thread, from its seeded {@link Random}.
 */
final class Chaos {
    /** The longest "slow answer"; the soak's timeouts are well beyond it. */
    static final Duration SLOWEST = Duration.ofSeconds(4);

    private final Random random;
    private final List<Target> targets;
    private final Fault oversized;
    private final int totalWeight;
    private final long[] nextAt;
    private final long[] base;

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
        this.nextAt = new long[this.targets.size()];
        this.base = new long[this.targets.size()];
        for (int i = 0; i < nextAt.length; i++) {
            base[i] = this.targets.get(i).server().requests().total();
            nextAt[i] = base[i] + gap();
        }
    }

    /** Adds a rule to each emulator that got enough requests since its last one and has no rule pending. */
    void tick() {
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            long total = target.server().requests().total();
            if (total >= nextAt[i] && target.server().faults().pending() == 0) {
                injectOne(target);
                nextAt[i] = total + gap();
            }
        }
    }

    /** How many requests each emulator answered since the chaos began, by name. */
    Map<String, Long> requests() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            out.put(targets.get(i).name(), targets.get(i).server().requests().total() - base[i]);
        }
        return out;
    }

    private long gap() {
        return 4 + random.nextInt(12);
    }

    private void injectOne(Target target) {
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
