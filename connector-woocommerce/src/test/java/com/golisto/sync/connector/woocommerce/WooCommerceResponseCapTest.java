package com.golisto.sync.connector.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.SettingProblem;
import com.golisto.sync.api.spi.SyncException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Responses are read with a cap (max-response-bytes): a huge answer fails the call, it does not fill the heap.
 * The cap itself ({@code ResponseCap}) is tested in engine-api.
 */
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
}
