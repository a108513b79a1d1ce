package com.golisto.sync.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Fault#oversizedBody(int)}: a 200 of exactly the asked size instead of the real answer, once per use. */
class OversizedBodyFaultTest {

    @Test
    void oversizedBody_servesA200OfExactlyThatSizeInsteadOfTheAnswer() throws Exception {
        try (EmulatorServerTest.EchoEmulator emulator = new EmulatorServerTest.EchoEmulator();
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            emulator.start();
            emulator.faults().inject("GET", "/things/\\d+", Fault.oversizedBody(100_000), 1);
            URI thing = URI.create(emulator.baseUri() + "/things/7");

            HttpResponse<String> faulted = http.send(HttpRequest.newBuilder(thing).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> normal = http.send(HttpRequest.newBuilder(thing).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(faulted.statusCode()).isEqualTo(200);
            assertThat(faulted.headers().firstValueAsLong("Content-Length")).hasValue(100_000L);
            assertThat(faulted.body()).hasSize(100_000).startsWith("{\"oversized\":\"xxx").endsWith("xx\"}");
            assertThat(normal.body()).isEqualTo("{\"id\":7,\"q\":\"\"}");
        }
    }

    @Test
    void oversizedBody_tooSmallToBeJson_isRefused() {
        assertThatThrownBy(() -> Fault.oversizedBody(15)).isInstanceOf(IllegalArgumentException.class);
    }
}
