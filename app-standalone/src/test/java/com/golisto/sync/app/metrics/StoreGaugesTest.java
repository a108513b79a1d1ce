package com.golisto.sync.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.StoreMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreGaugesTest {

    @Test
    void theShopConcurrencyGauge_showsEachStoresCurrentLimit_andNothingForAStoreWhoseShopIsNotOpen() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StoreGauges gauges = new StoreGauges(registry, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        gauges.refresh(List.of(
                new StoreMetrics("busy", 0, 0, 0, Map.of(), null, Map.of(), 2),
                new StoreMetrics("idle", 0, 0, 0, Map.of(), null, Map.of(), 0)));

        assertThat(registry.get("golisto.sync.shop.concurrency").tag("store", "busy").gauge().value())
                .isEqualTo(2.0);
        assertThat(registry.find("golisto.sync.shop.concurrency").tag("store", "idle").gauge()).isNull();
    }
}
