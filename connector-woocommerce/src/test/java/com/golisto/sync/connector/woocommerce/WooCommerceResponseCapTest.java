package com.golisto.sync.connector.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.SettingProblem;
import com.golisto.sync.api.spi.SyncException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Responses are read with a cap (max-response-bytes): a huge answer fails the call, it does not fill the heap. */
class WooCommerceResponseCapTest {

    private final WooCommerceConnectorProvider provider = new WooCommerceConnectorProvider();

    @Test
    void pageLargerThanTheCap_failsAsAnExternalNonRetryableErrorNamingTheStoreAndTheCap() throws Exception {
        // the sample catalog's one page of 18 products is far more than 4 KiB
        try (WooFixture fx = WooFixture.withSampleCatalog(Map.of("max-response-bytes", "4096"))) {
            assertThatThrownBy(() -> fx.connector.catalogSource().orElseThrow().readAll(null))
                    .isInstanceOfSatisfying(SyncException.class, e -> {
                        assertThat(e).isNotInstanceOf(RetryableException.class);
                        assertThat(e.category()).isEqualTo(ErrorCategory.EXTERNAL);
                        assertThat(e.getMessage()).contains("WooCommerce GET /products")
                                .contains("at " + fx.emulator.baseUri().getHost()).contains("4096 bytes")
                                .contains("max-response-bytes").doesNotContain("oauth_signature");
                    });
        }
    }

    @Test
    void pageWithinTheDefaultCap_isRead() throws Exception {
        try (WooFixture fx = WooFixture.withSampleCatalog(Map.of())) {
            assertThat(fx.connector.catalogSource().orElseThrow().readAll(null).items()).hasSize(18);
        }
    }

    @Test
    void descriptor_declaresTheCapWith32MiBByDefault() {
        assertThat(provider.descriptor().setting("max-response-bytes").orElseThrow().defaultValue())
                .isEqualTo(Integer.toString(32 * 1024 * 1024));
    }

    @Test
    void capOutsideItsRange_isASettingProblem() {
        assertThatThrownBy(() -> WooCommerceConfig.from(provider.descriptor().validate(Map.of(
                "url", "https://shop.example", "max-response-bytes", "100"))))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingProblem::setting).containsExactly("max-response-bytes"));
    }

    @Test
    void bodyWithoutContentLength_isCutOffOnceItPassesTheCap() {
        HttpResponse.BodySubscriber<byte[]> body = WooCommerceResponseCap.handler(10).apply(responseInfo());
        AtomicBoolean cancelled = new AtomicBoolean();
        body.onSubscribe(subscription(cancelled));

        body.onNext(List.of(ByteBuffer.wrap(new byte[6])));
        body.onNext(List.of(ByteBuffer.wrap(new byte[6])));
        body.onComplete();

        assertThat(cancelled).isTrue();
        assertThatThrownBy(() -> body.getBody().toCompletableFuture().join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WooCommerceResponseCap.TooLarge.class).hasMessageContaining("exceeds 10 bytes");
    }

    @Test
    void bodyUpToTheCap_isReadWhole() {
        HttpResponse.BodySubscriber<byte[]> body = WooCommerceResponseCap.handler(10).apply(responseInfo());
        AtomicBoolean cancelled = new AtomicBoolean();
        body.onSubscribe(subscription(cancelled));

        body.onNext(List.of(ByteBuffer.wrap(new byte[4]), ByteBuffer.wrap(new byte[6])));
        body.onComplete();

        assertThat(cancelled).isFalse();
        assertThat(body.getBody().toCompletableFuture().join()).hasSize(10);
    }

    private static HttpResponse.ResponseInfo responseInfo() {
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public java.net.http.HttpHeaders headers() {
                return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
            }

            @Override
            public java.net.http.HttpClient.Version version() {
                return java.net.http.HttpClient.Version.HTTP_1_1;
            }
        };
    }

    private static Flow.Subscription subscription(AtomicBoolean cancelled) {
        return new Flow.Subscription() {
            @Override
            public void request(long n) {
                // the test pushes the items itself
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        };
    }
}
