package com.golisto.sync.connector.golisto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.ConnectionLifecycle;
import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.SettingProblem;
import com.golisto.sync.api.spi.SyncException;
import com.golisto.sync.sandbox.http.Fault;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Golisto's answers are read with a cap (max-response-bytes): a huge answer fails the call, not the heap. */
class GolistoResponseCapTest {

    private static final String STATUS = "/api/woocommerce/status";

    private final GolistoTestStore store = new GolistoTestStore(Map.of("max-response-bytes", "4096"));
    private final ConnectionLifecycle lifecycle = store.connector.connectionLifecycle().orElseThrow();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void answerLargerThanTheCap_failsAsAnExternalNonRetryableErrorNamingTheHostAndTheCap() throws Exception {
        store.connectAndApprove();
        // a well-formed status answer, padded past the cap: without the cap it would be read and parsed
        String huge = "{\"status\":\"approved\",\"padding\":\"" + "x".repeat(64 * 1024) + "\"}";
        store.golisto.faults().inject("GET", STATUS, Fault.status(200, null, huge), 1);

        assertThatThrownBy(lifecycle::status).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e).isNotInstanceOf(RetryableException.class);
            assertThat(e.category()).isEqualTo(ErrorCategory.EXTERNAL);
            assertThat(e.getMessage()).contains("Golisto (" + store.golisto.apiBaseUri().getHost() + ")")
                    .contains("GET /api/woocommerce/status").contains("4096 bytes").contains("max-response-bytes")
                    .doesNotContain(store.apiToken);
        });
        assertThat(store.context.requests).contains("GET /api/woocommerce/status -1");
        // the next, normal-sized answer is read
        assertThat(lifecycle.status().status()).isEqualTo(ConnectionStatus.APPROVED);
    }

    @Test
    void descriptor_declaresTheCapWith32MiBByDefault() {
        assertThat(store.provider.descriptor().setting("max-response-bytes").orElseThrow().defaultValue())
                .isEqualTo(Integer.toString(32 * 1024 * 1024));
    }

    @Test
    void capOutsideItsRange_isASettingProblem() {
        assertThatThrownBy(() -> store.open(Map.of("max-response-bytes", "100")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingProblem::setting).containsExactly("max-response-bytes"));
    }
}
