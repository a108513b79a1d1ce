package com.golisto.sync.sandbox.golisto;

import static com.golisto.sync.sandbox.golisto.GolistoTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.sandbox.http.Fault;
import com.golisto.sync.sandbox.http.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GolistoEmulatorLimitsTest {

    private static final String STATUS = "/api/woocommerce/status";

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T10:00:00Z"));
    private GolistoEmulator golisto;
    private GolistoTestClient client;
    private GolistoTestClient.Store store;

    @BeforeEach
    void start() {
        golisto = GolistoEmulator.builder().clock(clock).rateLimit(3, Duration.ofMinutes(1)).build().start();
        client = new GolistoTestClient(golisto);
        store = client.approvedStore();
        clock.advance(Duration.ofMinutes(1)); // a fresh window after the setup's requests
    }

    @AfterEach
    void stop() {
        client.close();
        golisto.close();
    }

    @Test
    void rateLimit_countsDown_then429WithRetryAfter_untilTheWindowEnds() {
        HttpResponse<String> first = client.get(STATUS, store.token());
        clock.advance(Duration.ofSeconds(10));
        client.get(STATUS, store.token());
        HttpResponse<String> third = client.get(STATUS, store.token());
        HttpResponse<String> limited = client.get(STATUS, store.token());
        clock.advance(Duration.ofSeconds(50));
        HttpResponse<String> fresh = client.get(STATUS, store.token());

        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).contains("2");
        assertThat(third.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("50");
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(json(limited).at("/error/code").asText()).isEqualTo("rate_limited");
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.headers().firstValue("X-RateLimit-Remaining")).contains("2");
    }

    @Test
    void theConnectPage_isNotRateLimited() {
        for (int i = 0; i < 5; i++) {
            assertThat(client.connectPage("https://s.example", "EUR", "http://127.0.0.1:9/r", "s").statusCode())
                    .isEqualTo(302);
        }
    }

    @Test
    void injectedFaults_replaceTheAnswer_andAreCounted() {
        golisto.rateLimit(1000, Duration.ofMinutes(1));
        golisto.faults().inject("GET", STATUS, Fault.status(503, Duration.ofSeconds(5),
                GolistoEmulator.errorBody("unavailable", "maintenance")), 1);

        HttpResponse<String> faulted = client.get(STATUS, store.token());
        HttpResponse<String> normal = client.get(STATUS, store.token());

        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(faulted.headers().firstValue("Retry-After")).contains("5");
        assertThat(json(faulted).at("/error/code").asText()).isEqualTo("unavailable");
        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(golisto.requests().count("GET /api/woocommerce/status")).isEqualTo(2);
    }
}
