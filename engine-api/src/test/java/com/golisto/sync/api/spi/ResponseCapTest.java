package com.golisto.sync.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A response body is read up to its cap; past it the read fails with an error naming the remote and the cap. */
class ResponseCapTest {

    private static final String REMOTE = "WooCommerce at shop.example";

    private final AtomicBoolean cancelled = new AtomicBoolean();

    @Test
    void bodyWithoutContentLength_isCutOffOnceItPassesTheCap_namingTheRemoteAndTheCap() {
        HttpResponse.BodySubscriber<byte[]> body = subscribe(10, Map.of());

        body.onNext(List.of(ByteBuffer.wrap(new byte[6])));
        body.onNext(List.of(ByteBuffer.wrap(new byte[6])));
        body.onComplete();

        assertThat(cancelled).isTrue();
        assertThatThrownBy(() -> body.getBody().toCompletableFuture().join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(ResponseCap.TooLargeException.class, e -> {
                    assertThat(e).hasMessage("the response body from WooCommerce at shop.example exceeds the cap of"
                            + " 10 bytes");
                    assertThat(e.remote()).isEqualTo(REMOTE);
                    assertThat(e.cap()).isEqualTo(10);
                });
    }

    @Test
    void declaredContentLengthAboveTheCap_failsBeforeAnyByteIsRead() {
        HttpResponse.BodySubscriber<byte[]> body = subscribe(10, Map.of("Content-Length", List.of("11")));

        assertThat(cancelled).isTrue();
        assertThatThrownBy(() -> body.getBody().toCompletableFuture().join())
                .hasCauseInstanceOf(ResponseCap.TooLargeException.class);
    }

    @Test
    void bodyUpToTheCap_isReadWhole() {
        HttpResponse.BodySubscriber<byte[]> body = subscribe(10, Map.of("Content-Length", List.of("10")));

        body.onNext(List.of(ByteBuffer.wrap(new byte[4]), ByteBuffer.wrap(new byte[6])));
        body.onComplete();

        assertThat(cancelled).isFalse();
        assertThat(body.getBody().toCompletableFuture().join()).hasSize(10);
    }

    @Test
    void find_seesTheCapFailureThroughWrapping_andNothingElse() {
        ResponseCap.TooLargeException tooLarge = new ResponseCap.TooLargeException(REMOTE, 10);

        assertThat(ResponseCap.find(new IOException("wrapped", tooLarge))).containsSame(tooLarge);
        assertThat(ResponseCap.find(new UncheckedIOException(new IOException("connection reset")))).isEmpty();
        assertThat(ResponseCap.find(null)).isEmpty();
    }

    @Test
    void capMustBePositive() {
        assertThatThrownBy(() -> ResponseCap.handler(REMOTE, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    private HttpResponse.BodySubscriber<byte[]> subscribe(long cap, Map<String, List<String>> headers) {
        HttpResponse.BodySubscriber<byte[]> body = ResponseCap.handler(REMOTE, cap).apply(responseInfo(headers));
        body.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                // the test pushes the items itself
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
        return body;
    }

    private static HttpResponse.ResponseInfo responseInfo(Map<String, List<String>> headers) {
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(headers, (a, b) -> true);
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
