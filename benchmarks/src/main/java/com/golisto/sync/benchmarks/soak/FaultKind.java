package com.golisto.sync.benchmarks.soak;

import com.golisto.sync.sandbox.http.Fault;
import java.time.Duration;

/** The kinds of misbehaviour the soak has the emulators show, with the weight of each in the random draw. */
enum FaultKind {
    /** {@code 429} with {@code Retry-After} (1 to 3 s). */
    RATE_LIMITED("429 + Retry-After", 20),
    /** {@code 503}, no {@code Retry-After}. */
    UNAVAILABLE("503", 20),
    /** The connection closed without an answer. */
    RESET("connection reset", 15),
    /** An answer later than the client's request timeout (the emulator still carries the request out). */
    TIMEOUT("timeout", 8),
    /** An answer 1 to 4 s late. */
    SLOW("slow answer", 15),
    /** The declared length, half of the body, then the connection closed. */
    TRUNCATED("truncated body", 12),
    /** A 200 bigger than the runner's {@code max-response-bytes} cap. */
    OVERSIZED("oversized answer", 10);

    private final String label;
    private final int weight;

    FaultKind(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }

    /** How the soak's summary names it. */
    String label() {
        return label;
    }

    int weight() {
        return weight;
    }

    /**
     * The kind of a fault the soak injected.
     *
     * @param slowest the longest latency counted as a slow answer; longer ones are timeouts
     */
    static FaultKind of(Fault fault, Duration slowest) {
        return switch (fault) {
            case Fault.Latency latency -> latency.delay().compareTo(slowest) > 0 ? TIMEOUT : SLOW;
            case Fault.Status status -> status.code() == 429 ? RATE_LIMITED : status.code() == 200 ? OVERSIZED
                    : UNAVAILABLE;
            case Fault.ConnectionReset reset -> RESET;
            case Fault.Hold hold -> SLOW;
            case Fault.TruncatedBody truncated -> TRUNCATED;
        };
    }
}
