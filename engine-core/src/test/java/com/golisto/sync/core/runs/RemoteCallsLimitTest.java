package com.golisto.sync.core.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.retry.RetryPolicy;
import com.golisto.sync.core.runtime.ShopConcurrencyLimit;
import com.golisto.sync.core.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RemoteCallsLimitTest {

    private final FakeClock clock = FakeClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final ShopConcurrencyLimit limit = new ShopConcurrencyLimit(4, true, clock);
    private final RemoteCalls calls = new RemoteCalls(
            new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), 0, d -> { }), limit, () -> null);

    @Test
    void aTransientShopFailure_halvesTheLimit_andReleasesThePermit() {
        assertThatThrownBy(() -> calls.shopOnce(() -> {
            throw new RetryableException("429 Too Many Requests", null);
        })).isInstanceOf(RetryableException.class);

        assertThat(limit.limit()).isEqualTo(2);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void anotherFailure_releasesThePermit_withoutChangingTheLimit() {
        assertThatThrownBy(() -> calls.shop("read", () -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(limit.limit()).isEqualTo(4);
        assertThat(limit.inFlight()).isZero();
    }
}
