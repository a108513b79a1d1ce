package com.golisto.sync.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link FaultInjector#served()}: what requests actually got, by fault, kept across {@link FaultInjector#clear()}. */
class FaultInjectorServedTest {

    @Test
    void served_countsEachFaultAsRequestsTakeIt_notAsItIsInjected() {
        FaultInjector faults = new FaultInjector();
        faults.inject("GET", "/a", Fault.status(429, Duration.ofSeconds(2), null), 3);
        faults.inject("*", ".*", Fault.connectionReset(), 5);

        faults.next("GET", "/a");
        faults.next("GET", "/a");
        faults.next("POST", "/b");

        assertThat(faults.served()).containsOnly(
                java.util.Map.entry(Fault.status(429, Duration.ofSeconds(2), null), 2L),
                java.util.Map.entry(Fault.connectionReset(), 1L));
        faults.clear();
        assertThat(faults.next("GET", "/a")).isEmpty();
        assertThat(faults.served()).containsEntry(Fault.connectionReset(), 1L).hasSize(2);
    }
}
